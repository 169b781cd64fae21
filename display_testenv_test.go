//go:build testenv

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests here open the app's window: they build only with the testenv
// tag, which make test sets and runs them in scripts/testenv.sh (Xvfb). With
// the tag and no DISPLAY they fail; they never skip.

func requireDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run the tests through scripts/testenv.sh (make test)")
	}
}

// waitForWindow polls the X server for a visible window whose title matches.
func waitForWindow(t *testing.T, titleRegexp string, limit time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", titleRegexp).Output()
		if strings.TrimSpace(string(out)) != "" {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

func TestSmoke_WindowAppearsAndExitsOnSIGTERM(t *testing.T) {
	requireDisplay(t)
	bin := buildApp(t)
	dataDir := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(bin, "--data-dir", dataDir)
	output := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = output, output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	// The demo profile is the default, so the title says so.
	if !waitForWindow(t, "^Cek BPJSTK( — Demo)?$", 15*time.Second) {
		t.Fatalf("no window named Cek BPJSTK within 15 s; output:\n%s", output.String())
	}
	stopWindow(t, cmd, output, exited)
	if strings.Contains(output.String(), "panic") {
		t.Fatalf("output mentions a panic:\n%s", output.String())
	}
}
