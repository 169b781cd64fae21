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

// TestHelperUnavailable runs in a child process started by the tests below.
func TestHelperUnavailable(t *testing.T) {
	if os.Getenv("KEYSTORE_HELPER") != "1" {
		return // not a test on its own; the parent starts it in a prepared environment
	}
	s := NewWithService("cekbpjstk-test-unavailable", 10*time.Second)
	start := time.Now()
	_, err := s.Get(context.Background(), "budi@contoh.id", "refresh-token")
	elapsed := time.Since(start)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Get: got %v, want ErrUnavailable", err)
	}
	if elapsed > 2*time.Second {
		t.Fatalf("ErrUnavailable took %v; want a quick answer", elapsed)
	}
	if err := s.Set(context.Background(), "budi@contoh.id", "refresh-token", "x"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Set: got %v, want ErrUnavailable", err)
	}
	os.Stdout.WriteString("HELPER-OK\n")
}

// processesMatching lists the PIDs whose full command line contains pattern.
// Other test packages may run their own buses at the same time, so the
// checks below look for processes that only this test could have started.
func processesMatching(t *testing.T, pattern string) []string {
	t.Helper()
	out, _ := exec.Command("pgrep", "-f", pattern).Output()
	return strings.Fields(string(out))
}

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

func TestStore_UnavailableWithoutSessionBus(t *testing.T) {
	// An autolaunched bus is started as "dbus-daemon --fork ... --session".
	autolaunched := func() []string { return processesMatching(t, "dbus-daemon --fork") }
	before := len(autolaunched())
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperUnavailable$", "-test.count=1")
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") || strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") {
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "KEYSTORE_HELPER=1", "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "HELPER-OK") {
		t.Fatalf("child without a session bus: %v\n%s", err, out)
	}
	if after := len(autolaunched()); after > before {
		t.Fatalf("autolaunched dbus-daemons: %d before, %d after", before, after)
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
