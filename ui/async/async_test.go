package async

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// queue is a Do that hands functions to the test's goroutine.
func queue() (Runner, chan func()) {
	q := make(chan func(), 8)
	return Runner{Do: func(f func()) { q <- f }}, q
}

func next(t *testing.T, q chan func()) {
	t.Helper()
	select {
	case f := <-q:
		f()
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came back to the UI goroutine")
	}
}

func TestRun_AppliesTheResultOnTheUIGoroutine(t *testing.T) {
	r, q := queue()
	var got int
	var gotErr error
	Run(r, time.Second, func(context.Context) (int, error) { return 42, errors.New("x") }, func(v int, err error) { got, gotErr = v, err })
	if got != 0 {
		t.Fatal("applied before the UI goroutine ran it")
	}
	next(t, q)
	if got != 42 || gotErr == nil || gotErr.Error() != "x" {
		t.Fatalf("applied %d, %v", got, gotErr)
	}
}

func TestRun_DropsAResultOfAnEndedEpoch(t *testing.T) {
	r, q := queue()
	var epoch atomic.Uint64
	r.Epoch = epoch.Load
	release := make(chan struct{})
	applied := false
	Run(r, time.Second, func(context.Context) (int, error) { <-release; return 1, nil }, func(int, error) { applied = true })
	epoch.Add(1) // e.g. a lock while the call runs
	close(release)
	next(t, q)
	if applied {
		t.Fatal("a result from before the lock was applied")
	}
}

func TestRun_TimeoutAndCancelEndTheContext(t *testing.T) {
	r, q := queue()
	var err1 error
	Do(r, 10*time.Millisecond, func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }, func(err error) { err1 = err })
	next(t, q)
	if !errors.Is(err1, context.DeadlineExceeded) {
		t.Fatalf("timeout: %v", err1)
	}
	var err2 error
	cancel := Do(r, time.Minute, func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }, func(err error) { err2 = err })
	cancel()
	next(t, q)
	if !errors.Is(err2, context.Canceled) {
		t.Fatalf("cancel: %v", err2)
	}
}
