package dashboard

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/audittab"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// summaryTab is Ringkasan: the JHT balance large, the programs and the
// membership facts.
type summaryTab struct {
	balance      *widget.Label
	balanceAsOf  *widget.Label
	balanceCard  *widget.Card
	programsCard *widget.Card
	programs     *fyne.Container
	memberCard   *widget.Card
	audit        *audittab.Notice // the audit's findings, if any

	employer, npp, employerSince, memberSince, lastContribution, statusSince *field

	content fyne.CanvasObject
}

func newSummaryTab() *summaryTab {
	s := &summaryTab{}
	s.balance = widgets.NewAmountLabel()
	s.balanceAsOf = widget.NewLabel("")
	s.balanceCard = widget.NewCard("", "", container.NewVBox(s.balance, s.balanceAsOf))

	s.programs = container.NewVBox()
	s.programsCard = widget.NewCard("", "", s.programs)

	s.employer = newField("dashboard.field.employer")
	s.npp = newField("dashboard.field.npp")
	s.employerSince = newField("dashboard.field.employerSince")
	s.memberSince = newField("dashboard.field.memberSince")
	s.statusSince = newField("dashboard.field.statusSince")
	s.lastContribution = newField("dashboard.field.lastContribution")
	s.memberCard = widget.NewCard("", "", fieldGrid(s.employer, s.npp, s.employerSince,
		s.memberSince, s.statusSince, s.lastContribution))

	s.audit = audittab.NewNotice()
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		s.audit.Content(),
		s.balanceCard,
		layouts.NewColumnsOrStack(2, s.memberCard, s.programsCard),
	)))
	return s
}

func (s *summaryTab) translate() {
	s.balanceCard.SetTitle(lang.L("dashboard.summary.balance"))
	s.programsCard.SetTitle(lang.L("dashboard.summary.programs"))
	s.memberCard.SetTitle(lang.L("dashboard.summary.membership"))
	for _, f := range []*field{s.employer, s.npp, s.employerSince, s.memberSince, s.statusSince, s.lastContribution} {
		f.translate()
	}
}

func (s *summaryTab) setData(data memberdata.Data) {
	s.translate()
	m := data.Member
	if noBalance(data) {
		s.balance.SetText("–")
		s.balanceAsOf.SetText(lang.L("dashboard.balance.none"))
	} else {
		s.balance.SetText(i18n.FormatRupiah(data.Balance.Total))
		asOf := map[string]any{"Date": i18n.FormatDate(data.Balance.AsOf), "Count": len(data.Balance.Accounts)}
		s.balanceAsOf.SetText(part.Plural(len(data.Balance.Accounts), lang.L("dashboard.balance.asOf.one", asOf), lang.L("dashboard.balance.asOf", asOf)))
	}
	if m.Employer != nil {
		s.employer.set(m.Employer.Name)
		s.npp.set(m.Employer.NPP)
		s.employerSince.set(i18n.FormatDate(m.Employer.Since))
	} else {
		s.employer.set(lang.L("dashboard.none"))
		s.npp.set("–")
		s.employerSince.set("–")
	}
	s.memberSince.set(i18n.FormatDate(m.MemberSince))
	s.statusSince.set(lang.L("dashboard.statusSince", map[string]any{
		"Status": statusText(m.Status), "Date": i18n.FormatDate(m.StatusSince)}))
	s.lastContribution.set(lastContributionText(m.LastContribution, audittab.AsOf(data)))

	rows := make([]fyne.CanvasObject, 0, len(m.Programs))
	for _, p := range m.Programs {
		rows = append(rows, programRow(p))
	}
	if len(rows) == 0 {
		none := widget.NewLabel(lang.L("dashboard.programs.none"))
		none.Wrapping = fyne.TextWrapWord
		rows = append(rows, none)
	}
	s.programs.Objects = rows
	s.programs.Refresh()
}

// noBalance: a member's own book whose documents gave no JHT balance yet
// (no statement summary, no JMO balance). Its "Rp 0" would read as an
// empty account: the view says what to import instead. The server always
// gives a balance.
func noBalance(data memberdata.Data) bool {
	return data.Coverage != nil && len(data.Balance.Accounts) == 0
}

func programRow(p member.Program) fyne.CanvasObject {
	code := widget.NewLabelWithStyle(p.Code, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name := widget.NewLabel(programName(p.Code, p.Name))
	name.Wrapping = fyne.TextWrapWord // a long name wraps: "Jaminan Kehilangan Pekerjaan" was cut at 1024 px
	joined := widget.NewLabel(lang.L("dashboard.program.joined", map[string]any{"Date": i18n.FormatDate(p.Joined)}))
	var b *widgets.Badge
	if p.Status == "aktif" {
		b = widgets.NewBadge(statusText(p.Status), theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess)
	} else {
		b = widgets.NewBadge(statusText(p.Status), theme.ColorNameDisabled, theme.ColorNameForeground)
	}
	codeBox := container.NewGridWrap(fyne.NewSize(56, code.MinSize().Height), code)
	return container.NewBorder(nil, nil, codeBox, container.NewHBox(joined, container.NewCenter(b)), name)
}

func (s *summaryTab) clear() {
	s.audit.Clear()
	s.balance.SetText("")
	s.balanceAsOf.SetText("")
	for _, f := range []*field{s.employer, s.npp, s.employerSince, s.memberSince, s.statusSince, s.lastContribution} {
		f.set("")
	}
	s.programs.Objects = nil
	s.programs.Refresh()
}

// lastContributionText is the newest month paid; a month paid before its
// deadline says so and that Periksa iuran counts only up to the cut-off
// (so "Oktober" here and "sampai September" there do not disagree).
func lastContributionText(month, asOf time.Time) string {
	last := audit.LastDue(asOf)
	if month.IsZero() || !member.Month(month.Year(), month.Month()).After(last) {
		return i18n.FormatMonth(month)
	}
	return lang.L("dashboard.lastContribution.notDue", map[string]any{"Month": i18n.FormatMonth(month),
		"Deadline": i18n.FormatDate(audit.Deadline(month)), "Last": i18n.FormatMonth(last)})
}
