package cache

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Reason says why a cache file was moved aside.
type Reason string

// Reasons for moving a cache file aside.
const (
	// ReasonCorrupt: the file is not a readable SQLite database (truncated,
	// overwritten, failed quick_check).
	ReasonCorrupt Reason = "corrupt"
	// ReasonForeign: a valid SQLite file, but not this app's cache.
	ReasonForeign Reason = "foreign"
	// ReasonTooNew: written by a newer version of the app.
	ReasonTooNew Reason = "too-new"
)

// Quarantined describes one cache file moved aside.
type Quarantined struct {
	Path   string // where the damaged file now is (its -wal, if any, beside it)
	Reason Reason
	Err    error // detail for the log; names no personal data
}

// OpenReport tells the caller what Open found and did, so the UI can tell
// the user. The zero value means: an existing cache opened cleanly.
type OpenReport struct {
	// Created: a new, empty cache file was made (first run, or after a quarantine).
	Created bool
	// Migrated counts version-1 snapshots moved to their own account
	// keys (kept in the keyring until the next online login wraps them).
	Migrated int
	// LegacyWaiting: version-1 data is there, but no keyring answered to
	// move it over; the next start tries again.
	LegacyWaiting bool
	// Quarantined lists files moved aside, with the reason.
	Quarantined []Quarantined
	// Dropped counts version-1 snapshots that could not be moved over
	// (their key lost, or a blob altered); the other accounts were kept.
	Dropped int
}

// DataLost reports whether cached data that existed could not be kept: the
// UI should tell the user that offline data was reset and will come back
// with the next refresh.
func (r OpenReport) DataLost() bool { return len(r.Quarantined) > 0 || r.Dropped > 0 }

// damage is a finding that makes the file unusable; Open moves it aside.
type damage struct {
	reason Reason
	err    error
}

func (d *damage) Error() string { return fmt.Sprintf("cache file %s: %v", d.reason, d.err) }
func (d *damage) Unwrap() error { return d.err }

// classify turns SQLite's corruption errors into damage and leaves the rest
// (busy, I/O, permissions, cancellation) as they are: those are not a
// reason to move the user's data aside.
func classify(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &damage{ReasonCorrupt, err}
		}
	}
	return err
}

const maxQuarantined = 3

// openChecked opens the database and checks it; a damaged file is moved
// aside once and a fresh one created.
func (c *Cache) openChecked(ctx context.Context, rep *OpenReport) error {
	for attempt := 0; ; attempt++ {
		err := c.openAndCheck(ctx, rep)
		if err == nil {
			return nil
		}
		_ = c.closeDBs()
		var d *damage
		if !errors.As(err, &d) || attempt > 0 {
			return err
		}
		q, qerr := quarantine(c.path, c.now())
		if qerr != nil {
			return errors.Join(err, qerr)
		}
		q.Reason, q.Err = d.reason, d.err
		rep.Quarantined = append(rep.Quarantined, q)
		pruneQuarantine(c.dir, maxQuarantined)
	}
}

func (c *Cache) openAndCheck(ctx context.Context, rep *OpenReport) error {
	created, err := precreate(c.path)
	if err != nil {
		return err
	}
	if created {
		// A WAL without its database would be replayed into the new one.
		if err := removeCompanions(c.path); err != nil {
			return err
		}
		rep.Created = true
	} else if !isOpenHere(c.path) {
		if err := checkHeader(c.path); err != nil {
			return err
		}
	}
	if err := c.openDBs(); err != nil {
		return err
	}
	if err := quickCheck(ctx, c.w); err != nil {
		return err
	}
	tx, err := c.w.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	if err := migrate(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	return nil
}

// quickCheck runs PRAGMA quick_check; any finding is damage.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(err)
		}
		if s != "ok" && len(found) < 5 {
			found = append(found, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(err)
	}
	if len(found) > 0 {
		return &damage{ReasonCorrupt, fmt.Errorf("quick_check: %s", strings.Join(found, "; "))}
	}
	return nil
}

var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader catches what SQLite itself may take for an empty database or
// only notice page by page: a file that does not start with the SQLite
// header, or that was cut short.
func checkHeader(path string) error {
	f, err := os.Open(path) // #nosec G304 -- reads the header of the cache file inside the app data dir
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	size := fi.Size()
	if size == 0 {
		return nil // pre-created, never written
	}
	hdr := make([]byte, 100)
	if _, err := io.ReadFull(f, hdr); err != nil || !bytes.Equal(hdr[:16], sqliteMagic) {
		return &damage{ReasonCorrupt, errors.New("not an SQLite database")}
	}
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return &damage{ReasonCorrupt, fmt.Errorf("bad page size %d", pageSize)}
	}
	if size%pageSize != 0 {
		return &damage{ReasonCorrupt, fmt.Errorf("size %d is not a multiple of the page size %d", size, pageSize)}
	}
	// The header's page count is trustworthy only when no WAL may still hold
	// newer pages (a checkpoint cut short legitimately leaves the main file
	// shorter than its header says; WAL recovery finishes it).
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:32]))
	if pages == 0 || !bytes.Equal(hdr[24:28], hdr[92:96]) {
		pages = size / pageSize // header size not valid: SQLite uses the file size
	}
	if pages*pageSize > size {
		return &damage{ReasonCorrupt, fmt.Errorf("truncated: %d of %d pages", size/pageSize, pages)}
	}
	// Recognise another program's database before SQLite opens it: opening
	// would switch it to WAL mode, and its file is not ours to change. One
	// page with no application id is our own file, cut off before migrating.
	if appID := binary.BigEndian.Uint32(hdr[68:72]); appID != applicationID && (appID != 0 || pages > 1) {
		return &damage{ReasonForeign, fmt.Errorf("application_id %#x, %d pages", appID, pages)}
	}
	return nil
}

// quarantine moves the database and its WAL aside under a timestamped name
// and removes its -shm (an index SQLite rebuilds). The WAL must move with
// the file: left behind, it would be replayed into the fresh database.
func quarantine(path string, now time.Time) (Quarantined, error) {
	dir := filepath.Dir(path)
	stem := strings.TrimSuffix(filepath.Base(path), ".db")
	ts := now.UTC().Format("20060102T150405Z")
	var dst string
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s.damaged-%s.db", stem, ts)
		if i > 0 {
			name = fmt.Sprintf("%s.damaged-%s-%d.db", stem, ts, i)
		}
		dst = filepath.Join(dir, name)
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err := os.Rename(path, dst); err != nil {
		return Quarantined{}, fmt.Errorf("cache: move damaged file aside: %w", err)
	}
	var errs []error
	for _, suffix := range []string{"-wal", "-journal"} {
		if err := os.Rename(path+suffix, dst+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := os.Remove(path + "-shm"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Quarantined{}, fmt.Errorf("cache: move damaged file aside: %w", errors.Join(errs...))
	}
	return Quarantined{Path: dst}, nil
}

// quarantinedFiles lists the moved-aside databases in dir, oldest first.
func quarantinedFiles(dir string) []string {
	stem := strings.TrimSuffix(FileName, ".db")
	m, _ := filepath.Glob(filepath.Join(dir, stem+".damaged-*.db"))
	sort.Strings(m) // the timestamp sorts chronologically
	return m
}

// pruneQuarantine keeps the newest keep moved-aside files, so that a
// recurring fault cannot fill the disk.
func pruneQuarantine(dir string, keep int) {
	m := quarantinedFiles(dir)
	for len(m) > keep {
		_ = removeDB(m[0])
		m = m[1:]
	}
}

// removeDB deletes a database file and its companions.
func removeDB(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return removeCompanions(path)
}

// removeCompanions deletes a database's -wal, -shm and -journal files.
func removeCompanions(path string) error {
	var errs []error
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
