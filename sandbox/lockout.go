package sandbox

import (
	"sync"
	"time"
)

// lockout limits attempts per key (an identifier as typed, an address, a
// member) in a sliding window. An attempt is reserved, and so counted,
// before the password or code is checked, under the one mutex: however
// many requests race, at most max of them per key are ever evaluated in a
// window. A correct answer hands its reservation back (or clears the key).
//
// It lives in memory: a restart forgives, which is fine for a sandbox and
// keeps the database free of attacker-controlled identifiers. The table is
// bounded (capacity keys): expired entries are pruned first, and when it is
// still full a new key is refused (fail closed, 429) rather than evicting
// another key's failures, which would let a flood of fresh identifiers
// reset a victim's lock.
type lockout struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	duration time.Duration
	capacity int
	next     uint64
	entries  map[string]*lockEntry
}

type lockEntry struct {
	attempts    []lockAttempt
	lockedUntil time.Time
	lockedBy    uint64 // the reservation that started the lock
}

type lockAttempt struct {
	at time.Time
	id uint64
}

// defaultLockCapacity bounds every lockout table; at a few hundred bytes an
// entry it is a few MiB at most.
const defaultLockCapacity = 10_000

func newLockout(max int, window, duration time.Duration) *lockout {
	return &lockout{max: max, window: window, duration: duration, capacity: defaultLockCapacity,
		entries: map[string]*lockEntry{}}
}

// reservation is one counted attempt; Refund gives it back.
type reservation struct {
	l   *lockout
	key string
	id  uint64
	// Remaining is how many more attempts the key has in the window after
	// this one (0: this was the last one, and the key is now locked unless
	// the attempt succeeds).
	Remaining int
}

// reserve counts an attempt for key at now. It refuses (ok false) with the
// time until the key may try again when the key is locked, or when the
// table is full and key is new.
func (l *lockout) reserve(key string, now time.Time) (r reservation, retry time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil {
		if len(l.entries) >= l.capacity {
			l.pruneLocked(now)
		}
		if len(l.entries) >= l.capacity {
			return reservation{}, l.window, false
		}
		e = &lockEntry{}
		l.entries[key] = e
	}
	if now.Before(e.lockedUntil) {
		return reservation{}, e.lockedUntil.Sub(now), false
	}
	if !e.lockedUntil.IsZero() {
		// A lock that has run out forgives the attempts that caused it.
		e.attempts, e.lockedUntil, e.lockedBy = nil, time.Time{}, 0
	}
	e.prune(now, l.window)
	if len(e.attempts) >= l.max {
		// Full without a lock: only reached if the attempts that filled it
		// are still being checked; the oldest leaves the window first.
		return reservation{}, l.window - now.Sub(e.attempts[0].at), false
	}
	l.next++
	e.attempts = append(e.attempts, lockAttempt{at: now, id: l.next})
	if len(e.attempts) >= l.max {
		e.lockedUntil, e.lockedBy = now.Add(l.duration), l.next
	}
	return reservation{l: l, key: key, id: l.next, Remaining: l.max - len(e.attempts)}, 0, true
}

// locked reports how long key stays locked, or 0, without counting.
func (l *lockout) locked(key string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil || !now.Before(e.lockedUntil) {
		return 0
	}
	return e.lockedUntil.Sub(now)
}

// lockedFor is how long the key of r is locked now (0 if not).
func (r reservation) lockedFor(now time.Time) time.Duration {
	if r.l == nil {
		return 0
	}
	return r.l.locked(r.key, now)
}

// Refund gives the attempt back: it was not a failure (a right password
// that still needs its second factor, a request that failed for another
// reason). A lock this attempt started is lifted.
func (r reservation) Refund() {
	if r.l == nil {
		return
	}
	r.l.mu.Lock()
	defer r.l.mu.Unlock()
	e := r.l.entries[r.key]
	if e == nil {
		return
	}
	for i, a := range e.attempts {
		if a.id == r.id {
			e.attempts = append(e.attempts[:i], e.attempts[i+1:]...)
			break
		}
	}
	if e.lockedBy == r.id {
		e.lockedUntil, e.lockedBy = time.Time{}, 0
	}
	if len(e.attempts) == 0 && e.lockedUntil.IsZero() {
		delete(r.l.entries, r.key)
	}
}

// Succeed clears the key of r: the member proved who they are.
func (r reservation) Succeed() {
	if r.l != nil {
		r.l.succeed(r.key)
	}
}

// remaining is the attempts left for key without recording anything.
func (l *lockout) remaining(key string, now time.Time) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[key]
	if e == nil {
		return l.max
	}
	if now.Before(e.lockedUntil) {
		return 0
	}
	n := 0
	for _, a := range e.attempts {
		if now.Sub(a.at) < l.window {
			n++
		}
	}
	return l.max - n
}

// succeed clears the failures of key after a correct answer.
func (l *lockout) succeed(key string) {
	l.mu.Lock()
	delete(l.entries, key)
	l.mu.Unlock()
}

// size is the number of keys held, for tests.
func (l *lockout) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}

func (e *lockEntry) prune(now time.Time, window time.Duration) {
	kept := e.attempts[:0]
	for _, a := range e.attempts {
		if now.Sub(a.at) < window {
			kept = append(kept, a)
		}
	}
	e.attempts = kept
}

// pruneLocked drops the entries with no attempt in the window and no lock.
func (l *lockout) pruneLocked(now time.Time) {
	for k, e := range l.entries {
		e.prune(now, l.window)
		if len(e.attempts) == 0 && !now.Before(e.lockedUntil) {
			delete(l.entries, k)
		}
	}
}

// ipLockFactor sets the per-address limit as a multiple of the per-account
// one: a client spraying one password across many identifiers is stopped
// too, while a household behind one NAT address can still make mistakes.
const ipLockFactor = 4

// retryAfterSeconds rounds a lock duration up to whole seconds.
func retryAfterSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}
