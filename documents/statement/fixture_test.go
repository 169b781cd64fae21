package statement_test

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Sari Wulandari is invented: her NIK has a real NIK's structure (Kota
// Bandung 32.73.01, born 14 May 1990 as a woman: day + 40, serial 0012),
// her card number is eleven digits no card has been seen with.
const (
	sariKPJ = "90012345678"
	sariNIK = "3273015405900012"
	// The spouse in the beneficiaries' block, which must never be kept.
	spouseName = "Agus Permana Kusuma"
)

// sari is a normal year: twelve months paid on the 10th of the next month,
// posted the day after, a raise in January, an opening balance.
func sari(year int) printout.Statement {
	s := printout.Statement{
		Year: year, Printed: time.Date(year+1, time.January, 20, 0, 0, 0, 0, time.UTC),
		Branch: "Bandung Suci", OpenedJHT: day("2015-03-01"), OpenedJP: day("2015-07-01"),
		NPP: "15012345", Division: "001", JPMonths: max(0, 12*(year-2015)), Employer: "PT Kain Halus Priangan",
		KPJ: sariKPJ, NIK: sariNIK, EmpNo: "K-0231", Name: "Sari Wulandari", Birth: day("1990-05-14"),
		Address: "Jl. Contoh Raya No. 12 RT 03/RW 05", City: "Kota Bandung",
		Beneficiaries: []printout.Beneficiary{
			{Relation: "Suami", Name: spouseName, Birth: day("1988-11-02")},
			{Relation: "Anak", Name: "Nadia Putri Kusuma", Birth: day("2016-04-21")},
		},
	}
	wage := int64(4_200_000+100_000*(year-2020)) * 100
	var jp int64
	for m := range 12 {
		p := time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		paid := p.AddDate(0, 1, 9)
		r := printout.Row{Paid: paid, Period: p, Posted: paid.AddDate(0, 0, 1), Wage: wage,
			JHTEmployer: wage * 37 / 1000, JHTWorker: wage * 2 / 100, JPEmployer: wage * 2 / 100, JPWorker: wage / 100}
		jp += r.JPEmployer + r.JPWorker
		s.Rows = append(s.Rows, r)
	}
	s.JPAccumulated = jp * int64(max(1, year-2015))
	t := s.Sum()
	s.Summary = printout.Summary{Opening: 23_456_789_00, Employer: t.JHTEmployer, Worker: t.JHTWorker, Development: 1_234_567_89}
	s.Summary.Closing = s.Summary.Opening + s.Summary.Employer + s.Summary.Worker + s.Summary.Development
	return s
}

func mustPDF(tb testing.TB, s printout.Statement, l printout.Layout) []byte {
	tb.Helper()
	b, err := s.PDF(l)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// rawPDF writes a minimal PDF around the given objects (numbered from 1,
// the first the catalog), with a correct cross-reference table.
func rawPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objects))
	for i, o := range objects {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// bombBytes is zlib data of just over MaxStreamBytes zeros, a few
// kilobytes, made once (compressing 17 MB is slow under -race).
var bombBytes = sync.OnceValue(func() []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	chunk := make([]byte, 1<<20)
	for n := 0; n <= documents.MaxStreamBytes; n += len(chunk) {
		zw.Write(chunk)
	}
	zw.Close()
	return z.Bytes()
})

// flateBomb is a one-page PDF whose content stream is a few kilobytes that
// inflate to more than MaxStreamBytes.
func flateBomb() []byte {
	z := bombBytes()
	return rawPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(z), z),
	)
}

// plainPDF is a one-page PDF with the given text lines in Helvetica.
func plainPDF(lines ...string) []byte {
	var c bytes.Buffer
	c.WriteString("BT /F1 10 Tf 40 750 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&c, "(%s) Tj T*\n", l)
	}
	c.WriteString("ET")
	return rawPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
}

// a85 is ASCII85 with its end marker, as a PDF filter reads it.
func a85(b []byte) string {
	buf := make([]byte, ascii85.MaxEncodedLen(len(b)))
	return string(buf[:ascii85.Encode(buf, b)]) + "~>"
}
