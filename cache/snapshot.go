package cache

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// Part names one kind of data in a snapshot.
type Part string

// The parts the app caches.
const (
	PartProfile       Part = "profile"
	PartBalance       Part = "balance"
	PartContributions Part = "contributions"
	PartClaims        Part = "claims"
	PartCard          Part = "card"
	// PartPayslip is what the member typed in themselves (the payslip
	// wage of "Upah saya"), not fetched: optional, and never sent.
	PartPayslip Part = "payslip"
)

const maxPartName = 64

// Entry is one part's payload, opaque to the cache (the UI stores JSON),
// and when it was fetched from the server.
type Entry struct {
	Data      []byte
	FetchedAt time.Time
}

// Snapshot is everything cached for one account.
type Snapshot struct {
	// Label is the display name for the offline account list.
	Label string
	Parts map[Part]Entry
	// SavedAt is when the snapshot was saved; set by Save, returned by Load.
	SavedAt time.Time
}

// AccountSummary is one entry of the offline account list.
type AccountSummary struct {
	Account   string    // the login identifier (email or KPJ) as last saved
	Label     string    // display name
	FetchedAt time.Time // newest FetchedAt among the parts: "as of"
	SavedAt   time.Time
}

// header is the sealed per-account record.
type header struct {
	Account   string    `json:"a"`
	Label     string    `json:"l"`
	FetchedAt time.Time `json:"f"`
	SavedAt   time.Time `json:"s"`
}

// sealedSnapshot is a snapshot ready to be written: everything but the
// lookup keys and the snapshot id is ciphertext.
type sealedSnapshot struct {
	profile, lookup, snap, header []byte
	parts                         []sealedPart
}

type sealedPart struct {
	part string
	body []byte
}

func partAD(lookup, snap []byte, part string) []byte {
	return ad(tableParts, lookup, snap, []byte(part))
}

func headerAD(lookup, snap []byte) []byte { return ad(tableAccounts, lookup, snap) }

func sealSnapshot(s *sealer, profile, account string, snap Snapshot, now time.Time) (sealedSnapshot, error) {
	out := sealedSnapshot{
		profile: s.profileKey(profile),
		lookup:  s.accountKey(profile, account),
		snap:    make([]byte, 16),
	}
	rand.Read(out.snap)
	h := header{Account: account, Label: snap.Label, SavedAt: now}
	names := make([]string, 0, len(snap.Parts))
	for p := range snap.Parts {
		names = append(names, string(p))
	}
	sort.Strings(names)
	for _, p := range names {
		e := snap.Parts[Part(p)]
		if e.FetchedAt.After(h.FetchedAt) {
			h.FetchedAt = e.FetchedAt
		}
		body, err := encodeEntry(e)
		if err != nil {
			return out, err
		}
		out.parts = append(out.parts, sealedPart{p, s.seal(body, partAD(out.lookup, out.snap, p))})
	}
	hb, err := json.Marshal(h)
	if err != nil {
		return out, fmt.Errorf("cache: %w", err)
	}
	out.header = s.seal(hb, headerAD(out.lookup, out.snap))
	return out, nil
}

// encodeEntry lays out a part's plaintext: the length of the binary time,
// the time, then the payload.
func encodeEntry(e Entry) ([]byte, error) {
	tb, err := e.FetchedAt.MarshalBinary()
	if err != nil {
		if tb, err = e.FetchedAt.UTC().MarshalBinary(); err != nil {
			return nil, fmt.Errorf("cache: fetched-at time: %w", err)
		}
	}
	b := make([]byte, 0, 1+len(tb)+len(e.Data))
	b = append(b, byte(len(tb))) // #nosec G115 -- time.Time.MarshalBinary returns at most 16 bytes
	b = append(b, tb...)
	return append(b, e.Data...), nil
}

func decodeEntry(b []byte) (Entry, error) {
	if len(b) < 1 || len(b) < 1+int(b[0]) {
		return Entry{}, fmt.Errorf("%w: malformed part", ErrTampered)
	}
	var e Entry
	if err := e.FetchedAt.UnmarshalBinary(b[1 : 1+b[0]]); err != nil {
		return Entry{}, fmt.Errorf("%w: malformed part time", ErrTampered)
	}
	e.Data = b[1+b[0]:]
	return e, nil
}

func openHeader(s *sealer, lookup, snap, blob []byte) (header, error) {
	var h header
	pt, err := s.open(blob, headerAD(lookup, snap))
	if err != nil {
		return h, fmt.Errorf("account record: %w", err)
	}
	if err := json.Unmarshal(pt, &h); err != nil {
		return h, fmt.Errorf("account record: %w: malformed", ErrTampered)
	}
	return h, nil
}

// storedSnapshot is one account's rows as read in one transaction.
type storedSnapshot struct {
	id                   int64
	lookup, snap, header []byte
	parts                []sealedPart
}

func openSnapshot(s *sealer, st storedSnapshot) (Snapshot, error) {
	h, err := openHeader(s, st.lookup, st.snap, st.header)
	if err != nil {
		return Snapshot{}, err
	}
	snap := Snapshot{Label: h.Label, SavedAt: h.SavedAt, Parts: make(map[Part]Entry, len(st.parts))}
	for _, p := range st.parts {
		pt, err := s.open(p.body, partAD(st.lookup, st.snap, p.part))
		if err != nil {
			return Snapshot{}, fmt.Errorf("part %q: %w", p.part, err)
		}
		e, err := decodeEntry(pt)
		if err != nil {
			return Snapshot{}, fmt.Errorf("part %q: %w", p.part, err)
		}
		snap.Parts[Part(p.part)] = e
	}
	return snap, nil
}

// q is the subset of *sql.Tx and *sql.DB the readers need.
type q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readParts(ctx context.Context, db q, st *storedSnapshot) error {
	rows, err := db.QueryContext(ctx, "SELECT part, body FROM parts WHERE account_id = ? ORDER BY part", st.id)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p sealedPart
		if err := rows.Scan(&p.part, &p.body); err != nil {
			return classify(err)
		}
		st.parts = append(st.parts, p)
	}
	return classify(rows.Err())
}

// sweep deletes the snapshots that no longer open (altered or damaged
// blobs), keeping all the others, and returns how many it deleted.
func sweep(ctx context.Context, tx *sql.Tx, s *sealer) (int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, lookup, snap, header FROM accounts")
	if err != nil {
		return 0, classify(err)
	}
	var all []storedSnapshot
	for rows.Next() {
		var st storedSnapshot
		if err := rows.Scan(&st.id, &st.lookup, &st.snap, &st.header); err != nil {
			_ = rows.Close()
			return 0, classify(err)
		}
		all = append(all, st)
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		return 0, classify(err)
	}
	dropped := 0
	for _, st := range all {
		if err := readParts(ctx, tx, &st); err != nil {
			return 0, err
		}
		if _, err := openSnapshot(s, st); err == nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM accounts WHERE id = ?", st.id); err != nil {
			return 0, classify(err)
		}
		dropped++
	}
	return dropped, nil
}

// usable returns the current sealer, or why the cache cannot be used. A
// nil sealer with a nil error means no key exists (after ForgetAll).
func (c *Cache) usable() (*sealer, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.disabled != nil {
		return nil, c.disabled
	}
	if c.closed {
		return nil, ErrClosed
	}
	return c.s, nil
}

// Save replaces the account's snapshot with snap in one transaction:
// readers see all of the old snapshot or all of the new one. Parts not in
// snap are dropped; to keep an older part, carry it over from Load.
func (c *Cache) Save(ctx context.Context, profile, account string, snap Snapshot) error {
	if profile == "" || normalizeAccount(account) == "" {
		return errors.New("cache: Save: empty profile or account")
	}
	for p := range snap.Parts {
		if p == "" || len(p) > maxPartName {
			return fmt.Errorf("cache: Save: bad part name %q", p)
		}
	}
	for attempt := 0; ; attempt++ {
		s, err := c.usable()
		if err != nil {
			return err
		}
		if s == nil {
			if s, err = c.reloadKey(ctx, true); err != nil {
				return err
			}
		}
		sealed, err := sealSnapshot(s, profile, account, snap, c.now())
		if err != nil {
			return err
		}
		err = c.write(ctx, func(tx *sql.Tx) error {
			if err := checkCanary(ctx, tx, s, false); err != nil {
				return err
			}
			return writeSnapshot(ctx, tx, sealed)
		})
		if errors.Is(err, errKeyStale) && attempt == 0 {
			// ForgetAll (here or in another process) deleted the key;
			// take the keyring's current key, or make one, and try once more.
			if _, err := c.reloadKey(ctx, true); err != nil {
				return err
			}
			continue
		}
		if errors.Is(err, errKeyStale) {
			return fmt.Errorf("cache: Save: %w (the cache was sealed under another key; it is reset on the next start)", ErrTampered)
		}
		if err != nil {
			return fmt.Errorf("cache: Save: %w", err)
		}
		return nil
	}
}

func writeSnapshot(ctx context.Context, tx *sql.Tx, s sealedSnapshot) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM accounts WHERE lookup = ?", s.lookup); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO accounts (profile, lookup, snap, header) VALUES (?, ?, ?, ?)",
		s.profile, s.lookup, s.snap, s.header)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if len(s.parts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO parts (account_id, part, body) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range s.parts {
		if _, err := stmt.ExecContext(ctx, id, p.part, p.body); err != nil {
			return err
		}
	}
	return nil
}

// write runs fn in a write transaction on the one writer connection.
func (c *Cache) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := c.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Load returns the account's snapshot, ErrNotFound when there is none, or
// an error wrapping ErrTampered when a blob does not open. The snapshot is
// read in one transaction, so it is never a mix of two saves.
func (c *Cache) Load(ctx context.Context, profile, account string) (Snapshot, error) {
	for attempt := 0; ; attempt++ {
		s, err := c.usable()
		if err != nil {
			return Snapshot{}, err
		}
		if s == nil {
			// No key since ForgetAll; another process may have made one.
			if s, err = c.reloadKey(ctx, false); errors.Is(err, errKeyMissing) {
				return Snapshot{}, ErrNotFound
			} else if err != nil {
				return Snapshot{}, err
			}
		}
		st, err := c.readSnapshot(ctx, s.accountKey(profile, account))
		if err != nil {
			return Snapshot{}, err
		}
		snap, err := openSnapshot(s, st)
		if errors.Is(err, ErrTampered) && attempt == 0 && c.keyIsStale(ctx, s) {
			if _, err := c.reloadKey(ctx, false); errors.Is(err, errKeyMissing) {
				return Snapshot{}, ErrNotFound
			} else if err != nil {
				return Snapshot{}, err
			}
			continue
		}
		if err != nil {
			return Snapshot{}, fmt.Errorf("cache: Load: %w", err)
		}
		return snap, nil
	}
}

func (c *Cache) readSnapshot(ctx context.Context, lookup []byte) (storedSnapshot, error) {
	st := storedSnapshot{lookup: lookup}
	tx, err := c.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, fmt.Errorf("cache: Load: %w", err)
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, "SELECT id, snap, header FROM accounts WHERE lookup = ?", lookup).
		Scan(&st.id, &st.snap, &st.header)
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	if err != nil {
		return st, fmt.Errorf("cache: Load: %w", err)
	}
	if err := readParts(ctx, tx, &st); err != nil {
		return st, fmt.Errorf("cache: Load: %w", err)
	}
	return st, tx.Commit()
}

// Accounts lists the accounts cached for a server profile, most recently
// fetched first. An account whose record does not open is left out (Open
// deletes it on the next start).
func (c *Cache) Accounts(ctx context.Context, profile string) ([]AccountSummary, error) {
	s, err := c.usable()
	if err != nil || s == nil {
		return nil, err
	}
	rows, err := c.r.QueryContext(ctx, "SELECT lookup, snap, header FROM accounts WHERE profile = ?", s.profileKey(profile))
	if err != nil {
		return nil, fmt.Errorf("cache: Accounts: %w", err)
	}
	defer rows.Close()
	var out []AccountSummary
	for rows.Next() {
		var lookup, snap, blob []byte
		if err := rows.Scan(&lookup, &snap, &blob); err != nil {
			return nil, fmt.Errorf("cache: Accounts: %w", err)
		}
		h, err := openHeader(s, lookup, snap, blob)
		if err != nil {
			continue
		}
		//lint:ignore S1016 the sealed on-disk record and the API type are kept apart on purpose: a conversion would tie the file format to the API
		out = append(out, AccountSummary{Account: h.Account, Label: h.Label, FetchedAt: h.FetchedAt, SavedAt: h.SavedAt})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cache: Accounts: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FetchedAt.After(out[j].FetchedAt) })
	return out, nil
}

// Forget deletes one account's snapshot and checkpoints the WAL, so that
// neither the database nor the WAL keeps its pages (secure_delete zeroes
// freed pages in the database; only a checkpoint clears the WAL).
func (c *Cache) Forget(ctx context.Context, profile, account string) error {
	s, err := c.usable()
	if err != nil || s == nil {
		return err
	}
	err = c.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM accounts WHERE lookup = ?", s.accountKey(profile, account))
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: Forget: %w", err)
	}
	_ = c.checkpoint(ctx) // a busy reader defers it to Close
	return nil
}

// ForgetAll deletes every snapshot, the moved-aside damaged files and the
// data key. The cache stays open: the next Save makes a new key.
func (c *Cache) ForgetAll(ctx context.Context) error {
	c.mu.Lock()
	closed, disabled := c.closed, c.disabled
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if c.keys == nil {
		return disabled
	}
	if err := ensureDir(c.dir); err != nil {
		return err
	}
	unlock, err := lockDir(ctx, lockPath(c.dir))
	if err != nil {
		return err
	}
	defer unlock()
	var errs []error
	if disabled != nil {
		// No keyring now, but the file and the key may remain from before.
		errs = append(errs, removeDB(c.path))
	} else {
		err := c.write(ctx, func(tx *sql.Tx) error {
			for _, q := range []string{"DELETE FROM parts", "DELETE FROM accounts", "DELETE FROM meta"} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("cache: ForgetAll: %w", err)
		}
		errs = append(errs, c.checkpoint(ctx))
	}
	for _, p := range quarantinedFiles(c.dir) {
		errs = append(errs, removeDB(p))
	}
	c.mu.Lock()
	c.s = nil
	c.mu.Unlock()
	if err := c.keys.Delete(ctx, KeyAccount, KeyPurpose); err != nil && !isNotFound(err) {
		errs = append(errs, fmt.Errorf("%w: %w", ErrNoKeyring, err))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("cache: ForgetAll: %w", err)
	}
	return nil
}

// reloadKey takes the keyring's current data key (create: making one when
// there is none) and checks it against the database, under the directory
// lock so that two processes cannot both make one.
func (c *Cache) reloadKey(ctx context.Context, create bool) (*sealer, error) {
	unlock, err := lockDir(ctx, lockPath(c.dir))
	if err != nil {
		return nil, err
	}
	defer unlock()
	key, err := getKey(ctx, c.keys)
	if errors.Is(err, errKeyMissing) && create {
		key, err = createKey(ctx, c.keys)
	}
	if err != nil {
		return nil, err
	}
	s, err := newSealer(key)
	if err != nil {
		return nil, err
	}
	if err := c.write(ctx, func(tx *sql.Tx) error { return checkCanary(ctx, tx, s, true) }); err != nil {
		if errors.Is(err, errKeyStale) {
			return nil, fmt.Errorf("cache: %w (the cache was sealed under another key; it is reset on the next start)", ErrTampered)
		}
		return nil, err
	}
	c.mu.Lock()
	c.s = s
	c.mu.Unlock()
	return s, nil
}

func lockPath(dir string) string { return filepath.Join(dir, lockName) }

func isNotFound(err error) bool { return errors.Is(err, keystore.ErrNotFound) }

// keyIsStale reports whether the database's key check fails under s.
func (c *Cache) keyIsStale(ctx context.Context, s *sealer) bool {
	var blob []byte
	if err := c.r.QueryRowContext(ctx, "SELECT value FROM meta WHERE name = ?", canaryName).Scan(&blob); err != nil {
		return errors.Is(err, sql.ErrNoRows)
	}
	_, err := s.open(blob, ad(tableMeta, []byte(canaryName)))
	return err != nil
}

// checkpoint copies the WAL into the database and truncates it to zero
// bytes, so deleted pages leave the WAL.
func (c *Cache) checkpoint(ctx context.Context) error {
	var busy, logFrames, done int
	if err := c.w.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("cache: checkpoint: %w", err)
	}
	if busy != 0 {
		return errors.New("cache: checkpoint: a reader kept the WAL busy")
	}
	return nil
}
