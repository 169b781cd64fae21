package audittab

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// slipsSection is Upah saya's payslips month by month: a table of the
// member's payslips (typed here or read from their documents) with a form
// to add, correct and delete one. The payslips are handed on
// (Params.OnPayslips): the dashboard checks them with the audit
// (rules/payslip) and the shell keeps them in the encrypted cache only.
type slipsSection struct {
	a    *Tab
	data memberdata.Data

	title, intro *widget.Label
	table        *fyne.Container
	form         slipForm
	editing      int // the payslip the form corrects, -1 when it adds one
	save, cancel *widget.Button
	problem      *widget.Label
	status       *widget.Label

	content fyne.CanvasObject
}

// slipForm is the form's fields: the month, the card, and the figures.
type slipForm struct {
	month, year *widget.Select
	card        *widget.Select
	cards       []member.KPJCard // the card select's options
	basic       *widget.Entry
	allowances  *widget.Entry
	jht, jp     *widget.Entry
	jkk, jkm    *widget.Entry
	keys        []*widget.Label // the form's labels, translated
}

func newSlipsSection(a *Tab) *slipsSection {
	s := &slipsSection{a: a, editing: -1}
	wrap := func(l *widget.Label) *widget.Label { l.Wrapping = fyne.TextWrapWord; return l }
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.intro = wrap(widget.NewLabel(""))
	s.table = container.NewVBox()
	f := &s.form
	f.month = widget.NewSelect(make([]string, 12), nil)
	f.year = widget.NewSelect(nil, nil)
	f.card = widget.NewSelect(nil, nil)
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnSubmitted = func(string) { s.submit() }
		return e
	}
	f.basic, f.allowances, f.jht, f.jp, f.jkk, f.jkm = entry(), entry(), entry(), entry(), entry(), entry()
	for range 8 {
		f.keys = append(f.keys, widget.NewLabel(""))
	}
	s.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), s.submit)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon("", theme.CancelIcon(), s.reset)
	s.cancel.Hide()
	s.problem = wrap(widget.NewLabel(""))
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()
	s.status = wrap(widget.NewLabel(""))
	s.status.Hide()

	k := f.keys
	form := container.New(layout.NewFormLayout(),
		k[0], container.NewGridWithColumns(2, f.month, f.year),
		k[1], f.card,
		k[2], f.basic, k[3], f.allowances,
		k[4], container.NewGridWithColumns(2, f.jht, f.jp),
		k[5], container.NewGridWithColumns(2, f.jkk, f.jkm))
	s.content = container.NewVBox(s.title, s.intro, s.table,
		layouts.NewColumnsOrStack(2, container.NewVBox(form, container.NewHBox(s.save, s.cancel), s.problem, s.status), layout.NewSpacer()))
	return s
}

func (s *slipsSection) translate() {
	s.title.SetText(lang.L("audit.slips.title"))
	s.intro.SetText(lang.L("audit.slips.intro"))
	f := &s.form
	for m := range f.month.Options {
		f.month.Options[m] = i18n.MonthName(time.Month(m + 1))
	}
	f.month.Refresh()
	for i, key := range []string{"audit.slips.month", "audit.slips.card", "audit.slips.basic", "audit.slips.allowances",
		"audit.slips.jhtjp", "audit.slips.jkkjkm"} {
		f.keys[i].SetText(lang.L(key))
	}
	f.basic.SetPlaceHolder(lang.L("audit.slips.placeholder"))
	for _, e := range []*widget.Entry{f.allowances, f.jht, f.jp, f.jkk, f.jkm} {
		e.SetPlaceHolder("0")
	}
	s.cancel.SetText(lang.L("audit.slips.cancel"))
	s.setSaveText()
}

func (s *slipsSection) setSaveText() {
	if s.editing >= 0 {
		s.save.SetText(lang.L("audit.slips.saveChange"))
	} else {
		s.save.SetText(lang.L("audit.slips.add"))
	}
}

func (s *slipsSection) setData(data memberdata.Data, years []string) {
	s.data = data
	f := &s.form
	f.year.Options = years
	if f.year.Selected == "" || !slices.Contains(years, f.year.Selected) {
		f.year.SetSelected(strconv.Itoa(AsOf(data).Year()))
	}
	if f.month.SelectedIndex() < 0 {
		f.month.SetSelectedIndex(int(AsOf(data).Month()) - 1)
	}
	f.year.Refresh()
	f.cards = slices.Clone(data.Member.Cards)
	opts := make([]string, len(f.cards))
	for i, c := range f.cards {
		opts[i] = lang.L("dashboard.card.option", map[string]any{"KPJ": i18n.MaskKPJ(c.KPJ), "Employer": c.EmployerName})
	}
	f.card.Options = opts
	if f.card.SelectedIndex() < 0 && len(opts) > 0 {
		f.card.SetSelectedIndex(len(opts) - 1) // the newest card: the employer a payslip most likely comes from
	}
	f.card.Refresh()
	s.show()
}

// show lays out the table, newest month first: one row a payslip, its
// month, employer and wage, then what was deducted and where it came
// from, with its edit and delete buttons. Rows of wrapping text rather
// than a grid of columns, so the table fits the window at 1024 px.
func (s *slipsSection) show() {
	if len(s.data.Payslips) == 0 {
		s.table.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("audit.slips.none"))}
		s.table.Refresh()
		return
	}
	rows := make([]fyne.CanvasObject, 0, 2*len(s.data.Payslips))
	for i := len(s.data.Payslips) - 1; i >= 0; i-- {
		p := s.data.Payslips[i]
		src := lang.L("audit.slips.typed")
		if p.Source.File != "" {
			src = p.Source.File
		}
		head := widget.NewLabelWithStyle(lang.L("audit.slips.row", map[string]any{"Month": i18n.FormatMonth(p.Period),
			"Employer": p.Employer, "Wage": rp(int64(p.Wage()))}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		detail := widget.NewLabel(lang.L("audit.slips.deducted", map[string]any{"JHT": rp(int64(p.DeductJHT)), "JP": rp(int64(p.DeductJP)),
			"JKK": rp(int64(p.DeductJKK)), "JKM": rp(int64(p.DeductJKM)), "Source": src}))
		detail.Wrapping = fyne.TextWrapWord
		edit := widget.NewButtonWithIcon(lang.L("audit.slips.edit"), theme.DocumentCreateIcon(), func() { s.edit(i) })
		del := widget.NewButtonWithIcon(lang.L("audit.slips.delete"), theme.DeleteIcon(), func() { s.remove(i) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(edit, del)),
			container.New(layout.NewCustomPaddedVBoxLayout(0), head, detail)), widget.NewSeparator())
	}
	s.table.Objects = rows
	s.table.Refresh()
}

// edit fills the form with payslip i to correct it.
func (s *slipsSection) edit(i int) {
	if i < 0 || i >= len(s.data.Payslips) {
		return
	}
	p := s.data.Payslips[i]
	f := &s.form
	f.month.SetSelectedIndex(int(p.Period.Month()) - 1)
	y := strconv.Itoa(p.Period.Year())
	if !slices.Contains(f.year.Options, y) {
		f.year.Options = append(f.year.Options, y)
	}
	f.year.SetSelected(y)
	for c, card := range f.cards {
		if card.KPJ == p.KPJ {
			f.card.SetSelectedIndex(c)
		}
	}
	set := func(e *widget.Entry, n member.Rupiah) {
		if n == 0 {
			e.SetText("")
		} else {
			e.SetText(strings.TrimSpace(strings.TrimPrefix(n.Format(), "Rp")))
		}
	}
	set(f.basic, p.BasicWage)
	set(f.allowances, p.FixedAllowances)
	set(f.jht, p.DeductJHT)
	set(f.jp, p.DeductJP)
	set(f.jkk, p.DeductJKK)
	set(f.jkm, p.DeductJKM)
	s.editing = i
	s.cancel.Show()
	s.problem.Hide()
	s.setSaveText()
}

// reset empties the form's figures and leaves correcting.
func (s *slipsSection) reset() {
	f := &s.form
	for _, e := range []*widget.Entry{f.basic, f.allowances, f.jht, f.jp, f.jkk, f.jkm} {
		e.SetText("")
	}
	s.editing = -1
	s.cancel.Hide()
	s.problem.Hide()
	s.setSaveText()
}

// submit reads the form; a payslip that passes is added (or replaces the
// one corrected), else the form says what to fix and keeps what was typed.
func (s *slipsSection) submit() {
	p, problem := s.read()
	if problem != "" {
		s.problem.SetText(lang.L(problem))
		s.problem.Show()
		return
	}
	ps := slices.Clone(s.data.Payslips)
	for i, q := range ps {
		if i != s.editing && q.Period.Equal(p.Period) && q.KPJ == p.KPJ && q.Employer == p.Employer {
			s.problem.SetText(lang.L("audit.slips.bad.duplicate", map[string]any{"Month": i18n.FormatMonth(p.Period)}))
			s.problem.Show()
			return
		}
	}
	if s.editing >= 0 && s.editing < len(ps) {
		old := ps[s.editing]
		// What the form does not show stays; the figures are now typed.
		p.OtherIncome, p.DeductHealth, p.DeductTax = old.OtherIncome, old.DeductHealth, old.DeductTax
		ps[s.editing] = p
	} else {
		ps = append(ps, p)
	}
	s.reset()
	s.set(ps)
}

// read checks the form: the payslip, or the translation key of what to
// fix.
func (s *slipsSection) read() (member.Payslip, string) {
	f := &s.form
	year, err := strconv.Atoi(f.year.Selected)
	if err != nil || f.month.SelectedIndex() < 0 {
		return member.Payslip{}, "audit.slips.bad.month"
	}
	period := member.Month(year, time.Month(f.month.SelectedIndex()+1))
	if period.After(member.MonthOf(AsOf(s.data))) {
		return member.Payslip{}, "audit.slips.bad.future"
	}
	c := f.card.SelectedIndex()
	if c < 0 || c >= len(f.cards) {
		return member.Payslip{}, "audit.slips.bad.card"
	}
	basic, err := part.ParseRupiah(f.basic.Text)
	if err != nil || basic <= 0 || basic > audit.MaxPayslipWage {
		return member.Payslip{}, "audit.slips.bad.basic"
	}
	p := member.Payslip{Period: period, KPJ: f.cards[c].KPJ, Employer: f.cards[c].EmployerName, BasicWage: member.Rupiah(basic)}
	var sum int64
	for _, x := range []struct {
		e  *widget.Entry
		to *member.Rupiah
	}{{f.allowances, &p.FixedAllowances}, {f.jht, &p.DeductJHT}, {f.jp, &p.DeductJP}, {f.jkk, &p.DeductJKK}, {f.jkm, &p.DeductJKM}} {
		if x.e.Text == "" {
			continue
		}
		n, err := part.ParseRupiah(x.e.Text)
		if err != nil || n > audit.MaxPayslipWage {
			return member.Payslip{}, "audit.slips.bad.amount"
		}
		*x.to = member.Rupiah(n)
		if x.e != f.allowances {
			sum += n
		}
	}
	if sum > int64(p.Wage()) {
		return member.Payslip{}, "audit.slips.bad.deductions"
	}
	return p, ""
}

func (s *slipsSection) remove(i int) {
	if i < 0 || i >= len(s.data.Payslips) {
		return
	}
	s.reset()
	s.set(slices.Delete(slices.Clone(s.data.Payslips), i, i+1))
}

// set takes the new payslips, shows them and hands them on.
func (s *slipsSection) set(ps []member.Payslip) {
	ps = memberdata.SortPayslips(ps)
	s.data.Payslips = ps
	s.a.data.Payslips = ps
	s.show()
	s.a.showReport() // the single figures' gap leaves these months out at once; the checks follow
	s.a.saving = s.status
	s.status.SetText(lang.L("audit.wage.saving"))
	s.status.Show()
	if s.a.p.OnPayslips == nil || !s.a.p.OnPayslips(ps) {
		s.status.SetText(lang.L("audit.wage.unsaved"))
	}
}

func (s *slipsSection) clear() {
	s.data = memberdata.Data{}
	s.reset()
	s.status.Hide()
	s.table.Objects = nil
	s.table.Refresh()
}
