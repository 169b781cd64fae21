package dashboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// claimsTab is Klaim: the claims in a list; the selected one shows its
// details and status timeline.
type claimsTab struct {
	claims []member.Claim
	list   *widget.List
	empty  *widget.Label

	title                               *widget.Label
	status                              *widgets.Badge
	id, kpj, program, submitted, amount *field
	timelineTitle                       *widget.Label
	verbatim                            *widget.Label // the server's words are shown as it wrote them
	timeline                            *fyne.Container
	detail                              *fyne.Container
	hint                                *widget.Label
	late                                *widget.Label // a claim past its payout time, and what to do
	lateBox                             *fyne.Container

	content fyne.CanvasObject
}

func newClaimsTab() *claimsTab {
	c := &claimsTab{}
	c.list = widget.NewList(
		func() int { return len(c.claims) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, container.NewBorder(nil, nil, nil,
				container.NewCenter(widgets.NewBadge("", theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary)), sub))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(c.claims) {
				return
			}
			cl := c.claims[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(claimTitle(cl))
			row := box.Objects[1].(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(lang.L("dashboard.claim.listLine", map[string]any{
				"Date": i18n.FormatDate(cl.Submitted), "Amount": i18n.FormatRupiah(cl.Amount)}))
			bg, fg := claimStatusColors(cl.Status)
			text := part.ClaimStatus(cl.Status)
			if _, late := claimrules.IsLate(cl, part.Clock()); late {
				text = lang.L("dashboard.claim.lateBadge", map[string]any{"Status": text})
				bg, fg = theme.ColorNameError, theme.ColorNameForegroundOnError
			}
			row.Objects[1].(*fyne.Container).Objects[0].(*widgets.Badge).Set(text, bg, fg)
		})
	c.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(c.claims) {
			c.show(c.claims[i])
		}
	}

	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.SizeName = theme.SizeNameSubHeadingText
	c.title.Wrapping = fyne.TextWrapWord
	c.status = widgets.NewBadge("", theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary)
	c.id = newField("dashboard.claim.id")
	c.kpj = newField("dashboard.claim.kpj")
	c.program = newField("dashboard.claim.program")
	c.submitted = newField("dashboard.claim.submittedOn")
	c.amount = newField("dashboard.claim.amount")
	c.timelineTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.verbatim = widget.NewLabel("")
	c.verbatim.Wrapping = fyne.TextWrapWord
	c.timeline = container.NewVBox()
	c.late = widget.NewLabel("")
	c.late.Wrapping = fyne.TextWrapWord
	c.lateBox = container.NewStack(widgets.NewTint(theme.ColorNameError, 0x30),
		container.NewBorder(nil, nil, container.NewPadded(container.NewVBox(widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())))), nil, c.late))
	c.lateBox.Hide()
	c.detail = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(c.status), c.title),
		c.lateBox,
		fieldGrid(c.id, c.kpj, c.program, c.submitted, c.amount),
		widget.NewSeparator(),
		c.timelineTitle,
		c.timeline,
		c.verbatim,
	)
	c.detail.Hide()
	c.hint = emptyState()
	c.empty = emptyState()
	c.empty.Hide()

	split := container.NewHSplit(c.list,
		container.NewStack(container.NewCenter(c.hint), container.NewVScroll(container.NewPadded(c.detail))))
	split.Offset = 0.38
	c.content = container.NewStack(split, container.NewPadded(container.NewCenter(c.empty)))
	return c
}

func (c *claimsTab) translate() {
	for _, f := range []*field{c.id, c.kpj, c.program, c.submitted, c.amount} {
		f.translate()
	}
	c.timelineTitle.SetText(lang.L("dashboard.claim.timeline"))
	c.verbatim.SetText(lang.L("dashboard.claim.verbatim"))
	c.hint.SetText(lang.L("dashboard.claim.pick"))
	c.empty.SetText(lang.L("dashboard.claim.none"))
}

func (c *claimsTab) setData(data memberdata.Data) {
	c.translate()
	c.claims = data.Claims
	c.list.UnselectAll()
	c.detail.Hide()
	c.list.Refresh()
	if len(c.claims) == 0 {
		c.empty.Show()
		c.hint.Hide()
		c.list.Hide()
		return
	}
	c.empty.Hide()
	c.list.Show()
	c.hint.Show()
	c.list.Select(0)
}

// show fills the detail pane with one claim and its timeline.
func (c *claimsTab) show(cl member.Claim) {
	c.hint.Hide()
	c.title.SetText(claimTitle(cl))
	bg, fg := claimStatusColors(cl.Status)
	c.status.Set(part.ClaimStatus(cl.Status), bg, fg)
	c.id.set(cl.ID)
	c.kpj.set(i18n.MaskKPJ(cl.KPJ))
	c.program.set(programName(cl.Program, cl.Program))
	c.submitted.set(i18n.FormatDate(cl.Submitted))
	c.amount.set(i18n.FormatRupiah(cl.Amount))
	c.showLate(cl)

	steps := make([]fyne.CanvasObject, 0, len(cl.Timeline))
	for i, e := range cl.Timeline {
		steps = append(steps, timelineStep(e, i == len(cl.Timeline)-1))
	}
	c.timeline.Objects = steps
	c.timeline.Refresh()
	c.detail.Show()
}

// showLate flags a JHT claim still open after its payout time, with what
// the member can do (claims.IsLate).
func (c *claimsTab) showLate(cl member.Claim) {
	l, late := claimrules.IsLate(cl, part.Clock())
	if !late {
		c.late.SetText("")
		c.lateBox.Hide()
		return
	}
	c.late.SetText(lang.L("dashboard.claim.late", map[string]any{
		"Start": i18n.FormatDate(l.Start), "Amount": i18n.FormatRupiah(cl.Amount), "Days": l.Payout.MaxDays,
		"Due": i18n.FormatDate(l.Due.AddDate(0, 0, -1)), "Working": l.Working}) + "\n\n" +
		lang.L("dashboard.claim.lateWhat", map[string]any{"ID": cl.ID}) + "\n" +
		lang.L("rights.citeSecondary", map[string]any{"Source": claimrules.CitePayout.Text}))
	c.lateBox.Show()
}

// claimTitle is a claim's heading: the server's description of it, which
// BPJS Ketenagakerjaan writes in Indonesian; in English, after the program's
// claim ("JHT claim: “Klaim JHT karena mengundurkan diri”"). Free text is not
// machine-translated: the member can quote it to the office as it is.
func claimTitle(cl member.Claim) string {
	return lang.L("dashboard.claim.title", map[string]any{"Program": cl.Program, "Type": cl.Type})
}

// timelineStep is one event: a tick for a step passed, a dot for the
// latest, then the status, when, and the office's note. Themed icons keep
// the marks right in light and dark.
func timelineStep(e member.ClaimEvent, latest bool) fyne.CanvasObject {
	var mark fyne.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	if latest {
		mark = theme.NewPrimaryThemedResource(theme.MediaRecordIcon())
	}
	marker := container.NewVBox(widget.NewIcon(mark))
	status := widget.NewLabelWithStyle(part.ClaimStatus(e.Status), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when := widget.NewLabel(i18n.FormatDateTime(e.At))
	note := widget.NewLabel(lang.L("dashboard.claim.note", map[string]any{"Note": e.Note}))
	note.Wrapping = fyne.TextWrapWord
	text := container.NewVBox(container.NewHBox(status, when), note)
	return container.NewBorder(nil, nil, container.NewPadded(marker), nil, text)
}

func (c *claimsTab) clear() {
	c.claims = nil
	c.list.UnselectAll()
	c.list.Refresh()
	c.detail.Hide()
	c.title.SetText("")
	for _, f := range []*field{c.id, c.kpj, c.program, c.submitted, c.amount} {
		f.set("")
	}
	c.timeline.Objects = nil
	c.timeline.Refresh()
	c.late.SetText("")
	c.lateBox.Hide()
}
