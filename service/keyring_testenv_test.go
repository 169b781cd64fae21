//go:build testenv

package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// The remember-me tests against the real OS keyring: they build only with
// the testenv tag, which make test sets and runs them in scripts/testenv.sh
// (Xvfb + D-Bus + unlocked gnome-keyring). remember_test.go runs the same
// tests against keystore.Memory without the tag.

// realStore is the OS keyring under a service name of the test's own.
// Without a usable keyring the test fails: it never skips.
func realStore(t *testing.T) *keystore.Store {
	t.Helper()
	s := keystore.NewWithService("cekbpjstk-test-"+t.Name(), 5*time.Second)
	ctx := context.Background()
	if err := s.Set(ctx, "probe", "probe", "x"); err != nil {
		if errors.Is(err, keystore.ErrUnavailable) || errors.Is(err, keystore.ErrLocked) {
			t.Fatalf("no usable OS keyring (%v): run the tests through scripts/testenv.sh (make test)", err)
		}
		t.Fatal(err)
	}
	_ = s.Delete(ctx, "probe", "probe")
	return s
}

// Remember me with the OS keyring: see testRememberRefreshToken.
func TestRemember_RefreshTokenInKeyring(t *testing.T) {
	testRememberRefreshToken(t, realStore(t))
}

// A revoked remembered token is removed from the OS keyring: see
// testRememberRevokedTokenIsForgotten.
func TestRemember_RevokedTokenIsForgotten(t *testing.T) {
	testRememberRevokedTokenIsForgotten(t, realStore(t))
}
