package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// The remember-me tests run twice: here against keystore.Memory, so that
// the client's side of remember me is tested without a desktop, and in
// keyring_testenv_test.go against the real OS keyring
// (TestRemember_RefreshTokenInKeyring, TestRemember_RevokedTokenIsForgotten;
// build tag testenv, which make test sets).

func TestRemember_RefreshTokenInMemoryStore(t *testing.T) {
	t.Parallel()
	testRememberRefreshToken(t, keystore.NewMemory())
}

func TestRemember_RevokedTokenIsForgottenFromMemoryStore(t *testing.T) {
	t.Parallel()
	testRememberRevokedTokenIsForgotten(t, keystore.NewMemory())
}

// testRememberRefreshToken: with remember me, the refresh token (and only
// it) goes to the store, rotates there, resumes a session in a new client,
// and is gone after logout.
func testRememberRefreshToken(t *testing.T, store TokenStore) {
	sb := newSandbox(t, false)
	ctx := context.Background()
	t.Cleanup(func() { _ = store.Delete(ctx, budi, keystore.PurposeRefreshToken) })

	if _, err := sb.client(t).Login(ctx, budi, password, true); !errors.Is(err, ErrNoTokenStore) {
		t.Fatalf("remember without a store: %v", err)
	}

	first := sb.client(t, WithTokenStore(store))
	if _, err := first.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	_, refresh := first.tokensForTest()
	got, err := store.Get(ctx, budi, keystore.PurposeRefreshToken)
	if err != nil || got != refresh || got == password {
		t.Fatalf("keyring holds %q (err %v), want the refresh token", got, err)
	}

	// A new launch resumes from the keyring; the rotated token replaces the old one.
	second := sb.client(t, WithTokenStore(store))
	if err := second.Resume(ctx, budi); err != nil {
		t.Fatal(err)
	}
	if _, err := second.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	_, rotated := second.tokensForTest()
	if got, _ := store.Get(ctx, budi, keystore.PurposeRefreshToken); got != rotated || got == refresh {
		t.Fatalf("keyring not updated after rotation")
	}
	if s, ok := second.Session(); !ok || !s.Remembered || s.Identifier != budi {
		t.Errorf("session = %+v, %v", s, ok)
	}

	if err := second.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, budi, keystore.PurposeRefreshToken); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("token still remembered after logout: %v", err)
	}
	err = sb.client(t, WithTokenStore(store)).Resume(ctx, budi)
	if !errors.Is(err, ErrUnauthorized) || !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("resume after logout: %v", err)
	}

	// Logging in without "remember me" drops an earlier remembered token; Forget does too.
	c := sb.client(t, WithTokenStore(store))
	if _, err := c.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(ctx, budi, password, false); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, budi, keystore.PurposeRefreshToken); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("remembered token survived a login without remember: %v", err)
	}
	if _, err := c.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	if err := c.Forget(ctx, budi); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, budi, keystore.PurposeRefreshToken); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("Forget left the token: %v", err)
	}
}

// testRememberRevokedTokenIsForgotten: a remembered token that the server
// revoked (reuse detected) is removed from the store.
func testRememberRevokedTokenIsForgotten(t *testing.T, store TokenStore) {
	clock := newFakeClock()
	sb := newSandbox(t, false, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
	ctx := context.Background()
	t.Cleanup(func() { _ = store.Delete(ctx, budi, keystore.PurposeRefreshToken) })
	c := sb.client(t, WithTokenStore(store), WithClock(clock.Now))
	if _, err := c.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	access, spent := c.tokensForTest()
	clock.Advance(2 * time.Minute)
	if _, err := c.Profile(ctx); err != nil { // rotation spends the first refresh token
		t.Fatal(err)
	}
	thief := sb.client(t, WithClock(clock.Now))
	thief.setTokensForTest(budi, access, spent)
	if _, err := thief.Profile(ctx); !errors.Is(err, ErrSessionRevoked) {
		t.Fatalf("reuse: %v", err)
	}
	clock.Advance(2 * time.Minute)
	if _, err := c.Profile(ctx); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("after revocation: %v", err)
	}
	if _, err := store.Get(ctx, budi, keystore.PurposeRefreshToken); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("revoked token still remembered: %v", err)
	}
}
