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

// TestKeyring_DataKeyLivesInOSKeyring, which needs the real OS keyring, is
// in keyring_testenv_test.go (build tag testenv, which make test sets). The
// test here needs no keyring: it checks what happens without a D-Bus session.

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
