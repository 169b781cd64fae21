package register

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formEntry is a widget.Entry that reports losing focus, so a form can hold
// back "too short" errors until the member leaves the field.
type formEntry struct {
	widget.Entry
	OnFocusLost func()
}

var _ fyne.Widget = (*formEntry)(nil)

func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// FocusLost tells OnFocusLost.
func (e *formEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}
