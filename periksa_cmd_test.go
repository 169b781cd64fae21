package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// periksaEnv runs the built binary's periksa with an empty home and no
// display, and reports what it printed and every file it left in the
// home, config and cache directories (it must leave none: it stores
// nothing).
func periksaEnv(t *testing.T, args ...string) (stdout, stderr string, code int, written []string) {
	t.Helper()
	bin := buildApp(t)
	home := t.TempDir()
	cmd := exec.Command(bin, append([]string{"periksa"}, args...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "LANG=C"}
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	default:
		t.Fatal(err)
	}
	_ = filepath.Walk(home, func(p string, info os.FileInfo, err error) error {
		if err == nil && p != home {
			written = append(written, p)
		}
		return nil
	})
	return out.String(), errOut.String(), code, written
}

// TestPeriksa_UnreadableFileExits2WithOneSentence: no window (there is no
// display), nothing stored, exit 2 and one sentence naming the file.
func TestPeriksa_UnreadableFileExits2WithOneSentence(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "rina-2024.pdf")
	stdout, stderr, code, written := periksaEnv(t, "--lang", "en", missing)
	if code != 2 || stdout != "" || strings.TrimSpace(stderr) != missing+": this file does not exist" || len(written) > 0 {
		t.Errorf("exit %d, stdout %q, stderr %q, wrote %v", code, stdout, stderr, written)
	}
}

// TestPeriksa_DemoDocumentsAsJSON: the built binary reads the demo
// documents with no display and an empty home, prints the JSON and
// leaves no file anywhere in the home.
func TestPeriksa_DemoDocumentsAsJSON(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("sandbox/demodocs/files/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("demo documents: %v %v", files, err)
	}
	abs := make([]string, len(files))
	for i, f := range files {
		if abs[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code, written := periksaEnv(t, append([]string{"--json", "--today", "2026-12-07"}, abs...)...)
	var rep struct {
		Format    string `json:"format"`
		Documents []struct {
			SHA256 string `json:"sha256"`
		} `json:"documents"`
		Findings []struct {
			Kind, Period string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != 0 || stderr != "" || len(written) > 0 {
		t.Fatalf("exit %d, %v, stderr %q, wrote %v", code, err, stderr, written)
	}
	if rep.Format != "cekbpjstk-periksa/1" || len(rep.Documents) != len(files) || len(rep.Findings) == 0 {
		t.Errorf("format %q, %d documents of %d, %d findings", rep.Format, len(rep.Documents), len(files), len(rep.Findings))
	}
}
