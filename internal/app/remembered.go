package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// The remembered login ("remember me"): keyCustody's, in a file of its own.

// rememberedLogin is what the keyring said at start.
type rememberedLogin struct {
	id  string
	key *cache.Key // the keyring's copy of its key
	err error
}

// readRemembered asks the keyring for the remembered login and its key;
// onRemembered, if set, hears the identifier as soon as it is known.
func (k *keyCustody) readRemembered(ctx context.Context, profile string, onRemembered func(string)) rememberedLogin {
	var r rememberedLogin
	keys := k.p.Keys
	if keys == nil {
		r.err = fmt.Errorf("%w: no key store", cache.ErrNoKeyring)
	} else if got, err := keys.Get(ctx, keystore.AccountInstallation, keystore.PurposeRemembered); err == nil {
		r.id = got
	} else if !errors.Is(err, keystore.ErrNotFound) {
		r.err = fmt.Errorf("%w: %w", cache.ErrNoKeyring, err)
	}
	if onRemembered != nil {
		onRemembered(r.id)
	}
	if r.id != "" {
		r.key = k.keyringCopy(ctx, profile, r.id)
	}
	return r
}

func (k *keyCustody) setRemembered(id string, keyringErr error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.remembered, k.keyringErr = id, keyringErr
}

// forgetRemembered: no login is remembered any more (ClearAll).
func (k *keyCustody) forgetRemembered() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.remembered = ""
}

func (k *keyCustody) rememberedID() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.remembered
}

// loggedIn records a login of identifier in the session of epoch: "remember
// me" moves to it or away from it, and another account's key leaves memory.
func (k *keyCustody) loggedIn(epoch uint64, identifier string, remember bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if epoch != k.epoch() {
		return
	}
	if remember {
		k.remembered = identifier
	} else if k.remembered == identifier {
		k.remembered = ""
	}
	if k.open != nil && k.open.identifier != identifier {
		k.open = nil
	}
}

// rememberLogin saves identifier as the remembered login, or drops it.
func (k *keyCustody) rememberLogin(ctx context.Context, identifier string, remember bool) error {
	keys := k.p.Keys
	if keys == nil || identifier == "" {
		return nil
	}
	var err error
	if remember {
		err = keys.Set(ctx, keystore.AccountInstallation, keystore.PurposeRemembered, identifier)
	} else {
		err = ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeRemembered))
	}
	if err != nil {
		k.p.Logger.Warn("remember identifier", "err", err)
	}
	return err
}

// KeyringErr is why the keyring did not answer at start or at the last
// retry (nil when it answered): "remember me" is unavailable meanwhile.
func (a *App) KeyringErr() error { return a.keys.keyringError() }

func (k *keyCustody) keyringError() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.keyringErr
}

// RetryKeyring asks the keyring again after it did not answer at start
// (a slow first start); on an answer it returns the remembered identifier
// ("" for none) and KeyringErr becomes nil.
func (a *App) RetryKeyring(ctx context.Context) (string, error) { return a.keys.retryKeyring(ctx) }

func (k *keyCustody) retryKeyring(ctx context.Context) (string, error) {
	keys := k.p.Keys
	if keys == nil {
		return "", fmt.Errorf("%w: no key store", cache.ErrNoKeyring)
	}
	id, err := keys.Get(ctx, keystore.AccountInstallation, keystore.PurposeRemembered)
	if errors.Is(err, keystore.ErrNotFound) {
		id, err = "", nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if err != nil {
		k.keyringErr = fmt.Errorf("%w: %w", cache.ErrNoKeyring, err)
		return "", k.keyringErr
	}
	k.keyringErr = nil
	if k.remembered == "" {
		k.remembered = id
	}
	return id, nil
}

// keepCopy puts identifier's key in the keyring ("remember me" of an
// account opened without a login: a book). A keyring that does not answer
// only means the password opens it next time.
func (k *keyCustody) keepCopy(ctx context.Context, profile, identifier string, key *cache.Key) {
	if k.p.Keys == nil {
		return
	}
	if err := k.p.Keys.Set(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey, key.Encode()); err != nil {
		k.p.Logger.Warn("keyring copy of the book's key", "err", err)
	}
}
