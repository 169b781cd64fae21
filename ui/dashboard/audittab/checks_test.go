package audittab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// showChecked shows a demo member's data with the given payslips and the
// checks of both (the audit and rules/payslip), as the dashboard does.
func showChecked(t *testing.T, a *Tab, email string, change func(*memberdata.Data)) memberdata.Data {
	t.Helper()
	data := fixtures.Member(t, email)
	if change != nil {
		change(&data)
	}
	a.SetData(data)
	c := Check(data)
	a.SetChecks(&c)
	return data
}

// Rudi's payslips: September's JHT and JP shares (Rp 119.120 + 59.560)
// deducted in a month his employer paid nothing in, and July's JKK
// (Rp 53.008) deducted from him. Temuan lists both beside the audit's
// three, each with its months in rupiah and its rule (the JKK one marked
// secondary); September is not also listed as a month missing while
// employed (the audit lists it as not paid since August).
func TestTab_PayslipFindingsBesideTheAudits(t *testing.T) {
	a, _, _ := newTestTab(t)
	showChecked(t, a, "rudi@contoh.id", func(d *memberdata.Data) { d.Payslips = fixtures.RudiPayslips() })
	if p := a.Problems(); p.Count() != 5 || len(p.Payslip) != 2 {
		t.Fatalf("problems %d, payslip findings %+v", p.Count(), p.Payslip)
	}
	if want := "Kami menemukan 5 hal yang perlu Anda periksa pada iuran Anda."; a.headline.Text != want {
		t.Errorf("headline %q", a.headline.Text)
	}
	found := texts(t, a.findings)
	mustShow(t, "Temuan", found,
		"Dipotong tapi tidak disetor: September 2026",
		"September 2026: dipotong Rp 178.680, masuk ke kartu Rp 0, tidak disetor Rp 178.680",
		"Aturan: UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55.",
		"JKK/JKM dipotong dari upah: Juli 2026",
		"Juli 2026: JKK/JKM dipotong dari upah Rp 53.008",
		"sumber sekunder; nomor pasal belum dicek pada teks resmi")
	if hasText(found, fixtures.RudiKPJ) || !hasText(found, "tidak sampai ke kartu •••••••9012") {
		t.Errorf("the card number is not masked:\n%s", strings.Join(found, "\n"))
	}
	if hasText(found, "Bulan tanpa iuran saat bekerja") {
		t.Errorf("September listed twice:\n%s", strings.Join(found, "\n"))
	}
	if cards := texts(t, a.cards); !hasText(cards, "53 dibayar tepat waktu; 5 temuan.") {
		t.Errorf("card line %q", cards)
	}
	test.Tap(a.kitButton)
	kit := strings.Join(fixtures.Texts(t, a.p.Win.Canvas().Overlays().Top()), "\n")
	if n := strings.Count(kit, "• "); n != 5 || !strings.Contains(kit, "• Dipotong tapi tidak disetor: September 2026 — PT Sumber Rejeki Plastindo") {
		t.Errorf("the kit lists %d:\n%s", n, kit)
	}
	// The letter carries them too, in the first person, numbered after the
	// audit's three, each with its basis; and in English.
	letter := a.kit.letter.Text
	for _, want := range []string{
		"4. Slip gaji saya menunjukkan potongan JHT dan JP pada September 2026 (1 bulan), tetapi Rp 178.680 dari potongan itu tidak tercatat di kartu saya.",
		"   Dasar: UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55",
		"5. Iuran JKK/JKM, yang ditanggung pemberi kerja, dipotong dari upah saya pada Juli 2026 (1 bulan); Rp 53.008 mohon dikembalikan.",
	} {
		if !strings.Contains(letter, want) {
			t.Errorf("the letter lacks %q:\n%s", want, letter)
		}
	}
	a.kit.language.SetSelected("English")
	if want := "My payslips show JHT and JP deducted in September 2026 (1 month), but Rp 178.680 of those deductions is not recorded on my card."; !strings.Contains(a.kit.letter.Text, want) {
		t.Errorf("the English letter lacks %q:\n%s", want, a.kit.letter.Text)
	}
}

// In English the same findings say the same in English, the rule's
// citation too.
func TestTab_PayslipFindingsInEnglish(t *testing.T) {
	a, _, _ := newTestTab(t)
	uitest.SetLanguage(t, "en")
	showChecked(t, a, "rudi@contoh.id", func(d *memberdata.Data) { d.Payslips = fixtures.RudiPayslips() })
	mustShow(t, "Temuan", texts(t, a.findings),
		"Deducted but not paid in: September 2026",
		"September 2026: deducted Rp 178.680, reached the card Rp 0, not paid in Rp 178.680",
		"Law 24/2011 Article 19(1)–(2) and Article 55",
		"(secondary source; article numbers not checked in the official text)")
}

// A single payslip wage typed before and a payslip of the same month: the
// month is compared once, by the payslip (rules/payslip), and the figure
// covers the months with no payslip of their own.
func TestProblems_AMonthWithAPayslipIsNotAlsoInTheGap(t *testing.T) {
	data := fixtures.Member(t, "rudi@contoh.id")
	data.Payslip = nil
	only := payslipGap(data)
	data.Payslips = fixtures.RudiPayslips()
	with := payslipGap(data)
	if only.MonthsUnder != 0 || with.MonthsUnder != 0 {
		t.Fatalf("no figure typed: gaps %d, %d", only.MonthsUnder, with.MonthsUnder)
	}
	data.Payslips = nil
	data.Payslip = fixtures.RudiWageFigure()
	before := payslipGap(data)
	data.Payslips = fixtures.RudiPayslips()
	after := payslipGap(data)
	// Rudi's 2026 months paid: January–May, July, August (7); July has a
	// payslip of its own.
	if before.MonthsUnder != 7 || after.MonthsUnder != 6 {
		t.Errorf("months under: %d without payslips, %d with (want 7, 6)", before.MonthsUnder, after.MonthsUnder)
	}
}

// mustShow fails for each of wants that no text of got contains.
func mustShow(t *testing.T, where string, got []string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !hasText(got, want) {
			t.Errorf("%s lacks %q:\n%s", where, want, strings.Join(got, "\n"))
		}
	}
}
