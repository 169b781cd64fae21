package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// exitIfStuck, run in a child process (it ends the process): with the demo
// server running and the cache open, it closes both and exits 0, saying
// why in the log.
func TestExitIfStuck_EndsTheProcessAfterClosingEverything(t *testing.T) {
	if dir := os.Getenv("CEKBPJSTK_EXIT_HELPER"); dir != "" {
		log := slog.New(slog.NewTextHandler(os.Stderr, nil))
		demo := sandbox.NewDemoRunner(filepath.Join(dir, "sandbox"), log)
		if _, err := demo.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		session := app.New(app.Params{DataDir: filepath.Join(dir, "data"), Keys: keystore.NewMemory(), Logger: log})
		if o := session.OpenCache(context.Background(), nil); o.Err != nil {
			t.Fatal(o.Err)
		}
		exitIfStuck(log, session, demo, 10*time.Millisecond)
		t.Fatal("exitIfStuck returned")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestExitIfStuck_EndsTheProcessAfterClosingEverything$")
	cmd.Env = append(os.Environ(), "CEKBPJSTK_EXIT_HELPER="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) || err != nil {
			t.Fatalf("the helper did not exit 0: %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the process did not end\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "did not end the process") {
		t.Fatalf("no log line says why the process ended:\n%s", stderr.String())
	}
	// SQLite removes a database's write-ahead log when its last connection
	// closes: a -wal file left means the cache or the sandbox was not closed.
	var dbs, wals []string
	_ = filepath.WalkDir(dir, func(path string, _ os.DirEntry, _ error) error {
		switch {
		case strings.HasSuffix(path, "-wal"):
			wals = append(wals, path)
		case strings.HasSuffix(path, ".db"):
			dbs = append(dbs, path)
		}
		return nil
	})
	if len(dbs) < 2 || len(wals) != 0 {
		t.Fatalf("databases %v, write-ahead logs left %v", dbs, wals)
	}
}
