package app

import (
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
)

// The wait after n wrong passwords in a row: none after the first, then
// doubling from 2 seconds, never above 5 minutes.
func TestAttemptDelay_DoublesUpToFiveMinutes(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]time.Duration{
		0: 0, 1: 0, 2: 2 * time.Second, 3: 4 * time.Second, 4: 8 * time.Second,
		8: 128 * time.Second, 9: 256 * time.Second, 10: 5 * time.Minute, 60: 5 * time.Minute,
	} {
		if got := attemptDelay(n); got != want {
			t.Errorf("attemptDelay(%d) = %v, want %v", n, got, want)
		}
	}
}

// The throttle counts per account row, waits on the clock, and a success
// forgets the row's failures.
func TestThrottle_PerRowWaitAndSuccessForgets(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	th := newThrottle(c.now)
	if err := th.allow(1); err != nil {
		t.Fatalf("first attempt: %v", err)
	}
	if n := th.failed(1); n != 1 || th.allow(1) != nil {
		t.Fatalf("after one wrong password: %d in a row, allow %v", n, th.allow(1))
	}
	th.failed(1)
	var wait *WaitError
	if err := th.allow(1); !errors.As(err, &wait) || !wait.Until.Equal(c.now().Add(2*time.Second)) {
		t.Fatalf("after two wrong passwords: %v", err)
	}
	if !errors.Is(th.allow(1), cache.ErrWrongPassword) {
		t.Fatal("a WaitError does not match cache.ErrWrongPassword")
	}
	if err := th.allow(2); err != nil {
		t.Fatalf("another row waits for row 1's failures: %v", err)
	}
	c.add(2 * time.Second)
	if err := th.allow(1); err != nil {
		t.Fatalf("still waiting once the wait is over: %v", err)
	}
	th.failed(1)
	if err := th.allow(1); !errors.As(err, &wait) || !wait.Until.Equal(c.now().Add(4*time.Second)) {
		t.Fatalf("third wrong password: %v, want a 4 s wait", err)
	}
	th.succeeded(1)
	if err := th.allow(1); err != nil {
		t.Fatalf("a success did not lift the wait: %v", err)
	}
	if n := th.failed(1); n != 1 {
		t.Fatalf("a success did not reset the count: %d in a row", n)
	}
}
