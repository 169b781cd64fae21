package periksa

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/documents/tabular"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
)

// An invented member: one card at PT Contoh Makmur from January 2024,
// wage Rp 4.000.000; March 2024 never paid, May 2024 paid on 20 June
// (after the deadline of 17 June, the 15th being a Saturday); payslips say
// Rp 5.000.000 from April. The statement is for 2024, printed on 10
// January 2025.

const kpj = "11000000001"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func invented() documents.Bundle {
	src := documents.SourceOf("rina-2024.pdf", []byte("rina-2024"))
	b := documents.Bundle{
		Documents: []documents.Document{{Kind: documents.KindStatement, File: src.File, SHA256: src.SHA256, Pages: 1, Rows: 11,
			Year: 2024, KPJ: kpj, PrintedAt: day(2025, time.January, 10), TotalsChecked: true}},
		Identity: documents.Identity{Name: "Rina Contoh", BirthDate: day(1990, time.February, 3), NIK: "3174010302900001"},
		Cards:    []member.KPJCard{{KPJ: kpj, EmployerName: "PT Contoh Makmur", Opened: day(2024, time.January, 2)}},
	}
	for mo := time.January; mo <= time.December; mo++ {
		if mo == time.March {
			continue
		}
		paid := day(2024, mo, 28)
		if mo == time.May {
			paid = day(2024, time.June, 20)
		}
		s := src
		s.Page, s.Line = 1, 10+int(mo)
		b.Months = append(b.Months, member.MonthContribution{Period: member.Month(2024, mo), KPJ: kpj, EmployerName: "PT Contoh Makmur",
			ReportedWage: 4_000_000, JHTEmployer: 148_000, JHTWorker: 80_000, JPEmployer: 80_000, JPWorker: 40_000, PaidDate: paid, Source: &s})
	}
	b.Balances = []member.BalanceAccount{{KPJ: kpj, AsOf: day(2025, time.January, 10),
		History: []member.YearBalance{{Year: 2024, Employer: 148_000 * 11, Worker: 80_000 * 11, Development: 50_000, Closing: 228_000*11 + 50_000}}}}
	slips := documents.SourceOf("slip.csv", []byte("slip"))
	b.Documents = append(b.Documents, documents.Document{Kind: documents.KindPayslips, File: "slip.csv", SHA256: slips.SHA256, Rows: 9})
	for mo := time.April; mo <= time.December; mo++ {
		s := slips
		s.Line = int(mo) - 2
		b.Payslips = append(b.Payslips, member.Payslip{Period: member.Month(2024, mo), Employer: "PT Contoh Makmur", BasicWage: 4_500_000,
			FixedAllowances: 500_000, DeductJHT: 100_000, DeductJP: 50_000, Source: s})
	}
	b.Payslips[2].DeductJKK = 12_000 // June: the employer's share, deducted from the worker
	b.Refused = []documents.Refused{{Source: member.Source{File: "slip.csv", SHA256: slips.SHA256, Line: 12}, Text: "31-02-2024;PT Contoh",
		Reason: documents.Errorf("bad_date", member.Source{File: "slip.csv", Line: 12}, "tanggal %q tidak ada", "date %q does not exist", "31-02-2024")}}
	return b
}

func report(t *testing.T, l member.Lang) (Report, map[string]any) {
	t.Helper()
	b := invented()
	today := day(2026, time.December, 7)
	r := Build(b, read.ModelOf(b, today), today, l)
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var generic map[string]any
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	return r, generic
}

var (
	dayRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	monthRE = regexp.MustCompile(`^\d{4}-\d{2}$`)
)

// TestReport_JSONStructure checks the documented structure on the
// generic JSON (what a consumer sees), not on the Go types.
func TestReport_JSONStructure(t *testing.T) {
	t.Parallel()
	for _, l := range []member.Lang{member.ID, member.EN} {
		_, j := report(t, l)
		if j["format"] != Format || j["lang"] != string(l) || j["today"] != "2026-12-07" || j["as_of"] != "2025-01-10" {
			t.Errorf("%s: head %v %v %v %v", l, j["format"], j["lang"], j["today"], j["as_of"])
		}
		m := j["member"].(map[string]any)
		if m["name"] != "Rina Contoh" || m["birth_date"] != "1990-02-03" || m["segment"] != "PU" || m["status"] != "aktif" {
			t.Errorf("%s: member %v", l, m)
		}
		raw, _ := json.Marshal(j)
		if strings.Contains(string(raw), "3174010302900001") {
			t.Errorf("the NIK is in the JSON")
		}
		docs := j["documents"].([]any)
		d0 := docs[0].(map[string]any)
		if len(docs) != 2 || d0["file"] != "rina-2024.pdf" || d0["kind"] != "statement" || len(d0["sha256"].(string)) != 64 ||
			d0["printed_at"] != "2025-01-10" || d0["totals_checked"] != true || d0["card"] != kpj {
			t.Errorf("%s: documents %v", l, docs)
		}
		ref := j["refused"].([]any)[0].(map[string]any)
		if ref["file"] != "slip.csv" || ref["line"] != float64(12) || ref["code"] != "bad_date" || !strings.Contains(ref["reason"].(string), "slip.csv, ") {
			t.Errorf("%s: refused %v", l, ref)
		}

		kinds := map[string]map[string]any{}
		for _, f := range j["findings"].([]any) {
			f := f.(map[string]any)
			for _, key := range []string{"kind", "card", "period", "amount", "rule", "citation", "text", "months", "citation_source"} {
				if _, ok := f[key]; !ok {
					t.Errorf("%s: finding without %s: %v", l, key, f)
				}
			}
			if !monthRE.MatchString(f["period"].(string)) || f["rule"] == "" || f["citation"] == "" {
				t.Errorf("%s: finding %v", l, f)
			}
			if a, ok := f["amount"].(float64); !ok || a != float64(int64(a)) {
				t.Errorf("%s: amount %v is not whole rupiah", l, f["amount"])
			}
			kinds[f["kind"].(string)] = f
		}
		// March 2024: 5.7% + 3% of 4 000 000 = 348 000, of it 2% + 1% the
		// worker's = 120 000.
		if f := kinds["missing"]; f == nil || f["period"] != "2024-03" || f["amount"] != float64(348_000) || f["worker_share"] != float64(120_000) ||
			f["card"] != kpj || !strings.Contains(f["citation"].(string), "24/2011") {
			t.Errorf("%s: missing %v", l, f)
		}
		// May 2024 paid 20 June, deadline Monday 17 June: one month late,
		// 2% of the dues (JHT and JP 348 000) = 6 960.
		late := kinds["late"]
		if late == nil || late["period"] != "2024-05" || late["amount"] != float64(6_960) {
			t.Fatalf("%s: late %v", l, late)
		}
		lm := late["late"].([]any)[0].(map[string]any)
		if lm["deadline"] != "2024-06-17" || lm["paid"] != "2024-06-20" || lm["days_late"] != float64(3) || lm["maybe_holiday"] != true {
			t.Errorf("%s: late month %v", l, lm)
		}
		// rules/payslip. Deducted 2% + 1% of 5 000 000 = 150 000 a month,
		// credited 80 000 + 40 000: 30 000 a month not paid in, April to
		// November (December is not due by 10 January 2025), 240 000.
		nd := kinds["not_deposited"]
		if nd == nil || nd["period"] != "2024-04" || nd["amount"] != float64(240_000) || nd["worker_share"] != float64(240_000) ||
			len(nd["per_month"].([]any)) != 8 || !strings.Contains(nd["citation"].(string), "24/2011") || nd["citation_source"] != "text" {
			t.Fatalf("%s: not deposited %v", l, nd)
		}
		if pm := nd["per_month"].([]any)[0].(map[string]any); pm["month"] != "2024-04" || pm["payslip"] != float64(150_000) ||
			pm["card"] != float64(120_000) || pm["amount"] != float64(30_000) {
			t.Errorf("%s: not deposited, April %v", l, pm)
		}
		// The wage gap of 1 000 000 costs 5.7% + 3% = 87 000 a month paid,
		// April to December: 783 000.
		if g := kinds["wage_under_reported"]; g == nil || g["period"] != "2024-04" || g["amount"] != float64(783_000) ||
			len(g["gap"].([]any)) != 9 || g["card"] != kpj || g["citation_source"] != "secondary" {
			t.Errorf("%s: wage under-reported %v", l, g)
		}
		if k := kinds["employer_share_deducted"]; k == nil || k["period"] != "2024-06" || k["amount"] != float64(12_000) {
			t.Errorf("%s: JKK deducted %v", l, k)
		}
		if k := kinds["late_deposit"]; k == nil || k["period"] != "2024-05" || k["amount"] != float64(6_960) {
			t.Errorf("%s: late deposit %v", l, k)
		}

		// As of 10 January 2025 December is not due yet (15 January):
		// 11 months due, 10 paid (not March), 9 on time (not May).
		card := j["cards"].([]any)[0].(map[string]any)
		if card["kpj"] != kpj || card["opened"] != "2024-01-02" || card["closed"] != nil || card["balance"] != float64(228_000*11+50_000) ||
			card["balance_as_of"] != "2025-01-10" || card["months_due"] != float64(11) || card["months_paid"] != float64(10) || card["on_time"] != float64(9) || card["jp_months"] != float64(11) {
			t.Errorf("%s: card %v", l, card)
		}
		reasons := card["jht"].(map[string]any)["reasons"].([]any)
		res := reasons[0].(map[string]any)
		if len(reasons) != 6 || res["reason"] != "resignation" || res["state"] != "blocked" || res["blockers"].([]any)[0] != "card_active" {
			t.Errorf("%s: JHT reasons %v", l, reasons)
		}
		if age := reasons[2].(map[string]any); age["reason"] != "retirement_age" || age["from"] != "2046-02-03" {
			t.Errorf("%s: age 56 %v", l, age)
		}
		rights := j["rights"].(map[string]any)
		jp := rights["jp"].(map[string]any)
		if jp["months"] != float64(11) || jp["minimum_months"] != float64(180) || !dayRE.MatchString(jp["pension_date"].(string)) {
			t.Errorf("%s: JP %v", l, jp)
		}
		jk := rights["jkp"].(map[string]any)
		// JKP as of the documents' date (10 January 2025), with an
		// explicit flag whatever it says: the rule's own answer.
		md := read.ModelOf(invented(), day(2026, time.December, 7))
		want := jkp.Assess(jkp.Input{Member: md.Member, Months: allMonths(md), Today: md.AsOf})
		if eligible, ok := jk["eligible"].(bool); !ok || eligible != want.Eligible || rights["as_of"] != "2025-01-10" ||
			jk["paid_in_24"] != float64(want.PaidIn24) || jk["payer"] != "bpjs" || jk["regime"] != "pp6_2025" || jk["coverage"] != "covered" {
			t.Errorf("%s: JKP %v, want eligible %v, %d paid in 24", l, jk, want.Eligible, want.PaidIn24)
		}
		if _, ok := jk["monthly"].(float64); !ok || !monthRE.MatchString(jk["phk_month"].(string)) {
			t.Errorf("%s: JKP %v", l, jk)
		}
		if notes := j["notes"].([]any); len(notes) != 1 || !strings.Contains(notes[0].(string), "JKK, JKM") {
			t.Errorf("%s: notes %v", l, notes)
		}
	}
}

func TestReport_TextInEachLanguage(t *testing.T) {
	t.Parallel()
	for l, want := range map[member.Lang][]string{
		member.ID: {"Kartu 11000000001 — PT Contoh Makmur (aktif sejak 2 Januari 2024)", "Iuran tidak dibayar: Maret 2024 (1 bulan)",
			"Rp 348.000", "Dasar: UU 24/2011 Pasal 19", "Iuran dibayar terlambat: Mei 2024", "batas 17 Juni 2024, dibayar 20 Juni 2024",
			"Upah pada slip gaji lebih tinggi", "Rp 240.000 dipotong dari upah Anda untuk JHT dan JP pada April–November 2024", "Iuran JKK/JKM dipotong dari upah Anda pada Juni 2024", "Saldo JHT Rp 2.558.000 per 10 Januari 2025", "Mengundurkan diri: belum bisa",
			"Usia 56: belum bisa — belum berusia 56 (mulai 3 Februari 2046)", "masa iur 11 bulan dari 180", "dihitung per 10 Januari 2025, tanggal dokumen",
			"slip.csv, baris 12: tanggal \"31-02-2024\" tidak ada"},
		member.EN: {"Card 11000000001 — PT Contoh Makmur (active since 2 January 2024)", "Contributions not paid: March 2024 (1 month)",
			"Rp 348.000", "Basis: Law 24/2011 Article 19", "Contributions paid late: May 2024", "due 17 June 2024, paid 20 June 2024",
			"The wage on your payslips is above", "Rp 240.000 deducted from your wage for JHT and JP in April–November 2024", "JKK/JKM contributions were deducted from your wage in June 2024", "JHT balance Rp 2.558.000 as of 10 January 2025", "Resignation: not yet",
			"Age 56: not yet — not yet 56 (from 3 February 2046)", "11 months of contributions of the 180", "worked out as of 10 January 2025, the documents' date",
			"slip.csv, line 12: date \"31-02-2024\" does not exist"},
	} {
		r, _ := report(t, l)
		var out bytes.Buffer
		writeText(&out, r, l)
		for _, s := range want {
			if !strings.Contains(out.String(), s) {
				t.Errorf("%s: no %q in\n%s", l, s, out.String())
			}
		}
		if strings.Contains(out.String(), "%!") {
			t.Errorf("%s: a format error in\n%s", l, out.String())
		}
	}
}

// TestRun_UnreadableInput: exit 2 and one sentence on stderr naming the
// file, in the chosen language; nothing on stdout.
func TestRun_UnreadableInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	png := filepath.Join(dir, "foto.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"missing, id":  {[]string{filepath.Join(dir, "tidak-ada.pdf")}, "tidak-ada.pdf: berkas ini tidak ada"},
		"missing, en":  {[]string{"--lang", "en", filepath.Join(dir, "tidak-ada.pdf")}, "tidak-ada.pdf: this file does not exist"},
		"binary, en":   {[]string{"--lang", "en", png}, "foto.png: this file is neither a BPJSTK statement PDF"},
		"directory":    {[]string{dir}, "berkas ini tidak dapat dibaca"},
		"no files":     {nil, "usage: cekbpjstk periksa"},
		"bad today":    {[]string{"--today", "7-12-2026", png}, "bukan tanggal YYYY-MM-DD"},
		"bad language": {[]string{"--lang", "fr", png}, "use id or en"},
		"unknown flag": {[]string{"--store", png}, "flag provided but not defined"},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(tc.args, &stdout, &stderr)
		if code != ExitUnreadable || stdout.Len() != 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, stdout.String(), stderr.String())
		}
		if strings.HasPrefix(name, "missing") || strings.HasPrefix(name, "binary") {
			if lines := strings.Count(strings.TrimSpace(stderr.String()), "\n"); lines != 0 {
				t.Errorf("%s: %d lines on stderr, want one sentence", name, lines+1)
			}
		}
	}
}

// TestRun_Templates: --templates writes each template, which reads back
// as its own kind, and never overwrites a file.
func TestRun_Templates(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "templat")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"--templates", dir}, &stdout, &stderr); code != ExitOK || stderr.Len() != 0 {
		t.Fatalf("exit %d, %s", code, stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if n := len(tabular.Templates()); len(names) != n || n < 4 || strings.Count(stdout.String(), "\n") != n {
		t.Fatalf("templates %v, printed %q", names, stdout.String())
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if _, ok := tabular.Sniff(data); err != nil || !ok {
			t.Errorf("%s does not read back as a table: %v %q", name, err, data)
		}
	}
	// A filled-in template stays as it is, and no other is written
	// beside it.
	for _, name := range names {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
	filled := filepath.Join(dir, "slip-gaji.csv")
	if err := os.WriteFile(filled, []byte("my rows"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := Run([]string{"--lang", "en", "--templates", dir}, &stdout, &stderr); code != ExitUnreadable ||
		!strings.Contains(stderr.String(), "slip-gaji.csv: this file exists and is not overwritten") {
		t.Errorf("exit %d, %s", code, stderr.String())
	}
	if data, _ := os.ReadFile(filled); string(data) != "my rows" {
		t.Errorf("the filled-in template was overwritten: %q", data)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.csv")); len(left) != 1 || stdout.Len() != 0 {
		t.Errorf("files %v, printed %q", left, stdout.String())
	}
}
