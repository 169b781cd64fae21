package audittab

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// newTestTab is Periksa iuran alone in a test app, in Indonesian, its kit
// button opening the kit; notices and payslip hand-overs are recorded.
func newTestTab(t *testing.T) (*Tab, *[]string, *[][]member.PayslipWage) {
	t.Helper()
	fixtures.StartUI(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	var notices []string
	var kept [][]member.PayslipWage
	var a *Tab
	a = New(Params{Win: w,
		SetNotice:     func(text string, _ bool) { notices = append(notices, text) },
		ShowStatement: func() {},
		OnKit:         func() { a.ShowKit() },
		OnPayslip:     func(w []member.PayslipWage) bool { kept = append(kept, w); return true },
	})
	w.SetContent(a.Content())
	w.Resize(fyne.NewSize(1000, 720))
	return a, &notices, &kept
}

// show shows a demo member's data with its audit, as the dashboard does.
func show(t *testing.T, a *Tab, email string) memberdata.Data {
	t.Helper()
	data := fixtures.Member(t, email)
	a.SetData(data)
	report := audit.Run(Input(data))
	a.SetReport(&report)
	return data
}

func texts(t *testing.T, o fyne.CanvasObject) []string { return fixtures.Texts(t, o) }

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
// amounts and rules (the Ringkasan's notice: package dashboard's tests).
func TestTab_RudisFindings(t *testing.T) {
	a, _, _ := newTestTab(t)
	show(t, a, "rudi@contoh.id")
	if want := "Kami menemukan 3 hal yang perlu Anda periksa pada iuran Anda."; a.headline.Text != want {
		t.Errorf("headline %q", a.headline.Text)
	}
	if !a.kitButton.Visible() {
		t.Error("no way to the action kit")
	}
	texts := texts(t, a.findings)
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
	if cards := fixtures.Texts(t, a.cards); !hasText(cards, "55 dari 57 bulan tercatat (Januari 2022 – September 2026), 53 dibayar tepat waktu; 3 temuan.") {
		t.Errorf("card line %q", cards)
	}
}

// Budi's employers paid every month on time; his PP 49/2020 months are
// labelled, not flagged.
func TestTab_BudiHasNoFindingsButReliefMonths(t *testing.T) {
	a, _, _ := newTestTab(t)
	show(t, a, "budi@contoh.id")
	if !strings.HasPrefix(a.headline.Text, "Tidak ada temuan") || a.kitButton.Visible() {
		t.Errorf("headline %q, kit button visible %v", a.headline.Text, a.kitButton.Visible())
	}
	if r := texts(t, a.reliefs); !hasText(r, "Relaksasi iuran COVID-19: Agustus 2020–Januari 2021") || !hasText(r, "PP 49/2020") {
		t.Errorf("reliefs %q", r)
	}
}

func TestTab_WulansFlatWageInEnglish(t *testing.T) {
	a, _, _ := newTestTab(t)
	uitest.SetLanguage(t, "en")
	show(t, a, "wulan@contoh.id")
	if cards := texts(t, a.cards); !hasText(cards, "79 of 79 months recorded (March 2020 – September 2026), 79 paid on time; 1 finding.") {
		t.Errorf("card line %q", cards)
	}
	findings := texts(t, a.findings)
	for _, want := range []string{"Wage reported unchanged at Rp 3.430.000 for 46 months", "From January 2023 to October 2026",
		"Rule: PP 44/2015 Article 9(3); Law 24/2011 Article 15(2); PP 86/2013 Article 5."} {
		if !hasText(findings, want) {
			t.Errorf("findings lack %q:\n%s", want, strings.Join(findings, "\n"))
		}
	}
	if r := texts(t, a.reliefs); !hasText(r, "50% JKK discount for labour-intensive industries: February–July 2025") {
		t.Errorf("reliefs %q", r)
	}
	// PP 36/2025 Pasal 10A's extension, seeded: August 2025 to January
	// 2026, settle by 30 June 2026, from the press.
	r := texts(t, a.reliefs)
	for _, want := range []string{"50% JKK discount for labour-intensive industries: August 2025–January 2026",
		"PP 36/2025's extension; a firm in difficulty may settle that JKK until 30 June 2026", "PP 36/2025 Article 10A and 11",
		"Secondary source", "met its conditions", "15 May 2021"} {
		if !hasText(r, want) {
			t.Errorf("reliefs lack %q:\n%s", want, strings.Join(r, "\n"))
		}
	}
}

// Eko: his furniture maker's card closed on 14 August 2026 with August
// unpaid (a lay-off in the middle of the month: not held against the
// employer); his own BPU card since September: no employer findings, the
// deadline the 15th of the same month (October paid on the 20th).
func TestTab_EkoSelfEmployedAfterAMidMonthLayoff(t *testing.T) {
	a, _, _ := newTestTab(t)
	show(t, a, "eko@contoh.id")
	if !strings.HasPrefix(a.headline.Text, "Tidak ada temuan") || a.kitButton.Visible() {
		t.Errorf("headline %q", a.headline.Text)
	}
	cards := texts(t, a.cards)
	for _, want := range []string{
		// Old card: March 2019 – July 2026, 89 months, all on the 10th.
		"PT Mataram Mebel Jaya: 89 dari 89 bulan tercatat (Maret 2019 – Juli 2026), 89 dibayar tepat waktu",
		"(iuran sendiri): 2 dari 2 bulan dibayar (September 2026 – Oktober 2026), 1 sebelum batasnya, tanggal 15 bulan yang sama",
		"Peserta BPU tidak dikenai denda", "Sumber sekunder",
	} {
		if !hasText(cards, want) {
			t.Errorf("cards lack %q:\n%s", want, strings.Join(cards, "\n"))
		}
	}
	if r := texts(t, a.reliefs); !hasText(r, "Agustus 2025–Januari 2026") || !hasText(r, "PP 36/2025") {
		t.Errorf("reliefs %q", r)
	}
}

// Upah saya: a payslip wage of Rp6.500.000 from January 2026 against
// Rudi's 5.956.000 — a gap of 544.000 in each of his seven months of 2026:
// 3.808.000 in all, JHT 5,7% 31.008 a month (217.056), JP 3% 16.320 a
// month (114.240); his share of the deductions, 3%, the same 114.240.
func TestTab_PayslipGapAndItsCost(t *testing.T) {
	a, _, kept := newTestTab(t)
	show(t, a, "rudi@contoh.id")
	p := a.payslip

	test.Type(p.wage, "enam juta")
	test.Tap(p.add)
	if !p.problem.Visible() || len(*kept) != 0 {
		t.Fatalf("bad wage accepted (problem shown %v, saved %d)", p.problem.Visible(), len(*kept))
	}
	p.wage.SetText("")
	test.Type(p.wage, "6.500.000")
	p.fromMonth.SetSelectedIndex(0)
	p.fromYear.SetSelected("2026")
	test.Tap(p.add)
	want := []member.PayslipWage{{From: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 6_500_000}}
	if got := *kept; len(got) != 1 || len(got[0]) != 1 || got[0][0] != want[0] {
		t.Fatalf("OnPayslip got %+v", got)
	}
	if p.status.Text != "Menyimpan…" {
		t.Errorf("status %q", p.status.Text)
	}
	a.SetPayslipSaved(true, nil)
	if p.status.Text != "Disimpan terenkripsi di komputer ini." {
		t.Errorf("status %q", p.status.Text)
	}
	if a.PayslipStatus() != p.status.Text {
		t.Errorf("PayslipStatus %q", a.PayslipStatus())
	}
	costs := texts(t, p.costs)
	for _, w := range []string{"Rp 3.808.000", "Rp 217.056", "Rp 114.240", "Rp 3.000.000"} {
		if !hasText(costs, w) {
			t.Errorf("costs lack %s: %q", w, costs)
		}
	}
	if p.gap.MonthsUnder != 7 || p.gap.JHTAt56 <= p.gap.JHT {
		t.Errorf("gap %+v", p.gap)
	}
	if table := texts(t, p.table); !hasText(table, "Agustus 2026") || !hasText(table, "Rp 544.000") || hasText(table, "Juni 2026") {
		t.Errorf("table %q", table)
	}
	// The kit's letter carries the comparison.
	test.Tap(a.kitButton)
	if !strings.Contains(a.kit.letter.Text, "Upah pada slip gaji saya Rp 6.500.000, sedangkan yang dilaporkan Rp 5.956.000") {
		t.Errorf("letter lacks the payslip:\n%s", a.kit.letter.Text)
	}
	a.SetPayslipSaved(false, nil)
	if !strings.HasPrefix(p.status.Text, "Tidak disimpan: cache offline dimatikan") {
		t.Errorf("session-only status %q", p.status.Text)
	}
	// Removing the entry hands an empty list over.
	test.Tap(uitest.Button(t, p.entries, ""))
	if got := *kept; len(got) != 2 || len(got[1]) != 0 || a.data.Payslip != nil && len(a.data.Payslip) != 0 {
		t.Errorf("after delete: %+v", got)
	}
}

// The action kit: the letter in both languages with the months and amounts,
// copied as shown.
func TestActionKit_LetterBothLanguagesAndCopy(t *testing.T) {
	kitNow = func() time.Time { return time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { kitNow = time.Now })
	a, notices, _ := newTestTab(t)
	show(t, a, "rudi@contoh.id")
	test.Tap(a.kitButton)
	k := a.kit
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
	// "Disalin" shows in the kit that caused it, not behind it on the
	// dashboard's notice line, and adds no overlay that would take the
	// next click aimed at the kit.
	if !uitest.Contains(k.content, lang.L("audit.kit.copied")) || len(*notices) != 0 {
		t.Fatalf("the kit does not say it copied (notices behind it %q)", *notices)
	}
	if n := len(a.p.Win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d overlays: the message must not be one", n)
	}
	k.toast.Dismiss()
}

// One cut-off month, with the reason on screen: Budi's October is paid but
// its deadline (16 November, the 15th being a Sunday) has not passed on
// the data's day, so the check stops at September and says why.
func TestTab_SaysWhyTheNewestMonthIsNotCountedYet(t *testing.T) {
	a, _, _ := newTestTab(t)
	show(t, a, "budi@contoh.id")
	if want := "Diperiksa sampai September 2026: iuran Oktober 2026 belum dihitung karena batas bayarnya, 16 November 2026, belum lewat."; !strings.Contains(a.scope.Text, want) {
		t.Errorf("scope %q lacks %q", a.scope.Text, want)
	}
}
