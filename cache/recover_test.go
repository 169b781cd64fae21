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
		if err := c.Save(context.Background(), testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 120, 10, time.Now()), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, keys
}

func TestOpen_DamagedFileIsQuarantined(t *testing.T) {
	t.Parallel()
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
			if _, err := c.Load(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account)); !errors.Is(err, ErrNotFound) {
				t.Errorf("Load = %v, want ErrNotFound in the fresh cache", err)
			}
			m := demoMembers[1]
			if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 2, 1, 1, time.Now()), SaveOptions{}); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account)); err != nil {
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
	t.Parallel()
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

// Without any keyring the cache opens and works: the password's wrap is
// what protects it.
func TestOpen_NoKeyringWorksWithPassword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, keys := range []KeyStore{nil, &memKeys{m: map[string]string{}, err: errUnavailableForTest}, &memKeys{m: map[string]string{}, err: errLockedForTest}} {
		dir := filepath.Join(t.TempDir(), "data")
		c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys})
		if err != nil || rep.DataLost() {
			t.Fatalf("Open: %+v, %v", rep, err)
		}
		m := demoMembers[0]
		key := NewKey()
		wrap, err := Wrap(key, "Rahasia#2026", testKDF)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Save(ctx, testProfile, m.Account, key, demoSnapshot(m, 1, 1, 1, time.Now()), SaveOptions{Wrap: wrap}); err != nil {
			t.Fatal(err)
		}
		c.Close()
		c, _, err = Open(ctx, Params{Dir: dir, Keys: keys})
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.Accounts(ctx, testProfile)
		if err != nil || len(list) != 1 || !list[0].Wrapped {
			t.Fatalf("Accounts = %+v, %v", list, err)
		}
		if _, err := c.UnlockRef(ctx, list[0].Ref, "salah"); !errors.Is(err, ErrWrongPassword) {
			t.Errorf("wrong password: %v, want ErrWrongPassword", err)
		}
		got, err := c.UnlockRef(ctx, list[0].Ref, "Rahasia#2026")
		if err != nil || !got.Equal(key) {
			t.Fatalf("UnlockRef = %v, %v", got, err)
		}
		if account, _, err := c.LoadRef(ctx, list[0].Ref, got); err != nil || account != m.Account {
			t.Fatalf("LoadRef = %q, %v", account, err)
		}
		c.Close()
	}
}

// A version-1 cache (one installation key in the keyring) moves over at
// the first start with a keyring: each account gets its own key, kept in
// the keyring as a pending key (no password wrap until the next online
// login); the version-1 rows, the installation key and version-1 copies
// set aside go.
func TestOpen_MigratesVersion1Cache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	keys := newMemKeys()
	writeLegacyCache(t, dir, keys, demoMembers...)
	copyFile(t, filepath.Join(dir, FileName), filepath.Join(dir, "cache.damaged-20250101T000000Z.db"))

	// No keyring: nothing moves, nothing is lost.
	keys.err = errLockedForTest
	c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys, LegacyProfiles: []string{"other", testProfile}})
	if err != nil || !rep.LegacyWaiting || rep.Migrated != 0 || rep.DataLost() {
		t.Fatalf("without a keyring: %+v, %v", rep, err)
	}
	c.Close()

	keys.err = nil
	c, rep, err = Open(ctx, Params{Dir: dir, Keys: keys, LegacyProfiles: []string{"other", testProfile}})
	if err != nil || rep.Migrated != 2 || rep.LegacyWaiting || rep.DataLost() {
		t.Fatalf("with the keyring: %+v, %v", rep, err)
	}
	defer c.Close()
	if keys.key() != "" {
		t.Error("the installation key is still in the keyring")
	}
	if q := quarantinedFiles(dir); len(q) != 0 {
		t.Errorf("version-1 copies set aside are left: %v", q)
	}
	list, err := c.Accounts(ctx, testProfile)
	if err != nil || len(list) != 2 {
		t.Fatalf("Accounts = %+v, %v", list, err)
	}
	for _, m := range demoMembers {
		k, err := PendingKey(ctx, keys, testProfile, m.Account)
		if err != nil {
			t.Fatalf("%s: no pending key: %v", m.Name, err)
		}
		snap, err := c.Load(ctx, testProfile, m.Account, k)
		if err != nil || snap.Label != m.Name {
			t.Fatalf("%s: Load = %q, %v", m.Name, snap.Label, err)
		}
		ref, _ := c.Ref(ctx, testProfile, m.Account, k)
		if _, err := c.UnlockRef(ctx, ref, "any password"); !errors.Is(err, ErrNotWrapped) {
			t.Errorf("%s: UnlockRef before the next online login = %v, want ErrNotWrapped", m.Name, err)
		}
	}
	if err := DropPendingKey(ctx, keys, testProfile, demoMembers[0].Account); err != nil {
		t.Fatal(err)
	}
	if _, err := PendingKey(ctx, keys, testProfile, demoMembers[0].Account); !errors.Is(err, ErrNotFound) {
		t.Errorf("dropped pending key: %v", err)
	}
	if _, err := PendingKey(ctx, keys, testProfile, demoMembers[1].Account); err != nil {
		t.Errorf("the other pending key went too: %v", err)
	}
	var legacy int
	c.r.QueryRow("SELECT count(*) FROM legacy_accounts").Scan(&legacy)
	if legacy != 0 {
		t.Errorf("%d version-1 rows left", legacy)
	}
}
