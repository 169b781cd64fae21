package app

import (
	"context"
	"errors"
	"testing"
)

// The refresher's own rules, without a server: a refresh belongs to the
// session it started in; an end cancels only its own session's refresh;
// a second one waits or is refused.
func TestRefresher_BelongsToItsSession(t *testing.T) {
	t.Parallel()
	s := bareSession()
	r := &refresher{session: s}
	s.end() // epoch 1
	ctx, finish, ok := r.start(context.Background(), 1)
	if !ok || !r.running() {
		t.Fatal("a refresh of the current session did not start")
	}
	if _, _, ok := r.start(context.Background(), 1); ok {
		t.Fatal("two refreshes at once")
	}
	if err := r.waitIdle(context.Background()); !errors.Is(err, ErrRefreshing) {
		t.Fatalf("second refresh of the session: %v, want ErrRefreshing", err)
	}
	ended := s.end()
	if r.cancelUpTo(ended-1) != nil || ctx.Err() != nil {
		t.Fatal("the end of an older session cancelled the refresh")
	}
	done := r.cancelUpTo(ended)
	if done == nil || !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatal("the end of its session did not cancel the refresh")
	}
	// The new session's refresh waits for the cancelled one to return.
	waited := make(chan error, 1)
	go func() { waited <- r.waitIdle(context.Background()) }()
	select {
	case <-waited:
		t.Fatal("the next refresh did not wait for the cancelled one")
	default:
	}
	finish()
	if err := <-waited; err != nil || r.running() {
		t.Fatalf("after the cancelled refresh returned: %v, running %v", err, r.running())
	}
	select {
	case <-done:
	default:
		t.Fatal("done not closed")
	}
	if _, _, ok := r.start(context.Background(), ended); ok {
		t.Fatal("a refresh started for an ended session")
	}
}
