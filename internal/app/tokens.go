package app

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// guardedKeys is one client's token store (the session's). Once its client
// is taken out (lock, logout, a new server check), writes are refused: a
// refresh that finishes after a logout never writes its rotated token back.
// Deletes still pass (the logout's own call deletes the token).
type guardedKeys struct {
	inner  cache.KeyStore
	closed atomic.Bool
}

// errClientGone is what a write of a client taken out gets.
var errClientGone = errors.New("app: the session ended; token not stored")

func (g *guardedKeys) close() { g.closed.Store(true) }

func (g *guardedKeys) Get(ctx context.Context, account, purpose string) (string, error) {
	if g.closed.Load() {
		return "", fmt.Errorf("%w: %w", errClientGone, keystore.ErrNotFound)
	}
	return g.inner.Get(ctx, account, purpose)
}

// Set refuses once the client is gone; a write that was already under way
// when it went is undone (unless something else has replaced the value).
func (g *guardedKeys) Set(ctx context.Context, account, purpose, secret string) error {
	if g.closed.Load() {
		return errClientGone
	}
	if err := g.inner.Set(ctx, account, purpose, secret); err != nil {
		return err
	}
	if g.closed.Load() {
		undo, cancel := context.WithTimeout(context.WithoutCancel(ctx), KeyringTimeout)
		defer cancel()
		if v, err := g.inner.Get(undo, account, purpose); err == nil && v == secret {
			_ = g.inner.Delete(undo, account, purpose)
		}
		return errClientGone
	}
	return nil
}

func (g *guardedKeys) Delete(ctx context.Context, account, purpose string) error {
	return g.inner.Delete(ctx, account, purpose)
}
