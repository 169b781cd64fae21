package cache

import (
	"bytes"
	"context"
	"crypto/hmac"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

const (
	tableVaults     = "vaults"
	tableVaultParts = "vault_parts"
	tableToken      = "vault-token"
)

// AccountSummary is one entry of the offline account list: what can be
// shown without the password.
type AccountSummary struct {
	Ref       int64     // the row, for UnlockRef and LoadRef
	Masked    string    // MaskIdentifier of the account
	FetchedAt time.Time // "as of"
	Locked    bool      // a lock was set and not yet lifted by the password
	Wrapped   bool      // the password opens it (false: written before version 2)
}

// SaveOptions are Save's optional effects.
type SaveOptions struct {
	// Wrap replaces the account's password wrap; nil keeps the stored one.
	Wrap []byte
	// Drop deletes these rows in the same transaction (the account's data
	// under a key that is lost, e.g. after a password change on the server).
	Drop []int64
}

// usable reports why the cache cannot be used, or nil.
func (c *Cache) usable() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.w == nil {
		return ErrClosed
	}
	return nil
}

// Save replaces the account's snapshot with snap, sealed under key, in one
// transaction: readers see all of the old snapshot or all of the new one.
// Parts not in snap are dropped. A lock flag on the account is lifted.
func (c *Cache) Save(ctx context.Context, profile, account string, key *Key, snap Snapshot, opt SaveOptions) error {
	if profile == "" || normalizeAccount(account) == "" || key == nil {
		return errors.New("cache: Save: empty profile, account or key")
	}
	for p := range snap.Parts {
		if p == "" || len(p) > maxPartName {
			return fmt.Errorf("cache: Save: bad part name %q", p)
		}
	}
	if err := c.usable(); err != nil {
		return err
	}
	s, err := key.sealer()
	if err != nil {
		return err
	}
	now := c.now()
	sealed, err := sealSnapshot(s, profile, account, snap, now)
	if err != nil {
		return err
	}
	asOf := now
	for _, e := range snap.Parts {
		if !e.FetchedAt.IsZero() && e.FetchedAt.Before(asOf) {
			asOf = e.FetchedAt
		}
	}
	err = c.write(ctx, func(tx *sql.Tx) error {
		for _, ref := range opt.Drop {
			if _, err := tx.ExecContext(ctx, "DELETE FROM vaults WHERE id = ?", ref); err != nil {
				return err
			}
		}
		wrap := opt.Wrap
		if wrap == nil {
			err := tx.QueryRowContext(ctx, "SELECT wrap FROM vaults WHERE lookup = ?", sealed.lookup).Scan(&wrap)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM vaults WHERE lookup = ?", sealed.lookup); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO vaults (profile, masked, as_of, lookup, snap, header, wrap) VALUES (?, ?, ?, ?, ?, ?, ?)",
			profile, MaskIdentifier(account), asOf.Unix(), sealed.lookup, sealed.snap, sealed.header, wrap)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		return insertParts(ctx, tx, tableVaultParts, id, sealed.parts)
	})
	if err != nil {
		return fmt.Errorf("cache: Save: %w", classify(err))
	}
	return nil
}

func insertParts(ctx context.Context, tx *sql.Tx, table string, id int64, parts []sealedPart) error {
	if len(parts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+table+" (account_id, part, body) VALUES (?, ?, ?)") // #nosec G202 -- table is a constant
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range parts {
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

// vaultRow is one account's row.
type vaultRow struct {
	storedSnapshot
	profile, masked string
	locked          bool
	wrap, token     []byte
}

const vaultColumns = "id, profile, masked, locked, lookup, snap, header, wrap, token"

func scanVault(sc interface{ Scan(...any) error }) (vaultRow, error) {
	var r vaultRow
	err := sc.Scan(&r.id, &r.profile, &r.masked, &r.locked, &r.lookup, &r.snap, &r.header, &r.wrap, &r.token)
	return r, err
}

// rowBy reads one row (with its parts when withParts) in one read transaction.
func (c *Cache) rowBy(ctx context.Context, where string, arg any, withParts bool) (vaultRow, error) {
	if err := c.usable(); err != nil {
		return vaultRow{}, err
	}
	tx, err := c.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return vaultRow{}, classify(err)
	}
	defer tx.Rollback()
	r, err := scanVault(tx.QueryRowContext(ctx, "SELECT "+vaultColumns+" FROM vaults WHERE "+where, arg)) // #nosec G202 -- where is a constant
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, classify(err)
	}
	if withParts {
		if err := readParts(ctx, tx, tableVaultParts, &r.storedSnapshot); err != nil {
			return r, err
		}
	}
	return r, tx.Commit()
}

// Load returns the account's snapshot, opened with key: ErrNotFound when
// none is sealed under it, an error wrapping ErrTampered when a blob does
// not open. It is read in one transaction, never a mix of two saves.
func (c *Cache) Load(ctx context.Context, profile, account string, key *Key) (Snapshot, error) {
	s, err := key.sealer()
	if err != nil {
		return Snapshot{}, err
	}
	r, err := c.rowBy(ctx, "lookup = ?", s.accountKey(profile, account), true)
	if err != nil {
		return Snapshot{}, err
	}
	snap, err := openSnapshot(s, r.storedSnapshot)
	if err != nil {
		return Snapshot{}, fmt.Errorf("cache: Load: %w", err)
	}
	return snap, nil
}

// LoadRef opens the row ref of the account list with key and returns the
// account's identifier with its snapshot.
func (c *Cache) LoadRef(ctx context.Context, ref int64, key *Key) (account string, snap Snapshot, err error) {
	s, err := key.sealer()
	if err != nil {
		return "", Snapshot{}, err
	}
	r, err := c.rowBy(ctx, "id = ?", ref, true)
	if err != nil {
		return "", Snapshot{}, err
	}
	h, err := openHeader(s, r.lookup, r.snap, r.header)
	if err != nil || !hmac.Equal(s.accountKey(r.profile, h.Account), r.lookup) {
		return "", Snapshot{}, fmt.Errorf("cache: Load: %w", ErrTampered)
	}
	snap, err = openSnapshot(s, r.storedSnapshot)
	if err != nil {
		return "", Snapshot{}, fmt.Errorf("cache: Load: %w", err)
	}
	return h.Account, snap, nil
}

// UnlockRef derives the key from password (about half a second) and
// opens the row's wrap: ErrWrongPassword, or ErrNotWrapped for a row with
// no wrap. Nothing of the account's data is decrypted here.
func (c *Cache) UnlockRef(ctx context.Context, ref int64, password string) (*Key, error) {
	r, err := c.rowBy(ctx, "id = ?", ref, false)
	if err != nil {
		return nil, err
	}
	if r.wrap == nil {
		return nil, ErrNotWrapped
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return Unwrap(r.wrap, password)
}

// WrapOf is the stored wrap of row ref (nil when it has none).
func (c *Cache) WrapOf(ctx context.Context, ref int64) ([]byte, error) {
	r, err := c.rowBy(ctx, "id = ?", ref, false)
	return r.wrap, err
}

// Ref is the row of the account sealed under key (ErrNotFound: none).
func (c *Cache) Ref(ctx context.Context, profile, account string, key *Key) (int64, error) {
	s, err := key.sealer()
	if err != nil {
		return 0, err
	}
	r, err := c.rowBy(ctx, "lookup = ?", s.accountKey(profile, account), false)
	return r.id, err
}

// candidates are the rows of profile listed under the account's mask.
func (c *Cache) candidates(ctx context.Context, profile, account string) ([]vaultRow, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	rows, err := c.r.QueryContext(ctx, "SELECT "+vaultColumns+" FROM vaults WHERE profile = ? AND masked = ? ORDER BY id", profile, MaskIdentifier(account))
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []vaultRow
	for rows.Next() {
		r, err := scanVault(rows)
		if err != nil {
			return nil, classify(err)
		}
		out = append(out, r)
	}
	return out, classify(rows.Err())
}

// FindByPassword looks for the account's row whose wrap password opens (a
// derivation per candidate row with the account's mask; there is usually
// one). It returns the key, or ErrNotFound, and the other rows listed under
// the account's mask that the password did not open (stale: sealed under
// a key the member's current password does not wrap).
func (c *Cache) FindByPassword(ctx context.Context, profile, account, password string) (key *Key, others []int64, err error) {
	key, _, others, err = c.findByPassword(ctx, profile, account, password)
	return key, others, err
}

// FindByPasswordWithWrap is FindByPassword that also returns the wrap the
// password opened (its parameters tell whether it needs making again).
func (c *Cache) FindByPasswordWithWrap(ctx context.Context, profile, account, password string) (key *Key, wrap []byte, others []int64, err error) {
	return c.findByPassword(ctx, profile, account, password)
}

func (c *Cache) findByPassword(ctx context.Context, profile, account, password string) (key *Key, wrap []byte, others []int64, err error) {
	rows, err := c.candidates(ctx, profile, account)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, r := range rows {
		if key == nil && r.wrap != nil && ctx.Err() == nil {
			if k, err := Unwrap(r.wrap, password); err == nil {
				if s, err := k.sealer(); err == nil && hmac.Equal(s.accountKey(profile, account), r.lookup) {
					key, wrap = k, r.wrap
					continue
				}
			}
		}
		others = append(others, r.id)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	if key == nil {
		return nil, nil, others, ErrNotFound
	}
	return key, wrap, others, nil
}

// Accounts lists the accounts cached for a server profile, most recently
// fetched first, without opening anything.
func (c *Cache) Accounts(ctx context.Context, profile string) ([]AccountSummary, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	rows, err := c.r.QueryContext(ctx, "SELECT id, masked, as_of, locked, wrap IS NOT NULL FROM vaults WHERE profile = ?", profile)
	if err != nil {
		return nil, fmt.Errorf("cache: Accounts: %w", classify(err))
	}
	defer rows.Close()
	var out []AccountSummary
	for rows.Next() {
		var a AccountSummary
		var asOf int64
		if err := rows.Scan(&a.Ref, &a.Masked, &asOf, &a.Locked, &a.Wrapped); err != nil {
			return nil, fmt.Errorf("cache: Accounts: %w", classify(err))
		}
		a.FetchedAt = time.Unix(asOf, 0)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cache: Accounts: %w", classify(err))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FetchedAt.After(out[j].FetchedAt) })
	return out, nil
}

// SetLock sets (with the refresh token set aside, sealed under key; ""
// for none) or lifts the account's lock flag. ErrNotFound: nothing is
// cached for it.
func (c *Cache) SetLock(ctx context.Context, profile, account string, key *Key, locked bool, token string) error {
	if err := c.usable(); err != nil {
		return err
	}
	s, err := key.sealer()
	if err != nil {
		return err
	}
	lookup := s.accountKey(profile, account)
	var sealed []byte
	if locked && token != "" {
		sealed = s.seal([]byte(token), ad(tableToken, lookup))
	}
	var n int64
	err = c.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE vaults SET locked = ?, token = ? WHERE lookup = ?", locked, sealed, lookup)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: SetLock: %w", classify(err))
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// LockedToken returns the refresh token a lock set aside for the account
// ("" for none), opened with key.
func (c *Cache) LockedToken(ctx context.Context, profile, account string, key *Key) (string, error) {
	s, err := key.sealer()
	if err != nil {
		return "", err
	}
	lookup := s.accountKey(profile, account)
	r, err := c.rowBy(ctx, "lookup = ?", lookup, false)
	if err != nil || r.token == nil {
		return "", err
	}
	pt, err := s.open(r.token, ad(tableToken, lookup))
	if err != nil {
		return "", fmt.Errorf("cache: locked token: %w", err)
	}
	return string(pt), nil
}

// Forget deletes the account's snapshot (sealed under key, or row ref when
// key is nil) here and in every moved-aside copy, and checkpoints the WAL,
// so that neither the database nor the WAL keeps its pages.
func (c *Cache) Forget(ctx context.Context, profile, account string, key *Key, ref int64) error {
	if err := c.usable(); err != nil {
		return err
	}
	var lookup []byte
	if key != nil {
		s, err := key.sealer()
		if err != nil {
			return err
		}
		lookup = s.accountKey(profile, account)
	}
	var masked string
	err := c.write(ctx, func(tx *sql.Tx) error {
		if lookup == nil {
			err := tx.QueryRowContext(ctx, "SELECT lookup, masked FROM vaults WHERE id = ?", ref).Scan(&lookup, &masked)
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
			if err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM vaults WHERE lookup = ?", lookup)
		return err
	})
	if err != nil {
		return fmt.Errorf("cache: Forget: %w", classify(err))
	}
	_ = c.checkpoint(ctx) // a busy reader defers it to Close
	if lookup == nil {
		return nil
	}
	return c.forgetInQuarantine(ctx, lookup)
}

// forgetInQuarantine deletes the account's rows from every moved-aside
// copy. A copy that cannot be opened and edited is deleted whole: it may
// hold the account, and nothing proves otherwise.
func (c *Cache) forgetInQuarantine(ctx context.Context, lookup []byte) error {
	unlock, err := lockDir(ctx, lockPath(c.dir))
	if err != nil {
		return err
	}
	defer unlock()
	var errs []error
	for _, path := range quarantinedFiles(c.dir) {
		if err := deleteFromFile(ctx, path, lookup); err != nil {
			errs = append(errs, removeDB(path))
		}
	}
	return errors.Join(errs...)
}

// deleteFromFile removes the rows with lookup from a moved-aside file
// (of version 2; a version-1 file cannot be read without the installation
// key, so it is never kept) and vacuums it, so no freed page keeps them.
func deleteFromFile(ctx context.Context, path string, lookup []byte) error {
	if checkHeader(path) != nil {
		return errors.New("unreadable")
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version < 2 {
		return errors.New("not a version-2 cache")
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM vault_parts WHERE account_id IN (SELECT id FROM vaults WHERE lookup = ?)", lookup); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM vaults WHERE lookup = ?", lookup); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "VACUUM"); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// ForgetAll deletes every snapshot, the moved-aside copies and the
// version-1 installation key. The cache stays open.
func (c *Cache) ForgetAll(ctx context.Context) error {
	if err := c.usable(); err != nil {
		return err
	}
	if err := ensureDir(c.dir); err != nil {
		return err
	}
	unlock, err := lockDir(ctx, lockPath(c.dir))
	if err != nil {
		return err
	}
	defer unlock()
	err = c.write(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"DELETE FROM vault_parts", "DELETE FROM vaults", "DELETE FROM legacy_parts", "DELETE FROM legacy_accounts", "DELETE FROM meta"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cache: ForgetAll: %w", classify(err))
	}
	errs := []error{c.checkpoint(ctx)}
	for _, p := range quarantinedFiles(c.dir) {
		errs = append(errs, removeDB(p))
	}
	if c.keys != nil {
		if err := c.keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey); err != nil && !isNotFound(err) {
			errs = append(errs, fmt.Errorf("%w: %w", ErrNoKeyring, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("cache: ForgetAll: %w", err)
	}
	return nil
}

func lockPath(dir string) string { return filepath.Join(dir, lockName) }

func isNotFound(err error) bool { return errors.Is(err, keystore.ErrNotFound) }

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

// migrateLegacy moves version 1's snapshots (sealed under the installation
// key in the keyring) over: each gets its own account key, kept in the
// keyring as a pending key until the next online login wraps it with the
// password. Then the version-1 rows, the installation key and any
// moved-aside copy (unreadable without that key) go. Without a keyring
// answer nothing changes, and the next start tries again.
func (c *Cache) migrateLegacy(ctx context.Context, profiles []string, rep *OpenReport) error {
	var n int
	if err := c.r.QueryRowContext(ctx, "SELECT count(*) FROM legacy_accounts").Scan(&n); err != nil {
		return classify(err)
	}
	hasKey := false
	if c.keys != nil {
		_, err := c.keys.Get(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey)
		hasKey = err == nil
		if err != nil && !isNotFound(err) {
			if n > 0 {
				rep.LegacyWaiting = true
			}
			return nil
		}
	}
	if n == 0 && !hasKey {
		return nil
	}
	var ls *sealer
	if hasKey {
		key, err := getKey(ctx, c.keys)
		if err == nil {
			ls, _ = newSealer(key)
		}
	}
	type moved struct {
		profile, account string
		key              *Key
		sealed           sealedSnapshot
		asOf             time.Time
	}
	var out []moved
	if ls != nil && n > 0 {
		if err := c.write(ctx, func(tx *sql.Tx) error { return checkCanary(ctx, tx, ls, false) }); err != nil {
			ls = nil // sealed under another key: unreadable
		}
	}
	if ls != nil {
		rows, err := c.r.QueryContext(ctx, "SELECT id, profile, lookup, snap, header FROM legacy_accounts")
		if err != nil {
			return classify(err)
		}
		var all []struct {
			st      storedSnapshot
			profile []byte
		}
		for rows.Next() {
			var x struct {
				st      storedSnapshot
				profile []byte
			}
			if err := rows.Scan(&x.st.id, &x.profile, &x.st.lookup, &x.st.snap, &x.st.header); err != nil {
				_ = rows.Close()
				return classify(err)
			}
			all = append(all, x)
		}
		_ = rows.Close()
		for _, x := range all {
			if err := readParts(ctx, c.r, "legacy_parts", &x.st); err != nil {
				return err
			}
			h, err := openHeader(ls, x.st.lookup, x.st.snap, x.st.header)
			if err != nil {
				rep.Dropped++
				continue
			}
			snap, err := openSnapshot(ls, x.st)
			profile := ""
			for _, p := range profiles {
				if bytes.Equal(ls.profileKey(p), x.profile) {
					profile = p
				}
			}
			if err != nil || profile == "" {
				rep.Dropped++
				continue
			}
			k := NewKey()
			s, _ := k.sealer()
			sealed, err := sealSnapshot(s, profile, h.Account, snap, h.SavedAt)
			if err != nil {
				return err
			}
			asOf := h.FetchedAt
			for _, e := range snap.Parts {
				if !e.FetchedAt.IsZero() && e.FetchedAt.Before(asOf) {
					asOf = e.FetchedAt
				}
			}
			out = append(out, moved{profile, h.Account, k, sealed, asOf})
		}
	} else {
		rep.Dropped += n
	}
	// The keys first: data whose key was not kept would be lost.
	if len(out) > 0 {
		pending, err := pendingKeys(ctx, c.keys)
		if err != nil {
			rep.LegacyWaiting = true
			return nil
		}
		for _, m := range out {
			pending[keystore.AccountKeyItem(m.profile, m.account)] = m.key.Encode()
		}
		if err := setPendingKeys(ctx, c.keys, pending); err != nil {
			rep.LegacyWaiting = true
			return nil
		}
	}
	err := c.write(ctx, func(tx *sql.Tx) error {
		for _, m := range out {
			if _, err := tx.ExecContext(ctx, "DELETE FROM vaults WHERE lookup = ?", m.sealed.lookup); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, "INSERT INTO vaults (profile, masked, as_of, lookup, snap, header) VALUES (?, ?, ?, ?, ?, ?)",
				m.profile, MaskIdentifier(m.account), m.asOf.Unix(), m.sealed.lookup, m.sealed.snap, m.sealed.header)
			if err != nil {
				return err
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			if err := insertParts(ctx, tx, tableVaultParts, id, m.sealed.parts); err != nil {
				return err
			}
		}
		for _, q := range []string{"DELETE FROM legacy_parts", "DELETE FROM legacy_accounts", "DELETE FROM meta WHERE name = '" + canaryName + "'"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return classify(err)
	}
	rep.Migrated = len(out)
	_ = c.checkpoint(ctx)
	for _, p := range quarantinedFiles(c.dir) {
		if v, err := fileVersion(ctx, p); err != nil || v < 2 {
			_ = removeDB(p)
		}
	}
	if hasKey {
		if err := c.keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey); err != nil && !isNotFound(err) {
			return nil // deleted at the next start
		}
	}
	return nil
}

// fileVersion reads a moved-aside file's schema version.
func fileVersion(ctx context.Context, path string) (int, error) {
	if err := checkHeader(path); err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	if err != nil && strings.Contains(err.Error(), "no such") {
		return 0, nil
	}
	return v, err
}

// pendingKeys reads the pending keys (empty when there are none).
func pendingKeys(ctx context.Context, ks KeyStore) (map[string]string, error) {
	m := map[string]string{}
	s, err := ks.Get(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys)
	if isNotFound(err) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if json.Unmarshal([]byte(s), &m) != nil {
		return map[string]string{}, nil
	}
	return m, nil
}

func setPendingKeys(ctx context.Context, ks KeyStore, m map[string]string) error {
	if len(m) == 0 {
		if err := ks.Delete(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys); err != nil && !isNotFound(err) {
			return err
		}
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return ks.Set(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys, string(b))
}

// PendingKey is the key version-1 data of the account was moved under,
// while it waits for the next online login to wrap it (ErrNotFound: none).
func PendingKey(ctx context.Context, ks KeyStore, profile, account string) (*Key, error) {
	m, err := pendingKeys(ctx, ks)
	if err != nil {
		return nil, err
	}
	s, ok := m[keystore.AccountKeyItem(profile, account)]
	if !ok {
		return nil, ErrNotFound
	}
	return ParseKey(s)
}

// DropPendingKey deletes the account's pending key, once its wrap is stored.
func DropPendingKey(ctx context.Context, ks KeyStore, profile, account string) error {
	m, err := pendingKeys(ctx, ks)
	if err != nil {
		return err
	}
	if _, ok := m[keystore.AccountKeyItem(profile, account)]; !ok {
		return nil
	}
	delete(m, keystore.AccountKeyItem(profile, account))
	return setPendingKeys(ctx, ks, m)
}
