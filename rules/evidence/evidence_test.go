package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
)

// An invented member, card, NIK and employer (no real person's).
const (
	kpj = "11000000001"
	nik = "3174019901900001"
)

func mo(y int, m time.Month) time.Time { return member.Month(y, m) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func row(p time.Time, jhtW, jpW int64, paid time.Time) member.MonthContribution {
	return member.MonthContribution{Period: p, KPJ: kpj, EmployerName: "PT Maju Jaya", ReportedWage: 5_000_000,
		JHTEmployer: 185_000, JHTWorker: member.Rupiah(jhtW), JPEmployer: 100_000, JPWorker: member.Rupiah(jpW), PaidDate: paid,
		Source: &member.Source{File: "rsjht-2025.pdf", SHA256: "cd", Page: 1, Line: 10 + int(p.Month())}}
}

// sample: payslips of Rp5.000.000 deduct JHT 100.000 + JP 50.000 =
// 150.000 a month, January to June 2025; as of 10 July 2025 June is not
// yet owed (its deadline is 15 July).
//
//	month  deducted  credited           gap
//	Jan    150.000   100.000 + 50.000   0
//	Feb    150.000   nothing            150.000
//	Mar    150.000   100.000            50.000
//	Apr    150.000   99.999 + 50.000    0 (Rp1: rounding)
//	May    150.000   99.997 + 50.000    3
//	Jun    150.000   nothing            0 (not yet due)
//	total  900.000   549.996            200.003
func sample() Input {
	rows := []member.MonthContribution{
		row(mo(2025, 1), 100_000, 50_000, day(2025, 2, 10)),
		row(mo(2025, 3), 100_000, 0, day(2025, 4, 10)),
		row(mo(2025, 4), 99_999, 50_000, day(2025, 5, 10)),
		row(mo(2025, 5), 99_997, 50_000, day(2025, 6, 10)),
	}
	in := Input{
		Data: payslip.Input{
			Member: member.Member{FullName: "Rina Contoh", NIKMasked: "3174********0001",
				Cards: []member.KPJCard{{KPJ: kpj, EmployerName: "PT Maju Jaya", NPP: "12345678"}}},
			Contributions: map[int]member.Contributions{2025: {Year: 2025, Months: rows}},
			AsOf:          day(2025, 7, 10),
		},
		KPJ: kpj, NIK: nik, GeneratedAt: day(2025, 7, 12),
		Documents: []Document{
			{Name: "slip-gaji-2025.csv", Content: []byte("Periode;Gaji Pokok;JHT;JP\n2025-01;5.000.000;100.000;50.000\n")},
			{Name: "rsjht-2025.pdf", Content: []byte("%PDF-1.4 an invented statement, not a real one")},
		},
	}
	for m := time.January; m <= time.June; m++ {
		in.Data.Payslips = append(in.Data.Payslips, member.Payslip{Period: mo(2025, m), KPJ: kpj, Employer: "PT Maju Jaya",
			BasicWage: 5_000_000, DeductJHT: 100_000, DeductJP: 50_000,
			Source: member.Source{File: "slip-gaji-2025.csv", SHA256: "ab", Line: int(m) + 1}})
	}
	return in
}

func TestBuild_TotalsPeriodAndMasking(t *testing.T) {
	t.Parallel()
	p, err := Build(sample())
	if err != nil {
		t.Fatal(err)
	}
	if p.Deducted != 900_000 || p.Credited != 549_996 || p.Gap != 200_003 {
		t.Errorf("totals %d %d %d, want 900.000 549.996 200.003", p.Deducted, p.Credited, p.Gap)
	}
	if p.KPJ != "•••••••0001" || p.NIK != "••••••••••••0001" || p.Name != "Rina Contoh" || p.NPP != "12345678" || p.Employer != "PT Maju Jaya" {
		t.Errorf("identity %q %q %q %q %q", p.Name, p.NIK, p.KPJ, p.Employer, p.NPP)
	}
	if !p.From.Equal(mo(2025, 1)) || !p.To.Equal(mo(2025, 6)) || len(p.Months) != 6 {
		t.Errorf("period %s–%s, %d months", p.From, p.To, len(p.Months))
	}
	if len(p.Findings) == 0 || p.Findings[0].Kind != payslip.KindNotDeposited || p.Findings[0].Amount != 200_003 {
		t.Errorf("findings %+v", p.Findings)
	}
	// The server's masked NIK is masked again the same way.
	in := sample()
	in.NIK = ""
	if p, _ := Build(in); p.NIK != "••••••••••••0001" {
		t.Errorf("masked NIK %q", p.NIK)
	}
	// A period cuts the months and the findings.
	in = sample()
	in.From, in.To = mo(2025, 3), mo(2025, 4)
	p, err = Build(in)
	if err != nil || len(p.Months) != 2 || p.Gap != 50_000 || p.Findings[0].Amount != 50_000 {
		t.Errorf("March–April: %v, %d months, gap %d, %+v", err, len(p.Months), p.Gap, p.Findings)
	}
}

func TestBuild_Refusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		edit func(*Input)
		want *Error
	}{
		{"unknown card", func(in *Input) { in.KPJ = "19999999999" }, ErrUnknownCard},
		{"no card", func(in *Input) { in.KPJ = "" }, ErrUnknownCard},
		{"period backwards", func(in *Input) { in.From, in.To = mo(2025, 5), mo(2025, 2) }, ErrBadPeriod},
		{"nothing in the period", func(in *Input) { in.From, in.To = mo(2030, 1), mo(2030, 12) }, ErrNoMonths},
	} {
		in := sample()
		tc.edit(&in)
		if _, err := PDF(in); !errors.Is(err, tc.want) {
			t.Errorf("%s: PDF error %v, want %v", tc.name, err, tc.want)
		}
		if _, err := CSV(in); !errors.Is(err, tc.want) {
			t.Errorf("%s: CSV error %v, want %v", tc.name, err, tc.want)
		}
		if tc.want.Text(member.ID) == tc.want.Text(member.EN) || tc.want.Text(member.ID) == "" {
			t.Errorf("%s: the sentence is not in both languages", tc.name)
		}
	}
}

func TestMaskLast4(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"11000000001": "•••••••0001", "3174********0001": "••••••••••••0001", " 1234 ": "••••", "12": "••", "": "",
	} {
		if got := MaskLast4(in); got != want {
			t.Errorf("MaskLast4(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPDF_ReadBack reads the compressed PDF the member gets: its
// structure, the text of its pages and its attachments.
func TestPDF_ReadBack(t *testing.T) {
	t.Parallel()
	in := sample()
	b, err := PDF(in)
	if err != nil {
		t.Fatal(err)
	}
	checkStructure(t, b)
	text := pdfText(t, b)
	for _, want := range []string{
		"Bukti potongan iuran BPJS Ketenagakerjaan", "Evidence of BPJS Ketenagakerjaan deductions",
		"Rina Contoh", "••••••••••••0001", "•••••••0001", "PT Maju Jaya", "12345678",
		"Januari 2025 – Juni 2025 / January 2025 – June 2025",
		// The table: February deducted and nothing credited, the totals.
		"Februari 2025 Rp 150.000 - Rp 150.000", "tidak ada iuran / nothing credited",
		"Juni 2025 Rp 150.000 - Rp 0", "belum jatuh tempo / not yet due",
		"Jumlah / Total Rp 900.000 Rp 549.996 Rp 200.003",
		// The finding with its rule and citation, in both languages.
		"Dipotong tapi tidak disetor / Deducted but not paid in: Rp 200.003",
		"Rp 200.003 dipotong dari upah Anda", "Rp 200.003 deducted from your wage",
		"UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55", "Law 24/2011 Article 19(1)–(2) and Article 55",
		"UU 24/2011 Pasal 19 ayat (1) dan (2)", "UU 24/2011 Pasal 55", "Law 24/2011 Article 55",
		// The documents, with their SHA-256.
		"slip-gaji-2025.csv", "rsjht-2025.pdf", sha(in.Documents[0].Content), sha(in.Documents[1].Content),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	// Where to go, in order, in both languages.
	last := -1
	for _, step := range []string{"1. Bagian HRD", "1. The employer's HR", "2. BPJS Ketenagakerjaan: menu pengaduan di aplikasi JMO",
		"call center 175", "2. BPJS Ketenagakerjaan: the complaint menu", "3. Pengawas ketenagakerjaan", "Disnaker",
		"3. The labour inspector", "4. Lapor Menaker", "4. Lapor Menaker, the Ministry"} {
		i := strings.Index(text, step)
		if i <= last {
			t.Errorf("%q at %d, after %d: not in order", step, i, last)
		}
		last = max(i, last)
	}
	// Neither the whole card number nor the whole NIK is on the pages.
	for _, secret := range []string{kpj, nik} {
		if strings.Contains(text, secret) {
			t.Errorf("the PDF's text shows %q whole", secret)
		}
	}
	// The originals ride along, byte for byte.
	atts := pdfAttachments(t, b)
	if len(atts) != 2 {
		t.Fatalf("%d attachments, want 2", len(atts))
	}
	for i, a := range atts {
		d := in.Documents[i]
		if a.name != d.Name || !bytes.Equal(a.content, d.Content) || a.desc != "SHA-256 "+sha(d.Content) {
			t.Errorf("attachment %d: %q (%q), %d bytes; want %q, %d bytes", i, a.name, a.desc, len(a.content), d.Name, len(d.Content))
		}
	}
	if !bytes.Contains(b, []byte("/EmbeddedFiles")) {
		t.Error("the catalog names no embedded files")
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestPDF_LongPeriodAndHostileText: forty years of months break onto
// pages that repeat the table's head; text outside the core fonts (an
// emoji, CJK) and a name of a thousand letters make a PDF, not a crash.
func TestPDF_LongPeriodAndHostileText(t *testing.T) {
	t.Parallel()
	in := sample()
	in.Data.Member.FullName = "Rina 😀 Contoh 李 " + strings.Repeat("x", 1000)
	in.Data.Member.Cards[0].EmployerName = "PT (Maju) \\ Jaya \r\n"
	in.Data.Payslips = nil
	for i := 0; i < 480; i++ {
		in.Data.Payslips = append(in.Data.Payslips, member.Payslip{Period: mo(1986+i/12, time.Month(i%12+1)), KPJ: kpj, BasicWage: 3_000_000, DeductJHT: 60_000})
	}
	b, err := buildPDF(in, false)
	if err != nil {
		t.Fatal(err)
	}
	checkStructure(t, b)
	text := pdfText(t, b)
	if n := strings.Count(text, "Bulan Dipotong (slip gaji) Masuk ke kartu Selisih Tgl setor Catatan"); n < 8 {
		t.Errorf("the table's head is on %d pages, want one per page of 480 months", n)
	}
	if !strings.Contains(text, "Januari 1986") || !strings.Contains(text, "Desember 2025") {
		t.Error("the first or last month is missing")
	}
	if !strings.Contains(text, "PT (Maju) \\ Jaya") {
		t.Error("the employer's brackets and backslash are not written back")
	}
}

func TestDocumentInfos_AttachUpToTheLimit(t *testing.T) {
	t.Parallel()
	docs := []Document{{"a.pdf", make([]byte, 60)}, {"b.csv", make([]byte, 50)}, {"c.csv", make([]byte, 40)}}
	got := documentInfos(docs, 100)
	// 60 fits, 60 + 50 = 110 does not, 60 + 40 = 100 does.
	if !got[0].Attached || got[1].Attached || !got[2].Attached || got[1].SHA256 != sha(docs[1].Content) || got[1].Size != 50 {
		t.Errorf("%+v", got)
	}
	in := sample()
	b, err := buildPDF(in, false)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b)
	if strings.Contains(text, txtNotAttached.ID) {
		t.Error("small documents said not attached")
	}
	if strings.Contains(text, txtExcess.ID) {
		t.Error("a JP excess line with no excess")
	}
}

// TestPDF_JPExcessApart: March's payslip deducts JP 60.000 on
// 5.000.000, where 1% is 50.000: 10.000 too much, to be refunded; the gap
// counts JHT 100.000 + JP 50.000 − 100.000 credited = 50.000, as before.
func TestPDF_JPExcessApart(t *testing.T) {
	t.Parallel()
	in := sample()
	in.Data.Payslips[2].DeductJP = 60_000
	p, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.JPExcess != 10_000 || p.Gap != 200_003 || p.Deducted != 910_000 {
		t.Errorf("excess %d, gap %d, deducted %d", p.JPExcess, p.Gap, p.Deducted)
	}
	b, err := PDF(in)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b)
	for _, want := range []string{txtExcess.both() + " Rp 10.000", "Maret 2025 Rp 160.000 Rp 100.000 Rp 50.000 10-04-2025 " + noteJPExcess.both()} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestCSV_ReadBack reads the CSV with encoding/csv as a spreadsheet would.
func TestCSV_ReadBack(t *testing.T) {
	t.Parallel()
	in := sample()
	in.Data.Member.Cards[0].EmployerName = "=HYPERLINK(\"http://example.invalid\")"
	b, err := CSV(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Error("no byte-order mark or CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+6+1 {
		t.Fatalf("%d records, want header + 6 months + total", len(recs))
	}
	if strings.Join(recs[0], "|") != strings.Join(CSVHeader, "|") {
		t.Errorf("header %q", recs[0])
	}
	want := [][]string{
		{"2025-01", "•••••••0001", "'=HYPERLINK(\"http://example.invalid\")", "100000", "50000", "150000", "100000", "50000", "150000", "0", "2025-02-10", "", "slip-gaji-2025.csv l.2", "rsjht-2025.pdf p.1 l.11"},
		{"2025-02", "•••••••0001", "'=HYPERLINK(\"http://example.invalid\")", "100000", "50000", "150000", "", "", "", "150000", "", "tidak ada iuran / nothing credited", "slip-gaji-2025.csv l.3", ""},
	}
	for i, w := range want {
		if strings.Join(recs[1+i], "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, recs[1+i], w)
		}
	}
	if got := recs[5]; got[9] != "3" || got[8] != "149997" {
		t.Errorf("May %q", got)
	}
	total := recs[7]
	if total[0] != "Jumlah / Total" || total[5] != "900000" || total[8] != "549996" || total[9] != "200003" {
		t.Errorf("total %q", total)
	}
	if bytes.Contains(b, []byte(kpj)) {
		t.Error("the CSV writes the whole card number")
	}
}

// BenchmarkPDF_FortyYears: the pack of 480 months with its two documents.
func BenchmarkPDF_FortyYears(b *testing.B) {
	in := sample()
	in.Data.Payslips = nil
	for i := 0; i < 480; i++ {
		in.Data.Payslips = append(in.Data.Payslips, member.Payslip{Period: mo(1986+i/12, time.Month(i%12+1)), KPJ: kpj, BasicWage: 3_000_000, DeductJHT: 60_000})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PDF(in); err != nil {
			b.Fatal(err)
		}
	}
}
