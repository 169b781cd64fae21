package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
)

// opener makes data the open account's unless the session of epoch has
// ended; the session is one (session.openData), without its client.
type opener interface {
	Epoch() uint64
	openData(epoch uint64, data memberdata.Data) bool
}

// offlineUnlock owns opening cached data without a server: with the
// keyring's copy of the remembered account's key, or with the member's
// password, whose wrong attempts it throttles. It holds no client: a
// future account with no server (a book of the member's documents) opens
// the same way, through the same opener and keyCustody.
type offlineUnlock struct {
	p     *Params
	cache *cacheFile
	keys  *keyCustody
	open  opener
	tries *throttle
	// derive gives a book's data as this version derives it from its rows
	// (bookKeeper.current); other data goes through as loaded.
	derive func(context.Context, *cache.Cache, memberdata.Data, *cache.Key) memberdata.Data
}

func newOfflineUnlock(p *Params, c *cacheFile, k *keyCustody, o opener) *offlineUnlock {
	return &offlineUnlock{p: p, cache: c, keys: k, open: o, tries: newThrottle(p.Now)}
}

// throttle counts wrong offline passwords per account row and says how
// long the next attempt waits.
type throttle struct {
	now func() time.Time

	mu   sync.Mutex
	rows map[int64]*attempts
}

// attempts counts wrong offline passwords for one account row.
type attempts struct {
	failed int
	next   time.Time
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{now: now, rows: map[int64]*attempts{}}
}

// allow is nil when ref may be tried now, else a *WaitError.
func (t *throttle) allow(ref int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if at := t.rows[ref]; at != nil && t.now().Before(at.next) {
		return &WaitError{Until: at.next}
	}
	return nil
}

// failed counts a wrong password for ref and returns how many in a row.
func (t *throttle) failed(ref int64) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	at := t.rows[ref]
	if at == nil {
		at = &attempts{}
		t.rows[ref] = at
	}
	at.failed++
	at.next = t.now().Add(attemptDelay(at.failed))
	return at.failed
}

// succeeded forgets ref's wrong passwords.
func (t *throttle) succeeded(ref int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.rows, ref)
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
	return a.unlock.withCopy(ctx, ref)
}

// UnlockOffline opens an account of the login view's list with the
// member's password (about half a second of Argon2id). Nothing of the
// data is decrypted before the password has opened the key. A wrong
// password gives cache.ErrWrongPassword; repeated ones a *WaitError until
// the next attempt is allowed. Success lifts a lock: the refresh token a
// lock set aside goes back to the keyring, and so does the key's copy for
// a remembered account.
func (a *App) UnlockOffline(ctx context.Context, ref int64, password string) (memberdata.Data, error) {
	return a.unlock.withPassword(ctx, ref, password)
}

func (u *offlineUnlock) withCopy(ctx context.Context, ref int64) (memberdata.Data, error) {
	store := u.cache.current()
	if store == nil {
		return memberdata.Data{}, ErrNoCache
	}
	epoch := u.open.Epoch()
	summary, err := u.summary(ctx, store, ref)
	if err != nil {
		return memberdata.Data{}, err
	}
	remembered := u.keys.rememberedID()
	if remembered == "" || u.p.Keys == nil || summary.Locked || summary.Masked != cache.MaskIdentifier(remembered) {
		return memberdata.Data{}, passwordNeeded(summary)
	}
	key := u.keys.keyringCopy(ctx, u.p.profileName(), remembered)
	if key == nil {
		return memberdata.Data{}, passwordNeeded(summary)
	}
	data, err := memberdata.LoadRef(ctx, store, ref, key)
	if err != nil {
		return memberdata.Data{}, passwordNeeded(summary)
	}
	data = u.derive(ctx, store, data, key)
	if !u.use(epoch, data, key) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

func passwordNeeded(s cache.AccountSummary) error {
	if !s.Wrapped {
		return cache.ErrNotWrapped
	}
	return ErrPasswordNeeded
}

func (u *offlineUnlock) summary(ctx context.Context, store *cache.Cache, ref int64) (cache.AccountSummary, error) {
	list, err := store.Accounts(ctx, u.p.profileName())
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

func (u *offlineUnlock) withPassword(ctx context.Context, ref int64, password string) (memberdata.Data, error) {
	store := u.cache.current()
	if store == nil {
		return memberdata.Data{}, ErrNoCache
	}
	epoch := u.open.Epoch()
	if err := u.tries.allow(ref); err != nil {
		return memberdata.Data{}, err
	}
	key, err := store.UnlockRef(ctx, ref, password)
	if errors.Is(err, cache.ErrWrongPassword) {
		n := u.tries.failed(ref)
		u.p.Logger.Info("offline password refused", "attempt", n)
		return memberdata.Data{}, err
	}
	if err != nil {
		return memberdata.Data{}, err
	}
	data, err := memberdata.LoadRef(ctx, store, ref, key)
	if err != nil {
		u.p.Logger.Warn("open offline data", "err", err)
		return memberdata.Data{}, err
	}
	u.tries.succeeded(ref)
	u.keys.unlockPersisted(ctx, store, data.Identifier, key)
	data = u.derive(ctx, store, data, key)
	if !u.use(epoch, data, key) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

// use makes offline data and its key the open account's unless the
// session changed since epoch.
func (u *offlineUnlock) use(epoch uint64, data memberdata.Data, key *cache.Key) bool {
	if !u.keys.setOpen(epoch, data.Identifier, key) {
		return false
	}
	return u.open.openData(epoch, data)
}
