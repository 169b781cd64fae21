//go:build testenv

package shell

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// envNoSecretsChild marks the child process of
// TestNoSecretService_PasswordOpensTheCachedBalance.
const envNoSecretsChild = "CEKBPJSTK_TEST_NO_SECRET_SERVICE"

// noServiceBus is a D-Bus session configuration with no service
// directories: nothing can be started on demand, so no Secret Service
// (gnome-keyring's D-Bus activation file) ever answers on it, as on a
// desktop without one.
const noServiceBus = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// A desktop whose D-Bus session has no Secret Service: the child process
// runs on such a bus of its own (dbus-run-session with the configuration
// above) with the real keystore, logs Budi in, restarts, and opens the
// cached balance offline with the password.
func TestNoSecretService_PasswordOpensTheCachedBalance(t *testing.T) {
	if os.Getenv(envNoSecretsChild) == "1" {
		noSecretServiceChild(t)
		return
	}
	if _, err := exec.LookPath("dbus-run-session"); err != nil {
		t.Fatal("dbus-run-session is missing; run make deps")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "session.conf")
	if err := os.WriteFile(conf, []byte(strings.Replace(noServiceBus, "%s", dir, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--config-file="+conf, "--",
		os.Args[0], "-test.run=^TestNoSecretService_PasswordOpensTheCachedBalance$", "-test.count=1", "-test.v")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, envNoSecretsChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestNoSecretService_PasswordOpensTheCachedBalance")) {
		t.Fatalf("child on a bus without a Secret Service: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("no Secret Service on this bus:")) {
		t.Fatalf("the child did not check that the keyring was really absent:\n%s", out)
	}
}

func noSecretServiceChild(t *testing.T) {
	keys := keystore.NewWithService("cekbpjstk-uitest-nosecrets", 3*time.Second)
	ctx := context.Background()
	_, err := keys.Get(ctx, "probe", "probe")
	if !errors.Is(err, keystore.ErrUnavailable) {
		t.Fatalf("the bus has a keyring after all: %v", err)
	}
	t.Logf("no Secret Service on this bus: %v", err)

	h := newHarness(t)
	h.keys = keys
	h.restart(keys, h.log)
	h.waitVerified()
	h.waitFor("the remember-me sentence", func() bool { return h.contains(i18n.Describe(cache.ErrNoKeyring)) })
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	balance := i18n.FormatRupiah(h.c.app.Data().Balance.Total)
	h.restart(keys, h.log)
	h.waitVerified()
	if h.c.app.Data() != nil {
		t.Fatal("data open after the restart without the password")
	}
	h.openOfflineWithPassword(sandbox.DemoPassword)
	if !h.contains(balance) {
		t.Fatalf("the cached balance %s is not on screen: %v", balance, h.screenTexts())
	}
}
