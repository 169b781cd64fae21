package app

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// The offline data's protection: each account's data key is wrapped by
// its password (cache.Wrap); "remember me" keeps a copy of the key in the
// keyring; a lock is persisted in the cache and removes that copy.

// guardedKeys is one client's token store. Once its client is taken out
// (lock, logout, a new server check), writes are refused: a refresh that
// finishes after a logout never writes its rotated token back. Deletes
// still pass (the logout's own call deletes the token).
type guardedKeys struct {
	inner  cache.KeyStore
	closed atomic.Bool
}

// errClientGone is what a write of a client taken out gets.
var errClientGone = errors.New("app: the session ended; token not stored")

func (g *guardedKeys) close() { g.closed.Store(true) }

func (g *guardedKeys) Get(ctx context.Context, account, purpose string) (string, error) {
	if g.closed.Load() {
		return "", fmt.Errorf("%w: %w", errClientGone, keystore.ErrNotFound)
	}
	return g.inner.Get(ctx, account, purpose)
}

// Set refuses once the client is gone; a write that was already under way
// when it went is undone (unless something else has replaced the value).
func (g *guardedKeys) Set(ctx context.Context, account, purpose, secret string) error {
	if g.closed.Load() {
		return errClientGone
	}
	if err := g.inner.Set(ctx, account, purpose, secret); err != nil {
		return err
	}
	if g.closed.Load() {
		undo, cancel := context.WithTimeout(context.WithoutCancel(ctx), KeyringTimeout)
		defer cancel()
		if v, err := g.inner.Get(undo, account, purpose); err == nil && v == secret {
			_ = g.inner.Delete(undo, account, purpose)
		}
		return errClientGone
	}
	return nil
}

func (g *guardedKeys) Delete(ctx context.Context, account, purpose string) error {
	return g.inner.Delete(ctx, account, purpose)
}

// keyPrep is the account key and its new password wrap, prepared while a
// password login's data is fetched.
type keyPrep struct {
	identifier string
	cancel     context.CancelFunc
	done       chan struct{}
	key        *cache.Key
	wrap       []byte
	drop       []int64 // rows under the account's mask the password did not open
	pending    bool    // the key was a version-1 migration's pending key
}

// startPrep begins preparing the account key for identifier, whose
// password the server has just accepted. Callers hold a.mu.
func (a *App) startPrep(identifier, password string) {
	if a.prep != nil {
		a.prep.cancel()
	}
	ctx, cancel := context.WithTimeout(context.Background(), RefreshTimeout)
	p := &keyPrep{identifier: identifier, cancel: cancel, done: make(chan struct{})}
	a.prep = p
	profile := a.ProfileName()
	go func() {
		defer close(p.done)
		defer cancel()
		store := a.Cache(ctx)
		if store == nil {
			return
		}
		key, found, drop, err := store.FindByPasswordWithWrap(ctx, profile, identifier, password)
		if key == nil && a.p.Keys != nil && ctx.Err() == nil {
			// Not wrapped by this password (changed on the server, or
			// written before version 2): the keyring may hold the key.
			if s, err := a.p.Keys.Get(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey); err == nil {
				key, _ = cache.ParseKey(s)
			}
			if key == nil {
				key, _ = cache.PendingKey(ctx, a.p.Keys, profile, identifier)
				p.pending = key != nil
			}
			if key != nil {
				if ref, err := store.Ref(ctx, profile, identifier, key); err == nil {
					drop = without(drop, ref)
				} else {
					key, p.pending = nil, false
				}
			}
		}
		if err != nil && !errors.Is(err, cache.ErrNotFound) {
			a.log.Warn("find offline data key", "err", err)
		}
		if key == nil {
			key = cache.NewKey()
		}
		// The password opened a wrap made with today's parameters: it is
		// the current password's wrap already, and a second derivation
		// (half a second) would only change the salt.
		if params, err := cache.WrapParams(found); found != nil && err == nil && params == a.p.KDF {
			p.key, p.wrap, p.drop = key, found, drop
			return
		}
		wrap, err := cache.Wrap(key, password, a.p.KDF)
		if err != nil {
			a.log.Warn("wrap offline data key", "err", err)
			return
		}
		p.key, p.wrap, p.drop = key, wrap, drop
	}()
}

func without(refs []int64, ref int64) []int64 {
	out := refs[:0:0]
	for _, r := range refs {
		if r != ref {
			out = append(out, r)
		}
	}
	return out
}

// save writes a refresh's data under the account's key: the one a
// password login prepared (with its new wrap), or the open one, or, for a
// remembered account, the keyring's copy or a new key. It keeps the
// keyring's copy in step with "remember me". It returns the key used.
func (a *App) save(ctx context.Context, store *cache.Cache, epoch uint64, data memberdata.Data) (*cache.Key, error) {
	profile := a.ProfileName()
	a.mu.Lock()
	prep, key, remembered, copied := a.prep, a.key, a.remembered == data.Identifier, a.keyCopied
	a.mu.Unlock()
	var opt cache.SaveOptions
	if prep != nil && prep.identifier == data.Identifier {
		select {
		case <-prep.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if prep.key != nil {
			key, opt = prep.key, cache.SaveOptions{Wrap: prep.wrap, Drop: prep.drop}
		}
	}
	keys := a.p.Keys
	if key == nil && remembered && keys != nil {
		if s, err := keys.Get(ctx, keystore.AccountKeyItem(profile, data.Identifier), keystore.PurposeAccountKey); err == nil {
			key, _ = cache.ParseKey(s)
		}
		if key == nil {
			key = cache.NewKey()
		}
	}
	if key == nil {
		// Neither a password nor "remember me" could open data saved now.
		a.log.Debug("offline data not saved: no key for it")
		return nil, nil
	}
	if a.Epoch() != epoch {
		return nil, ErrStale
	}
	if err := memberdata.Save(ctx, store, profile, data, key, opt); err != nil {
		return nil, err
	}
	a.mu.Lock()
	if a.prep == prep && prep != nil {
		a.prep = nil // its wrap is stored; later saves keep it
	}
	a.mu.Unlock()
	if keys == nil {
		return key, nil
	}
	if prep != nil && prep.pending {
		if err := cache.DropPendingKey(ctx, keys, profile, data.Identifier); err != nil {
			a.log.Warn("drop pending key", "err", err)
		}
	}
	if !copied {
		item := keystore.AccountKeyItem(profile, data.Identifier)
		var err error
		if remembered {
			err = keys.Set(ctx, item, keystore.PurposeAccountKey, key.Encode())
		} else {
			err = ignoreNotFound(keys.Delete(ctx, item, keystore.PurposeAccountKey))
		}
		if err != nil {
			a.log.Warn("keyring copy of the offline data key", "err", err)
		}
		a.mu.Lock()
		if a.epoch == epoch {
			a.keyCopied = err == nil
		}
		a.mu.Unlock()
	}
	return key, nil
}

// promotePending makes a version-1 migration's pending key of the
// remembered account its keyring copy ("remember me" opened it without a
// password before), and returns it.
func (a *App) promotePending(ctx context.Context, profile, identifier string) *cache.Key {
	keys := a.p.Keys
	key, err := cache.PendingKey(ctx, keys, profile, identifier)
	if err != nil {
		return nil
	}
	if keys.Set(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey, key.Encode()) != nil {
		return nil
	}
	_ = cache.DropPendingKey(ctx, keys, profile, identifier)
	return key
}

// rememberedLocked reports whether a row listed under the remembered
// account's mask is locked.
func (a *App) rememberedLocked(ctx context.Context, store *cache.Cache, profile, identifier string) bool {
	list, err := store.Accounts(ctx, profile)
	if err != nil {
		return false
	}
	masked := cache.MaskIdentifier(identifier)
	for _, s := range list {
		if s.Masked == masked && s.Locked {
			return true
		}
	}
	return false
}

// KeyringErr is why the keyring did not answer at start or at the last
// retry (nil when it answered): "remember me" is unavailable meanwhile.
func (a *App) KeyringErr() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.keyringErr
}

// RetryKeyring asks the keyring again after it did not answer at start
// (a slow first start); on an answer it returns the remembered identifier
// ("" for none) and KeyringErr becomes nil.
func (a *App) RetryKeyring(ctx context.Context) (string, error) {
	keys := a.p.Keys
	if keys == nil {
		return "", fmt.Errorf("%w: no key store", cache.ErrNoKeyring)
	}
	id, err := keys.Get(ctx, keystore.AccountInstallation, keystore.PurposeRemembered)
	if errors.Is(err, keystore.ErrNotFound) {
		id, err = "", nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if err != nil {
		a.keyringErr = fmt.Errorf("%w: %w", cache.ErrNoKeyring, err)
		return "", a.keyringErr
	}
	a.keyringErr = nil
	if a.remembered == "" {
		a.remembered = id
	}
	return id, nil
}

// attempts counts wrong offline passwords for one account row.
type attempts struct {
	failed int
	next   time.Time
}

// WaitError means another offline password attempt is allowed only after
// Until: repeated wrong passwords slow down.
type WaitError struct{ Until time.Time }

func (e *WaitError) Error() string {
	return "app: too many wrong passwords; wait before the next attempt"
}

// Is makes a WaitError match cache.ErrWrongPassword as well.
func (e *WaitError) Is(target error) bool { return target == cache.ErrWrongPassword }

// attemptDelay is the wait after n wrong passwords in a row: none after
// the first, then 2, 4, 8 … seconds, at most 5 minutes (on top of the
// half second each derivation costs).
func attemptDelay(n int) time.Duration {
	if n < 2 {
		return 0
	}
	d := time.Second << min(n-1, 9)
	return min(d, 5*time.Minute)
}

// OpenOffline opens an account of the login view's list without a
// password: only the remembered account, with the keyring's copy of its
// key, and not after a lock. Otherwise ErrPasswordNeeded (UnlockOffline),
// or cache.ErrNotWrapped for data no password opens yet.
func (a *App) OpenOffline(ctx context.Context, ref int64) (memberdata.Data, error) {
	store := a.openStore()
	if store == nil {
		return memberdata.Data{}, ErrNoCache
	}
	epoch := a.Epoch()
	summary, err := a.summary(ctx, store, ref)
	if err != nil {
		return memberdata.Data{}, err
	}
	a.mu.Lock()
	remembered := a.remembered
	a.mu.Unlock()
	profile := a.ProfileName()
	if remembered == "" || a.p.Keys == nil || summary.Locked || summary.Masked != cache.MaskIdentifier(remembered) {
		return memberdata.Data{}, a.passwordNeeded(summary)
	}
	s, err := a.p.Keys.Get(ctx, keystore.AccountKeyItem(profile, remembered), keystore.PurposeAccountKey)
	if err != nil {
		return memberdata.Data{}, a.passwordNeeded(summary)
	}
	key, err := cache.ParseKey(s)
	if err != nil {
		return memberdata.Data{}, a.passwordNeeded(summary)
	}
	data, err := memberdata.LoadRef(ctx, store, ref, key)
	if err != nil {
		return memberdata.Data{}, a.passwordNeeded(summary)
	}
	if !a.useOffline(epoch, data, key, ref) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

func (a *App) passwordNeeded(s cache.AccountSummary) error {
	if !s.Wrapped {
		return cache.ErrNotWrapped
	}
	return ErrPasswordNeeded
}

func (a *App) summary(ctx context.Context, store *cache.Cache, ref int64) (cache.AccountSummary, error) {
	list, err := store.Accounts(ctx, a.ProfileName())
	if err != nil {
		return cache.AccountSummary{}, err
	}
	for _, s := range list {
		if s.Ref == ref {
			return s, nil
		}
	}
	return cache.AccountSummary{}, cache.ErrNotFound
}

// UnlockOffline opens an account of the login view's list with the
// member's password (about half a second of Argon2id). Nothing of the
// data is decrypted before the password has opened the key. A wrong
// password gives cache.ErrWrongPassword; repeated ones a *WaitError until
// the next attempt is allowed. Success lifts a lock: the refresh token a
// lock set aside goes back to the keyring, and so does the key's copy for
// a remembered account.
func (a *App) UnlockOffline(ctx context.Context, ref int64, password string) (memberdata.Data, error) {
	store := a.openStore()
	if store == nil {
		return memberdata.Data{}, ErrNoCache
	}
	epoch := a.Epoch()
	a.mu.Lock()
	at := a.attempts[ref]
	if at == nil {
		at = &attempts{}
		a.attempts[ref] = at
	}
	if now := a.now(); now.Before(at.next) {
		until := at.next
		a.mu.Unlock()
		return memberdata.Data{}, &WaitError{Until: until}
	}
	a.mu.Unlock()
	key, err := store.UnlockRef(ctx, ref, password)
	if errors.Is(err, cache.ErrWrongPassword) {
		a.mu.Lock()
		at.failed++
		at.next = a.now().Add(attemptDelay(at.failed))
		a.mu.Unlock()
		a.log.Info("offline password refused", "attempt", at.failed)
		return memberdata.Data{}, err
	}
	if err != nil {
		return memberdata.Data{}, err
	}
	data, err := memberdata.LoadRef(ctx, store, ref, key)
	if err != nil {
		a.log.Warn("open offline data", "err", err)
		return memberdata.Data{}, err
	}
	a.mu.Lock()
	delete(a.attempts, ref)
	remembered := a.remembered == data.Identifier
	a.mu.Unlock()
	a.unlockPersisted(ctx, store, data.Identifier, key, remembered)
	if !a.useOffline(epoch, data, key, ref) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

// useOffline makes offline data the open account's unless the session
// changed since epoch.
func (a *App) useOffline(epoch uint64, data memberdata.Data, key *cache.Key, _ int64) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch {
		return false
	}
	a.identifier = data.Identifier
	a.data = &data
	a.key = key
	return true
}

// unlockPersisted lifts a persisted lock after the password was typed.
func (a *App) unlockPersisted(ctx context.Context, store *cache.Cache, identifier string, key *cache.Key, remembered bool) {
	profile := a.ProfileName()
	keys := a.p.Keys
	token, err := store.LockedToken(ctx, profile, identifier, key)
	if err != nil && !errors.Is(err, cache.ErrNotFound) {
		a.log.Warn("locked token", "err", err)
	}
	if keys != nil && token != "" {
		if err := keys.Set(ctx, identifier, keystore.PurposeRefreshToken, token); err != nil {
			a.log.Warn("restore remembered session", "err", err)
			return // keep it set aside
		}
	}
	if keys != nil && remembered {
		if err := keys.Set(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey, key.Encode()); err != nil {
			a.log.Warn("keyring copy of the offline data key", "err", err)
		}
	}
	if err := store.SetLock(ctx, profile, identifier, key, false, ""); err != nil && !errors.Is(err, cache.ErrNotFound) {
		a.log.Warn("lift lock", "err", err)
	}
}

// lockJob is what a lock persists.
type lockJob struct {
	profile, identifier string
	key                 *cache.Key
	store               *cache.Cache
}

// persistLock runs the lock's keyring and disk work in the background.
// Callers hold a.mu.
func (a *App) persistLock(job lockJob) {
	done := make(chan struct{})
	previous := a.lockSaving
	a.lockSaving = done
	go func() {
		defer close(done)
		if previous != nil {
			<-previous
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*KeyringTimeout)
		defer cancel()
		if err := a.saveLock(ctx, job); err != nil {
			a.log.Warn("persist lock", "err", err)
		}
	}()
}

// saveLock: the keyring's copy of the key goes; the refresh token is set
// aside under the account key in the cache, with the lock flag (with no
// cached data to hold it, the token goes: the password logs in again).
func (a *App) saveLock(ctx context.Context, job lockJob) error {
	keys := a.p.Keys
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
			a.log.Info("lock: remembered session dropped (no cached data to set it aside in)")
		}
	}
	return errors.Join(errs...)
}

// WaitLockSaved waits until the last lock is persisted (tests, and Close).
func (a *App) WaitLockSaved(ctx context.Context) error {
	a.mu.Lock()
	done := a.lockSaving
	a.mu.Unlock()
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

// PrepareForget returns the work that deletes one account's cached data
// (here and in the copies set aside), its remembered refresh token, its
// key copies and, when it is the remembered account, the remembered
// identifier. Call it before Logout (it takes the open account's key),
// and run the work after.
func (a *App) PrepareForget(identifier string) func(ctx context.Context) error {
	a.mu.Lock()
	key := a.key
	if a.identifier != identifier {
		key = nil
	}
	profile := a.ProfileName()
	a.mu.Unlock()
	return func(ctx context.Context) error {
		a.mu.Lock()
		remembered := a.remembered == identifier
		if remembered {
			a.remembered = ""
		}
		store := a.store
		a.mu.Unlock()
		keys := a.p.Keys
		k := key
		if k == nil && keys != nil {
			if s, err := keys.Get(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey); err == nil {
				k, _ = cache.ParseKey(s)
			}
			if k == nil {
				k, _ = cache.PendingKey(ctx, keys, profile, identifier)
			}
		}
		var errs []error
		if store != nil && k != nil {
			errs = append(errs, ignoreNotFound(store.Forget(ctx, profile, identifier, k, 0)))
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
			a.log.Warn("forget device", "err", err)
		}
		return err
	}
}

// deleteAller is a key store that can delete every item of the app.
type deleteAller interface {
	DeleteAll(ctx context.Context) error
}

// ClearAll (Settings) ends the session and deletes everything the app
// keeps on this computer: every cached account here and in the copies set
// aside, and every keyring item of the app for all accounts (refresh
// tokens, key copies, the remembered login). A refresh under way is
// cancelled and waited for first, so it cannot write anything back.
func (a *App) ClearAll(ctx context.Context) error {
	a.mu.Lock()
	done := a.refreshDone
	a.endSession()
	old := a.dropClient(false)
	a.remembered = ""
	a.identifier = ""
	store := a.store
	a.mu.Unlock()
	if old != nil {
		old.Close()
	}
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := a.WaitLockSaved(ctx); err != nil {
		return err
	}
	var errs []error
	if store != nil {
		errs = append(errs, store.ForgetAll(ctx))
	}
	if keys := a.p.Keys; keys != nil {
		if all, ok := keys.(deleteAller); ok {
			errs = append(errs, all.DeleteAll(ctx))
		} else {
			errs = append(errs, ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposeRemembered)),
				ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys)))
		}
	}
	err := errors.Join(errs...)
	if err != nil {
		a.log.Warn("clear data", "err", err)
	}
	return err
}

// DeleteOfflineData (the offline-data setting turned off, after the
// member confirmed) deletes every cached account here and in the copies
// set aside, and the keys of that data (the remembered account's copy, the
// pending keys). The session goes on; nothing is saved while the setting
// is off.
func (a *App) DeleteOfflineData(ctx context.Context) error {
	a.mu.Lock()
	done := a.refreshDone
	if a.refreshCancel != nil {
		a.refreshCancel()
	}
	store, remembered, profile := a.store, a.remembered, a.ProfileName()
	a.key, a.keyCopied = nil, false
	if a.prep != nil {
		a.prep.cancel()
		a.prep = nil
	}
	a.mu.Unlock()
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var errs []error
	if store != nil {
		errs = append(errs, store.ForgetAll(ctx))
	}
	if keys := a.p.Keys; keys != nil {
		errs = append(errs, ignoreNotFound(keys.Delete(ctx, keystore.AccountInstallation, keystore.PurposePendingKeys)))
		if remembered != "" {
			errs = append(errs, ignoreNotFound(keys.Delete(ctx, keystore.AccountKeyItem(profile, remembered), keystore.PurposeAccountKey)))
		}
	}
	err := errors.Join(errs...)
	if err != nil {
		a.log.Warn("delete offline data", "err", err)
	}
	return err
}
