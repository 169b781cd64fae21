package shell

import (
	"sync"
	"time"
)

// idleTimer calls onIdle once the wall-clock time since the last activity
// reaches the timeout. It measures with the wall clock, not Go's monotonic
// timers: those stop while the computer sleeps, so a laptop that slept past
// the limit must wake up locked. A ticker only decides when to look; each
// look compares wall-clock times (monotonic readings stripped). It is safe
// to use from any goroutine; onIdle runs on the ticker's goroutine.
type idleTimer struct {
	mu      sync.Mutex
	timeout time.Duration
	now     func() time.Time
	onIdle  func()
	last    time.Time     // the last activity, wall clock
	stop    chan struct{} // non-nil while the countdown runs
}

// idleCheckEvery bounds how late after waking up the lock comes.
const idleCheckEvery = 5 * time.Second

func newIdleTimer(timeout time.Duration, now func() time.Time, onIdle func()) *idleTimer {
	return &idleTimer{timeout: timeout, now: now, onIdle: onIdle}
}

func (t *idleTimer) wall() time.Time { return t.now().Round(0) }

// Reset restarts the countdown; it is called on every sign of activity.
func (t *idleTimer) Reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last = t.wall()
	if t.stop != nil || t.timeout <= 0 {
		return
	}
	stop := make(chan struct{})
	t.stop = stop
	every := min(idleCheckEvery, max(t.timeout/4, 10*time.Millisecond))
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if t.check() {
					return
				}
			}
		}
	}()
}

// check fires onIdle when the idle time has passed by the wall clock, and
// reports whether it did (the countdown then stops).
func (t *idleTimer) check() bool {
	t.mu.Lock()
	if t.stop == nil || t.timeout <= 0 || t.wall().Sub(t.last) < t.timeout {
		t.mu.Unlock()
		return false
	}
	close(t.stop)
	t.stop = nil
	t.mu.Unlock()
	t.onIdle()
	return true
}

// Stop ends the countdown (nothing to protect, e.g. on the login view).
func (t *idleTimer) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stop != nil {
		close(t.stop)
		t.stop = nil
	}
}

// SetTimeout changes the idle time; a running countdown goes on with it.
func (t *idleTimer) SetTimeout(d time.Duration) {
	t.mu.Lock()
	running := t.stop != nil
	t.timeout = d
	t.mu.Unlock()
	if running {
		t.Stop()
		t.Reset()
	}
}
