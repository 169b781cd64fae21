package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

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
		if err := deleteBook(ctx, tx, lookup); err != nil {
			return err
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
	if version >= 3 {
		if err := deleteBook(ctx, db, lookup); err != nil {
			return err
		}
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
		for _, q := range []string{"DELETE FROM book_docs", "DELETE FROM book_rows", "DELETE FROM books", "DELETE FROM vault_parts", "DELETE FROM vaults", "DELETE FROM legacy_parts", "DELETE FROM legacy_accounts", "DELETE FROM meta"} {
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
