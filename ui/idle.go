package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// idleTimer calls onIdle after a period without activity. It is safe to
// use from any goroutine; onIdle runs on the timer's goroutine.
type idleTimer struct {
	mu      sync.Mutex
	timeout time.Duration
	timer   *time.Timer
	onIdle  func()
}

func newIdleTimer(timeout time.Duration, onIdle func()) *idleTimer {
	return &idleTimer{timeout: timeout, onIdle: onIdle}
}

// Reset restarts the countdown; it is called on every sign of activity.
func (t *idleTimer) Reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
	}
	if t.timeout > 0 {
		t.timer = time.AfterFunc(t.timeout, t.onIdle)
	}
}

// Stop ends the countdown (nothing to protect, e.g. on the login view).
func (t *idleTimer) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
}

// SetTimeout changes the idle time; a running countdown restarts with it.
func (t *idleTimer) SetTimeout(d time.Duration) {
	t.mu.Lock()
	running := t.timer != nil
	t.timeout = d
	t.mu.Unlock()
	if running {
		t.Reset()
	}
}

// activityCatcher sits behind a view and reports mouse movement over the
// view's non-interactive parts (labels, cards, empty space): Fyne has no
// window-wide input hook, and a member reading the dashboard moves the
// pointer over exactly those parts. Taps on controls reach the controller,
// which resets the timer itself.
type activityCatcher struct {
	widget.BaseWidget
	content    fyne.CanvasObject
	onActivity func()
}

var (
	_ fyne.Widget       = (*activityCatcher)(nil)
	_ desktop.Hoverable = (*activityCatcher)(nil)
	_ fyne.Tappable     = (*activityCatcher)(nil)
)

func newActivityCatcher(content fyne.CanvasObject, onActivity func()) *activityCatcher {
	a := &activityCatcher{content: content, onActivity: onActivity}
	a.ExtendBaseWidget(a)
	return a
}

func (a *activityCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

func (a *activityCatcher) MouseIn(*desktop.MouseEvent)    { a.onActivity() }
func (a *activityCatcher) MouseMoved(*desktop.MouseEvent) { a.onActivity() }
func (a *activityCatcher) MouseOut()                      {}
func (a *activityCatcher) Tapped(*fyne.PointEvent)        { a.onActivity() }
