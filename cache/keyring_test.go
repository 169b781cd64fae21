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

// These tests use the real OS keyring through keystore, under a service
// name of their own. Run them in the project's test environment
// (scripts/testenv.sh), which provides a D-Bus session with an unlocked
// gnome-keyring.

func realKeyStore(t *testing.T) *keystore.Store {
	t.Helper()
	if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Skip("no D-Bus session: run through scripts/testenv.sh for the real keyring")
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

// runNoKeyring is the child of TestKeyring_NoSessionBus_NothingWritten: a
// process with no D-Bus session at all, as on a bare desktop or a server.
func runNoKeyring(dir string) error {
	ctx := context.Background()
	ks := keystore.NewWithService("cekbpjstk-test-cache-nokeyring", 2*time.Second)
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: ks})
	if err != nil {
		return err
	}
	defer c.Close()
	if !errors.Is(rep.Disabled, ErrNoKeyring) || !errors.Is(rep.Disabled, keystore.ErrUnavailable) {
		return fmt.Errorf("report %+v, want Disabled wrapping ErrNoKeyring and keystore.ErrUnavailable", rep)
	}
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, demoSnapshot(m, 1, 1, 1, time.Now())); !errors.Is(err, ErrNoKeyring) {
		return fmt.Errorf("Save = %v, want ErrNoKeyring", err)
	}
	fmt.Println("disabled:", rep.Disabled)
	return nil
}

func TestKeyring_NoSessionBus_NothingWritten(t *testing.T) {
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
	if err != nil || !bytes.Contains(out, []byte("disabled:")) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("%s", bytes.TrimSpace(bytes.SplitN(out, []byte("\n"), 2)[0]))
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("without a keyring something was written to the data directory (%v)", err)
	}
}
