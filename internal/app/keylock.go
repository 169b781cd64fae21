package app

import (
	"context"
	"errors"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// The key work of a lock, an unlock and a forget: keyCustody's, in a file
// of its own.

// lockJob is what a lock persists.
type lockJob struct {
	profile, identifier string
	key                 *cache.Key
	store               *cache.Cache
}

// lock drops the keys of the sessions up to ended and persists the lock of
// identifier's account in the background (waitLockSaved), with the key
// that session had open.
func (k *keyCustody) lock(ended uint64, profile, identifier string, store *cache.Cache) {
	k.mu.Lock()
	defer k.mu.Unlock()
	job := lockJob{profile: profile, identifier: identifier, store: store}
	if k.open != nil && k.open.epoch <= ended && k.open.identifier == identifier {
		job.key = k.open.key
	}
	k.endSessionLocked(ended)
	if identifier != "" {
		k.persistLock(job)
	}
}

// persistLock runs the lock's keyring and disk work in the background,
// after the previous lock's. Callers hold k.mu.
func (k *keyCustody) persistLock(job lockJob) {
	done := make(chan struct{})
	previous := k.lockSaving
	k.lockSaving = done
	go func() {
		defer close(done)
		if previous != nil {
			<-previous
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*KeyringTimeout)
		defer cancel()
		if err := k.saveLock(ctx, job); err != nil {
			k.p.Logger.Warn("persist lock", "err", err)
		}
	}()
}

// saveLock: the keyring's copy of the key goes; the refresh token is set
// aside under the account key in the cache, with the lock flag (with no
// cached data to hold it, the token goes: the password logs in again).
func (k *keyCustody) saveLock(ctx context.Context, job lockJob) error {
	keys := k.p.Keys
	var errs []error
	token := ""
	if keys != nil {
		if t, err := keys.Get(ctx, job.identifier, keystore.PurposeRefreshToken); err == nil {
			token = t
		}
		errs = append(errs, ignoreNotFound(keys.Delete(ctx, keystore.AccountKeyItem(job.profile, job.identifier), keystore.PurposeAccountKey)))
	}
	setAside := false
	if job.store != nil && job.key != nil {
		err := job.store.SetLock(ctx, job.profile, job.identifier, job.key, true, token)
		setAside = err == nil
		errs = append(errs, ignoreNotFound(err))
	}
	if keys != nil && token != "" {
		errs = append(errs, ignoreNotFound(keys.Delete(ctx, job.identifier, keystore.PurposeRefreshToken)))
		if !setAside {
			k.p.Logger.Info("lock: remembered session dropped (no cached data to set it aside in)")
		}
	}
	return errors.Join(errs...)
}

// WaitLockSaved waits until the last lock is persisted (tests, and Close).
func (a *App) WaitLockSaved(ctx context.Context) error { return a.keys.waitLockSaved(ctx) }

func (k *keyCustody) waitLockSaved(ctx context.Context) error {
	k.mu.Lock()
	done := k.lockSaving
	k.mu.Unlock()
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// unlockPersisted lifts a persisted lock after the password opened key:
// the refresh token a lock set aside goes back to the keyring, and so does
// the key's copy for the remembered account.
func (k *keyCustody) unlockPersisted(ctx context.Context, store *cache.Cache, identifier string, key *cache.Key) {
	profile := k.p.profileName()
	keys := k.p.Keys
	remembered := k.rememberedID() == identifier
	token, err := store.LockedToken(ctx, profile, identifier, key)
	if err != nil && !errors.Is(err, cache.ErrNotFound) {
		k.p.Logger.Warn("locked token", "err", err)
	}
	if keys != nil && token != "" {
		if err := keys.Set(ctx, identifier, keystore.PurposeRefreshToken, token); err != nil {
			k.p.Logger.Warn("restore remembered session", "err", err)
			return // keep it set aside
		}
	}
	if keys != nil && remembered {
		if err := keys.Set(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey, key.Encode()); err != nil {
			k.p.Logger.Warn("keyring copy of the offline data key", "err", err)
		}
	}
	if err := store.SetLock(ctx, profile, identifier, key, false, ""); err != nil && !errors.Is(err, cache.ErrNotFound) {
		k.p.Logger.Warn("lift lock", "err", err)
	}
}

// forget returns the work that deletes identifier's cached data, its
// refresh token, its key copies and, when it is the remembered account,
// the remembered login. It takes the open key now (see App.PrepareForget).
func (k *keyCustody) forget(identifier string) func(ctx context.Context) error {
	key := k.openFor(identifier)
	profile := k.p.profileName()
	return func(ctx context.Context) error {
		k.mu.Lock()
		remembered := k.remembered == identifier
		if remembered {
			k.remembered = ""
		}
		k.mu.Unlock()
		store := k.cache.current()
		keys := k.p.Keys
		key := key
		if key == nil && keys != nil {
			if key = k.keyringCopy(ctx, profile, identifier); key == nil {
				key, _ = cache.PendingKey(ctx, keys, profile, identifier)
			}
		}
		var errs []error
		if store != nil && key != nil {
			errs = append(errs, ignoreNotFound(store.Forget(ctx, profile, identifier, key, 0)))
		}
		if keys != nil {
			errs = append(errs,
				ignoreNotFound(keys.Delete(ctx, identifier, keystore.PurposeRefreshToken)),
				ignoreNotFound(keys.Delete(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey)),
				ignoreNotFound(cache.DropPendingKey(ctx, keys, profile, identifier)))
			if remembered {
				errs = append(errs, ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeRemembered)))
			}
		}
		err := errors.Join(errs...)
		if err != nil {
			k.p.Logger.Warn("forget device", "err", err)
		}
		return err
	}
}

// deleteAller is a key store that can delete every item of the app.
type deleteAller interface {
	DeleteAll(ctx context.Context) error
}

// clearAll deletes every keyring item of the app (after the session ended
// past ended): refresh tokens, key copies, the remembered login.
func (k *keyCustody) clearAll(ctx context.Context) error {
	keys := k.p.Keys
	if keys == nil {
		return nil
	}
	if all, ok := keys.(deleteAller); ok {
		return all.DeleteAll(ctx)
	}
	return errors.Join(ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeRemembered)),
		ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys)))
}

// dropOfflineKeys deletes the keys of the offline data from the keyring:
// the pending keys, and remembered's copy.
func (k *keyCustody) dropOfflineKeys(ctx context.Context, profile, remembered string) error {
	keys := k.p.Keys
	if keys == nil {
		return nil
	}
	err := ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys))
	if remembered != "" {
		err = errors.Join(err, ignoreNotFound(keys.Delete(ctx, keystore.AccountKeyItem(profile, remembered), keystore.PurposeAccountKey)))
	}
	return err
}
