// Package cache keeps the last known data of each member account in one
// SQLite file in the app data directory, so the app can show it offline
// together with the time it was true.
//
// Every personal value is sealed with AES-256-GCM under the account's own
// data key; the associated data binds each blob to its table, account and
// snapshot. The key is stored only wrapped by a key derived from the
// member's password (Argon2id, see wrap.go), so offline viewing needs the
// password and no OS keyring; the app may keep a copy of the key in the
// keyring for "remember me". Plaintext columns hold the server profile's
// name, a masked identifier, the "as of" time and the lock flag; lookups
// are keyed hashes under the account key.
//
// The cache keeps only the latest snapshot per account. A damaged file is
// moved aside and replaced by an empty one, and Open reports what happened.
// The cache stores opaque payloads: it knows nothing of the API's types and
// never imports Fyne.
package cache

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the name of the cache database inside Params.Dir.
const FileName = "cache.db"

const (
	lockName = "cache.lock"
	// applicationID marks the file as ours ("CBJK"), so that a valid SQLite
	// file of another program is recognised as foreign, not migrated.
	applicationID = 0x43424A4B
	busyTimeout   = 5 * time.Second
	readers       = 4
)

var (
	// ErrNoKeyring means no OS keyring answered (none present, locked, or
	// failing); the keyring's own error is wrapped too. The cache works
	// without one: only "remember me" and the move of version-1 data need it.
	ErrNoKeyring = errors.New("cache: no OS keyring answered")
	// ErrNotFound means no snapshot is cached for the account.
	ErrNotFound = errors.New("cache: no cached data for this account")
	// ErrTampered means a sealed blob failed authentication: it was altered,
	// moved from another row or account, or sealed under another key.
	ErrTampered = errors.New("cache: cached data failed authentication (altered, moved, or sealed under another key)")
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("cache: closed")
)

// KeyStore is the part of the OS keyring the app needs; keystore.Store
// satisfies it. The cache itself uses it only to move version-1 data over. Errors wrap keystore.ErrNotFound, keystore.ErrUnavailable
// or keystore.ErrLocked.
type KeyStore interface {
	Get(ctx context.Context, account, purpose string) (string, error)
	Set(ctx context.Context, account, purpose, secret string) error
	Delete(ctx context.Context, account, purpose string) error
}

// Params configures Open.
type Params struct {
	// Dir is the app data directory; it is created with mode 0700.
	Dir string
	// Keys is the OS keyring, for moving version-1 data over (its
	// installation key lives there); nil: version-1 data stays until a
	// start with a keyring.
	Keys KeyStore
	// LegacyProfiles are the server profile names version-1 data may be
	// filed under (it stored them hashed).
	LegacyProfiles []string
	// Now is the clock for saved-at times and quarantine names; nil means time.Now.
	Now func() time.Time
}

// Cache is the offline cache. Its methods are safe for concurrent use, and
// several processes may use the same file at once.
type Cache struct {
	dir, path string
	keys      KeyStore
	now       func() time.Time

	w *sql.DB // the one writer connection
	r *sql.DB // readers

	mu     sync.Mutex
	closed bool
}

// Open opens the cache in p.Dir, creating it when needed. It checks the
// file, moves a damaged one aside and starts afresh, and moves version-1
// data over; the report says what happened. It needs no keyring. An error
// means the cache could not be opened at all; the app runs on without it.
func Open(ctx context.Context, p Params) (*Cache, OpenReport, error) {
	var rep OpenReport
	if p.Dir == "" {
		return nil, rep, errors.New("cache: Params.Dir is empty")
	}
	dir, err := filepath.Abs(p.Dir)
	if err != nil {
		return nil, rep, fmt.Errorf("cache: %w", err)
	}
	c := &Cache{dir: dir, path: filepath.Join(dir, FileName), keys: p.Keys, now: p.Now}
	if c.now == nil {
		c.now = time.Now
	}
	if err := ensureDir(dir); err != nil {
		return nil, rep, err
	}
	unlock, err := lockDir(ctx, lockPath(dir))
	if err != nil {
		return nil, rep, err
	}
	defer unlock()
	if err := c.openChecked(ctx, &rep); err != nil {
		return nil, rep, err
	}
	if err := c.migrateLegacy(ctx, p.LegacyProfiles, &rep); err != nil {
		_ = c.Close()
		return nil, rep, err
	}
	return c, rep, nil
}

// Path returns the database file's path.
func (c *Cache) Path() string { return c.path }

// Close checkpoints the WAL and closes the database. It is safe to call
// twice; calls made after it return ErrClosed.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.w == nil {
		c.closed = true
		return nil
	}
	c.closed = true
	ctx, cancel := context.WithTimeout(context.Background(), busyTimeout)
	defer cancel()
	_ = c.checkpoint(ctx) // best effort; SQLite checkpoints again on last close
	// The pools stay assigned: a call racing with Close gets an error from
	// database/sql, never a nil pointer.
	err := errors.Join(c.r.Close(), c.w.Close())
	untrackOpen(c.path)
	return err
}

func (c *Cache) closeDBs() error {
	var errs []error
	if c.r != nil {
		errs = append(errs, c.r.Close())
		c.r = nil
	}
	if c.w != nil {
		errs = append(errs, c.w.Close())
		c.w = nil
		untrackOpen(c.path)
	}
	return errors.Join(errs...)
}

// dsn builds the data source name. Pragmas go in the DSN so that every
// pooled connection gets them, not only the first.
func dsn(path string, writer bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter: file:///C:/...
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(busyTimeout/time.Millisecond))+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "secure_delete(1)")
	q.Add("_pragma", "synchronous(FULL)")
	if writer {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

func (c *Cache) openDBs() error {
	w, err := sql.Open("sqlite", dsn(c.path, true))
	if err != nil {
		return fmt.Errorf("cache: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn(c.path, false))
	if err != nil {
		_ = w.Close()
		return fmt.Errorf("cache: open: %w", err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(2)
	c.w, c.r = w, r
	trackOpen(c.path)
	return nil
}

// ensureDir creates dir with mode 0700, or narrows an existing one to it.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if runtime.GOOS == "windows" {
		return nil // the profile directory's ACL protects it
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		if err := os.Chmod(dir, perm&0o700); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
	}
	return nil
}

// precreate makes the database file with mode 0600 before SQLite opens it
// (SQLite would use 0644, and its -wal and -shm files copy the main file's
// mode), or narrows the modes of existing files. It reports whether it
// created the file.
func precreate(path string) (bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // #nosec G304 -- the cache file inside the app data dir, created exclusively with mode 0600
	if err == nil {
		return true, f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, fmt.Errorf("cache: %w", err)
	}
	if runtime.GOOS == "windows" {
		return false, nil
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		fi, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if !fi.Mode().IsRegular() {
			return false, fmt.Errorf("cache: %s is not a regular file", filepath.Base(p))
		}
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			if err := os.Chmod(p, perm&0o600); err != nil {
				return false, fmt.Errorf("cache: %w", err)
			}
		}
	}
	return false, nil
}

// openFiles counts this process's open caches per file. A close(2) of any
// descriptor of a database file drops all of the process's POSIX locks on
// it, so the cache reads the file itself only when no connection of this
// process has it open.
var openFiles = struct {
	sync.Mutex
	n map[string]int
}{n: map[string]int{}}

func trackOpen(path string) {
	openFiles.Lock()
	openFiles.n[path]++
	openFiles.Unlock()
}

func untrackOpen(path string) {
	openFiles.Lock()
	if openFiles.n[path]--; openFiles.n[path] <= 0 {
		delete(openFiles.n, path)
	}
	openFiles.Unlock()
}

func isOpenHere(path string) bool {
	openFiles.Lock()
	defer openFiles.Unlock()
	return openFiles.n[path] > 0
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the embedded migrations in order; their names
// start with the version number, from 1 with no gaps.
func loadMigrations() ([]migration, error) {
	entries, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range entries {
		base := filepath.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("cache: bad migration name %q", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("cache: migration %s out of sequence", m.name)
		}
	}
	return ms, nil
}

var migrations = sync.OnceValues(loadMigrations)

// migrate brings an empty or older cache file to the current schema inside
// tx. A file that is not ours, or newer than this build, is damage: the
// caller moves it aside.
func migrate(ctx context.Context, tx *sql.Tx) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var appID, version, objects int
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return classify(err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return classify(err)
	}
	switch {
	case appID == applicationID:
	case appID == 0 && version == 0 && objects == 0: // empty file
	default:
		return &damage{ReasonForeign, fmt.Errorf("application_id %#x, user_version %d, %d schema objects", appID, version, objects)}
	}
	if version > len(ms) {
		return &damage{ReasonTooNew, fmt.Errorf("schema version %d, this build knows %d", version, len(ms))}
	}
	for _, m := range ms[version:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("cache: migration %s: %w", m.name, classify(err))
		}
	}
	if version < len(ms) {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, len(ms))); err != nil {
			return fmt.Errorf("cache: %w", classify(err))
		}
	}
	// The tables must be there with their columns, whatever the version says.
	for _, q := range []string{
		"SELECT name, value FROM meta LIMIT 0",
		"SELECT id, profile, lookup, snap, header FROM legacy_accounts LIMIT 0",
		"SELECT id, account_id, part, body FROM legacy_parts LIMIT 0",
		"SELECT " + vaultColumns + ", as_of FROM vaults LIMIT 0",
		"SELECT id, account_id, part, body FROM vault_parts LIMIT 0",
		"SELECT id, lookup FROM books LIMIT 0",
		"SELECT id, book_id, uid, body FROM book_rows LIMIT 0",
		"SELECT id, book_id, digest, uid, meta, body FROM book_docs LIMIT 0",
	} {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return &damage{ReasonForeign, fmt.Errorf("schema check: %w", err)}
		}
		_ = rows.Close()
	}
	return nil
}
