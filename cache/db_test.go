package cache

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func skipOnWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX modes do not apply")
	}
}

func TestOpen_PrivateFileModes(t *testing.T) {
	skipOnWindows(t)
	old := syscall.Umask(0o022) // the usual umask: SQLite alone would make 0644 files
	defer syscall.Umask(old)

	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "app", "data")
	c, _ := openTest(t, dir, newMemKeys())
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 12, 2, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	// While open in WAL mode, the -wal and -shm files exist.
	wantMode(t, dir, 0o700)
	wantMode(t, filepath.Dir(dir), 0o700)
	for _, name := range []string{FileName, FileName + "-wal", FileName + "-shm", lockName} {
		wantMode(t, filepath.Join(dir, name), 0o600)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+"-journal")); err == nil {
		t.Error("a rollback journal exists; want WAL")
	}
}

func TestOpen_NarrowsExistingModes(t *testing.T) {
	t.Parallel()
	skipOnWindows(t)
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	keys := newMemKeys()
	c, _ := openTest(t, dir, keys)
	c.Close()
	os.Chmod(filepath.Join(dir, FileName), 0o644)
	openTest(t, dir, keys)
	wantMode(t, dir, 0o700)
	wantMode(t, filepath.Join(dir, FileName), 0o600)
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
		return
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %#o, want %#o", filepath.Base(path), got, want)
	}
}

// Every pooled connection, not just the first, runs with the pragmas.
func TestOpen_PragmasOnEveryConnection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	for i := 0; i < readers; i++ {
		conn, err := c.r.Conn(ctx) // held, so each iteration gets a new connection
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var mode string
		var fk, sd, bt, qo int
		if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		conn.QueryRowContext(ctx, "PRAGMA secure_delete").Scan(&sd)
		conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&bt)
		conn.QueryRowContext(ctx, "PRAGMA query_only").Scan(&qo)
		if mode != "wal" || fk != 1 || sd != 1 || bt != 5000 || qo != 1 {
			t.Errorf("reader %d: journal_mode=%s foreign_keys=%d secure_delete=%d busy_timeout=%d query_only=%d", i, mode, fk, sd, bt, qo)
		}
	}
	var mode string
	var fk, sd int
	c.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	c.w.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
	c.w.QueryRowContext(ctx, "PRAGMA secure_delete").Scan(&sd)
	if mode != "wal" || fk != 1 || sd != 1 {
		t.Errorf("writer: journal_mode=%s foreign_keys=%d secure_delete=%d", mode, fk, sd)
	}
	if n := c.w.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer pool allows %d connections, want 1", n)
	}
}

// plaintextIn lists every demo member's personal value found in plaintext
// in the cache's files (database, -wal, -shm, -journal, lock, moved-aside).
func plaintextIn(t *testing.T, dir string) (found, scanned []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), strings.TrimSuffix(FileName, ".db")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		scanned = append(scanned, e.Name())
		for _, m := range demoMembers {
			for _, s := range m.secrets() {
				if bytes.Contains(b, []byte(s)) {
					found = append(found, e.Name()+": "+s)
				}
			}
		}
	}
	return found, scanned
}

func scanFiles(t *testing.T, dir, stage string) {
	t.Helper()
	found, scanned := plaintextIn(t, dir)
	for _, f := range found {
		t.Errorf("%s: plaintext in %s", stage, f)
	}
	t.Logf("%s: scanned %v", stage, scanned)
}

func TestRawBytes_NoPersonalData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	c, _ := openTest(t, dir, newMemKeys())
	at := time.Now()
	for _, m := range demoMembers {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 480, 50, at), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	scanFiles(t, dir, "after save")
	for _, m := range demoMembers {
		m.Balance += 1000
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 2, 480, 50, at.Add(time.Hour)), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	scanFiles(t, dir, "after update")
	if err := c.Forget(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account), 0); err != nil {
		t.Fatal(err)
	}
	scanFiles(t, dir, "after forget")
	if fi, err := os.Stat(filepath.Join(dir, FileName+"-wal")); err == nil && fi.Size() != 0 {
		t.Errorf("WAL holds %d bytes after Forget; want it truncated", fi.Size())
	}
	if err := c.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	scanFiles(t, dir, "after forget all")
	c.Close()
	scanFiles(t, dir, "after close")

	// The scan does find plaintext where there is some.
	control := demoSnapshot(demoMembers[0], 1, 1, 1, at).Parts[PartProfile].Data
	os.WriteFile(filepath.Join(dir, "cache.control"), control, 0o600)
	if found, _ := plaintextIn(t, dir); len(found) < 4 {
		t.Errorf("the scan missed plaintext in a control file: found only %v", found)
	}
}

// Two caches in one process (the UI and a background refresh, say) share
// the file safely; the one-writer rule holds per Cache.
func TestOpen_TwoCachesOneProcess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	keys := newMemKeys()
	a, _ := openTest(t, dir, keys)
	b, rep := openTest(t, dir, keys)
	if rep.DataLost() || rep.Created {
		t.Fatalf("second open: %+v", rep)
	}
	var wg sync.WaitGroup
	for i, c := range []*Cache{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := demoMembers[i]
			for gen := 1; gen <= 20; gen++ {
				if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, gen, 24, 2, time.Now()), SaveOptions{}); err != nil {
					t.Error(err)
					return
				}
				if _, err := c.Load(ctx, testProfile, demoMembers[1-i].Account, keyOf(demoMembers[1-i].Account)); err != nil && !errors.Is(err, ErrNotFound) {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
