package dashboard

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func hasText(texts []string, want string) bool {
	for _, s := range texts {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// Rudi's employer skipped June 2026, paid February and March late and has
// paid nothing since August: the tab lists the three findings with their
// amounts and rules, and the Ringkasan says so and leads there.
func TestAuditTab_RudisFindings(t *testing.T) {
	data := dashDemoMember(t, "rudi@contoh.id")
	d, _ := newTestDashboard(t)
	setAudited(t, d, data)

	if !d.summary.audit.box.Visible() || !strings.Contains(d.summary.audit.text.Text, "menemukan 3 hal") {
		t.Fatalf("summary notice %q (visible %v)", d.summary.audit.text.Text, d.summary.audit.box.Visible())
	}
	test.Tap(d.summary.audit.button)
	if d.tabs.Selected() != d.item("audit.tab") {
		t.Fatal("the notice's button does not open Periksa iuran")
	}
	if want := "Kami menemukan 3 hal yang perlu Anda periksa pada iuran Anda."; d.audit.headline.Text != want {
		t.Errorf("headline %q", d.audit.headline.Text)
	}
	texts := dashTexts(t, d.audit.findings)
	for _, want := range []string{
		"Iuran tidak tercatat: Juni 2026",
		// May's 5.956.000: JHT 5,7% 339.492 + JP 3% 178.680.
		"Rp 518.172, termasuk Rp 178.680",
		"Iuran terakhir yang tercatat: Agustus 2026",
		"Dibayar terlambat: Februari–Maret 2026",
		// Dues 589.048: × 2% × 3 months = 35.342, × 2% × 2 = 23.561.
		"Februari 2026: batas 16 Maret 2026, dibayar 20 Mei 2026 (65 hari terlambat, denda 3 bulan), denda Rp 35.342",
		"Maret 2026: batas 15 April 2026, dibayar 20 Mei 2026 (35 hari terlambat, denda 2 bulan), denda Rp 23.561",
		"sekitar Rp 58.903",
		"Aturan: UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55.",
		"Sumber sekunder",
	} {
		if !hasText(texts, want) {
			t.Errorf("findings lack %q:\n%s", want, strings.Join(texts, "\n"))
		}
	}
	if cards := dashTexts(t, d.audit.cards); !hasText(cards, "55 dari 57 bulan tercatat (Januari 2022 – September 2026), 53 dibayar tepat waktu; 3 temuan.") {
		t.Errorf("card line %q", cards)
	}
}

// Budi's employers paid every month on time; his PP 49/2020 months are
// labelled, not flagged, and the Ringkasan says nothing.
func TestAuditTab_BudiHasNoFindingsButReliefMonths(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "budi@contoh.id"))
	if d.summary.audit.box.Visible() {
		t.Errorf("summary notice shown: %q", d.summary.audit.text.Text)
	}
	d.tabs.Select(d.item("audit.tab"))
	if !strings.HasPrefix(d.audit.headline.Text, "Tidak ada temuan") || d.audit.kitButton.Visible() {
		t.Errorf("headline %q, kit button visible %v", d.audit.headline.Text, d.audit.kitButton.Visible())
	}
	if r := dashTexts(t, d.audit.reliefs); !hasText(r, "Relaksasi iuran COVID-19: Agustus 2020–Januari 2021") || !hasText(r, "PP 49/2020") {
		t.Errorf("reliefs %q", r)
	}
}

func TestAuditTab_WulansFlatWageInEnglish(t *testing.T) {
	d, _ := newTestDashboard(t)
	uitest.SetLanguage(t, "en")
	setAudited(t, d, dashDemoMember(t, "wulan@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	if d.item("audit.tab").Text != "Check contributions" {
		t.Errorf("tab %q", d.item("audit.tab").Text)
	}
	if cards := dashTexts(t, d.audit.cards); !hasText(cards, "79 of 79 months recorded (March 2020 – September 2026), 79 paid on time; 1 finding.") {
		t.Errorf("card line %q", cards)
	}
	texts := dashTexts(t, d.audit.findings)
	for _, want := range []string{"Wage reported unchanged at Rp 3.430.000 for 46 months", "From January 2023 to October 2026",
		"Rule: PP 44/2015 Article 9(3); Law 24/2011 Article 15(2); PP 86/2013 Article 5."} {
		if !hasText(texts, want) {
			t.Errorf("findings lack %q:\n%s", want, strings.Join(texts, "\n"))
		}
	}
	if r := dashTexts(t, d.audit.reliefs); !hasText(r, "50% JKK discount for labour-intensive industries: February–July 2025") {
		t.Errorf("reliefs %q", r)
	}
}

// Upah saya: a payslip wage of Rp6.500.000 from January 2026 against
// Rudi's 5.956.000 — a gap of 544.000 in each of his seven months of 2026:
// 3.808.000 in all, JHT 5,7% 31.008 a month (217.056), JP 3% 16.320 a
// month (114.240); his share of the deductions, 3%, the same 114.240.
func TestAuditTab_PayslipGapAndItsCost(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	var got [][]member.PayslipWage
	d.OnPayslip = func(w []member.PayslipWage) { got = append(got, w) }
	d.tabs.Select(d.item("audit.tab"))
	p := d.audit.payslip

	test.Type(p.wage, "enam juta")
	test.Tap(p.add)
	if !p.problem.Visible() || len(got) != 0 {
		t.Fatalf("bad wage accepted (problem shown %v, saved %d)", p.problem.Visible(), len(got))
	}
	p.wage.SetText("")
	test.Type(p.wage, "6.500.000")
	p.fromMonth.SetSelectedIndex(0)
	p.fromYear.SetSelected("2026")
	test.Tap(p.add)
	want := []member.PayslipWage{{From: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 6_500_000}}
	if len(got) != 1 || len(got[0]) != 1 || got[0][0] != want[0] {
		t.Fatalf("OnPayslip got %+v", got)
	}
	if p.status.Text != "Menyimpan…" {
		t.Errorf("status %q", p.status.Text)
	}
	d.SetPayslipSaved(true, nil)
	if p.status.Text != "Disimpan terenkripsi di komputer ini." {
		t.Errorf("status %q", p.status.Text)
	}
	costs := dashTexts(t, p.costs)
	for _, w := range []string{"Rp 3.808.000", "Rp 217.056", "Rp 114.240", "Rp 3.000.000"} {
		if !hasText(costs, w) {
			t.Errorf("costs lack %s: %q", w, costs)
		}
	}
	if p.gap.MonthsUnder != 7 || p.gap.JHTAt56 <= p.gap.JHT {
		t.Errorf("gap %+v", p.gap)
	}
	if table := dashTexts(t, p.table); !hasText(table, "Agustus 2026") || !hasText(table, "Rp 544.000") || hasText(table, "Juni 2026") {
		t.Errorf("table %q", table)
	}
	// The kit's letter carries the comparison.
	d.ShowActionKit()
	if !strings.Contains(d.kit.letter.Text, "Upah pada slip gaji saya Rp 6.500.000, sedangkan yang dilaporkan Rp 5.956.000") {
		t.Errorf("letter lacks the payslip:\n%s", d.kit.letter.Text)
	}
	d.SetPayslipSaved(false, nil)
	if !strings.HasPrefix(p.status.Text, "Tidak disimpan: cache offline dimatikan") {
		t.Errorf("session-only status %q", p.status.Text)
	}
	// Removing the entry hands an empty list over.
	test.Tap(uitest.Button(t, p.entries, ""))
	if len(got) != 2 || len(got[1]) != 0 || d.data.Payslip != nil && len(d.data.Payslip) != 0 {
		t.Errorf("after delete: %+v", got)
	}
}

// The action kit: the letter in both languages with the months and amounts,
// copied as shown.
func TestActionKit_LetterBothLanguagesAndCopy(t *testing.T) {
	kitNow = func() time.Time { return time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { kitNow = time.Now })
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	test.Tap(d.audit.kitButton)
	k := d.kit
	if k == nil {
		t.Fatal("no kit")
	}
	for _, want := range []string{"Rudi Hartono", "nomor KPJ 22056789012", "PT Sumber Rejeki Plastindo", "Tidak ada iuran untuk Juni 2026",
		"denda Rp 35.342", "20 November 2026"} {
		if !strings.Contains(k.letter.Text, want) {
			t.Errorf("Indonesian letter lacks %q:\n%s", want, k.letter.Text)
		}
	}
	k.language.SetSelected("English")
	if !strings.Contains(k.letter.Text, "No contribution was paid for June 2026") || !strings.Contains(k.letter.Text, "fine Rp 35.342") {
		t.Errorf("English letter:\n%s", k.letter.Text)
	}
	if k.fileName() != "complaint-9012.txt" {
		t.Errorf("file name %q", k.fileName())
	}
	test.Tap(uitest.Button(t, k.content, "Salin"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != k.letter.Text || got == "" {
		t.Errorf("clipboard %q", got)
	}
}

// While the history is on its way (SetSummary) the audit says nothing.
func TestAuditNotice_HiddenWhileTheHistoryLoads(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetSummary(dashDemoMember(t, "rudi@contoh.id"))
	if d.summary.audit.box.Visible() {
		t.Error("notice shown without the history")
	}
	d.Clear()
	if d.summary.audit.box.Visible() || d.audit.headline.Text != "" {
		t.Error("Clear left the audit")
	}
}
