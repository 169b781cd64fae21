package app

// Key custody on its own: a real cache file in a temp dir, the in-memory
// key store, and a session epoch the test moves by hand. No server.

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/member"
)

type custodyEnv struct {
	t     *testing.T
	k     *keyCustody
	keys  *keystore.Memory
	store *cache.Cache
	epoch *atomic.Uint64
}

func newCustody(t *testing.T, withKeys bool) *custodyEnv {
	t.Helper()
	keys := keystore.NewMemory()
	p := &Params{Settings: prefs.New(prefs.NewMemoryStore()), ForceDemo: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now, KDF: testKDF}
	if withKeys {
		p.Keys = keys
	}
	store, _, err := cache.Open(context.Background(), cache.Params{Dir: t.TempDir(), Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	c := newCacheFile()
	c.opened(store)
	var epoch atomic.Uint64
	return &custodyEnv{t: t, k: newKeyCustody(p, c, epoch.Load), keys: keys, store: store, epoch: &epoch}
}

func (e *custodyEnv) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	e.t.Cleanup(cancel)
	return ctx
}

// copyOf is the keyring's copy of identifier's key ("" for none).
func (e *custodyEnv) copyOf(identifier string) string {
	s, err := e.keys.Get(e.ctx(), keystore.AccountKeyItem(prefs.ProfileDemo, identifier), keystore.PurposeAccountKey)
	if err != nil {
		return ""
	}
	return s
}

func (e *custodyEnv) setCopy(identifier string, key *cache.Key) {
	if err := e.keys.Set(e.ctx(), keystore.AccountKeyItem(prefs.ProfileDemo, identifier), keystore.PurposeAccountKey, key.Encode()); err != nil {
		e.t.Fatal(err)
	}
}

func encoded(k *cache.Key) string {
	if k == nil {
		return ""
	}
	return k.Encode()
}

// keyFor is the one place that decides which key a save uses: each of its
// cases, and the keys it must not take.
func TestKeyFor_PicksTheKeyInEachCase(t *testing.T) {
	t.Parallel()
	openK, copyK := cache.NewKey(), cache.NewKey()
	cases := []struct {
		name     string
		noKeys   bool
		setup    func(e *custodyEnv)
		epoch    uint64
		want     func(e *custodyEnv, c keyChoice) string // "" when the key is right
		wantNone bool
	}{
		{name: "a password login's prepared key, with its wrap, before the open key", setup: func(e *custodyEnv) {
			e.k.setOpen(0, budi, openK)
			e.k.setRemembered(budi, nil)
			e.setCopy(budi, copyK)
			e.k.prepare(0, budi, "Rahasia#123")
		}, want: func(e *custodyEnv, c keyChoice) string {
			if c.prep == nil || c.key != c.prep.key || len(c.opt.Wrap) == 0 {
				return "not the prepared key with its wrap"
			}
			if k := encoded(c.key); k == openK.Encode() || k == copyK.Encode() {
				return "the prepared key is the open key or the keyring's copy"
			}
			return ""
		}},
		{name: "the account's open key", setup: func(e *custodyEnv) {
			e.k.setOpen(0, budi, openK)
			e.k.setRemembered(budi, nil)
			e.setCopy(budi, copyK)
		}, want: func(e *custodyEnv, c keyChoice) string {
			if encoded(c.key) != openK.Encode() || c.opt.Wrap != nil {
				return "not the open key, without a new wrap"
			}
			return ""
		}},
		{name: "the remembered account's keyring copy", setup: func(e *custodyEnv) {
			e.k.setRemembered(budi, nil)
			e.setCopy(budi, copyK)
		}, want: func(e *custodyEnv, c keyChoice) string {
			if encoded(c.key) != copyK.Encode() || !c.remembered {
				return "not the keyring's copy"
			}
			return ""
		}},
		{name: "a remembered account with no copy gets a new key", setup: func(e *custodyEnv) {
			e.k.setRemembered(budi, nil)
		}, want: func(e *custodyEnv, c keyChoice) string {
			if c.key == nil || encoded(c.key) == openK.Encode() || encoded(c.key) == copyK.Encode() {
				return "no new key"
			}
			return ""
		}},
		{name: "another account's open key is not used", setup: func(e *custodyEnv) {
			e.k.setOpen(0, siti, openK)
		}, wantNone: true},
		{name: "another account's prepared key is not used", setup: func(e *custodyEnv) {
			e.k.prepare(0, siti, "Rahasia#123")
		}, wantNone: true},
		{name: "an ended session's open key is not used", epoch: 1, setup: func(e *custodyEnv) {
			e.k.setOpen(0, budi, openK)
			e.epoch.Store(1)
		}, wantNone: true},
		{name: "an ended session's prepared key is not used", epoch: 1, setup: func(e *custodyEnv) {
			e.k.prepare(0, budi, "Rahasia#123")
			e.epoch.Store(1)
		}, wantNone: true},
		{name: "neither remembered nor open: none", setup: func(e *custodyEnv) {
			e.setCopy(budi, copyK) // a copy alone does not make the account remembered
		}, wantNone: true},
		{name: "remembered but no keyring: none", noKeys: true, setup: func(e *custodyEnv) {
			e.k.setRemembered(budi, nil)
		}, wantNone: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newCustody(t, !tc.noKeys)
			tc.setup(e)
			c, err := e.k.keyFor(e.ctx(), tc.epoch, budi)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantNone {
				if c.key != nil {
					t.Fatal("a key was chosen; want none")
				}
				return
			}
			if msg := tc.want(e, c); msg != "" {
				t.Fatal(msg)
			}
		})
	}
}

// A save of the remembered account leaves the key's copy in the keyring;
// one of an account not remembered removes it. The check is made once per
// session.
func TestKeyCustody_SaveKeepsTheKeyringCopyInStep(t *testing.T) {
	t.Parallel()
	e := newCustody(t, true)
	e.k.setRemembered(budi, nil)
	data := memberdata.Data{Identifier: budi, Member: member.Member{FullName: "Budi"}}
	key, err := e.k.save(e.ctx(), e.store, 0, data)
	if err != nil || key == nil {
		t.Fatalf("save: %v, key %v", err, key != nil)
	}
	if e.copyOf(budi) != key.Encode() {
		t.Fatal("the remembered account's key is not copied to the keyring")
	}
	if _, err := memberdata.Load(e.ctx(), e.store, prefs.ProfileDemo, budi, key); err != nil {
		t.Fatalf("saved data does not open with the returned key: %v", err)
	}
	// Checked once per session: a copy removed meanwhile is not rewritten...
	if err := e.keys.Delete(e.ctx(), keystore.AccountKeyItem(prefs.ProfileDemo, budi), keystore.PurposeAccountKey); err != nil {
		t.Fatal(err)
	}
	e.k.setOpen(0, budi, key)
	if _, err := e.k.save(e.ctx(), e.store, 0, data); err != nil {
		t.Fatal(err)
	}
	if e.copyOf(budi) != "" {
		t.Fatal("the copy was checked twice in one session")
	}
	// ...and is checked again in the next session.
	e.epoch.Store(1)
	e.k.endSession(0)
	e.k.setOpen(1, budi, key)
	if _, err := e.k.save(e.ctx(), e.store, 1, data); err != nil {
		t.Fatal(err)
	}
	if e.copyOf(budi) != key.Encode() {
		t.Fatal("the next session did not copy the key again")
	}

	// Siti is not remembered: her stale copy goes when her data is saved.
	sitiKey := cache.NewKey()
	e.setCopy(siti, sitiKey)
	e.k.setOpen(1, siti, sitiKey)
	e.k.copied = epochMark{}
	if _, err := e.k.save(e.ctx(), e.store, 1, memberdata.Data{Identifier: siti}); err != nil {
		t.Fatal(err)
	}
	if e.copyOf(siti) != "" {
		t.Fatal("the key of an account not remembered stays in the keyring")
	}
}

// A save whose session ended before it writes writes nothing.
func TestKeyCustody_SaveOfAnEndedSessionIsStale(t *testing.T) {
	t.Parallel()
	e := newCustody(t, true)
	e.k.setRemembered(budi, nil)
	e.epoch.Store(1)
	if _, err := e.k.save(e.ctx(), e.store, 0, memberdata.Data{Identifier: budi}); err != ErrStale {
		t.Fatalf("save: %v, want ErrStale", err)
	}
	if list, _ := e.store.Accounts(e.ctx(), prefs.ProfileDemo); len(list) != 0 {
		t.Fatal("a stale save wrote the cache")
	}
}

// Epoch-bound keys: set only in the current session, dropped when theirs
// ends and not before.
func TestKeyCustody_KeysBelongToTheirEpoch(t *testing.T) {
	t.Parallel()
	e := newCustody(t, true)
	key := cache.NewKey()
	if !e.k.setOpen(0, budi, key) || e.k.openFor(budi) == nil {
		t.Fatal("the open key was not kept")
	}
	if e.k.openFor(siti) != nil {
		t.Fatal("budi's key handed out for siti")
	}
	e.epoch.Store(1)
	if e.k.setOpen(0, budi, key) {
		t.Fatal("a key of an ended session was set")
	}
	if e.k.prepare(0, budi, "x") != nil {
		t.Fatal("a key was prepared for an ended session")
	}
	if e.k.openFor(budi) != nil {
		t.Fatal("an ended session's key is handed out")
	}
	e.k.setOpen(1, budi, key)
	e.k.endSession(0) // an older end arriving late keeps the new session's key
	if e.k.openFor(budi) == nil {
		t.Fatal("ending an older session dropped the current key")
	}
	e.k.endSession(1)
	if e.k.open != nil {
		t.Fatal("the key stays in memory after its session ended")
	}
}

// A login moves "remember me" and drops another account's key; a login of
// an ended session changes nothing.
func TestKeyCustody_LoggedIn(t *testing.T) {
	t.Parallel()
	e := newCustody(t, true)
	e.k.setOpen(0, budi, cache.NewKey())
	e.k.loggedIn(0, siti, true)
	if e.k.rememberedID() != siti || e.k.open != nil {
		t.Fatalf("remembered %q, budi's key kept %v", e.k.rememberedID(), e.k.open != nil)
	}
	e.k.loggedIn(0, siti, false)
	if e.k.rememberedID() != "" {
		t.Fatal("unticked remember me kept the account")
	}
	e.epoch.Store(1)
	e.k.loggedIn(0, budi, true)
	if e.k.rememberedID() != "" {
		t.Fatal("a login of an ended session was recorded")
	}
}

// The lock's key work: the key the locked session had open marks its data
// locked, the keyring's copy goes, and the refresh token is set aside
// under the key until the password lifts the lock.
func TestKeyCustody_LockThenUnlock(t *testing.T) {
	t.Parallel()
	e := newCustody(t, true)
	e.k.setRemembered(budi, nil)
	key, err := e.k.save(e.ctx(), e.store, 0, memberdata.Data{Identifier: budi})
	if err != nil || key == nil {
		t.Fatal(err)
	}
	e.k.setOpen(0, budi, key)
	if err := e.keys.Set(e.ctx(), budi, keystore.PurposeRefreshToken, "token-1"); err != nil {
		t.Fatal(err)
	}
	e.epoch.Store(1)
	e.k.lock(0, prefs.ProfileDemo, budi, e.store)
	if e.k.open != nil {
		t.Fatal("the key stays in memory after the lock")
	}
	if err := e.k.waitLockSaved(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if e.copyOf(budi) != "" {
		t.Fatal("the keyring's copy survived the lock")
	}
	if _, err := e.keys.Get(e.ctx(), budi, keystore.PurposeRefreshToken); err == nil {
		t.Fatal("the refresh token stayed in the keyring through the lock")
	}
	list, err := e.store.Accounts(e.ctx(), prefs.ProfileDemo)
	if err != nil || len(list) != 1 || !list[0].Locked {
		t.Fatalf("accounts after the lock: %+v, %v", list, err)
	}
	e.k.unlockPersisted(e.ctx(), e.store, budi, key)
	if e.copyOf(budi) != key.Encode() {
		t.Fatal("the unlock did not put the remembered account's copy back")
	}
	if tok, err := e.keys.Get(e.ctx(), budi, keystore.PurposeRefreshToken); err != nil || tok != "token-1" {
		t.Fatalf("the token set aside did not come back: %q, %v", tok, err)
	}
	if list, _ := e.store.Accounts(e.ctx(), prefs.ProfileDemo); list[0].Locked {
		t.Fatal("the lock was not lifted")
	}
}
