//go:build testenv

package app

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// Clear all with two remembered accounts, against the real OS keyring:
// afterwards secret-tool finds no item of the app at all (refresh
// tokens, key copies, the remembered login).
func TestClearAll_RealKeyringTwoRememberedAccountsLeaveNoItem(t *testing.T) {
	const service = "cekbpjstk-test-app-clearall"
	ks, search := realKeyring(t, service)
	e := newEnv(t)
	e.osKeys = ks
	other, _ := e.newApp()
	e.login(other, "andi@contoh.id", true)
	other.Close()
	a, _ := e.newApp()
	e.login(a, budi, true)
	before := search()
	for _, want := range []string{"refresh-token:andi@contoh.id", "refresh-token:" + budi, "cache-account-key:demo:" + budi, "remembered-identifier"} {
		if !strings.Contains(before, want) {
			t.Fatalf("no %s in the keyring before clearing:\n%s", want, before)
		}
	}
	if err := a.ClearAll(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if after := search(); strings.Contains(after, "service = "+service) || strings.Contains(after, "cekbpjstk") {
		t.Fatalf("keyring items left after clear all:\n%s", after)
	}
	if _, o := e.newApp(); o.Remembered != "" || o.Cached != nil {
		t.Fatalf("the next start remembers %q (cached %v)", o.Remembered, o.Cached != nil)
	}
}

// realKeyring is the real OS keyring under its own service name, emptied
// when the test ends, and a search that lists every item of that service
// as secret-tool sees them (the tests need scripts/testenv.sh's D-Bus
// session with an unlocked gnome-keyring).
func realKeyring(t *testing.T, service string) (*keystore.Store, func() string) {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run the tests through scripts/testenv.sh (make test)")
	}
	ks := keystore.NewWithService(service, 5*time.Second)
	t.Cleanup(func() { _ = ks.DeleteAll(context.Background()) })
	return ks, func() string {
		out, _ := exec.Command("secret-tool", "search", "--all", "service", service).CombinedOutput()
		return string(out)
	}
}
