package statement

import (
	"bytes"
	"encoding/csv"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

func sample() Input {
	mc := func(y int, m time.Month, kpj, emp string, wage member.Rupiah) member.MonthContribution {
		jht := wage * 57 / 1000
		jp := wage * 3 / 100
		return member.MonthContribution{Period: month(y, m), KPJ: kpj, EmployerName: emp, ReportedWage: wage,
			JHT: jht, JP: jp, JKK: wage * 24 / 10000, JKM: wage * 3 / 1000, JKP: wage * 46 / 10000,
			Total:    jht + jp + wage*24/10000 + wage*3/1000 + wage*46/10000,
			PaidDate: time.Date(y, m, 10, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)}
	}
	c2025 := member.Contributions{Year: 2025, Months: []member.MonthContribution{
		mc(2025, time.November, "18012345678", "PT Maju Jaya", 8_000_000),
		mc(2025, time.December, "18012345678", "PT Maju Jaya", 8_000_000),
	}}
	c2026 := member.Contributions{Year: 2026, Months: []member.MonthContribution{
		mc(2026, time.January, "18012345678", "PT Maju Jaya", 8_500_000),
		mc(2026, time.February, "18012345678", "PT Maju Jaya", 8_500_000),
	}}
	return Input{
		Member: member.Member{FullName: "Budi Santoso", NIKMasked: "3174••••••••0001",
			Cards: []member.KPJCard{{KPJ: "18012345678"}, {KPJ: "09011223344"}}},
		Balance: member.Balance{AsOf: month(2026, time.March), Total: 150_000_000, Accounts: []member.BalanceAccount{
			{KPJ: "18012345678", EmployerName: "PT Maju Jaya", Employer: 70_000_000, Worker: 30_000_000, Development: 20_000_000, Total: 120_000_000,
				History: []member.YearBalance{{Year: 2025, Employer: 3_000_000, Worker: 1_500_000, Development: 2_000_000, Closing: 110_000_000}}},
			{KPJ: "09011223344", EmployerName: "CV Sentosa", Employer: 20_000_000, Worker: 6_000_000, Development: 4_000_000, Total: 30_000_000},
		}},
		Contributions: map[int]member.Contributions{2025: c2025, 2026: c2026},
		From:          month(2025, time.December),
		To:            month(2026, time.January),
		GeneratedAt:   time.Date(2026, 3, 5, 7, 30, 0, 0, time.UTC),
		AsOf:          time.Date(2026, 3, 5, 2, 0, 0, 0, time.UTC),
	}
}

func TestCSV_ParsesBackWithIndonesianHeadersAndWholeRupiah(t *testing.T) {
	t.Parallel()
	b, err := CSV(sample())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatal("no UTF-8 byte-order mark")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CSVHeader,
		{"2025-12", "18012345678", "PT Maju Jaya", "8000000", "456000", "240000", "19200", "24000", "36800", "776000", "2026-01-10"},
		{"2026-01", "18012345678", "PT Maju Jaya", "8500000", "484500", "255000", "20400", "25500", "39100", "824500", "2026-02-10"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %d, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	if rows[0][0] != "Periode" || rows[0][3] != "Upah dilaporkan" || rows[0][10] != "Tanggal bayar" {
		t.Errorf("header = %q", rows[0])
	}
}

func TestCSV_EmptyPeriodRefused(t *testing.T) {
	t.Parallel()
	in := sample()
	in.From, in.To = in.To, in.From
	if _, err := CSV(in); !errors.Is(err, ErrEmptyPeriod) {
		t.Fatalf("err = %v", err)
	}
	if _, err := PDF(in); !errors.Is(err, ErrEmptyPeriod) {
		t.Fatalf("err = %v", err)
	}
}

// pdfTexts pulls the strings of the Tj text objects out of an uncompressed
// PDF, undoing the escapes fpdf writes.
func pdfTexts(b []byte) []string {
	re := regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) ?Tj`)
	var out []string
	for _, m := range re.FindAllSubmatch(b, -1) {
		s := string(m[1])
		s = strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(s)
		out = append(out, s)
	}
	return out
}

func TestPDF_CarriesWhoWhenPeriodTotalsAndDisclaimer(t *testing.T) {
	t.Parallel()
	b, err := buildPDF(sample(), false)
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(pdfTexts(b), "\n")
	// The masked NIK's bullets are cp1252 0x95 in the file.
	for _, want := range []string{
		"Budi Santoso",
		"3174\x95\x95\x95\x95\x95\x95\x95\x950001",
		"18012345678, 09011223344",
		"Desember 2025 - Januari 2026",
		"5 Maret 2026 14.30 WIB", // generated, Jakarta time
		"5 Maret 2026 09.00 WIB", // data as of
		"Rp 150.000.000",         // balance total
		"Rp 16.500.000",          // wages of the two months
		"Rp 1.600.500",           // contributions total
		"Rp 110.000.000",         // 2025 closing balance of the first card
		"bukan dokumen resmi BPJS Ketenagakerjaan",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, s := range pdfTexts(b) {
		if s == "November 2025" || s == "Februari 2026" {
			t.Errorf("PDF holds the month %s, outside the period", s)
		}
	}
}

func TestPDF_CompressedIsAWholeDocument(t *testing.T) {
	t.Parallel()
	b, err := PDF(sample())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-16:], []byte("%%EOF")) {
		t.Fatal("not a complete PDF")
	}
	if bytes.Contains(b, []byte("Budi Santoso) Tj")) {
		t.Error("content stream not compressed")
	}
}

func TestRange(t *testing.T) {
	t.Parallel()
	first, last, ok := Range(sample().Contributions)
	if !ok || !first.Equal(month(2025, time.November)) || !last.Equal(month(2026, time.February)) {
		t.Fatalf("Range = %v %v %v", first, last, ok)
	}
	if _, _, ok := Range(nil); ok {
		t.Fatal("Range(nil) ok")
	}
}

func TestPDF_LongPeriodRepeatsTheHeaderOnEveryPage(t *testing.T) {
	t.Parallel()
	in := sample()
	c := member.Contributions{Year: 2020}
	for i := 0; i < 48; i++ {
		p := month(2020, time.January).AddDate(0, i, 0)
		c.Months = append(c.Months, member.MonthContribution{Period: p, KPJ: "18012345678", EmployerName: "PT Maju Jaya", ReportedWage: 5_000_000, Total: 500_000})
	}
	in.Contributions = map[int]member.Contributions{2020: c}
	in.From, in.To = month(2020, time.January), month(2023, time.December)
	b, err := buildPDF(in, false)
	if err != nil {
		t.Fatal(err)
	}
	texts := pdfTexts(b)
	headers, lastPage := 0, ""
	for _, s := range texts {
		if s == "Upah dilaporkan" {
			headers++
		}
		if strings.HasPrefix(s, "Halaman ") {
			lastPage = s
		}
	}
	if headers < 2 {
		t.Fatalf("%d table headers, last page %q", headers, lastPage)
	}
	if !strings.HasPrefix(lastPage, "Halaman "+strconv.Itoa(headers)+" dari ") {
		t.Errorf("%d pages with a header, footer %q", headers, lastPage)
	}
	if !strings.Contains(strings.Join(texts, "\n"), "Rp 24.000.000") {
		t.Error("48 months of 500.000 do not total Rp 24.000.000")
	}
}
