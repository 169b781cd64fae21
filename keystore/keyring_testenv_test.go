//go:build testenv

package keystore

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests talk to the real Secret Service, or start D-Bus sessions and
// gnome-keyring daemons of their own: they need the environment
// scripts/testenv.sh provides, so they build only with the testenv tag,
// which make test always sets. With the tag and without that environment
// they fail; they never skip. They use their own service names so they
// never touch a real installation.

func requireSecretService(t *testing.T) {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run the tests through scripts/testenv.sh (make test)")
	}
}

func testStore(t *testing.T) *Store {
	t.Helper()
	requireSecretService(t)
	return NewWithService("cekbpjstk-test-"+strings.ReplaceAll(t.Name(), "/", "-"), 5*time.Second)
}

func secretToolSearch(t *testing.T, service string) string {
	t.Helper()
	out, err := exec.Command("secret-tool", "search", "--all", "service", service).CombinedOutput()
	if err != nil && len(out) > 0 && !strings.Contains(string(out), "No matching") {
		// secret-tool exits 1 with no output when nothing matches.
		t.Logf("secret-tool: %v: %s", err, out)
	}
	return string(out)
}

func TestStore_SetGetOverwriteDeleteAgainstSecretService(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()

	if _, err := s.Get(ctx, "budi@contoh.id", "refresh-token"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get before Set: got %v, want ErrNotFound", err)
	}
	if err := s.Set(ctx, "budi@contoh.id", "refresh-token", "first-secret"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	got, err := s.Get(ctx, "budi@contoh.id", "refresh-token")
	if err != nil || got != "first-secret" {
		t.Fatalf("Get = %q, %v; want first-secret", got, err)
	}
	if out := secretToolSearch(t, s.service); !strings.Contains(out, "refresh-token:budi@contoh.id") {
		t.Fatalf("secret-tool search does not show the item:\n%s", out)
	}

	if err := s.Set(ctx, "budi@contoh.id", "refresh-token", "second-secret"); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	if got, _ := s.Get(ctx, "budi@contoh.id", "refresh-token"); got != "second-secret" {
		t.Fatalf("after overwrite Get = %q, want second-secret", got)
	}
	// Another account with the same purpose is a separate item.
	if _, err := s.Get(ctx, "siti@contoh.id", "refresh-token"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("other account: got %v, want ErrNotFound", err)
	}

	if err := s.Delete(ctx, "budi@contoh.id", "refresh-token"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, "budi@contoh.id", "refresh-token"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: got %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "budi@contoh.id", "refresh-token"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: got %v, want ErrNotFound", err)
	}
	if out := secretToolSearch(t, s.service); strings.Contains(out, "budi@contoh.id") {
		t.Fatalf("item still visible after delete:\n%s", out)
	}
}

// A session bus with no service directories: nothing can be activated on it,
// so no Secret Service will ever answer.
const bareBusConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%DIR%</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// eventuallyNone waits briefly for processes matching pattern to go away.
func eventuallyNone(t *testing.T, pattern string) []string {
	t.Helper()
	var left []string
	for range 40 {
		if left = processesMatching(t, pattern); len(left) == 0 {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return left
}

func TestStore_UnavailableWithoutSecretService(t *testing.T) {
	requireSecretService(t)
	dir := t.TempDir()
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(strings.ReplaceAll(bareBusConfig, "%DIR%", dir)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--config-file="+conf, "--",
		os.Args[0], "-test.run=^TestHelperUnavailable$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KEYSTORE_HELPER=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "HELPER-OK") {
		t.Fatalf("child in a bus without Secret Service: %v\n%s", err, out)
	}
	if left := eventuallyNone(t, conf); len(left) > 0 {
		t.Fatalf("processes of the bare bus still running: %v", left)
	}
}

// TestHelperLocked runs in a child process with a keyring of its own, so
// that locking it cannot disturb other tests sharing the test environment.
func TestHelperLocked(t *testing.T) {
	if os.Getenv("KEYSTORE_HELPER") != "locked" {
		return // started by TestStore_LockedCollectionIsReportedWithoutPrompt
	}
	s := NewWithService("cekbpjstk-test-locked", 10*time.Second)
	ctx := context.Background()
	if err := s.Set(ctx, "budi@contoh.id", "refresh-token", "v"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	lock := exec.Command("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
		"/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
		"array:objpath:/org/freedesktop/secrets/collection/login")
	if out, err := lock.CombinedOutput(); err != nil {
		t.Fatalf("locking the login collection: %v\n%s", err, out)
	}
	start := time.Now()
	_, err := s.Get(ctx, "budi@contoh.id", "refresh-token")
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Get on a locked keyring: got %v, want ErrLocked", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("ErrLocked took %v; the call waited for an unlock prompt", time.Since(start))
	}
	if err := s.Set(ctx, "budi@contoh.id", "refresh-token", "w"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Set on a locked keyring: got %v, want ErrLocked", err)
	}
	os.Stdout.WriteString("HELPER-OK\n")
}

// The child starts its own bus and gnome-keyring in a private data dir,
// locks the collection, and checks the store reports ErrLocked at once
// instead of blocking on the unlock prompt the keyring would show.
const lockedChildScript = `
printf '%s' locked-test-password | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
kpid=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
  sleep 0.05
done
"$@"; rc=$?
kill $kpid; wait $kpid 2>/dev/null
exit $rc
`

func TestStore_LockedCollectionIsReportedWithoutPrompt(t *testing.T) {
	requireSecretService(t)
	dir := t.TempDir()
	runtime := filepath.Join(dir, "run")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--", "bash", "-c", lockedChildScript, "child",
		os.Args[0], "-test.run=^TestHelperLocked$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KEYSTORE_HELPER=locked",
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_RUNTIME_DIR="+runtime, "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "HELPER-OK") {
		t.Fatalf("child with a locked keyring: %v\n%s", err, out)
	}
}

// A call whose context is done touches nothing in the real keyring, and
// DeleteAll removes every item of the service name, of every account.
func TestStore_DoneContextDoesNothingAndDeleteAll(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	done, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Set(done, "budi@contoh.id", "refresh-token", "late-token"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Set with a done context = %v", err)
	}
	if _, err := s.Get(ctx, "budi@contoh.id", "refresh-token"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the done Set wrote: Get = %v", err)
	}
	for _, acct := range []string{"budi@contoh.id", "19023456789", "installation"} {
		if err := s.Set(ctx, acct, "refresh-token", "x-"+acct); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if out := secretToolSearch(t, s.service); strings.Contains(out, "refresh-token") {
		t.Fatalf("items left after DeleteAll:\n%s", out)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Errorf("DeleteAll with nothing left = %v", err)
	}
}
