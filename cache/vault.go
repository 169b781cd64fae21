package cache

import (
	"context"
	"crypto/hmac"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
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
	Book      bool      // a member's own book (SaveBook), not a server's data
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
	sealed, asOf, err := c.sealForSave(s, profile, account, snap)
	if err != nil {
		return err
	}
	err = c.write(ctx, func(tx *sql.Tx) error {
		return replaceVault(ctx, tx, profile, account, sealed, asOf, opt)
	})
	if err != nil {
		return fmt.Errorf("cache: Save: %w", classify(err))
	}
	return nil
}

// sealForSave seals snap for the account and says when its data was true
// (the oldest part's fetch time, or now).
func (c *Cache) sealForSave(s *sealer, profile, account string, snap Snapshot) (sealedSnapshot, time.Time, error) {
	now := c.now()
	sealed, err := sealSnapshot(s, profile, account, snap, now)
	if err != nil {
		return sealed, now, err
	}
	asOf := now
	for _, e := range snap.Parts {
		if !e.FetchedAt.IsZero() && e.FetchedAt.Before(asOf) {
			asOf = e.FetchedAt
		}
	}
	return sealed, asOf, nil
}

// replaceVault writes the account's sealed snapshot in place of the one
// it had, inside tx (Save, SaveBook).
func replaceVault(ctx context.Context, tx *sql.Tx, profile, account string, sealed sealedSnapshot, asOf time.Time, opt SaveOptions) error {
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
	rows, err := c.r.QueryContext(ctx, "SELECT v.id, v.masked, v.as_of, v.locked, v.wrap IS NOT NULL, EXISTS (SELECT 1 FROM books b WHERE b.lookup = v.lookup) FROM vaults v WHERE v.profile = ?", profile)
	if err != nil {
		return nil, fmt.Errorf("cache: Accounts: %w", classify(err))
	}
	defer rows.Close()
	var out []AccountSummary
	for rows.Next() {
		var a AccountSummary
		var asOf int64
		if err := rows.Scan(&a.Ref, &a.Masked, &asOf, &a.Locked, &a.Wrapped, &a.Book); err != nil {
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

func lockPath(dir string) string { return filepath.Join(dir, lockName) }

func isNotFound(err error) bool { return errors.Is(err, keystore.ErrNotFound) }
