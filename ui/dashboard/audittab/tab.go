// Package audittab is the dashboard's "Periksa iuran" tab: what the audit
// (rules/audit) finds in the member's own contributions, card by card, in
// plain words with the rule behind each; the relief months labelled; "Upah
// saya", the payslip wage and what its gap to the reported wage costs
// (payslip.go); the action kit (kit.go); and the Ringkasan's notice of the
// findings (notice.go). It only presents a report: package dashboard runs
// the audit once per data change, off the UI goroutine, and hands the same
// report to the notice and the tab.
package audittab

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Params is what the tab needs of the dashboard around it.
type Params struct {
	Win           fyne.Window
	SetNotice     func(text string, isError bool) // the dashboard's notice line
	ShowStatement func()                          // the statement dialog (the kit's evidence)
	OnKit         func()                          // the kit's button: open the action kit (Tab.ShowKit) if it may
	// OnPayslip hands changed payslip wages on to be kept; it reports
	// false if nobody keeps them (then they last as long as the data on
	// screen).
	OnPayslip func([]member.PayslipWage) bool
	// OnPayslips hands the member's changed payslips (month by month) on
	// to be checked and kept, as OnPayslip.
	OnPayslips func([]member.Payslip) bool
	// Runner applies the result of a file written off the UI goroutine
	// (the evidence pack); the zero Runner uses fyne.Do.
	Runner async.Runner
	// Documents are the member's original documents the pack attaches
	// (a book keeps them); called off the UI goroutine; nil: none.
	Documents func(ctx context.Context) ([]evidence.Document, error)
}

// Tab is "Periksa iuran". Use it on the UI goroutine.
type Tab struct {
	p       Params
	data    memberdata.Data
	hasData bool
	report  audit.Report
	slips   payslip.Report // rules/payslip's findings beside the report (Checks)
	// reported: report is in (SetChecks); until then nothing is counted.
	reported bool
	kit      *actionKit    // the action kit last opened
	saving   *widget.Label // where Upah saya tells the last save (SetPayslipSaved)

	headline  *widget.Label
	headBg    *widgets.Tint
	headIcon  *widget.Icon
	scope     *widget.Label
	kitButton *widget.Button

	findingsTitle *widget.Label
	findings      *fyne.Container
	reliefsTitle  *widget.Label
	reliefs       *fyne.Container
	cardsTitle    *widget.Label
	cards         *fyne.Container

	payslip     *payslipSection
	inner       *container.AppTabs
	checkScroll *container.Scroll
	checkIt     *container.TabItem
	wageIt      *container.TabItem

	content fyne.CanvasObject
}

// New builds an empty Periksa iuran.
func New(p Params) *Tab {
	a := &Tab{p: p}
	a.headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.headline.Wrapping = fyne.TextWrapWord
	a.headBg = widgets.NewTint(theme.ColorNameWarning, 0x30)
	a.headIcon = widget.NewIcon(theme.WarningIcon())
	a.scope = widget.NewLabel("")
	a.scope.Wrapping = fyne.TextWrapWord
	a.kitButton = widget.NewButtonWithIcon("", theme.MailSendIcon(), func() {
		if a.p.OnKit != nil {
			a.p.OnKit()
		}
	})
	a.kitButton.Importance = widget.HighImportance

	bold := func() *widget.Label {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.findingsTitle, a.reliefsTitle, a.cardsTitle = bold(), bold(), bold()
	a.findings, a.reliefs, a.cards = container.NewVBox(), container.NewVBox(), container.NewVBox()

	head := container.NewStack(a.headBg, container.NewPadded(container.NewBorder(nil, nil,
		container.NewCenter(a.headIcon), container.NewCenter(a.kitButton), a.headline)))
	a.checkScroll = container.NewVScroll(container.NewPadded(container.NewVBox(
		head, a.scope,
		a.findingsTitle, a.findings,
		a.reliefsTitle, a.reliefs,
		a.cardsTitle, a.cards,
	)))
	a.payslip = newPayslipSection(a)
	a.checkIt = container.NewTabItem("", a.checkScroll)
	a.wageIt = container.NewTabItem("", a.payslip.content)
	a.inner = container.NewAppTabs(a.checkIt, a.wageIt)
	a.content = a.inner
	return a
}

func (a *Tab) translate() {
	a.checkIt.Text = lang.L("audit.tab.check")
	a.wageIt.Text = lang.L("audit.tab.wage")
	a.inner.Refresh()
	a.kitButton.SetText(lang.L("audit.kit.open"))
	a.findingsTitle.SetText(lang.L("audit.findings"))
	a.reliefsTitle.SetText(lang.L("audit.reliefs"))
	a.cardsTitle.SetText(lang.L("audit.cards"))
	a.payslip.translate()
}

// ShowFindings shows the check (the findings), not Upah saya: where the
// Ringkasan's notice leads, and where a new session starts.
func (a *Tab) ShowFindings() {
	if a.inner.Selected() != a.checkIt {
		a.inner.Select(a.checkIt)
	}
	a.checkScroll.ScrollToTop()
}

// ShowWage shows Upah saya.
func (a *Tab) ShowWage() { a.inner.Select(a.wageIt) }

// Showing is what the tab shows: "check" (the findings) or "wage" (Upah
// saya).
func (a *Tab) Showing() string {
	if a.inner.Selected() == a.wageIt {
		return "wage"
	}
	return "check"
}

// Content is the tab's root object.
func (a *Tab) Content() fyne.CanvasObject { return a.content }

// SetData shows data's scope and Upah saya; the findings come with
// SetReport.
func (a *Tab) SetData(data memberdata.Data) {
	a.data, a.hasData = data, true
	a.translate()
	a.scope.SetText(lang.L("audit.scope", map[string]any{"Date": i18n.FormatDate(AsOf(data))}) + " " + CutOffText(AsOf(data)))
	a.payslip.setData(data)
}

// SetReport shows what the audit of the data found, with no payslip
// findings; nil (the report is on its way) shows nothing yet.
func (a *Tab) SetReport(report *audit.Report) {
	if report == nil {
		a.SetChecks(nil)
		return
	}
	a.SetChecks(&Checks{Audit: *report})
}

// SetChecks shows what the audit and the payslip checks of the data
// found; nil (on their way) shows nothing yet.
func (a *Tab) SetChecks(c *Checks) {
	if c == nil {
		a.report, a.slips, a.reported = audit.Report{}, payslip.Report{}, false
		a.clearReport()
		return
	}
	a.report, a.slips, a.reported = c.Audit, c.Payslip, true
	a.showReport()
}

// Problems is what the tab counts and lists: the report's findings, the
// payslip findings and the payslip gap of the data shown.
func (a *Tab) Problems() Problems {
	return NewProblems(Checks{Audit: a.report, Payslip: a.slips}, a.data, part.Clock())
}

// showReport lays out the report and the payslip gap (again after Upah
// saya changed).
func (a *Tab) showReport() {
	if !a.reported {
		return
	}
	probs := a.Problems()
	findings := probs.Findings
	if n := probs.Count(); n == 0 {
		a.headline.SetText(lang.L("audit.none"))
		if selfPaid(a.report) {
			a.headline.SetText(lang.L("audit.selfPaid.headline"))
		}
		a.headBg.Color = theme.ColorNameSuccess
		a.headIcon.SetResource(theme.ConfirmIcon())
		a.kitButton.Hide()
	} else {
		a.headline.SetText(part.Plural(n, lang.L("audit.found.one", map[string]any{"Count": n}),
			lang.L("audit.found", map[string]any{"Count": n})))
		a.headBg.Color = theme.ColorNameWarning
		a.headIcon.SetResource(theme.WarningIcon())
		a.kitButton.Show()
	}
	a.headBg.Refresh()

	rows := make([]fyne.CanvasObject, 0, len(findings)+len(probs.Payslip)+1)
	for _, f := range findings {
		rows = append(rows, findingBox(f))
	}
	for _, f := range probs.Payslip {
		rows = append(rows, slipBox(f))
	}
	if probs.HasGap() {
		rows = append(rows, noteBox(theme.ColorNameWarning, theme.WarningIcon(), gapTitle(probs.Gap),
			[]string{gapBody(probs.Gap)}, ruleText(audit.CiteWage, audit.SourceText)))
	}
	if len(rows) == 0 {
		rows = append(rows, widget.NewLabel(lang.L("audit.findings.none")))
	}
	a.findings.Objects = rows
	a.findings.Refresh()

	reliefs := a.report.Reliefs()
	rows = make([]fyne.CanvasObject, 0, len(reliefs))
	for _, r := range reliefs {
		rows = append(rows, noteBox(theme.ColorNamePrimary, theme.InfoIcon(), reliefTitle(r), []string{reliefBody(r)}, ruleText(r.Cite, r.Source)))
	}
	a.reliefs.Objects = rows
	a.reliefsTitle.Hidden = len(rows) == 0
	a.reliefs.Refresh()

	rows = make([]fyne.CanvasObject, 0, len(a.report.Cards))
	withSlips := slipCards(probs.Payslip)
	for _, c := range a.report.Cards {
		line := cardLine(c, probs.OnCard(c.KPJ))
		if slices.Contains(withSlips, c.KPJ) {
			// The evidence pack of the card's payslip findings.
			line = container.NewBorder(nil, nil, nil, container.NewCenter(a.packButton(c.KPJ)), line)
		}
		rows = append(rows, line)
	}
	a.cards.Objects = rows
	a.cards.Refresh()
}

// findingBox is one finding: a title, what it means, the months, the rule.
func findingBox(f audit.Finding) fyne.CanvasObject {
	lines := []string{findingBody(f)}
	if f.Kind == audit.KindLate {
		lines = append(lines, lateLines(f)...)
	}
	return noteBox(theme.ColorNameWarning, theme.WarningIcon(), findingTitle(f), lines, ruleText(f.Cite, f.Source))
}

// noteBox is a tinted block with an icon, a bold title, wrapped lines and
// an italic rule line.
func noteBox(tint fyne.ThemeColorName, icon fyne.Resource, title string, lines []string, rule string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{t}
	for _, l := range lines {
		lb := widget.NewLabel(l)
		lb.Wrapping = fyne.TextWrapWord
		objs = append(objs, lb)
	}
	r := widget.NewLabel(rule)
	r.Wrapping = fyne.TextWrapWord
	objs = append(objs, r)
	body := container.New(layout.NewCustomPaddedVBoxLayout(0), objs...)
	return container.NewStack(widgets.NewTint(tint, 0x1c),
		container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(widget.NewIcon(icon))), nil, body))
}

// selfPaid: every card is the member's own to pay (BPU or PMI).
func selfPaid(r audit.Report) bool {
	for _, c := range r.Cards {
		if !c.SelfPaid {
			return false
		}
	}
	return len(r.Cards) > 0
}

// cardLine sums one card's audit up.
func cardLine(c audit.CardReport, found int) fyne.CanvasObject {
	if c.SelfPaid {
		l := widget.NewLabel(selfPaidLine(c))
		l.Wrapping = fyne.TextWrapWord
		r := widget.NewLabel(ruleText(audit.CiteSelfPaid, audit.SourceSecondary))
		r.Wrapping = fyne.TextWrapWord
		return container.NewVBox(l, r)
	}
	l := widget.NewLabel(lang.L("audit.card.line", map[string]any{
		"KPJ": i18n.MaskKPJ(c.KPJ), "Employer": c.Employer, "Paid": c.MonthsPaid, "Due": c.MonthsDue, "OnTime": c.OnTime,
		"From": i18n.FormatMonth(c.First), "To": i18n.FormatMonth(c.Last), "Count": nFindings(found),
	}))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Clear drops the member's data (lock, logout).
func (a *Tab) Clear() {
	a.data, a.hasData, a.report, a.slips, a.reported, a.kit = memberdata.Data{}, false, audit.Report{}, payslip.Report{}, false, nil
	a.scope.SetText("")
	a.clearReport()
	a.payslip.clear()
}

// clearReport empties what the report showed.
func (a *Tab) clearReport() {
	a.headline.SetText("")
	a.kitButton.Hide()
	for _, c := range []*fyne.Container{a.findings, a.reliefs, a.cards} {
		c.Objects = nil
		c.Refresh()
	}
}
