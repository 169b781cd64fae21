//go:build testenv

package cache

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// These tests use the real OS keyring through keystore, under a service
// name of their own. They build only with the testenv tag (make test sets
// it and runs them in scripts/testenv.sh, which provides a D-Bus session
// with an unlocked gnome-keyring); with the tag and no D-Bus session they
// fail rather than skip.

func realKeyStore(t *testing.T) *keystore.Store {
	t.Helper()
	if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run the tests through scripts/testenv.sh (make test)")
	}
	ks := keystore.NewWithService("cekbpjstk-test-cache-"+strings.ReplaceAll(t.Name(), "/", "-"), 5*time.Second)
	t.Cleanup(func() { ks.Delete(context.Background(), keystore.AccountInstallation, keystore.PurposeLegacyDataKey) })
	return ks
}

// A version-1 cache's installation key leaves the real OS keyring once its
// data has moved over; the accounts' pending keys are there instead, and
// no key reaches the cache's files.
func TestKeyring_Version1KeyLeavesOSKeyring(t *testing.T) {
	ks := realKeyStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	mem := newMemKeys()
	writeLegacyCache(t, dir, mem, demoMembers[0])
	if err := ks.Set(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey, mem.key()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ks.Delete(context.Background(), keystore.AccountInstallation, keystore.PurposePendingKeys) })
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: ks, LegacyProfiles: []string{testProfile}})
	if err != nil || rep.Migrated != 1 {
		t.Fatalf("Open: %+v, %v", rep, err)
	}
	defer c.Close()
	if _, err := ks.Get(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey); !errors.Is(err, keystore.ErrNotFound) {
		t.Errorf("the installation key is still in the keyring (%v)", err)
	}
	k, err := PendingKey(ctx, ks, testProfile, demoMembers[0].Account)
	if err != nil {
		t.Fatalf("the pending account key is not in the keyring: %v", err)
	}
	stored := k.Encode()
	if _, err := c.Load(ctx, testProfile, demoMembers[0].Account, k); err != nil {
		t.Fatal(err)
	}
	c.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if bytes.Contains(b, k.k) || bytes.Contains(b, []byte(stored)) {
			t.Errorf("%s contains the account key", e.Name())
		}
	}
}
