package keystore

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestHelperUnavailable runs in a child process started by
// TestStore_UnavailableWithoutSessionBus below and, in a bus without a
// Secret Service, by TestStore_UnavailableWithoutSecretService
// (keyring_testenv_test.go).
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
