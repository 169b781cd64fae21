package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// realStore is the OS keyring under a service name of the test's own. Run
// under scripts/testenv.sh (Xvfb + D-Bus + unlocked gnome-keyring); without
// a keyring the test skips.
func realStore(t *testing.T) *keystore.Store {
	t.Helper()
	s := keystore.NewWithService("cekbpjstk-test-"+t.Name(), 5*time.Second)
	ctx := context.Background()
	if err := s.Set(ctx, "probe", "probe", "x"); err != nil {
		if errors.Is(err, keystore.ErrUnavailable) || errors.Is(err, keystore.ErrLocked) {
			t.Skipf("no usable OS keyring (%v); run under scripts/testenv.sh", err)
		}
		t.Fatal(err)
	}
	_ = s.Delete(ctx, "probe", "probe")
	return s
}

// Remember me: the refresh token (and only it) goes to the keyring, rotates
// there, resumes a session in a new client, and is gone after logout.
func TestRemember_RefreshTokenInKeyring(t *testing.T) {
	store := realStore(t)
	sb := newSandbox(t, false)
	ctx := context.Background()
	t.Cleanup(func() { _ = store.Delete(ctx, budi, TokenPurpose) })

	if _, err := sb.client(t).Login(ctx, budi, password, true); !errors.Is(err, ErrNoTokenStore) {
		t.Fatalf("remember without a store: %v", err)
	}

	first := sb.client(t, WithTokenStore(store))
	if _, err := first.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	_, refresh := first.tokensForTest()
	got, err := store.Get(ctx, budi, TokenPurpose)
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
	if got, _ := store.Get(ctx, budi, TokenPurpose); got != rotated || got == refresh {
		t.Fatalf("keyring not updated after rotation")
	}
	if s, ok := second.Session(); !ok || !s.Remembered || s.Identifier != budi {
		t.Errorf("session = %+v, %v", s, ok)
	}

	if err := second.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, budi, TokenPurpose); !errors.Is(err, keystore.ErrNotFound) {
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
	if _, err := store.Get(ctx, budi, TokenPurpose); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("remembered token survived a login without remember: %v", err)
	}
	if _, err := c.Login(ctx, budi, password, true); err != nil {
		t.Fatal(err)
	}
	if err := c.Forget(ctx, budi); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Get(ctx, budi, TokenPurpose); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("Forget left the token: %v", err)
	}
}

// A remembered token that the server revoked (reuse detected) is removed from the keyring.
func TestRemember_RevokedTokenIsForgotten(t *testing.T) {
	store := realStore(t)
	clock := newFakeClock()
	sb := newSandbox(t, false, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
	ctx := context.Background()
	t.Cleanup(func() { _ = store.Delete(ctx, budi, TokenPurpose) })
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
	if _, err := store.Get(ctx, budi, TokenPurpose); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("revoked token still remembered: %v", err)
	}
}
