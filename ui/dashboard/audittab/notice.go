package audittab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Notice is the Ringkasan's line when the audit finds something, with the
// way to "Periksa iuran" (OnOpen). It stays hidden when nothing is found,
// and while the contribution history or the report is on its way.
type Notice struct {
	OnOpen func()

	text   *widget.Label
	button *widget.Button
	box    *fyne.Container
}

// NewNotice builds a hidden notice.
func NewNotice() *Notice {
	n := &Notice{}
	n.text = widget.NewLabel("")
	n.text.Wrapping = fyne.TextWrapWord
	n.button = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
		if n.OnOpen != nil {
			n.OnOpen()
		}
	})
	n.box = container.NewStack(widgets.NewTint(theme.ColorNameWarning, 0x30),
		container.NewPadded(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.WarningIcon())),
			container.NewCenter(n.button), n.text)))
	n.box.Hide()
	return n
}

// Content is the notice's root object, hidden while it says nothing.
func (n *Notice) Content() fyne.CanvasObject { return n.box }

// Set shows what report found; nil (the report is on its way) or no
// findings hide the notice.
func (n *Notice) Set(report *audit.Report) {
	if report == nil {
		n.Clear()
		return
	}
	findings := report.Findings()
	if len(findings) == 0 {
		n.Clear()
		return
	}
	args := map[string]any{"Count": len(findings), "First": findingTitle(findings[0])}
	n.text.SetText(part.Plural(len(findings), lang.L("audit.notice.one", args), lang.L("audit.notice", args)))
	n.button.SetText(lang.L("audit.notice.open"))
	n.box.Show()
}

// Clear hides the notice.
func (n *Notice) Clear() {
	n.text.SetText("")
	n.box.Hide()
}
