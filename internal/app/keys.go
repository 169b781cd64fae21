package app

import (
	"context"
	"errors"
	"sync"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// The offline data's protection: each account's data key is wrapped by
// its password (cache.Wrap); "remember me" keeps a copy of the key in the
// keyring; a lock is persisted in the cache and removes that copy.

// keyCustody owns every account data key in memory and its copies in the
// keyring: the open account's key, the key a password login prepares, the
// key OpenCache read the remembered account with, the keyring's copy and
// the pending keys of a version-1 migration, the remembered login, and the
// key work of a lock, an unlock and a forget (keylock.go). keyFor alone
// decides which key a save uses.
//
// It holds no client and knows the session only by its epoch: an account
// with no server (a book of the member's own documents) keeps its key here
// the same way.
type keyCustody struct {
	p     *Params
	cache *cacheFile
	epoch func() uint64 // the session's current epoch

	mu         sync.Mutex
	open       *openKey      // the open account's key; nil when none is open
	prep       *keyPrep      // the key and wrap a password login is preparing
	startup    *openKey      // the key OpenCache read the remembered account's data with
	copied     epochMark     // this session checked the keyring's copy of the key
	remembered string        // identifier remembered in the keyring
	keyringErr error         // why the keyring did not answer at start, nil when it did
	lockSaving chan struct{} // closed when the last lock is persisted
}

// openKey is an account's data key in the session of epoch.
type openKey struct {
	epoch      uint64
	identifier string
	key        *cache.Key
}

// epochMark is a flag that holds for the session of one epoch only.
type epochMark struct {
	epoch uint64
	set   bool
}

func (m epochMark) in(epoch uint64) bool { return m.set && m.epoch == epoch }

func newKeyCustody(p *Params, c *cacheFile, epoch func() uint64) *keyCustody {
	return &keyCustody{p: p, cache: c, epoch: epoch}
}

// endSession drops what belonged to the sessions up to ended: the open
// key, the key being prepared, the keyring-copy check.
func (k *keyCustody) endSession(ended uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.endSessionLocked(ended)
}

func (k *keyCustody) endSessionLocked(ended uint64) {
	if k.open != nil && k.open.epoch <= ended {
		k.open = nil
	}
	if k.prep != nil && k.prep.epoch <= ended {
		k.prep.cancel()
		k.prep = nil
	}
	if k.copied.epoch <= ended {
		k.copied = epochMark{}
	}
}

// dropAll drops every key in memory whatever its session (the offline
// data is being deleted) and returns the remembered login.
func (k *keyCustody) dropAll() (remembered string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.open, k.copied = nil, epochMark{}
	if k.prep != nil {
		k.prep.cancel()
		k.prep = nil
	}
	return k.remembered
}

// setOpen makes key identifier's open key in the session of epoch, unless
// that session has ended.
func (k *keyCustody) setOpen(epoch uint64, identifier string, key *cache.Key) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if epoch != k.epoch() {
		return false
	}
	k.open = &openKey{epoch: epoch, identifier: identifier, key: key}
	return true
}

// openFor is identifier's open key, or nil.
func (k *keyCustody) openFor(identifier string) *cache.Key {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.open == nil || k.open.identifier != identifier || k.open.epoch != k.epoch() {
		return nil
	}
	return k.open.key
}

func (k *keyCustody) setStartup(identifier string, key *cache.Key) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.startup = &openKey{identifier: identifier, key: key}
}

// takeStartup is the key OpenCache read identifier's data with (nil if it
// read another's); it is handed out once.
func (k *keyCustody) takeStartup(identifier string) *cache.Key {
	k.mu.Lock()
	defer k.mu.Unlock()
	s := k.startup
	k.startup = nil
	if s == nil || s.identifier != identifier {
		return nil
	}
	return s.key
}

// keyringCopy is the keyring's copy of identifier's key, or nil.
func (k *keyCustody) keyringCopy(ctx context.Context, profile, identifier string) *cache.Key {
	if k.p.Keys == nil {
		return nil
	}
	s, err := k.p.Keys.Get(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey)
	if err != nil {
		return nil
	}
	key, _ := cache.ParseKey(s)
	return key
}

// dropCopy deletes the keyring's copy of identifier's key (a logout: a
// next start must not open the data without the password).
func (k *keyCustody) dropCopy(ctx context.Context, profile, identifier string) {
	if k.p.Keys != nil {
		_ = ignoreNotFound(k.p.Keys.Delete(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey))
	}
}

// keyPrep is the account key and its new password wrap, prepared while a
// password login's data is fetched.
type keyPrep struct {
	epoch      uint64
	identifier string
	cancel     context.CancelFunc
	done       chan struct{}
	key        *cache.Key
	wrap       []byte
	drop       []int64 // rows under the account's mask the password did not open
	pending    bool    // the key was a version-1 migration's pending key
}

// prepare begins preparing the account key for identifier, whose password
// the server has just accepted in the session of epoch (nil when that
// session has ended).
func (k *keyCustody) prepare(epoch uint64, identifier, password string) *keyPrep {
	k.mu.Lock()
	defer k.mu.Unlock()
	if epoch != k.epoch() {
		return nil
	}
	if k.prep != nil {
		k.prep.cancel()
	}
	ctx, cancel := context.WithTimeout(context.Background(), RefreshTimeout)
	p := &keyPrep{epoch: epoch, identifier: identifier, cancel: cancel, done: make(chan struct{})}
	k.prep = p
	profile := k.p.profileName()
	go func() {
		defer close(p.done)
		defer cancel()
		k.runPrep(ctx, p, profile, password)
	}()
	return p
}

func (k *keyCustody) runPrep(ctx context.Context, p *keyPrep, profile, password string) {
	store := k.cache.wait(ctx)
	if store == nil {
		return
	}
	key, found, drop, err := store.FindByPasswordWithWrap(ctx, profile, p.identifier, password)
	if key == nil && k.p.Keys != nil && ctx.Err() == nil {
		// Not wrapped by this password (changed on the server, or
		// written before version 2): the keyring may hold the key.
		key = k.keyringCopy(ctx, profile, p.identifier)
		if key == nil {
			key, _ = cache.PendingKey(ctx, k.p.Keys, profile, p.identifier)
			p.pending = key != nil
		}
		if key != nil {
			if ref, err := store.Ref(ctx, profile, p.identifier, key); err == nil {
				drop = without(drop, ref)
			} else {
				key, p.pending = nil, false
			}
		}
	}
	if err != nil && !errors.Is(err, cache.ErrNotFound) {
		k.p.Logger.Warn("find offline data key", "err", err)
	}
	if key == nil {
		key = cache.NewKey()
	}
	// The password opened a wrap made with today's parameters: it is
	// the current password's wrap already, and a second derivation
	// (half a second) would only change the salt.
	if params, err := cache.WrapParams(found); found != nil && err == nil && params == k.p.KDF {
		p.key, p.wrap, p.drop = key, found, drop
		return
	}
	wrap, err := cache.Wrap(key, password, k.p.KDF)
	if err != nil {
		k.p.Logger.Warn("wrap offline data key", "err", err)
		return
	}
	p.key, p.wrap, p.drop = key, wrap, drop
}

// dropPrep cancels p, a preparation for a login that was not committed.
func (k *keyCustody) dropPrep(p *keyPrep) {
	if p == nil {
		return
	}
	p.cancel()
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.prep == p {
		k.prep = nil
	}
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

// keyChoice is the key a save uses, and what keyFor saw to choose it.
type keyChoice struct {
	key        *cache.Key
	opt        cache.SaveOptions
	prep       *keyPrep // the preparation it came from, if any
	remembered bool     // the account is the remembered one
	copied     bool     // this session already checked the keyring's copy
}

// keyFor decides which key a save of identifier's data in the session of
// epoch uses — the only place that decides it:
//  1. the key a password login prepared for the account, with its new
//     wrap (waited for);
//  2. else the account's open key;
//  3. else, for the remembered account, the keyring's copy, or a new key;
//  4. else none: neither a password nor "remember me" could open data
//     saved now, and nothing is saved.
func (k *keyCustody) keyFor(ctx context.Context, epoch uint64, identifier string) (keyChoice, error) {
	k.mu.Lock()
	c := keyChoice{remembered: k.remembered == identifier, copied: k.copied.in(epoch)}
	prep := k.prep
	if k.open != nil && k.open.epoch == epoch && k.open.identifier == identifier {
		c.key = k.open.key
	}
	k.mu.Unlock()
	if prep != nil && prep.epoch == epoch && prep.identifier == identifier {
		select {
		case <-prep.done:
		case <-ctx.Done():
			return keyChoice{}, ctx.Err()
		}
		c.prep = prep
		if prep.key != nil {
			c.key, c.opt = prep.key, cache.SaveOptions{Wrap: prep.wrap, Drop: prep.drop}
		}
	}
	if c.key == nil && c.remembered && k.p.Keys != nil {
		if c.key = k.keyringCopy(ctx, k.p.profileName(), identifier); c.key == nil {
			c.key = cache.NewKey()
		}
	}
	return c, nil
}

// save writes data under the key keyFor chooses, then keeps the keyring's
// copy in step with "remember me". It returns the key used (nil: nothing
// was saved, for want of a key).
func (k *keyCustody) save(ctx context.Context, store *cache.Cache, epoch uint64, data memberdata.Data) (*cache.Key, error) {
	profile := k.p.profileName()
	c, err := k.keyFor(ctx, epoch, data.Identifier)
	if err != nil {
		return nil, err
	}
	if c.key == nil {
		k.p.Logger.Debug("offline data not saved: no key for it")
		return nil, nil
	}
	if k.epoch() != epoch {
		return nil, ErrStale
	}
	if err := memberdata.Save(ctx, store, profile, data, c.key, c.opt); err != nil {
		return nil, err
	}
	k.mu.Lock()
	if c.prep != nil && k.prep == c.prep {
		k.prep = nil // its wrap is stored; later saves keep it
	}
	k.mu.Unlock()
	keys := k.p.Keys
	if keys == nil {
		return c.key, nil
	}
	if c.prep != nil && c.prep.pending {
		if err := cache.DropPendingKey(ctx, keys, profile, data.Identifier); err != nil {
			k.p.Logger.Warn("drop pending key", "err", err)
		}
	}
	if !c.copied {
		item := keystore.AccountKeyItem(profile, data.Identifier)
		var err error
		if c.remembered {
			err = keys.Set(ctx, item, keystore.PurposeAccountKey, c.key.Encode())
		} else {
			err = ignoreNotFound(keys.Delete(ctx, item, keystore.PurposeAccountKey))
		}
		if err != nil {
			k.p.Logger.Warn("keyring copy of the offline data key", "err", err)
		}
		k.mu.Lock()
		if k.epoch() == epoch {
			k.copied = epochMark{epoch: epoch, set: err == nil}
		}
		k.mu.Unlock()
	}
	return c.key, nil
}

// accountKey is the data key of identifier's account when this session has
// it: the open one, or the one a password login is preparing (waited for).
func (k *keyCustody) accountKey(ctx context.Context, identifier string) *cache.Key {
	if key := k.openFor(identifier); key != nil {
		return key
	}
	k.mu.Lock()
	prep := k.prep
	k.mu.Unlock()
	if prep == nil || prep.identifier != identifier {
		return nil
	}
	select {
	case <-prep.done:
		return prep.key
	case <-ctx.Done():
		return nil
	}
}

// promotePending makes a version-1 migration's pending key of the
// remembered account its keyring copy ("remember me" opened it without a
// password before), and returns it.
func (k *keyCustody) promotePending(ctx context.Context, profile, identifier string) *cache.Key {
	keys := k.p.Keys
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
