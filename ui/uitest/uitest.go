// Package uitest is the UI tests' harness: what is on screen (the visible
// texts, a widget found by its text), and a queue that stands in for
// fyne.Do so that background results are applied on the test's goroutine.
//
// Fyne's test driver runs fyne.Do inline, on whichever goroutine calls it;
// a Queue makes the test decide when results land, as the UI loop would.
package uitest

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Texts lists the texts of every visible object under o.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && strings.TrimSpace(x.Text) != "" {
			out = append(out, x.Text)
		}
		return true
	})
	return out
}

// Contains reports whether text is visible under o; wrapped lines are joined.
func Contains(o fyne.CanvasObject, text string) bool {
	return strings.Contains(strings.Join(Texts(o), " "), text)
}

// Walk calls visit for every visible object under o, depth first, going
// into containers and widgets' renderers; visit returns false to stop.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	var walk func(fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return true
		}
		if !visit(o) {
			return false
		}
		switch x := o.(type) {
		case *canvas.Text:
		case *fyne.Container:
			for _, child := range x.Objects {
				if !walk(child) {
					return false
				}
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				if !walk(child) {
					return false
				}
			}
		}
		return true
	}
	walk(o)
}

// Find returns the first visible widget of type T under o for which match
// holds, or nil.
func Find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) T {
	var found T
	var ok bool
	Walk(o, func(c fyne.CanvasObject) bool {
		if x, is := c.(T); is && (match == nil || match(x)) {
			found, ok = x, true
			return false
		}
		return true
	})
	if !ok {
		var zero T
		return zero
	}
	return found
}

// Button is the visible button labelled text under o; the test fails without one.
func Button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := Find(o, func(b *widget.Button) bool { return b.Text == text })
	if b == nil {
		t.Fatalf("no button %q on screen:\n%s", text, strings.Join(Texts(o), " | "))
	}
	return b
}

// Entry is the visible entry with that placeholder under o; the test fails without one.
func Entry(t testing.TB, o fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	e := Find(o, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
	if e == nil {
		t.Fatalf("no entry %q on screen:\n%s", placeholder, strings.Join(Texts(o), " | "))
	}
	return e
}

// Queue stands in for fyne.Do: Do queues, and WaitFor and Drain apply
// the queued functions on the calling (test) goroutine.
type Queue struct {
	t testing.TB
	q chan func()
	// Screen describes what is shown, for a timeout's message.
	Screen func() string
}

// NewQueue returns an empty queue for t.
func NewQueue(t testing.TB) *Queue { return &Queue{t: t, q: make(chan func(), 4096)} }

// Do queues f; it is the Params.Do of the code under test.
func (q *Queue) Do(f func()) { q.q <- f }

// WaitFor applies queued functions until cond holds, or fails the test
// after 20 seconds.
func (q *Queue) WaitFor(what string, cond func() bool) {
	q.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			screen := ""
			if q.Screen != nil {
				screen = q.Screen()
			}
			q.t.Fatalf("timed out waiting for %s; screen shows:\n%s", what, screen)
		}
		select {
		case f := <-q.q:
			f()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Drain applies what is queued now, without waiting for more.
func (q *Queue) Drain() {
	for {
		select {
		case f := <-q.q:
			f()
		default:
			return
		}
	}
}

// LogWriter receives the app's log in tests; set CEKBPJSTK_TEST_LOG=1 to see it.
var LogWriter io.Writer = func() io.Writer {
	if os.Getenv("CEKBPJSTK_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}()
