package login

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// columnWidth is the width of each of the view's two columns; columnMin
// the narrowest either gets side by side, unless its content needs more (a
// button does not shorten its text: an offline account's, with its date,
// can need 480). The work area of a 1366×768 screen at 150 %, less its
// taskbar and the title bar, is 894 logical units wide: room for the form
// at 360 and the aside at its widest button (TestWindowFit_EveryScreenAndScale).
const (
	columnWidth = 480
	columnMin   = 360
)

// build lays the view out: the title row over two columns, the form on the
// left and, beside it, the server's identity, the offline accounts, the
// secondary notices and links, and the demo list. On a window too narrow
// for both, the form comes first and the rest below it. Either way Masuk is
// on screen without scrolling in the smallest window the shell opens, and
// the offline accounts come before the notices (arrange).
func (v *View) build(form fyne.CanvasObject) (content, titleRow fyne.CanvasObject) {
	top := container.NewBorder(nil, nil, nil, v.settings, widget.NewLabelWithStyle(lang.L("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.aside = container.NewVBox()
	v.arrange()
	left := container.NewVScroll(container.NewPadded(layouts.NewFlexColumn(columnMin, columnWidth, form)))
	right := container.NewVScroll(container.NewPadded(layouts.NewFlexColumn(columnMin, columnWidth, v.aside)))
	v.scrolls = []*container.Scroll{left, right}
	// The title row spans both columns (the one when narrow), not the window.
	top = layouts.NewFlexColumn(2*columnMin+4*theme.Padding(), 2*columnWidth+4*theme.Padding(), top)
	titleRow = container.NewPadded(top)
	return container.NewBorder(titleRow, nil, nil, nil,
		&fyne.Container{Layout: formBeside{}, Objects: []fyne.CanvasObject{left, right}}), titleRow
}

// arrange orders the aside: when the server could not be verified, the
// offline accounts (the one way in without it) lead; otherwise the server's
// identity does. The notice that "remember me" is unavailable, the
// register and SMS links and the demo list always follow the accounts.
func (v *View) arrange() {
	if v.aside == nil {
		return
	}
	objs := []fyne.CanvasObject{v.identity, v.offline}
	if v.refused {
		objs = []fyne.CanvasObject{v.offline, v.identity}
	}
	v.aside.Objects = append(objs, v.rememberNo, v.register, v.sms, v.own, v.demoCard)
	v.aside.Refresh()
}

// formBeside puts its two objects (the form's scroll and the aside's) side
// by side when there is room for two columns, else the form on top at its
// full height (or the window's) and the aside in the rest.
type formBeside struct{}

func (formBeside) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, 0) // both columns scroll
}

func (formBeside) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	form, aside := objects[0], objects[1]
	pad := theme.Padding()
	formMin, asideMin := form.MinSize().Width, aside.MinSize().Width
	if size.Width >= formMin+asideMin+2*pad {
		// Each column as wide as it may be, up to columnWidth; where the
		// two do not fit, the aside keeps what its content needs and the
		// form takes the rest (it is never narrower than its own minimum).
		w := min(size.Width/2, columnWidth+2*pad)
		wa := max(w, asideMin)
		wf := max(min(w, size.Width-wa), formMin)
		x := (size.Width - wf - wa) / 2
		form.Move(fyne.NewPos(x, 0))
		form.Resize(fyne.NewSize(wf, size.Height))
		aside.Move(fyne.NewPos(x+wf, 0))
		aside.Resize(fyne.NewSize(wa, size.Height))
		return
	}
	h := size.Height
	if s, ok := form.(*container.Scroll); ok {
		h = min(s.Content.MinSize().Height, size.Height)
	}
	form.Move(fyne.NewPos(0, 0))
	form.Resize(fyne.NewSize(size.Width, h))
	aside.Move(fyne.NewPos(0, h))
	aside.Resize(fyne.NewSize(size.Width, size.Height-h))
}

func (v *View) setRefused(refused bool) {
	if v.refused != refused {
		v.refused = refused
		v.arrange()
	}
}
