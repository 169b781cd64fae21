package dashboard

import (
	"errors"
	"math"
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
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// simulationTab is "Simulasi JHT": editable inputs prefilled from the data
// (balance, latest reported wage) and stated defaults (wage growth, return),
// the projected balance at 56 with a chart of the years to come, whether the
// 10% / 30% partial withdrawal is open, and the assumptions in words. The
// arithmetic is package projection's.
type simulationTab struct {
	data  memberdata.Data
	today time.Time

	balance, wage, growth, ret *widget.Entry
	balanceKey, wageKey        *widget.Label
	growthKey, retKey          *widget.Label
	resetButton                *widget.Button
	problem                    *widget.Label

	resultTitle *widget.Label
	result      *widget.Label
	resultNote  *widget.Label
	partial     *widget.Label
	partialBg   *widgets.Tint
	assumptions *widget.Label
	chart       *barChart
	outcome     projection.Result // the last good projection

	content fyne.CanvasObject
}

func newSimulationTab() *simulationTab {
	s := &simulationTab{}
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnChanged = func(string) { s.recompute() }
		return e
	}
	s.balance, s.wage, s.growth, s.ret = entry(), entry(), entry(), entry()
	s.balanceKey, s.wageKey, s.growthKey, s.retKey = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	s.resetButton = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), func() { s.fill() })
	s.resetButton.Importance = widget.LowImportance
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()

	s.result = widgets.NewAmountLabel()
	s.resultTitle = widget.NewLabel("")
	s.resultNote = widget.NewLabel("")
	s.resultNote.Wrapping = fyne.TextWrapWord
	s.partial = widget.NewLabel("")
	s.partial.Wrapping = fyne.TextWrapWord
	s.partialBg = widgets.NewTint(theme.ColorNameSuccess, 0x30)
	s.assumptions = widget.NewLabel("")
	s.assumptions.Wrapping = fyne.TextWrapWord
	s.chart = newBarChart()

	form := container.New(layout.NewFormLayout(),
		s.balanceKey, s.balance, s.wageKey, s.wage, s.growthKey, s.growth, s.retKey, s.ret)
	inputs := container.NewVBox(form, s.problem, container.NewHBox(s.resetButton))
	result := container.NewVBox(s.resultTitle, s.result, s.resultNote,
		container.NewStack(s.partialBg, container.NewPadded(s.partial)))
	top := layouts.NewColumnsOrStack(2, inputs, result)
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(top, s.chart, s.assumptions)))
	return s
}

func (s *simulationTab) setData(data memberdata.Data) {
	s.data = data
	s.today = data.Balance.AsOf
	if s.today.IsZero() {
		s.today = data.FetchedAt
	}
	s.balanceKey.SetText(lang.L("simulation.balance"))
	s.wageKey.SetText(lang.L("simulation.wage"))
	s.growthKey.SetText(lang.L("simulation.growth"))
	s.retKey.SetText(lang.L("simulation.return"))
	s.resetButton.SetText(lang.L("simulation.reset"))
	s.chart.Series = []chartSeries{
		{Name: lang.L("simulation.chart.paidIn"), Color: theme.ColorNamePrimary},
		{Name: lang.L("chart.development"), Color: theme.ColorNameWarning},
	}
	s.chart.Empty = lang.L("simulation.chart.none")
	s.fill()
}

// fill puts the data's values and the defaults back into the inputs.
func (s *simulationTab) fill() {
	s.balance.SetText(formatRupiahInput(s.data.Balance.Total))
	s.wage.SetText(formatRupiahInput(latestWage(s.data)))
	s.growth.SetText(part.PercentInput(projection.DefaultWageGrowth))
	s.ret.SetText(part.PercentInput(projection.DefaultReturnRate))
	s.recompute()
}

// latestWage is the reported wage of the newest month held (every card
// of that month together).
func latestWage(data memberdata.Data) member.Rupiah {
	var latest time.Time
	var wage member.Rupiah
	for _, c := range data.Contributions {
		for _, m := range c.Months {
			switch {
			case m.Period.After(latest):
				latest, wage = m.Period, m.ReportedWage
			case m.Period.Equal(latest):
				wage += m.ReportedWage
			}
		}
	}
	return wage
}

// formatRupiahInput writes an amount for an input: "45.678.900".
func formatRupiahInput(r member.Rupiah) string {
	return strings.TrimPrefix(i18n.FormatRupiah(r), "Rp ")
}

// parsePercentInput reads "5", "5,5" or "5.5 %" as a fraction.
func parsePercentInput(s string) (float64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(f) || f < -50 || f > 100 {
		return 0, part.ErrInput
	}
	return f / 100, nil
}

func (s *simulationTab) recompute() {
	if s.data.Member.BirthDate.IsZero() && s.data.Balance.Total == 0 {
		return // no data yet
	}
	bal, err1 := part.ParseRupiah(s.balance.Text)
	wage, err2 := part.ParseRupiah(s.wage.Text)
	growth, err3 := parsePercentInput(s.growth.Text)
	ret, err4 := parsePercentInput(s.ret.Text)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		s.problem.SetText(lang.L("simulation.inputProblem"))
		s.problem.Show()
		return
	}
	res, err := projection.Project(projection.Params{
		Balance: bal, MonthlyWage: wage, WageGrowth: growth, ReturnRate: ret,
		BirthDate: s.data.Member.BirthDate, MemberSince: s.data.Member.MemberSince, Today: s.today,
	})
	if err != nil {
		s.problem.SetText(lang.L("simulation.inputProblem"))
		s.problem.Show()
		return
	}
	s.problem.Hide()
	s.outcome = res

	s.resultTitle.SetText(lang.L("simulation.resultTitle", map[string]any{"Date": i18n.FormatDate(res.RetireOn)}))
	s.result.SetText(i18n.FormatRupiah(member.Rupiah(res.Balance)))
	if res.Months == 0 {
		s.resultNote.SetText(lang.L("simulation.reached"))
	} else {
		s.resultNote.SetText(lang.L("simulation.resultNote", map[string]any{
			"Years": res.Months / 12, "Months": res.Months % 12,
			"Contributions": i18n.FormatRupiah(member.Rupiah(res.Contributions)),
			"Returns":       i18n.FormatRupiah(member.Rupiah(res.Returns)),
		}))
	}
	if used := claimrules.UsedPartial(s.data.Claims); used != nil {
		// The claims say it was taken: once only (claims.IsPartial).
		s.partial.SetText(lang.L("simulation.partialUsed", map[string]any{"ID": used.ID, "Amount": i18n.FormatRupiah(used.Amount)}))
		s.partialBg.Color = theme.ColorNameWarning
	} else if res.PartialOpen {
		s.partial.SetText(lang.L("simulation.partialOpen", map[string]any{
			"Years": res.MembershipYears,
			"P10":   i18n.FormatRupiah(member.Rupiah(res.Partial10)),
			"P30":   i18n.FormatRupiah(member.Rupiah(res.Partial30)),
		}))
		s.partialBg.Color = theme.ColorNameSuccess
	} else {
		s.partial.SetText(lang.L("simulation.partialClosed", map[string]any{
			"Years": res.MembershipYears, "Date": i18n.FormatDate(res.PartialFrom),
		}))
		s.partialBg.Color = theme.ColorNameWarning
	}
	s.partialBg.Refresh()
	s.assumptions.SetText(lang.L("simulation.assumptions", map[string]any{
		"Rate":   part.Percent(projection.ContributionRate),
		"Growth": part.Percent(growth),
		"Return": part.Percent(ret),
		"Age":    projection.RetirementAge,
	}))

	// The chart: what was paid in (today's balance plus the contributions
	// to come) and the returns, at the end of each step.
	labels := make([]string, len(res.Years))
	values := make([][]float64, len(res.Years))
	paid, returns := float64(bal), 0.0
	end := s.today
	for i, y := range res.Years {
		paid += float64(y.Contributions)
		returns += float64(y.Returns)
		end = end.AddDate(0, y.Months, 0)
		labels[i] = strconv.Itoa(end.Year())
		values[i] = []float64{paid, returns}
	}
	s.chart.SetData(labels, values)
}

func (s *simulationTab) clear() {
	s.data = memberdata.Data{}
	s.outcome = projection.Result{}
	for _, e := range []*widget.Entry{s.balance, s.wage, s.growth, s.ret} {
		e.OnChanged = nil
		e.SetText("")
		e.OnChanged = func(string) { s.recompute() }
	}
	s.result.SetText("")
	s.resultNote.SetText("")
	s.partial.SetText("")
	s.chart.SetData(nil, nil)
}
