package login

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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
// for both, the form comes first and the rest below it, the offline
// accounts first. Where the window is too short for the form (and, under
// it, the first account), the form's labels go beside their fields. Either way
// Masuk is on screen without scrolling in the smallest window the shell
// opens (1366×768 at 175 %: 742×368), and the offline accounts come before
// the notices (arrange).
func (v *View) build(form fyne.CanvasObject) (content, titleRow fyne.CanvasObject) {
	top := container.NewBorder(nil, nil, nil, v.settings, widget.NewLabelWithStyle(lang.L("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.aside = container.NewVBox()
	v.formBox = form
	v.arrange()
	left := container.NewVScroll(container.NewPadded(layouts.NewFlexColumn(columnMin, columnWidth, form)))
	right := container.NewVScroll(container.NewPadded(layouts.NewFlexColumn(columnMin, columnWidth, v.aside)))
	v.scrolls = []*container.Scroll{left, right}
	// The title row spans both columns (the one when narrow), not the window.
	top = layouts.NewFlexColumn(columnMin+2*theme.Padding(), 2*columnWidth+4*theme.Padding(), top)
	titleRow = container.NewPadded(top)
	v.columns = &fyne.Container{Layout: formBeside{v}, Objects: []fyne.CanvasObject{left, right}}
	return container.NewBorder(titleRow, nil, nil, nil, v.columns), titleRow
}

// arrange orders the aside: when the server could not be verified, or the
// aside is under the form (a narrow window, where the member sees only its
// top), the offline accounts (the one way in without the server) lead;
// otherwise the server's identity does. The notice that "remember me" is
// unavailable, the register and SMS links and the demo list always follow
// the accounts.
func (v *View) arrange() {
	if v.aside == nil {
		return
	}
	objs := []fyne.CanvasObject{v.identity, v.offline}
	if v.refused || v.stacked {
		objs = []fyne.CanvasObject{v.offline, v.identity}
	}
	v.aside.Objects = append(objs, v.rememberNo, v.register, v.sms, v.own, v.demoCard)
	v.aside.Refresh()
}

// formBeside puts its two objects (the form's scroll and the aside's) side
// by side when there is room for two columns, else the form on top at its
// full height (or the window's) and the aside in the rest, leading with the
// offline accounts. Where the height has no room for the form (beside) or
// for the form and the aside's first block (under it), the form is compact
// (labelled).
type formBeside struct{ v *View }

func (formBeside) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, 0) // both columns scroll
}

func (l formBeside) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	form, aside := objects[0], objects[1]
	pad := theme.Padding()
	needs := func() float32 { return size.Height } // the form's content's height
	if s, ok := form.(*container.Scroll); ok {
		needs = func() float32 { return s.Content.MinSize().Height }
	}
	// What the form needs with its labels above its fields (as the view is
	// first built and side by side), measured before anything moves.
	var formMin, asideMin, fullH float32
	l.v.measure(false, func() {
		formMin, asideMin, fullH = form.MinSize().Width, aside.MinSize().Width, needs()
	})
	if size.Width >= formMin+asideMin+2*pad {
		l.v.setStacked(false)
		l.v.setCompact(fullH > size.Height) // a wide but short window
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
	l.v.setStacked(true)
	l.v.setCompact(fullH+l.v.asideLead() > size.Height)
	h := min(needs(), size.Height)
	form.Move(fyne.NewPos(0, 0))
	form.Resize(fyne.NewSize(size.Width, h))
	aside.Move(fyne.NewPos(0, h))
	aside.Resize(fyne.NewSize(size.Width, size.Height-h))
}

// asideLead is the height the aside's first block needs on screen: the
// offline accounts' intro and first account, else the first object shown.
func (v *View) asideLead() float32 {
	pad := theme.Padding()
	for _, o := range v.aside.Objects {
		if !o.Visible() {
			continue
		}
		if o != fyne.CanvasObject(v.offline) {
			return o.MinSize().Height + 2*pad
		}
		h, buttons := float32(0), 0
		for _, c := range v.offline.Objects {
			if c.Visible() && buttons == 0 {
				h += c.MinSize().Height + pad
				if _, ok := c.(*widget.Button); ok {
					buttons++
				}
			}
		}
		if buttons > 0 {
			return h + 2*pad
		}
	}
	return 0
}

func (v *View) setStacked(stacked bool) {
	if v.stacked != stacked {
		v.stacked = stacked
		v.arrange()
	}
}

// setCompact puts the form's labels beside their fields, or back above
// them, and lays the form out again (its scroll may keep its size).
func (v *View) setCompact(compact bool) {
	if v.compact != compact {
		v.compact = compact
		v.formBox.Refresh()
	}
}

// measure runs f with the form laid out as compact says, for its sizes
// only: nothing is laid out in between.
func (v *View) measure(compact bool, f func()) {
	was := v.compact
	v.compact = compact
	defer func() { v.compact = was }()
	f()
}

// labelled holds a label and its field (or "remember me" and Masuk): the
// label above, or beside it in a first column as wide as first says where
// the view is compact.
func (v *View) labelled(first func() float32, label, field fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: labelledLayout{v: v, first: first}, Objects: []fyne.CanvasObject{label, field}}
}

type labelledLayout struct {
	v     *View
	first func() float32
}

// beside reports whether both objects are shown and go side by side.
func (l labelledLayout) beside(objects []fyne.CanvasObject) bool {
	return l.v.compact && objects[0].Visible() && objects[1].Visible()
}

func (l labelledLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if l.beside(objects) {
		a, b := objects[0].MinSize(), objects[1].MinSize()
		return fyne.NewSize(l.first()+theme.Padding()+b.Width, max(a.Height, b.Height))
	}
	return layout.NewVBoxLayout().MinSize(objects)
}

func (l labelledLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if !l.beside(objects) {
		layout.NewVBoxLayout().Layout(objects, size)
		return
	}
	w := min(l.first(), size.Width)
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
	objects[1].Move(fyne.NewPos(w+theme.Padding(), 0))
	objects[1].Resize(fyne.NewSize(size.Width-w-theme.Padding(), size.Height))
}

func (v *View) setRefused(refused bool) {
	if v.refused != refused {
		v.refused = refused
		v.arrange()
	}
}
