package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// buildApp compiles the real binary once per test run.
func buildApp(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "cekbpjstk-smoke")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(buildDir, "cekbpjstk")
		// The Makefile's TAGS, as every build of the app, and -race when
		// the tests have it (make test): the packages make vet and go test
		// compiled are reused from the cache instead of compiled once more
		// without -race, and a data race in the real app fails the test
		// (exit status 66). The release build (fyne package --release,
		// make package-check) is the one without -race, and its window is
		// tested there (packaging's TestDeb_BinaryShowsWindow).
		args := []string{"build", "-tags", "migrated_fynedo,no_emoji", "-o", builtBin}
		if raceEnabled {
			args = append(args, "-race")
		}
		out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// TestSmoke_WindowAppearsAndExitsOnSIGTERM, which needs an X display, is in
// display_testenv_test.go (build tag testenv, which make test sets).

func TestStartWithoutDisplayFailsWithSentence(t *testing.T) {
	bin := buildApp(t)
	cmd := exec.Command(bin, "--data-dir", t.TempDir())
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=C"}
	out, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if err == nil || !errors.As(err, &exitErr) || exitErr.ExitCode() == 0 {
		t.Fatalf("want a non-zero exit without a display, got %v\n%s", err, out)
	}
	text := string(out)
	if !strings.Contains(text, "tidak dapat membuka jendela") || strings.Contains(text, "panic") ||
		strings.Contains(text, "Fyne error") {
		t.Fatalf("want one clear Indonesian sentence and no panic or locale noise, got:\n%s", text)
	}
}

func TestVersionFlagPrintsFyneAppVersion(t *testing.T) {
	bin := buildApp(t)
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	meta, err := readMetadata()
	if err != nil {
		t.Fatal(err)
	}
	if want := "Cek BPJSTK " + meta.Details.Version; strings.TrimSpace(string(out)) != want || meta.Details.Version == "" {
		t.Fatalf("--version printed %q, want %q", out, want)
	}
}

// A display whose socket answers but is no X server (a stale or foreign
// socket): GLFW fails after the socket check, and the app must still end
// with the sentence, not a panic.
func TestStartWithBrokenDisplayFailsWithSentence(t *testing.T) {
	bin := buildApp(t)
	if err := os.MkdirAll("/tmp/.X11-unix", 0o1777); err != nil {
		t.Fatal(err)
	}
	var ln net.Listener
	var display string
	for n := 300; n < 400 && ln == nil; n++ {
		path := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		if l, err := net.Listen("unix", path); err == nil {
			ln, display = l, fmt.Sprintf(":%d", n)
		}
	}
	if ln == nil {
		t.Fatal("no free display number for the fake X socket")
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c.Close() // not an X server: hang up at once
		}
	}()
	cmd := exec.Command(bin, "--data-dir", t.TempDir())
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=C", "DISPLAY=" + display}
	out, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 {
		t.Fatalf("want exit status 1, got %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "tidak dapat membuka jendela") || strings.Contains(string(out), "goroutine ") {
		t.Fatalf("want the sentence and no panic trace, got:\n%s", out)
	}
}
