package cache

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

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
