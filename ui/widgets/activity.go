package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ActivityCatcher sits behind a view and reports mouse movement over the
// view's non-interactive parts (labels, cards, empty space): Fyne has no
// window-wide input hook, and a member reading the dashboard moves the
// pointer over exactly those parts. Taps on controls reach the controller,
// which resets the timer itself.
type ActivityCatcher struct {
	widget.BaseWidget
	content    fyne.CanvasObject
	onActivity func()
}

var (
	_ fyne.Widget       = (*ActivityCatcher)(nil)
	_ desktop.Hoverable = (*ActivityCatcher)(nil)
	_ fyne.Tappable     = (*ActivityCatcher)(nil)
)

// NewActivityCatcher wraps content; onActivity hears the pointer over it.
func NewActivityCatcher(content fyne.CanvasObject, onActivity func()) *ActivityCatcher {
	a := &ActivityCatcher{content: content, onActivity: onActivity}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer shows the wrapped content.
func (a *ActivityCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

// MouseIn, MouseMoved, MouseOut and Tapped report activity.
func (a *ActivityCatcher) MouseIn(*desktop.MouseEvent)    { a.onActivity() }
func (a *ActivityCatcher) MouseMoved(*desktop.MouseEvent) { a.onActivity() }
func (a *ActivityCatcher) MouseOut()                      {}
func (a *ActivityCatcher) Tapped(*fyne.PointEvent)        { a.onActivity() }

// Content is the wrapped view.
func (a *ActivityCatcher) Content() fyne.CanvasObject { return a.content }
