package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// TestKeyring_Version1KeyLeavesOSKeyring, which needs the real OS keyring,
// is in keyring_testenv_test.go (build tag testenv, which make test sets).
// The test here needs no keyring: it checks a process without a D-Bus
// session at all, as on a bare desktop or a server.

// runNoKeyring is the child of TestKeyring_NoSessionBus_PasswordOpensCache:
// it saves Budi's snapshot with a password wrap, reopens the cache and opens
// it again with the password alone.
func runNoKeyring(dir string) error {
	ctx := context.Background()
	ks := keystore.NewWithService("cekbpjstk-test-cache-nokeyring", 2*time.Second)
	if _, err := ks.Get(ctx, "x", "y"); !errors.Is(err, keystore.ErrUnavailable) {
		return fmt.Errorf("keyring answered %v, want ErrUnavailable", err)
	}
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: ks})
	if err != nil || rep.DataLost() {
		return fmt.Errorf("Open: %+v, %w", rep, err)
	}
	m := demoMembers[0]
	key := NewKey()
	wrap, err := Wrap(key, "Rahasia#2026", testKDF)
	if err != nil {
		return err
	}
	if err := c.Save(ctx, testProfile, m.Account, key, demoSnapshot(m, 1, 1, 1, time.Now()), SaveOptions{Wrap: wrap}); err != nil {
		return err
	}
	c.Close()
	c, _, err = Open(ctx, Params{Dir: dir, Keys: ks})
	if err != nil {
		return err
	}
	defer c.Close()
	list, err := c.Accounts(ctx, testProfile)
	if err != nil || len(list) != 1 {
		return fmt.Errorf("Accounts = %+v, %w", list, err)
	}
	k, err := c.UnlockRef(ctx, list[0].Ref, "Rahasia#2026")
	if err != nil {
		return err
	}
	_, snap, err := c.LoadRef(ctx, list[0].Ref, k)
	if err != nil || snap.Label != m.Name {
		return fmt.Errorf("LoadRef = %q, %w", snap.Label, err)
	}
	fmt.Println("opened with the password")
	return nil
}

func TestKeyring_NoSessionBus_PasswordOpensCache(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Secret Service is Linux only")
	}
	dir := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, envHelper+"=nokeyring", envDir+"="+dir, "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("opened with the password")) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	// Nothing in plaintext, though no keyring protected anything.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		for _, secret := range demoMembers[0].secrets() {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds %q in plaintext", e.Name(), secret)
			}
		}
	}
}
