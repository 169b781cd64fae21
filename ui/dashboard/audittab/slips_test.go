package audittab

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// newSlipsTab is Periksa iuran with the payslips it hands on recorded.
func newSlipsTab(t *testing.T) (*Tab, *[][]member.Payslip) {
	t.Helper()
	a, _, _ := newTestTab(t)
	var kept [][]member.Payslip
	a.p.OnPayslips = func(ps []member.Payslip) bool { kept = append(kept, ps); return true }
	return a, &kept
}

// fill types a payslip into the form: the month of 2026, the figures
// (empty strings left empty).
func fill(s *slipsSection, month time.Month, basic, allowances, jht, jp, jkk string) {
	f := &s.form
	f.month.SetSelectedIndex(int(month) - 1)
	f.year.SetSelected("2026")
	for e, v := range map[*widget.Entry]string{f.basic: basic, f.allowances: allowances, f.jht: jht, f.jp: jp, f.jkk: jkk} {
		e.SetText("")
		test.Type(e, v)
	}
}

// rowButtons are the edit and delete buttons of the table's row-th row
// (0: the newest payslip).
func rowButtons(t *testing.T, s *slipsSection, row int) (edit, del *widget.Button) {
	t.Helper()
	return uitest.Button(t, s.table.Objects[2*row], "Ubah"), uitest.Button(t, s.table.Objects[2*row], "Hapus")
}

// Rudi adds September 2026's payslip, is told what to fix first, corrects
// it and deletes it; every change is handed on whole and what was typed
// survives a refused save.
func TestSlips_AddCorrectDelete(t *testing.T) {
	a, kept := newSlipsTab(t)
	show(t, a, "rudi@contoh.id")
	s := a.payslip.slips
	if got := texts(t, s.table); !hasText(got, "Belum ada slip gaji") {
		t.Fatalf("empty table says %q", got)
	}
	if s.form.card.Selected != "•••••••9012 · PT Sumber Rejeki Plastindo" {
		t.Errorf("card %q", s.form.card.Selected)
	}

	for _, c := range []struct {
		name                                  string
		month                                 time.Month
		basic, allowances, jht, jp, jkk, want string
	}{
		{"words", time.September, "lima juta", "", "", "", "", "Tulis upah pokok sebulan dalam rupiah, misalnya 5.456.000."},
		{"a decimal", time.September, "5.456.000", "500.000", "119.120,50", "", "", "Tulis tunjangan dan potongan dalam rupiah tanpa desimal"},
		{"the future", time.December, "5.456.000", "", "", "", "", "Bulan itu belum lewat"},
		{"deductions above the wage", time.September, "100.000", "", "119.120", "59.560", "", "Potongan BPJS Ketenagakerjaan lebih besar dari upah"},
	} {
		fill(s, c.month, c.basic, c.allowances, c.jht, c.jp, c.jkk)
		test.Tap(s.save)
		if !s.problem.Visible() || !hasText([]string{s.problem.Text}, c.want) || len(*kept) != 0 {
			t.Errorf("%s: problem %q (shown %v), handed on %d", c.name, s.problem.Text, s.problem.Visible(), len(*kept))
		}
		if s.form.basic.Text != c.basic {
			t.Errorf("%s: the form lost %q (%q)", c.name, c.basic, s.form.basic.Text)
		}
	}

	fill(s, time.September, "5.456.000", "500.000", "119.120", "Rp 59.560", "")
	test.Tap(s.save)
	want := member.Payslip{Period: member.Month(2026, time.September), Employer: "PT Sumber Rejeki Plastindo", KPJ: fixtures.RudiKPJ,
		BasicWage: 5_456_000, FixedAllowances: 500_000, DeductJHT: 119_120, DeductJP: 59_560}
	if len(*kept) != 1 || len((*kept)[0]) != 1 || (*kept)[0][0] != want || s.problem.Visible() {
		t.Fatalf("handed on %+v (problem %q)", *kept, s.problem.Text)
	}
	if s.form.basic.Text != "" || a.PayslipStatus() != "Menyimpan…" {
		t.Errorf("after adding: form %q, status %q", s.form.basic.Text, a.PayslipStatus())
	}
	a.SetPayslipSaved(true, nil)
	if a.PayslipStatus() != "Disimpan terenkripsi di komputer ini." {
		t.Errorf("status %q", a.PayslipStatus())
	}
	mustShow(t, "the table", texts(t, s.table), "September 2026 · PT Sumber Rejeki Plastindo · upah Rp 5.956.000",
		"Dipotong: JHT Rp 119.120 · JP Rp 59.560 · JKK Rp 0 · JKM Rp 0 · sumber: diketik")

	// The same month again is refused: correct the one in the table.
	fill(s, time.September, "6.000.000", "", "", "", "")
	test.Tap(s.save)
	if !hasText([]string{s.problem.Text}, "Sudah ada slip gaji September 2026") || len(*kept) != 1 {
		t.Errorf("a second September: %q, handed on %d", s.problem.Text, len(*kept))
	}

	edit, _ := rowButtons(t, s, 0)
	test.Tap(edit)
	if s.form.basic.Text != "5.456.000" || s.form.jht.Text != "119.120" || s.save.Text != "Simpan perubahan" || !s.cancel.Visible() {
		t.Fatalf("editing: basic %q, JHT %q, button %q", s.form.basic.Text, s.form.jht.Text, s.save.Text)
	}
	s.form.jht.SetText("100.000")
	test.Tap(s.save)
	if got := (*kept)[len(*kept)-1]; len(got) != 1 || got[0].DeductJHT != 100_000 || got[0].BasicWage != 5_456_000 {
		t.Fatalf("corrected: %+v", got)
	}
	if s.save.Text != "Tambah slip gaji" || s.cancel.Visible() {
		t.Errorf("after the correction the form still corrects (%q)", s.save.Text)
	}
	_, del := rowButtons(t, s, 0)
	test.Tap(del)
	if got := (*kept)[len(*kept)-1]; len(got) != 0 || len(a.data.Payslips) != 0 {
		t.Fatalf("deleted: handed on %+v, data %+v", got, a.data.Payslips)
	}
	a.SetPayslipSaved(false, errors.New("disk full"))
	if !hasText([]string{a.PayslipStatus()}, "Upah tidak dapat disimpan.") {
		t.Errorf("a failed save says %q", a.PayslipStatus())
	}
}

// In English the form's messages are English too.
func TestSlips_MessagesInEnglish(t *testing.T) {
	a, kept := newSlipsTab(t)
	uitest.SetLanguage(t, "en")
	show(t, a, "rudi@contoh.id")
	s := a.payslip.slips
	fill(s, time.September, "five million", "", "", "", "")
	test.Tap(s.save)
	if s.problem.Text != "Write the monthly basic wage in rupiah, for example 5.456.000." || len(*kept) != 0 {
		t.Errorf("problem %q", s.problem.Text)
	}
	if s.title.Text != "Payslips month by month" || s.save.Text != "Add payslip" {
		t.Errorf("title %q, button %q", s.title.Text, s.save.Text)
	}
}

// A payslip read from a document names its file; a single wage figure
// typed before keeps showing beside the payslips and keeps its gap for
// the months with no payslip of their own.
func TestSlips_FileSourceAndTheOldFigure(t *testing.T) {
	a, _ := newSlipsTab(t)
	data := fixtures.Member(t, "rudi@contoh.id")
	data.Payslip = fixtures.RudiWageFigure()
	data.Payslips = fixtures.RudiPayslips()
	data.Payslips[0].Source = member.Source{File: "slip-juli-2026.csv", SHA256: "00", Line: 2}
	a.SetData(data)
	c := Check(data)
	a.SetChecks(&c)
	p := a.payslip
	mustShow(t, "the table", texts(t, p.slips.table), "slip-juli-2026.csv", "diketik", "Juli 2026", "September 2026")
	mustShow(t, "the figures", texts(t, p.entries), "Rp 6.500.000 sejak Januari 2026")
	if p.gap.MonthsUnder != 6 || !a.Problems().HasGap() {
		t.Errorf("the old figure's gap: %d months under", p.gap.MonthsUnder)
	}
	a.Clear()
	if len(p.slips.table.Objects) != 0 || p.slips.data.Payslips != nil {
		t.Error("Clear left payslips on screen")
	}
}
