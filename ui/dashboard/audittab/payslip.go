package audittab

import (
	"slices"
	"strconv"
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
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// gapTableMonths is how many months, newest first, the comparison lists.
const gapTableMonths = 24

// payslipSection is "Upah saya": the member types the wage on their
// payslip (basic wage plus fixed allowances) from a month on; the app
// compares it month by month with the wage reported and says what the gap
// costs. The wages are handed on (Params.OnPayslip): the shell keeps them
// in the encrypted cache only.
type payslipSection struct {
	a    *Tab
	data memberdata.Data

	intro               *widget.Label
	wageKey, fromKey    *widget.Label
	wage                *widget.Entry
	fromMonth, fromYear *widget.Select
	add                 *widget.Button
	problem             *widget.Label
	status              *widget.Label
	entriesTitle        *widget.Label
	entries             *fyne.Container
	resultTitle         *widget.Label
	result              *widget.Label
	costs               *fyne.Container
	basis               *widget.Label
	tableTitle          *widget.Label
	table               *fyne.Container
	gap                 audit.Gap
	years               []string
	slips               *slipsSection // the payslips month by month (slips.go)
	figureTitle         *widget.Label

	content fyne.CanvasObject
}

func newPayslipSection(a *Tab) *payslipSection {
	p := &payslipSection{a: a}
	wrap := func(l *widget.Label) *widget.Label { l.Wrapping = fyne.TextWrapWord; return l }
	p.intro = wrap(widget.NewLabel(""))
	p.wageKey, p.fromKey = widget.NewLabel(""), widget.NewLabel("")
	p.wage = widget.NewEntry()
	p.wage.OnSubmitted = func(string) { p.addEntry() }
	months := make([]string, 12)
	for m := range months {
		months[m] = i18n.MonthName(time.Month(m + 1))
	}
	p.fromMonth = widget.NewSelect(months, nil)
	p.fromYear = widget.NewSelect(nil, nil)
	p.add = widget.NewButtonWithIcon("", theme.ContentAddIcon(), p.addEntry)
	p.add.Importance = widget.HighImportance
	p.problem = wrap(widget.NewLabel(""))
	p.problem.Importance = widget.DangerImportance
	p.problem.Hide()
	p.status = wrap(widget.NewLabel(""))
	p.status.Hide()
	bold := func() *widget.Label {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.entriesTitle, p.resultTitle, p.tableTitle = bold(), bold(), bold()
	p.entries = container.NewVBox()
	p.result = wrap(widget.NewLabel(""))
	p.costs = container.NewVBox()
	p.basis = wrap(widget.NewLabel(""))
	p.table = container.NewGridWithColumns(6)

	form := container.New(layout.NewFormLayout(),
		p.wageKey, p.wage,
		p.fromKey, container.NewBorder(nil, nil, nil, p.add, container.NewGridWithColumns(2, p.fromMonth, p.fromYear)))
	left := container.NewVBox(p.intro, form, p.problem, p.status, p.entriesTitle, p.entries)
	right := container.NewVBox(p.resultTitle, p.result, p.costs, p.basis)
	p.slips = newSlipsSection(a)
	p.figureTitle = bold()
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		p.slips.content, widget.NewSeparator(), p.figureTitle,
		layouts.NewColumnsOrStack(2, left, right),
		p.tableTitle, p.table,
	)))
	return p
}

func (p *payslipSection) translate() {
	p.slips.translate()
	p.figureTitle.SetText(lang.L("audit.wage.figureTitle"))
	p.intro.SetText(lang.L("audit.wage.intro"))
	p.wageKey.SetText(lang.L("audit.wage.wage"))
	p.fromKey.SetText(lang.L("audit.wage.from"))
	p.wage.SetPlaceHolder(lang.L("audit.wage.placeholder"))
	p.add.SetText(lang.L("audit.wage.add"))
	p.entriesTitle.SetText(lang.L("audit.wage.entries"))
	p.resultTitle.SetText(lang.L("audit.wage.result"))
	p.tableTitle.SetText(lang.L("audit.wage.table", map[string]any{"Count": gapTableMonths}))
	for m := range p.fromMonth.Options {
		p.fromMonth.Options[m] = i18n.MonthName(time.Month(m + 1))
	}
	p.fromMonth.Refresh()
}

func (p *payslipSection) setData(data memberdata.Data) {
	p.data = data
	asOf := AsOf(data)
	first := asOf.Year()
	for _, y := range data.Years() {
		first = min(first, y)
	}
	p.years = p.years[:0]
	for y := asOf.Year(); y >= first && asOf.Year()-y < 50; y-- {
		p.years = append(p.years, strconv.Itoa(y))
	}
	p.fromYear.Options = p.years
	if p.fromYear.Selected == "" || !slices.Contains(p.years, p.fromYear.Selected) {
		p.fromYear.SetSelected(strconv.Itoa(asOf.Year()))
	}
	if p.fromMonth.SelectedIndex() < 0 {
		p.fromMonth.SetSelectedIndex(0)
	}
	p.fromYear.Refresh()
	p.slips.setData(data, p.years)
	p.show()
}

// show lays out the entries and the comparison from p.data.Payslip.
func (p *payslipSection) show() {
	wages := audit.NormalizePayslip(p.data.Payslip)
	rows := make([]fyne.CanvasObject, 0, len(wages))
	for _, w := range wages {
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.remove(w.From) })
		del.Importance = widget.LowImportance
		rows = append(rows, container.NewBorder(nil, nil, nil, del, widget.NewLabel(lang.L("audit.wage.entry", map[string]any{
			"Wage": rp(w.Wage), "From": i18n.FormatMonth(w.From)}))))
	}
	if len(rows) == 0 {
		rows = append(rows, widget.NewLabel(lang.L("audit.wage.noEntries")))
	}
	p.entries.Objects = rows
	p.entries.Refresh()

	p.gap = payslipGap(p.data)
	g := p.gap
	var costs []fyne.CanvasObject
	row := func(key, value string) {
		k := widget.NewLabel(key)
		k.Wrapping = fyne.TextWrapWord
		// A Border, not a form: a wrapping key in a form column is as
		// narrow as one letter.
		costs = append(costs, container.NewBorder(nil, nil, nil,
			widget.NewLabelWithStyle(value, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), k))
	}
	switch {
	case len(wages) == 0:
		p.result.SetText(lang.L("audit.wage.hint"))
	case len(g.Months) == 0:
		p.result.SetText(lang.L("audit.wage.noMonths"))
	case g.MonthsUnder == 0:
		p.result.SetText(lang.L("audit.wage.noGap", map[string]any{"Count": len(g.Months)}))
	default:
		last := g.Months[len(g.Months)-1]
		p.result.SetText(lang.L("audit.wage.gap", map[string]any{"Under": g.MonthsUnder, "Count": len(g.Months),
			"Payslip": rp(last.Payslip), "Reported": rp(last.Reported)}))
		row(lang.L("audit.wage.cost.gap"), rp(g.Gap))
		row(lang.L("audit.wage.cost.jht"), rp(g.JHT))
		if g.JHTAt56 > 0 {
			row(lang.L("audit.wage.cost.jht56", map[string]any{"Date": i18n.FormatDate(g.RetireOn),
				"Growth": part.Percent(projection.DefaultWageGrowth), "Return": part.Percent(projection.DefaultReturnRate)}), rp(g.JHTAt56))
		}
		row(lang.L("audit.wage.cost.jp"), rp(g.JP))
		row(lang.L("audit.wage.cost.deducted"), rp(g.WorkerDeducted))
		row(lang.L("audit.wage.cost.jkp", map[string]any{"Reported": rp(g.JKPReported)}), rp(g.JKPPayslip))
		if g.JKPLoss > 0 {
			row(lang.L("audit.wage.cost.jkpLoss", map[string]any{"Months": audit.JKPMonths}), rp(g.JKPLoss))
		}
	}
	p.costs.Objects = costs
	p.costs.Refresh()
	p.basis.SetText(lang.L("audit.wage.basis"))
	p.basis.Hidden = g.MonthsUnder == 0

	cells := []fyne.CanvasObject{}
	if len(g.Months) > 0 {
		for _, h := range []string{"audit.wage.col.month", "audit.wage.col.payslip", "audit.wage.col.reported", "audit.wage.col.gap", "audit.wage.col.jht", "audit.wage.col.jp"} {
			cells = append(cells, widget.NewLabelWithStyle(lang.L(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		for i := len(g.Months) - 1; i >= 0 && len(g.Months)-i <= gapTableMonths; i-- {
			m := g.Months[i]
			cells = append(cells, widget.NewLabel(i18n.FormatMonth(m.Month)), widget.NewLabel(rp(m.Payslip)),
				widget.NewLabel(rp(m.Reported)), widget.NewLabel(rp(m.Gap)), widget.NewLabel(rp(m.JHT)), widget.NewLabel(rp(m.JP)))
		}
	}
	p.table.Objects = cells
	p.table.Refresh()
	p.tableTitle.Hidden = len(cells) == 0
}

// addEntry reads the form and adds (or replaces) the month's wage.
func (p *payslipSection) addEntry() {
	wage, err := part.ParseRupiah(p.wage.Text)
	year, yerr := strconv.Atoi(p.fromYear.Selected)
	month := p.fromMonth.SelectedIndex()
	switch {
	case err != nil || wage <= 0 || wage > audit.MaxPayslipWage:
		p.problem.SetText(lang.L("audit.wage.bad"))
	case yerr != nil || month < 0:
		p.problem.SetText(lang.L("audit.wage.pickMonth"))
	default:
		p.problem.Hide()
		p.wage.SetText("")
		from := time.Date(year, time.Month(month+1), 1, 0, 0, 0, 0, time.UTC)
		p.set(append(slices.Clone(p.data.Payslip), member.PayslipWage{From: from, Wage: wage}))
		return
	}
	p.problem.Show()
}

func (p *payslipSection) remove(from time.Time) {
	kept := slices.DeleteFunc(slices.Clone(p.data.Payslip), func(w member.PayslipWage) bool { return w.From.Equal(from) })
	p.set(kept)
}

// set takes the new wages, shows them and hands them to the shell.
func (p *payslipSection) set(wages []member.PayslipWage) {
	wages = audit.NormalizePayslip(wages)
	p.data.Payslip = wages
	p.a.data.Payslip = wages
	p.show()
	p.a.showReport() // the gap is one of Temuan's findings
	// "Saving" first: the answer (SetPayslipSaved) may come at once.
	p.a.saving = p.status
	p.setStatus(lang.L("audit.wage.saving"))
	if p.a.p.OnPayslip == nil || !p.a.p.OnPayslip(wages) {
		p.setStatus(lang.L("audit.wage.unsaved"))
	}
}

func (p *payslipSection) setStatus(s string) {
	p.status.SetText(s)
	p.status.Show()
}

func (p *payslipSection) clear() {
	p.data = memberdata.Data{}
	p.gap = audit.Gap{}
	p.wage.SetText("")
	p.status.Hide()
	p.problem.Hide()
	for _, c := range []*fyne.Container{p.entries, p.costs, p.table} {
		c.Objects = nil
		c.Refresh()
	}
	p.result.SetText("")
	p.slips.clear()
}

// SetPayslipSaved tells the member what became of the payslip wages they
// changed (Params.OnPayslip): saved in the encrypted cache, kept only for
// the session (the offline cache is off), or not saved (err).
func (a *Tab) SetPayslipSaved(saved bool, err error) {
	l := a.savingLabel()
	switch {
	case err != nil:
		l.SetText(lang.L("audit.wage.saveFailed", map[string]any{"Reason": i18n.Describe(err)}))
	case saved:
		l.SetText(lang.L("audit.wage.saved"))
	default:
		l.SetText(lang.L("audit.wage.sessionOnly"))
	}
	l.Show()
}

// savingLabel is where the last change's save is told: under the payslips
// or under the single figures.
func (a *Tab) savingLabel() *widget.Label {
	if a.saving == nil {
		return a.payslip.status
	}
	return a.saving
}

// PayslipStatus is what Upah saya says of the member's last change ("" when
// it says nothing).
func (a *Tab) PayslipStatus() string {
	if l := a.savingLabel(); l.Visible() {
		return l.Text
	}
	return ""
}
