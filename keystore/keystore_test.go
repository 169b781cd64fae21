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

// These tests talk to the real Secret Service started by scripts/testenv.sh.
// They use their own service name so they never touch a real installation.

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

func TestStore_RejectsEmptyNames(t *testing.T) {
	s := NewWithService("cekbpjstk-test", time.Second)
	if err := s.Set(context.Background(), "", "p", "x"); err == nil {
		t.Fatal("Set with empty account succeeded")
	}
	if _, err := s.Get(context.Background(), "a", ""); err == nil {
		t.Fatal("Get with empty purpose succeeded")
	}
}
