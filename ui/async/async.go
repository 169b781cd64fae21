// Package async is the app's one way back to the UI goroutine: work runs
// on a goroutine of its own with a timeout, and its result is applied on
// the UI goroutine, unless the session it started in has ended.
//
// It replaces the copies of "go func + context.WithTimeout + fyne.Do" the
// views and the shell had: a network, keyring or disk call is never made on
// the UI goroutine, and a late result never lands on a screen it no longer
// belongs to.
package async

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// Runner runs work off the UI goroutine and applies results on it.
type Runner struct {
	// Do runs a function on the UI goroutine; nil means fyne.Do. Tests pass
	// a queue they drain themselves.
	Do func(func())
	// Epoch, when set, is read when work starts and again before its result
	// is applied: a result whose epoch has passed is dropped.
	Epoch func() uint64
}

// Apply runs f on the UI goroutine.
func (r Runner) Apply(f func()) {
	if r.Do == nil {
		fyne.Do(f)
		return
	}
	r.Do(f)
}

func (r Runner) epoch() uint64 {
	if r.Epoch == nil {
		return 0
	}
	return r.Epoch()
}

// Run calls work on a new goroutine with a context that ends after timeout
// (or when the returned cancel is called), then apply with its result on
// the UI goroutine — unless the runner's epoch changed meanwhile, when the
// result is dropped. apply may be nil.
func Run[T any](r Runner, timeout time.Duration, work func(ctx context.Context) (T, error), apply func(T, error)) context.CancelFunc {
	epoch := r.epoch()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	go func() {
		defer cancel()
		v, err := work(ctx)
		if apply == nil {
			return
		}
		r.Apply(func() {
			if r.epoch() != epoch {
				return
			}
			apply(v, err)
		})
	}()
	return cancel
}

// Do is Run for work with no value.
func Do(r Runner, timeout time.Duration, work func(ctx context.Context) error, apply func(error)) context.CancelFunc {
	var applyV func(struct{}, error)
	if apply != nil {
		applyV = func(_ struct{}, err error) { apply(err) }
	}
	return Run(r, timeout, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) }, applyV)
}
