package sandbox

import (
	"sync"
	"time"
)

// lockout counts failed logins per key (a normalised identifier) in a
// sliding window and locks the key once the limit is reached. It lives in
// memory: a restart forgives, which is fine for a sandbox and keeps the
// database free of attacker-controlled identifiers.
type lockout struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	duration time.Duration
	entries  map[string]*lockEntry
}

type lockEntry struct {
	failures    []time.Time
	lockedUntil time.Time
}

func newLockout(max int, window, duration time.Duration) *lockout {
	return &lockout{max: max, window: window, duration: duration, entries: map[string]*lockEntry{}}
}

// locked reports how long key stays locked, or 0.
func (l *lockout) locked(key string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil || !now.Before(e.lockedUntil) {
		return 0
	}
	return e.lockedUntil.Sub(now)
}

// fail records a failure and returns the attempts left before a lock, and
// the lock duration if this failure triggered one.
func (l *lockout) fail(key string, now time.Time) (remaining int, lockedFor time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil {
		e = &lockEntry{}
		l.entries[key] = e
	}
	kept := e.failures[:0]
	for _, t := range e.failures {
		if now.Sub(t) < l.window {
			kept = append(kept, t)
		}
	}
	e.failures = append(kept, now)
	if len(e.failures) >= l.max {
		e.failures = nil
		e.lockedUntil = now.Add(l.duration)
		return 0, l.duration
	}
	return l.max - len(e.failures), 0
}

// remaining is the attempts left for key without recording anything.
func (l *lockout) remaining(key string, now time.Time) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil {
		return l.max
	}
	n := 0
	for _, t := range e.failures {
		if now.Sub(t) < l.window {
			n++
		}
	}
	return l.max - n
}

// succeed clears the failures of key after a correct password.
func (l *lockout) succeed(key string) {
	l.mu.Lock()
	delete(l.entries, key)
	l.mu.Unlock()
}

// ipLockFactor sets the per-address limit as a multiple of the per-account
// one: a client spraying one password across many identifiers is stopped
// too, while a household behind one NAT address can still make mistakes.
const ipLockFactor = 4

// retryAfterSeconds rounds a lock duration up to whole seconds.
func retryAfterSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}
