package shell

import (
	"sync"
	"time"
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
