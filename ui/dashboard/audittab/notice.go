package audittab

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Notice is the Ringkasan's block when something is wrong: the most
// urgent problem in plain words first (Problems.Lead), then what Periksa
// iuran found, listed as Temuan and the kit list it, with the way there
// (OnOpen), and the JHT claims past their payout time with the way to
// Klaim (OnClaims). It stays hidden when nothing is wrong, and while the
// contribution history or the report is on its way.
type Notice struct {
	OnOpen   func()
	OnClaims func()

	lead   *widget.Label
	text   *widget.Label
	button *widget.Button
	claims *widget.Button
	box    *fyne.Container
}

// NewNotice builds a hidden notice.
func NewNotice() *Notice {
	n := &Notice{}
	n.lead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	n.lead.Wrapping = fyne.TextWrapWord
	n.text = widget.NewLabel("")
	n.text.Wrapping = fyne.TextWrapWord
	call := func(f *func()) func() {
		return func() {
			if *f != nil {
				(*f)()
			}
		}
	}
	n.button = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), call(&n.OnOpen))
	n.claims = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), call(&n.OnClaims))
	n.box = container.NewStack(widgets.NewTint(theme.ColorNameWarning, 0x30),
		container.NewPadded(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.WarningIcon())),
			container.NewVBox(n.button, n.claims), container.NewVBox(n.lead, n.text))))
	n.box.Hide()
	return n
}

// Content is the notice's root object, hidden while it says nothing.
func (n *Notice) Content() fyne.CanvasObject { return n.box }

// Lead is the notice's first line ("" while hidden).
func (n *Notice) Lead() string { return n.lead.Text }

// Set shows the problems; nil (the report is on its way) or none hide the
// notice.
func (n *Notice) Set(p *Problems) {
	if p == nil || (p.Count() == 0 && len(p.LateClaims) == 0) {
		n.Clear()
		return
	}
	n.lead.SetText(p.Lead())
	var lines []string
	if c := p.Count(); c > 0 {
		args := map[string]any{"Count": c}
		lines = append(lines, part.Plural(c, lang.L("audit.notice.one", args), lang.L("audit.notice", args)))
		for _, l := range p.Lines() {
			lines = append(lines, "• "+l)
		}
	}
	// The late claims listed, unless the lead already says the only one.
	if p.Count() > 0 || len(p.LateClaims) > 1 {
		for _, l := range p.ClaimLines() {
			lines = append(lines, "• "+l)
		}
	}
	n.text.SetText(strings.Join(lines, "\n"))
	n.text.Hidden = len(lines) == 0
	n.button.SetText(lang.L("audit.notice.open"))
	n.button.Hidden = p.Count() == 0
	n.claims.SetText(lang.L("audit.notice.claims"))
	n.claims.Hidden = len(p.LateClaims) == 0
	n.box.Show()
	n.box.Refresh()
}

// Clear hides the notice.
func (n *Notice) Clear() {
	n.lead.SetText("")
	n.text.SetText("")
	n.box.Hide()
}
