package main

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// The --server flags are refused at once, before any window or
// connection, when they cannot name one server.
func TestServerFlags_UsageErrors(t *testing.T) {
	bin := buildApp(t)
	pin := strings.Repeat("A", 43) + "="
	for name, args := range map[string][]string{
		"pin without server": {"--pin-sha256", pin},
		"demo and server":    {"--demo", "--server", "https://127.0.0.1:1", "--pin-sha256", pin, "--pin-sha256", pin},
		"unreadable CA":      {"--server", "https://127.0.0.1:1", "--ca", "/nonexistent/ca.pem"},
	} {
		out, err := exec.Command(bin, append(args, "--data-dir", t.TempDir())...).CombinedOutput()
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) || exitErr.ExitCode() != 2 || !strings.Contains(string(out), "cekbpjstk:") {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
	}
}
