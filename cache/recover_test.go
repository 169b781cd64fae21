package cache

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// seeded makes a cache in a new directory with one member's snapshot, closes
// it, and returns the directory and the keys.
func seeded(t *testing.T) (string, *memKeys) {
	t.Helper()
	dir := t.TempDir()
	keys := newMemKeys()
	c, _, err := Open(context.Background(), Params{Dir: dir, Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range demoMembers {
		if err := c.Save(context.Background(), testProfile, m.Account, demoSnapshot(m, 1, 120, 10, time.Now())); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, keys
}

func TestOpen_DamagedFileIsQuarantined(t *testing.T) {
	random := func(n int) []byte { b := make([]byte, n); rand.Read(b); return b }
	cases := []struct {
		name   string
		damage func(t *testing.T, path string, keys *memKeys)
		reason Reason
	}{
		{"truncated mid-page", func(t *testing.T, path string, _ *memKeys) {
			fi, _ := os.Stat(path)
			os.Truncate(path, fi.Size()/2+100)
		}, ReasonCorrupt},
		{"truncated at a page boundary", func(t *testing.T, path string, _ *memKeys) {
			fi, _ := os.Stat(path)
			os.Truncate(path, fi.Size()/4096/2*4096)
		}, ReasonCorrupt},
		{"truncated inside the header", func(t *testing.T, path string, _ *memKeys) {
			os.Truncate(path, 50)
		}, ReasonCorrupt},
		{"random bytes", func(t *testing.T, path string, _ *memKeys) {
			fi, _ := os.Stat(path)
			os.WriteFile(path, random(int(fi.Size())), 0o600)
		}, ReasonCorrupt},
		{"random bytes with a stray WAL", func(t *testing.T, path string, _ *memKeys) {
			os.WriteFile(path, random(8192), 0o600)
			os.WriteFile(path+"-wal", random(4096), 0o600)
		}, ReasonCorrupt},
		{"b-tree page overwritten", func(t *testing.T, path string, _ *memKeys) {
			f, _ := os.OpenFile(path, os.O_RDWR, 0)
			defer f.Close()
			// Page 2 is the first table's root page.
			f.WriteAt(random(4096), 4096)
		}, ReasonCorrupt},
		{"another program's SQLite file", func(t *testing.T, path string, _ *memKeys) {
			os.Remove(path)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')"); err != nil {
				t.Fatal(err)
			}
		}, ReasonForeign},
		{"written by a newer version", func(t *testing.T, path string, _ *memKeys) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
		}, ReasonTooNew},
		{"data key lost", func(t *testing.T, _ string, keys *memKeys) {
			keys.Delete(context.Background(), KeyAccount, KeyPurpose)
		}, ReasonKeyLost},
		{"data key malformed", func(t *testing.T, _ string, keys *memKeys) {
			keys.Set(context.Background(), KeyAccount, KeyPurpose, "not base64!")
		}, ReasonKeyLost},
		{"data key replaced", func(t *testing.T, _ string, keys *memKeys) {
			keys.Set(context.Background(), KeyAccount, KeyPurpose, encodeKey(newDataKey()))
		}, ReasonWrongKey},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			dir, keys := seeded(t)
			path := filepath.Join(dir, FileName)
			tc.damage(t, path, keys)
			damaged, _ := os.ReadFile(path)

			c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys, Now: func() time.Time {
				return time.Date(2026, 11, 25, 20, 15, 0, 0, time.UTC)
			}})
			if err != nil {
				t.Fatalf("Open: %v (report %+v)", err, rep)
			}
			defer c.Close()
			if len(rep.Quarantined) != 1 || !rep.Created || !rep.DataLost() {
				t.Fatalf("report = %+v, want one quarantined file and a fresh cache", rep)
			}
			q := rep.Quarantined[0]
			t.Logf("quarantined %s: %s: %v", filepath.Base(q.Path), q.Reason, q.Err)
			if q.Reason != tc.reason {
				t.Errorf("reason = %s, want %s", q.Reason, tc.reason)
			}
			if filepath.Base(q.Path) != "cache.damaged-20261125T201500Z.db" {
				t.Errorf("quarantined as %s", q.Path)
			}
			moved, err := os.ReadFile(q.Path)
			if err != nil || !bytes.Equal(moved, damaged) {
				t.Errorf("the quarantined file is not the damaged file as it was (%v)", err)
			}
			if runtimeModes() {
				wantMode(t, q.Path, 0o600)
			}
			if tc.name == "random bytes with a stray WAL" {
				if _, err := os.Stat(q.Path + "-wal"); err != nil {
					t.Errorf("the WAL did not move with its file: %v", err)
				}
			}

			// A fresh, working cache.
			if _, err := c.Load(ctx, testProfile, demoMembers[0].Account); !errors.Is(err, ErrNotFound) {
				t.Errorf("Load = %v, want ErrNotFound in the fresh cache", err)
			}
			m := demoMembers[1]
			if err := c.Save(ctx, testProfile, m.Account, demoSnapshot(m, 2, 1, 1, time.Now())); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Load(ctx, testProfile, m.Account); err != nil {
				t.Fatal(err)
			}
			c.Close()
			if _, rep, err := Open(ctx, Params{Dir: dir, Keys: keys}); err != nil || rep.DataLost() || rep.Created {
				t.Errorf("second open after recovery: %+v, %v", rep, err)
			}
		})
	}
}

func runtimeModes() bool { return os.PathSeparator == '/' }

// Recurring damage keeps only the newest few moved-aside files.
func TestQuarantine_KeepsNewestThree(t *testing.T) {
	ctx := context.Background()
	dir, keys := seeded(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5 {
		os.WriteFile(filepath.Join(dir, FileName), []byte("garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage"), 0o600)
		c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys, Now: func() time.Time { return base.Add(time.Duration(i) * time.Hour) }})
		if err != nil || len(rep.Quarantined) != 1 {
			t.Fatalf("open %d: %+v, %v", i, rep, err)
		}
		c.Close()
	}
	got := quarantinedFiles(dir)
	if len(got) != maxQuarantined || filepath.Base(got[len(got)-1]) != "cache.damaged-20260101T040000Z.db" {
		t.Errorf("kept %v", got)
	}
}

func TestOpen_NoKeyringWritesNothing(t *testing.T) {
	ctx := context.Background()
	for _, kerr := range []error{errUnavailableForTest, errLockedForTest} {
		dir := filepath.Join(t.TempDir(), "data")
		keys := newMemKeys()
		keys.err = kerr
		c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys})
		if err != nil {
			t.Fatal(err)
		}
		if !errors.Is(rep.Disabled, ErrNoKeyring) || !errors.Is(rep.Disabled, kerr) || !errors.Is(c.Disabled(), ErrNoKeyring) {
			t.Fatalf("report = %+v", rep)
		}
		m := demoMembers[0]
		if err := c.Save(ctx, testProfile, m.Account, demoSnapshot(m, 1, 1, 1, time.Now())); !errors.Is(err, ErrNoKeyring) {
			t.Errorf("Save = %v, want ErrNoKeyring", err)
		}
		if _, err := c.Load(ctx, testProfile, m.Account); !errors.Is(err, ErrNoKeyring) {
			t.Errorf("Load = %v, want ErrNoKeyring", err)
		}
		if _, err := c.Accounts(ctx, testProfile); !errors.Is(err, ErrNoKeyring) {
			t.Errorf("Accounts = %v, want ErrNoKeyring", err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("without a keyring the data directory was created (%v)", err)
		}
		c.Close()
	}
	c, rep, err := Open(ctx, Params{Dir: t.TempDir()})
	if err != nil || !errors.Is(rep.Disabled, ErrNoKeyring) {
		t.Fatalf("nil Keys: %+v, %v", rep, err)
	}
	c.Close()
}

// A keyring that goes away after data was cached leaves the file alone:
// it is readable again once the keyring is back.
func TestOpen_KeyringBackLater(t *testing.T) {
	ctx := context.Background()
	dir, keys := seeded(t)
	keys.err = errLockedForTest
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys})
	if err != nil || rep.Disabled == nil {
		t.Fatalf("%+v, %v", rep, err)
	}
	c.Close()
	keys.err = nil
	c2, rep := openTest(t, dir, keys)
	if rep.DataLost() {
		t.Fatalf("report = %+v", rep)
	}
	if _, err := c2.Load(ctx, testProfile, demoMembers[0].Account); err != nil {
		t.Fatal(err)
	}
}
