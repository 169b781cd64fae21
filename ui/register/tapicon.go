package register

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tapIcon is an icon that does something when clicked and never takes
// the keyboard focus: the date field's calendar button. As a
// widget.Button it took the focus on Tab from the birth date, so the next
// field's text typed after Tab went to the button and was lost; the date
// can be typed, so the calendar needs no keyboard of its own.
type tapIcon struct {
	widget.Icon
	onTap    func()
	disabled bool
}

var (
	_ fyne.Tappable      = (*tapIcon)(nil)
	_ desktop.Cursorable = (*tapIcon)(nil)
)

func newTapIcon(res fyne.Resource, onTap func()) *tapIcon {
	t := &tapIcon{onTap: onTap}
	t.ExtendBaseWidget(t)
	t.SetResource(res)
	return t
}

// Tapped runs the action unless the icon is disabled.
func (t *tapIcon) Tapped(*fyne.PointEvent) {
	if !t.disabled && t.onTap != nil {
		t.onTap()
	}
}

// Cursor is the pointing hand of a clickable thing.
func (t *tapIcon) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Disable stops it from answering clicks.
func (t *tapIcon) Disable() { t.disabled = true }

// Enable lets it answer clicks again.
func (t *tapIcon) Enable() { t.disabled = false }

// Disabled reports whether it ignores clicks.
func (t *tapIcon) Disabled() bool { return t.disabled }
