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
	t.Cleanup(func() { ks.Delete(context.Background(), KeyAccount, KeyPurpose) })
	return ks
}

func TestKeyring_DataKeyLivesInOSKeyring(t *testing.T) {
	ks := realKeyStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: ks})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Disabled != nil {
		t.Fatalf("the keyring of the test environment was not usable: %v", rep.Disabled)
	}
	if !rep.KeyCreated {
		t.Error("no new key reported on first open")
	}
	stored, err := ks.Get(ctx, KeyAccount, KeyPurpose)
	if err != nil {
		t.Fatalf("the data key is not in the keyring: %v", err)
	}
	key, err := decodeKey(stored)
	if err != nil {
		t.Fatal(err)
	}
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, demoSnapshot(m, 1, 12, 2, time.Now())); err != nil {
		t.Fatal(err)
	}
	c.Close()
	// The key never reaches the cache's files, in any form.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if bytes.Contains(b, key) || bytes.Contains(b, []byte(stored)) {
			t.Errorf("%s contains the data key", e.Name())
		}
	}

	// Another process (here: a new Store) finds the key and reads the data.
	ks2 := keystore.NewWithService("cekbpjstk-test-cache-"+strings.ReplaceAll(t.Name(), "/", "-"), 5*time.Second)
	c2, rep, err := Open(ctx, Params{Dir: dir, Keys: ks2})
	if err != nil || rep.DataLost() || rep.KeyCreated {
		t.Fatalf("reopen: %+v, %v", rep, err)
	}
	if _, err := c2.Load(ctx, testProfile, m.Account); err != nil {
		t.Fatal(err)
	}
	if err := c2.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ks.Get(ctx, KeyAccount, KeyPurpose); !errors.Is(err, keystore.ErrNotFound) {
		t.Errorf("after ForgetAll the keyring still answers %v", err)
	}
	c2.Close()
}
