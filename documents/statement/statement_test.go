package statement_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

func read(t *testing.T, name string, data []byte) documents.Bundle {
	t.Helper()
	b, err := statement.Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return b
}

func TestRead_NormalYear(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	data := mustPDF(t, s, printout.Layout{})
	b := read(t, "/home/sari/Unduhan/sari-2024.pdf", data)
	sum := sha256.Sum256(data)
	wantSHA := hex.EncodeToString(sum[:])

	if len(b.Refused) != 0 {
		t.Fatalf("refused: %+v", b.Refused)
	}
	wantDoc := documents.Document{Kind: documents.KindStatement, File: "sari-2024.pdf", SHA256: wantSHA, Pages: 1,
		Rows: 12, Year: 2024, KPJ: sariKPJ, PrintedAt: day("2025-01-20"), TotalsChecked: true}
	if len(b.Documents) != 1 || b.Documents[0] != wantDoc {
		t.Errorf("documents %+v\nwant %+v", b.Documents, wantDoc)
	}
	wantCard := member.KPJCard{KPJ: sariKPJ, EmployerName: "PT Kain Halus Priangan", NPP: "15012345", Status: "aktif", Opened: day("2015-03-01")}
	if len(b.Cards) != 1 || b.Cards[0] != wantCard {
		t.Errorf("cards %+v\nwant %+v", b.Cards, wantCard)
	}
	if want := (documents.Identity{Name: "Sari Wulandari", BirthDate: day("1990-05-14"), NIK: sariNIK}); b.Identity != want {
		t.Errorf("identity %+v, want %+v", b.Identity, want)
	}
	if len(b.Months) != 12 {
		t.Fatalf("%d months, want 12", len(b.Months))
	}
	// Wage 2024: Rp4.600.000; JHT 3.7% + 2%, JP 2% + 1%.
	m := b.Months[4]
	want := member.MonthContribution{Period: day("2024-05-01"), KPJ: sariKPJ, EmployerName: "PT Kain Halus Priangan",
		ReportedWage: 4_600_000, JHTEmployer: 170_200, JHTWorker: 92_000, JHT: 262_200, JPEmployer: 92_000, JPWorker: 46_000,
		JP: 138_000, Total: 400_200, PaidDate: day("2024-06-10"), PostedDate: day("2024-06-11"), OnlyJHTJP: true}
	src := m.Source
	m.Source = nil
	if m != want {
		t.Errorf("May 2024\n got %+v\nwant %+v", m, want)
	}
	if src == nil || src.File != "sari-2024.pdf" || src.SHA256 != wantSHA || src.Page != 1 || src.Line < 10 {
		t.Errorf("May's source %+v", src)
	}
	for i, m := range b.Months {
		if m.Period.Month() != time.Month(i+1) || m.Source == nil || m.Source.Line != src.Line-4+i {
			t.Errorf("month %d: %s at %+v", i, m.Period.Format("2006-01"), m.Source)
		}
	}
	if len(b.Balances) != 1 {
		t.Fatalf("balances %+v", b.Balances)
	}
	acc := b.Balances[0]
	// 23.456.789 + 2.042.400 + 1.104.000 + 1.234.567,89 (rounded up).
	wantYear := member.YearBalance{Year: 2024, Opening: 23_456_789, Employer: 2_042_400, Worker: 1_104_000,
		Development: 1_234_568, Closing: 27_837_757}
	y := acc.History[0]
	if y.Source == nil || y.Source.Page != 1 {
		t.Errorf("summary source %+v", y.Source)
	}
	y.Source = nil
	if acc.KPJ != sariKPJ || acc.Total != 27_837_757 || !acc.AsOf.Equal(day("2025-01-20")) || len(acc.History) != 1 || y != wantYear {
		t.Errorf("balance %+v\nyear %+v\nwant %+v", acc, y, wantYear)
	}
	if acc.Employer != 0 {
		t.Errorf("with an opening balance the card's own shares are unknown, got employer %s", acc.Employer.Format())
	}
}

func TestRead_BeneficiariesAreNeverKept(t *testing.T) {
	t.Parallel()
	b := read(t, "sari.pdf", mustPDF(t, sari(2023), printout.Layout{}))
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{spouseName, "Agus", "Nadia", "1988-11-02", "2016-04-21", "Suami", "Anak"} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("the bundle holds %q from the beneficiaries' block", s)
		}
	}
	if b.Identity.Name != "Sari Wulandari" {
		t.Errorf("name %q", b.Identity.Name)
	}
}

func TestRead_PostedAMonthAfterDepositAndRapel(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	// December's deposit posted a month later; July carries back pay.
	s.Printed = day("2025-02-20")
	s.Rows[11].Posted = s.Rows[11].Paid.AddDate(0, 1, 0)
	s.Rows[6].BackPay = 300_000_00
	b := read(t, "sari.pdf", mustPDF(t, s, printout.Layout{}))
	if !b.Documents[0].TotalsChecked || len(b.Refused) != 0 {
		t.Fatalf("refused %+v", b.Refused)
	}
	if got := b.Months[11]; !got.PaidDate.Equal(day("2025-01-10")) || !got.PostedDate.Equal(day("2025-02-10")) {
		t.Errorf("December paid %s posted %s", got.PaidDate, got.PostedDate)
	}
	if got := b.Months[6].BackPay; got != 300_000 {
		t.Errorf("July back pay %s", got.Format())
	}
	if got := b.Months[5].BackPay; got != 0 {
		t.Errorf("June back pay %s", got.Format())
	}
}

func TestRead_RowThatDisagreesWithJumlahRefusesThePrintout(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	tot := s.Sum()
	tot.JHTWorker -= 92_000_00 // one month's worker JHT missing from Jumlah
	s.Totals = &tot
	b := read(t, "sari.pdf", mustPDF(t, s, printout.Layout{}))
	if len(b.Months) != 0 || b.Documents[0].TotalsChecked || b.Documents[0].Rows != 0 {
		t.Fatalf("%d months taken, totals checked %v", len(b.Months), b.Documents[0].TotalsChecked)
	}
	// The Jumlah line, the twelve rows, and the summary (whose
	// contributions no longer match Jumlah's).
	if len(b.Refused) != 14 || len(b.Balances) != 0 {
		t.Fatalf("%d refused, balances %+v", len(b.Refused), b.Balances)
	}
	var jumlah *documents.Refused
	for i, r := range b.Refused {
		if want := "totals_disagree"; r.Reason.Code != want && !strings.HasPrefix(r.Text, "Iuran JHT") {
			t.Errorf("refused %q: %s", r.Text, r.Reason.Code)
		}
		if strings.HasPrefix(r.Text, "Jumlah") {
			jumlah = &b.Refused[i]
		}
	}
	if jumlah == nil {
		t.Fatal("the Jumlah line is not among the refused")
	}
	id, en := jumlah.Reason.Text(member.ID), jumlah.Reason.Text(member.EN)
	for _, want := range []string{"Iuran JHT TK: baris Rp 1.104.000, Jumlah Rp 1.012.000", "halaman 1, baris"} {
		if !strings.Contains(id, want) {
			t.Errorf("ID %q lacks %q", id, want)
		}
	}
	if !strings.Contains(en, "worker's JHT): rows Rp 1.104.000, Jumlah Rp 1.012.000") || strings.Contains(en, "Upah") {
		t.Errorf("EN %q", en)
	}
}

func TestRead_ReorderedAndSplitLinesReadTheSame(t *testing.T) {
	t.Parallel()
	s := sari(2022)
	plain := read(t, "a.pdf", mustPDF(t, s, printout.Layout{}))
	for _, l := range []printout.Layout{
		{ShuffleRows: true},
		{SplitRows: true},
		{ShuffleRows: true, SplitRows: true},
		{SplitRows: true, SplitAbove: true},
		{ShuffleRows: true, SplitRows: true, RowsPerPage: 5},
	} {
		t.Run(fmt.Sprintf("%+v", l), func(t *testing.T) {
			b := read(t, "a.pdf", mustPDF(t, s, l))
			if len(b.Refused) != 0 || !b.Documents[0].TotalsChecked {
				t.Fatalf("refused %+v", b.Refused)
			}
			if len(b.Months) != len(plain.Months) {
				t.Fatalf("%d months, want %d", len(b.Months), len(plain.Months))
			}
			for i := range b.Months {
				a, p := b.Months[i], plain.Months[i]
				if a.Source == nil || a.Source.Page < 1 {
					t.Errorf("month %d without its place", i)
				}
				a.Source, p.Source = nil, nil
				if a != p {
					t.Errorf("month %d\n got %+v\nwant %+v", i, a, p)
				}
			}
			if l.RowsPerPage == 5 && b.Documents[0].Pages != 3 {
				t.Errorf("%d pages, want 3", b.Documents[0].Pages)
			}
			if len(b.Balances) != 1 || b.Balances[0].Total != plain.Balances[0].Total {
				t.Errorf("balances %+v", b.Balances)
			}
		})
	}
}

func TestRead_BadRowsAreRefusedWithTheirPlace(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	b := read(t, "sari.pdf", mustPDF(t, s, printout.Layout{Edit: func(i int, c []string) {
		switch i {
		case 1:
			c[1] = "31-02-2024" // no such day; the amounts still count for Jumlah
		case 3:
			c[3] = "01-04-2024" // posted before it was paid (10-05-2024)
		}
	}}))
	if len(b.Months) != 10 || !b.Documents[0].TotalsChecked {
		t.Fatalf("%d months, checked %v, refused %+v", len(b.Months), b.Documents[0].TotalsChecked, b.Refused)
	}
	codes := map[string]documents.Refused{}
	for _, r := range b.Refused {
		codes[r.Reason.Code] = r
	}
	bad, ok := codes["bad_date"]
	if !ok || !strings.Contains(bad.Text, "31-02-2024") || bad.Source.Page != 1 || bad.Source.Line == 0 ||
		!strings.Contains(bad.Reason.Text(member.EN), "does not exist (31-02-2024") {
		t.Errorf("bad date: %+v %v", bad, bad.Reason)
	}
	if r, ok := codes["posted_before_paid"]; !ok || r.Source.Line != bad.Source.Line+2 {
		t.Errorf("posted before paid: %+v (bad date at line %d)", r, bad.Source.Line)
	}
}

func TestRead_SummaryThatDoesNotAddUpGivesNoBalance(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	s.Summary.Closing += 100_00
	b := read(t, "sari.pdf", mustPDF(t, s, printout.Layout{}))
	if len(b.Balances) != 0 || b.Documents[0].TotalsChecked || len(b.Months) != 12 {
		t.Fatalf("balances %+v, checked %v, %d months", b.Balances, b.Documents[0].TotalsChecked, len(b.Months))
	}
	if len(b.Refused) != 1 || b.Refused[0].Reason.Code != "summary_disagrees" ||
		!strings.Contains(b.Refused[0].Reason.Text(member.ID), "dihitung Rp 27.837.757, tertulis Rp 27.837.857") {
		t.Errorf("refused %+v", b.Refused)
	}
}

func TestRead_BadFilesSaySoInBothLanguages(t *testing.T) {
	t.Parallel()
	good := mustPDF(t, sari(2024), printout.Layout{})
	huge := append([]byte("%PDF-1.4\n"), make([]byte, documents.MaxFileBytes)...)
	cases := []struct {
		name, code, id, en string
		data               []byte
	}{
		{"encrypted", "encrypted", "dikunci dengan kata sandi", "locked with a password",
			mustPDF(t, sari(2024), printout.Layout{Password: "21091993"})},
		{"scanned", "no_text_layer", "tidak berisi teks (hasil pindaian atau foto), jadi angkanya tidak bisa dibaca; ketik angkanya di formulir", "it is a scan or a photo), so its figures cannot be read; type them in the form",
			mustPDF(t, sari(2024), printout.Layout{NoTextLayer: true})},
		{"truncated", "truncated", "terpotong", "cut short", good[:len(good)*2/3]},
		{"not a statement", "not_statement", "bukan cetakan saldo BPJSTK", "not a BPJSTK statement printout",
			plainPDF("SLIP GAJI Januari 2025", "Gaji Pokok 4,600,000.00")},
		{"not a PDF", "not_statement", "bukan berkas PDF", "not a PDF file", []byte("No;Tgl Setor;BL-TH\n1;10-02-2024;01-2024\n")},
		{"flate bomb", "inflates_without_end", "mengembang melebihi 16 MB", "inflates past 16 MB",
			flateBomb()},
		{"huge", "too_large", "terlalu besar", "too large", huge},
		{"a page of a million glyphs", "too_complex", "halaman 1 berisi lebih dari 1 MB", "page 1 holds more than 1 MB",
			plainPDF(strings.Repeat("x", 1<<20))},
		{"empty", "not_statement", "bukan berkas PDF", "not a PDF file", nil},
		{"statement without its Jumlah", "no_totals", `"Jumlah"`, `"Jumlah"`,
			plainPDF("INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN 2024",
				"Tanggal : 20-01-2025", "Nomor Kartu/NIK/Nomor Peg. : 90012345678/3273015405900012/-")},
		{"statement without a card number", "no_card", "nomor kartu (KPJ) 11 angka", "11-digit card number",
			plainPDF("INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN 2024", "Tanggal : 20-01-2025")},
	}
	// 101 pages (the same blank page object each time).
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [" + strings.Repeat("3 0 R ", documents.MaxPages+1) + "] /Count 101 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"}
	cases = append(cases, struct {
		name, code, id, en string
		data               []byte
	}{"too many pages", "too_many_pages", "lebih dari 100 halaman", "more than 100 pages", rawPDF(objs...)})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := statement.Read("bukti.pdf", c.data)
			var p *documents.Problem
			if !errors.As(err, &p) {
				t.Fatalf("err = %v, want a *documents.Problem", err)
			}
			if p.Code != c.code || p.File != "bukti.pdf" {
				t.Errorf("code %q file %q, want %q", p.Code, p.File, c.code)
			}
			if id := p.Text(member.ID); !strings.Contains(id, c.id) || !strings.HasPrefix(id, "bukti.pdf") {
				t.Errorf("ID %q lacks %q", id, c.id)
			}
			if en := p.Text(member.EN); !strings.Contains(en, c.en) {
				t.Errorf("EN %q lacks %q", en, c.en)
			}
		})
	}
}

func TestRead_BombInsideThePageIsRefusedBeforeParsing(t *testing.T) {
	t.Parallel()
	// The bomb sits behind an ASCII85 filter, so only the per-page
	// limit (not the raw zlib scan) can see it.
	enc := a85(bombBytes())
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter [/ASCII85Decode /FlateDecode] >>\nstream\n%s\nendstream", len(enc), enc),
	)
	_, err := statement.Read("bom.pdf", data)
	var p *documents.Problem
	if !errors.As(err, &p) || p.Code != "inflates_without_end" {
		t.Fatalf("err = %v", err)
	}
}

func TestRead_PageTreeCycleDoesNotHang(t *testing.T) {
	t.Parallel()
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
	)
	start := time.Now()
	_, err := statement.Read("lingkar.pdf", data)
	var p *documents.Problem
	if !errors.As(err, &p) || p.Code != "damaged_pdf" {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestRead_CorrectionRowsAreRefusedAndStillCountForJumlah(t *testing.T) {
	t.Parallel()
	s := sari(2024)
	s.Printed = day("2025-03-01")
	mar := s.Rows[2]
	// A correction of March paid in August, and one of a month (December
	// 2023) that is not on this printout.
	s.Rows = append(s.Rows,
		printout.Row{Paid: day("2024-08-12"), Period: mar.Period, Posted: day("2024-08-13"), Wage: -mar.Wage / 10,
			JHTEmployer: -mar.JHTEmployer / 10, JHTWorker: -mar.JHTWorker / 10, JPEmployer: -mar.JPEmployer / 10, JPWorker: -mar.JPWorker / 10},
		printout.Row{Paid: day("2024-02-12"), Period: day("2023-12-01"), Posted: day("2024-02-13"), JHTWorker: -5_000_00})
	// The summary books the corrections too.
	tot := s.Sum()
	s.Summary.Employer, s.Summary.Worker = tot.JHTEmployer, tot.JHTWorker
	s.Summary.Closing = s.Summary.Opening + s.Summary.Employer + s.Summary.Worker + s.Summary.Development
	b := read(t, "sari.pdf", mustPDF(t, s, printout.Layout{}))
	if len(b.Months) != 12 || !b.Documents[0].TotalsChecked || len(b.Balances) != 1 {
		t.Fatalf("%d months, checked %v, refused %+v", len(b.Months), b.Documents[0].TotalsChecked, b.Refused)
	}
	if b.Months[2].JHTWorker != 92_000 {
		t.Errorf("March kept %s", b.Months[2].JHTWorker.Format())
	}
	var codes []string
	for _, r := range b.Refused {
		codes = append(codes, r.Reason.Code)
	}
	if want := "duplicate_month negative_amount"; strings.Join(codes, " ") != want {
		t.Errorf("refused %v, want %s", codes, want)
	}
	if en := b.Refused[0].Reason.Text(member.EN); !strings.Contains(en, "month 03-2024 appears twice on this card (a correction") {
		t.Errorf("EN %q", en)
	}
}
