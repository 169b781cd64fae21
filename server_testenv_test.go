//go:build testenv

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsrec"
)

// runAgainst starts the app with --server and the pins given against rec,
// waits for the log line want, and stops it; it returns the log.
func runAgainst(t *testing.T, rec *tlsrec.Recorder, want string, pins ...string) string {
	t.Helper()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, rec.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"--data-dir", filepath.Join(t.TempDir(), "data"), "--verbose", "--server", rec.URL, "--ca", ca, "--domain", "127.0.0.1"}
	for _, p := range pins {
		args = append(args, "--pin-sha256", p)
	}
	cmd := exec.Command(buildApp(t), args...)
	// exec copies the child's output from its own goroutine: the log is
	// read here while it is written there.
	var log lockedBuilder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(log.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the log within 30 s:\n%s", want, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !waitForWindow(t, "^Cek BPJSTK", 15*time.Second) {
		t.Fatalf("no window; log:\n%s", log.String())
	}
	time.Sleep(time.Second) // anything on its way arrives
	return log.String()
}

// lockedBuilder is a strings.Builder safe to write from exec's copying
// goroutine while the test reads it.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// cekbpjstk --server with a wrong pin opens the window and refuses the
// server: the server got a TLS handshake and nothing after it. With its
// right pin the server is verified, still with nothing sent before Masuk.
func TestServerFlag_AppRefusesAWrongPinAndSendsNothing(t *testing.T) {
	requireDisplay(t)
	rec := tlsrec.Listen(t)
	backup := strings.Repeat("B", 43) + "="
	runAgainst(t, rec, "server refused", strings.Repeat("A", 43)+"=", backup)
	if rec.Conns() == 0 {
		t.Fatal("the app never reached the server: the test proves nothing")
	}
	if got := rec.Sent(); len(got) != 0 || rec.Handshakes() != 0 {
		t.Fatalf("the refused server received %d bytes after %d handshakes", len(got), rec.Handshakes())
	}

	runAgainst(t, rec, "server verified", rec.Pin, backup)
	if rec.Handshakes() == 0 || len(rec.Sent()) != 0 {
		t.Fatalf("verified: %d handshakes, %d bytes sent before any login", rec.Handshakes(), len(rec.Sent()))
	}
}
