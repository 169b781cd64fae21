package cache

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

var (
	// errKeyMissing: the keyring answered, and holds no usable data key.
	errKeyMissing = errors.New("cache: no data key in the keyring")
	// errKeyStale: the database was sealed under another key than ours.
	errKeyStale = errors.New("cache: data key does not match the database")
)

const canaryName = "key-check"

var canaryPlain = []byte("cekbpjstk offline cache key check")

// getKey reads the data key. A malformed key counts as missing: it is
// replaced, and data sealed under the old one is moved aside. Any keyring
// failure other than "not found" means no keyring: the cache never falls
// back to plaintext.
func getKey(ctx context.Context, ks KeyStore) ([]byte, error) {
	s, err := ks.Get(ctx, keystore.AccountInstallation, keystore.PurposeLegacyDataKey)
	switch {
	case err == nil:
		k, err := decodeKey(s)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errKeyMissing, err)
		}
		return k, nil
	case errors.Is(err, keystore.ErrNotFound):
		return nil, errKeyMissing
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		return nil, fmt.Errorf("%w: %w", ErrNoKeyring, err)
	}
}

// checkCanary verifies, inside a write transaction, that the database was
// sealed under s, and returns errKeyStale if not. A database without a key
// check gets one only when mayCreate is set: s is then the keyring's
// current key. A cache that lost its key check to ForgetAll must not get it
// back sealed under the key ForgetAll deleted.
func checkCanary(ctx context.Context, tx *sql.Tx, s *sealer, mayCreate bool) error {
	var blob []byte
	err := tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE name = ?", canaryName).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		if !mayCreate {
			return errKeyStale
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO meta (name, value) VALUES (?, ?)",
			canaryName, s.seal(canaryPlain, ad(tableMeta, []byte(canaryName))))
		return classify(err)
	}
	if err != nil {
		return classify(err)
	}
	pt, err := s.open(blob, ad(tableMeta, []byte(canaryName)))
	if err != nil || !bytes.Equal(pt, canaryPlain) {
		return errKeyStale
	}
	return nil
}
