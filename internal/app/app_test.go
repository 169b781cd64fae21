package app

// The application layer's lifecycle rules, with plain go test: the real
// sandbox over TLS, a real cache file in a temp dir, and the in-memory key
// store (these tests are about the session, not the OS keyring).

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/sandboxtls"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

const (
	budi = "budi@contoh.id"
	siti = "siti@contoh.id"
)

// gate holds member-data answers while it is closed, so a test can end a
// session while a refresh waits for the server.
type gate struct {
	mu      sync.Mutex
	prefix  string // the paths it holds; "" means "/v1/me"
	closed  bool
	open    chan struct{}
	arrived chan struct{} // one value per held request
}

func newGate() *gate { return &gate{open: make(chan struct{}), arrived: make(chan struct{}, 64)} }

func (g *gate) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed, g.open = true, make(chan struct{})
}

func (g *gate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		g.closed = false
		close(g.open)
	}
}

func (g *gate) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		closed, open, prefix := g.closed, g.open, g.prefix
		g.mu.Unlock()
		if prefix == "" {
			prefix = "/v1/me"
		}
		if closed && strings.HasPrefix(r.URL.Path, prefix) {
			g.arrived <- struct{}{}
			select {
			case <-open:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

type env struct {
	t       *testing.T
	srv     *sandbox.Server
	demo    DemoServer
	gate    *gate
	keys    *keystore.Memory
	prefs   *prefs.Settings
	dataDir string
	kdf     cache.KDFParams  // cheap by default; zero: the production defaults
	osKeys  cache.KeyStore   // when set, the app instances use it instead of keys
	now     func() time.Time // nil: time.Now
}

// testKDF makes the tests' password wraps cheap; TestLogin_WrapUsesProductionDefaults
// checks what the app itself stores.
var testKDF = cache.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

func newEnv(t *testing.T, opts ...sandbox.Option) *env {
	t.Helper()
	opts = append([]sandbox.Option{sandbox.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))}, opts...)
	g := newGate()
	sb := sandboxtls.Start(t, sandboxtls.With(opts...), sandboxtls.Wrap(g.wrap))
	t.Cleanup(g.release) // before the server closes: a held request would block it
	return &env{
		t: t, srv: sb.Server, gate: g,
		demo: DemoServer{
			Profile:  service.DemoProfile(sb.URL, sb.CertPEM(), sb.PinSHA256(), sb.BackupPinSHA256()),
			Accounts: []DemoAccount{{Identifier: budi, Password: sandbox.DemoPassword}},
		},
		keys:    keystore.NewMemory(),
		prefs:   prefs.New(prefs.NewMemoryStore()),
		dataDir: t.TempDir(),
		kdf:     testKDF,
	}
}

// newApp starts an app instance on the env's data dir and keys, with its
// cache open and its server verified.
func (e *env) newApp() (*App, Opening) {
	e.t.Helper()
	demo := e.demo
	var keys cache.KeyStore = e.keys
	if e.osKeys != nil {
		keys = e.osKeys
	}
	a := New(Params{
		DataDir:   e.dataDir,
		Keys:      keys,
		Settings:  e.prefs,
		ForceDemo: true,
		StartDemo: func(context.Context) (DemoServer, error) { return demo, nil },
		Version:   "test",
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		KDF:       e.kdf,
		Now:       e.now,
	})
	e.t.Cleanup(a.Close)
	ctx := e.ctx()
	o := a.OpenCache(ctx, nil)
	if o.Err != nil {
		e.t.Fatal(o.Err)
	}
	if _, err := a.CheckServer(ctx); err != nil {
		e.t.Fatal(err)
	}
	return a, o
}

func (e *env) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	e.t.Cleanup(cancel)
	return ctx
}

// login logs in and refreshes once.
func (e *env) login(a *App, identifier string, remember bool) memberdata.Data {
	e.t.Helper()
	ctx := e.ctx()
	res, err := a.Login(ctx, identifier, sandbox.DemoPassword, remember)
	if err != nil || res.MFA != nil {
		e.t.Fatalf("login: %v (MFA %v)", err, res.MFA != nil)
	}
	if err := a.RememberLogin(ctx); err != nil {
		e.t.Fatal(err)
	}
	r, err := a.Refresh(ctx)
	if err != nil || r.SaveErr != nil {
		e.t.Fatalf("refresh: %v, save: %v", err, r.SaveErr)
	}
	return r.Data
}

// cached reads the account's snapshot as the member would offline: with
// the password.
func (e *env) cached(a *App, account string) (cache.Snapshot, error) {
	e.t.Helper()
	store := a.openStore()
	if store == nil {
		e.t.Fatal("no cache")
	}
	key, _, err := store.FindByPassword(e.ctx(), prefs.ProfileDemo, account, sandbox.DemoPassword)
	if err != nil {
		return cache.Snapshot{}, err
	}
	return store.Load(e.ctx(), prefs.ProfileDemo, account, key)
}

// ref is the account's row in the login view's list.
func (e *env) ref(a *App, account string) int64 {
	e.t.Helper()
	list, err := a.OfflineAccounts(e.ctx())
	if err != nil {
		e.t.Fatal(err)
	}
	for _, s := range list {
		if s.Masked == cache.MaskIdentifier(account) {
			return s.Ref
		}
	}
	e.t.Fatalf("%s not in the offline list %+v", account, list)
	return 0
}

// The sandbox's own answer for Budi's balance, with a client of the test's own.
func (e *env) sandboxBalance(identifier string) member.Balance {
	e.t.Helper()
	client, err := service.New(e.demo.Profile)
	if err != nil {
		e.t.Fatal(err)
	}
	defer client.Close()
	if _, err := client.Login(e.ctx(), identifier, sandbox.DemoPassword, false); err != nil {
		e.t.Fatal(err)
	}
	b, err := client.Balance(e.ctx())
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

func TestCheckServer_WrongPinRefusesAndNothingCanBeSent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.demo.Profile.Pins = []string{strings.Repeat("A", 43) + "=", strings.Repeat("B", 43) + "="}
	a := New(Params{DataDir: e.dataDir, Keys: e.keys, Settings: e.prefs, ForceDemo: true,
		StartDemo: func(context.Context) (DemoServer, error) { return e.demo, nil }})
	t.Cleanup(a.Close)
	a.OpenCache(e.ctx(), nil)
	before := e.srv.Stats()
	if _, err := a.CheckServer(e.ctx()); !errors.Is(err, service.ErrCertificate) {
		t.Fatalf("check with a wrong pin: %v", err)
	}
	if _, err := a.Login(e.ctx(), budi, sandbox.DemoPassword, false); !errors.Is(err, ErrNoServer) {
		t.Fatalf("login after a refusal: %v", err)
	}
	if _, err := a.StartRegistration(e.ctx(), service.Registration{Email: "x@contoh.id"}); !errors.Is(err, service.ErrCertificate) {
		t.Fatalf("registration without a verified server says %v, want the refusal", err)
	}
	if after := e.srv.Stats(); after.Total != before.Total {
		t.Fatalf("the refused server received %d requests", after.Total-before.Total)
	}
}

func TestLoginRefresh_DataAsTheSandboxComputedItAndCachedWhole(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	want := e.sandboxBalance(budi)
	data := e.login(a, budi, false)
	if data.Balance.Total != want.Total || data.Offline || len(data.Contributions) < 10 {
		t.Fatalf("total %d (want %d), offline %v, %d years", data.Balance.Total, want.Total, data.Offline, len(data.Contributions))
	}
	if got := a.Data(); got == nil || got.Balance.Total != want.Total {
		t.Fatal("Data() is not the refreshed data")
	}
	if !a.Online() {
		t.Fatal("not online after a login")
	}
	// Offline, from a second instance (a restart): the password opens
	// the same data, marked offline; nothing opens without it.
	b, o := e.newApp()
	if o.Cached != nil {
		t.Fatal("a start after a non-remembered login opened data")
	}
	ref := e.ref(b, budi)
	if _, err := b.OpenOffline(e.ctx(), ref); !errors.Is(err, ErrPasswordNeeded) {
		t.Fatalf("offline without the password: %v, want ErrPasswordNeeded", err)
	}
	if b.Data() != nil {
		t.Fatal("data in memory before the password")
	}
	off, err := b.UnlockOffline(e.ctx(), ref, sandbox.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if !off.Offline || off.Balance.Total != want.Total || len(off.Contributions) != len(data.Contributions) {
		t.Fatalf("offline data: offline %v, total %d, %d years", off.Offline, off.Balance.Total, len(off.Contributions))
	}
	if b.Online() {
		t.Fatal("offline viewing counts as an online session")
	}
	if _, err := b.Logins(e.ctx()); !errors.Is(err, ErrNoSession) {
		t.Fatalf("login history offline: %v", err)
	}
}

func TestRefresh_OfflineCacheOffWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.prefs.SetOfflineCache(false)
	a, _ := e.newApp()
	e.login(a, budi, false)
	if _, err := e.cached(a, budi); !errors.Is(err, cache.ErrNotFound) {
		t.Fatalf("cache with the setting off: %v", err)
	}
}

func TestRemember_NextStartHasTheAccountAndItsData(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	if a.Remembered() != budi {
		t.Fatalf("remembered %q", a.Remembered())
	}
	var heard string
	b := New(Params{DataDir: e.dataDir, Keys: e.keys, Settings: e.prefs, ForceDemo: true,
		StartDemo: func(context.Context) (DemoServer, error) { return e.demo, nil }})
	t.Cleanup(b.Close)
	o := b.OpenCache(e.ctx(), func(id string) { heard = id })
	if heard != budi || o.Remembered != budi || o.Cached == nil || o.Cached.Member.FullName != "Budi Santoso" {
		t.Fatalf("start-up: heard %q, remembered %q, cached %v", heard, o.Remembered, o.Cached != nil)
	}
	if !b.UseCached(b.Epoch(), *o.Cached) {
		t.Fatal("cached data refused")
	}
	if _, ok := b.ShouldResume(); ok {
		t.Fatal("resume offered before the server is verified")
	}
	if _, err := b.CheckServer(e.ctx()); err != nil {
		t.Fatal(err)
	}
	id, ok := b.ShouldResume()
	if !ok || id != budi {
		t.Fatalf("ShouldResume = %q %v", id, ok)
	}
	if err := b.Resume(e.ctx(), id); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Refresh(e.ctx()); err != nil {
		t.Fatalf("refresh on the resumed session: %v", err)
	}
	// Logging in again without "remember me" drops it.
	c, _ := e.newApp()
	e.login(c, budi, false)
	if _, err := e.keys.Get(e.ctx(), keystore.AccountInstallation, keystore.PurposeRemembered); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("remembered identifier after a login without remember: %v", err)
	}
}

func TestMFA_SitiNeedsTheCode(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	res, err := a.Login(e.ctx(), siti, sandbox.DemoPassword, true)
	if err != nil || res.MFA == nil {
		t.Fatalf("Siti's login: %v, MFA %v", err, res.MFA != nil)
	}
	if a.Online() {
		t.Fatal("online before the 2FA code")
	}
	if err := a.VerifyMFA(e.ctx(), "000000"); !errors.Is(err, service.ErrInvalidCredentials) {
		t.Fatalf("wrong code: %v", err)
	}
	code, _ := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
	if err := a.VerifyMFA(e.ctx(), code); err != nil {
		t.Fatal(err)
	}
	if a.Identifier() != siti || a.Remembered() != siti {
		t.Fatalf("after 2FA: identifier %q remembered %q", a.Identifier(), a.Remembered())
	}
	if r, err := a.Refresh(e.ctx()); err != nil || r.Data.Member.FullName == "" {
		t.Fatalf("refresh after 2FA: %v", err)
	}
}

// A 401 during a refresh locks: the session ends, the data leaves memory.
func TestRefresh_UnauthorizedLocks(t *testing.T) {
	e := newEnv(t, sandbox.WithAccessTTL(3*time.Second), sandbox.WithRefreshTTL(3*time.Second))
	a, _ := e.newApp()
	e.login(a, budi, false)
	epoch := a.Epoch()
	time.Sleep(3500 * time.Millisecond) // both tokens expire
	_, err := a.Refresh(e.ctx())
	if !errors.Is(err, service.ErrUnauthorized) {
		t.Fatalf("refresh with expired tokens: %v", err)
	}
	if a.Data() != nil || a.Epoch() == epoch {
		t.Fatal("a 401 did not lock: data kept or the epoch unchanged")
	}
	if _, err := a.Refresh(e.ctx()); !errors.Is(err, ErrNoServer) {
		t.Fatalf("refresh after the lock: %v (the old client must be gone)", err)
	}
}

// A refresh waiting for the server when the member locks: the lock cancels
// it, its result is dropped, and the cache keeps what it had.
func TestRace_RefreshFinishingAfterALockIsDropped(t *testing.T) {
	t.Parallel()
	for _, end := range []struct {
		name string
		do   func(a *App)
	}{
		{"lock", func(a *App) { a.Lock() }},
		{"logout", func(a *App) {
			if tell := a.Logout(); tell != nil {
				_ = tell(context.Background())
			}
		}},
		{"profile change", func(a *App) { a.ChangeProfile() }},
	} {
		t.Run(end.name, func(t *testing.T) {
			e := newEnv(t)
			a, _ := e.newApp()
			e.login(a, budi, false)
			before, err := e.cached(a, budi)
			if err != nil {
				t.Fatal(err)
			}
			e.gate.close()
			done := make(chan error, 1)
			go func() {
				_, err := a.Refresh(context.Background())
				done <- err
			}()
			<-e.gate.arrived
			end.do(a)
			e.gate.release()
			if err := <-done; !errors.Is(err, ErrStale) {
				t.Fatalf("refresh after %s: %v, want ErrStale", end.name, err)
			}
			if a.Data() != nil {
				t.Fatalf("data back in memory after %s", end.name)
			}
			after, err := e.cached(a, budi)
			if err != nil || !after.SavedAt.Equal(before.SavedAt) {
				t.Fatalf("cache changed by a dropped refresh: %v", err)
			}
		})
	}
}

// The fetch is in but the session ends before it is committed: still
// dropped, and nothing written.
func TestRace_LockBetweenFetchAndCommit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	before, _ := e.cached(a, budi)
	a.refresh.afterFetch = func() { a.Lock() }
	if _, err := a.Refresh(e.ctx()); !errors.Is(err, ErrStale) {
		t.Fatalf("refresh: %v, want ErrStale", err)
	}
	a.refresh.afterFetch = nil
	if a.Data() != nil {
		t.Fatal("data in memory after the lock")
	}
	if after, _ := e.cached(a, budi); !after.SavedAt.Equal(before.SavedAt) {
		t.Fatal("the cache was written after the lock")
	}
}

func TestRefresh_OneAtATimeAndCancel(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	e.gate.close()
	done := make(chan error, 1)
	go func() {
		_, err := a.Refresh(context.Background())
		done <- err
	}()
	<-e.gate.arrived
	if !a.Refreshing() {
		t.Fatal("Refreshing is false during a refresh")
	}
	if _, err := a.Refresh(e.ctx()); !errors.Is(err, ErrRefreshing) {
		t.Fatalf("second refresh: %v", err)
	}
	a.CancelRefresh()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled refresh: %v", err)
	}
	if a.Refreshing() {
		t.Fatal("still refreshing after the cancel")
	}
	if a.Data() == nil {
		t.Fatal("a cancelled refresh dropped the data it had")
	}
}

// Logout: the client goes at once (a new check may start), the server is
// told after, and the remembered token is gone.
func TestLogout_EndsTheSessionHereThenTellsTheServer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	old := a.session.client
	tell := a.Logout()
	if a.Data() != nil || a.Online() {
		t.Fatal("data or session kept after logout")
	}
	if _, err := a.Refresh(e.ctx()); !errors.Is(err, ErrNoServer) {
		t.Fatalf("refresh after logout: %v", err)
	}
	if _, err := a.CheckServer(e.ctx()); err != nil { // the next client, while the logout is on its way
		t.Fatal(err)
	}
	if tell == nil {
		t.Fatal("no call to tell the server")
	}
	if err := tell(e.ctx()); err != nil {
		t.Fatalf("logout: %v", err)
	}
	if _, ok := old.Session(); ok {
		t.Error("the logged-out client still holds a session")
	}
	if _, err := e.keys.Get(e.ctx(), budi, keystore.PurposeRefreshToken); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("remembered refresh token after logout: %v", err)
	}
}

// Forgetting an account = its cache + its refresh token + the remembered login.
func TestForget_CacheTokenAndRememberedLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	other, _ := e.newApp()
	e.login(other, "andi@contoh.id", true) // another account's data stays
	if !slices.Contains(e.keys.Items(), budi+"/"+keystore.PurposeRefreshToken) {
		t.Fatalf("no remembered token to forget: %v", e.keys.Items())
	}
	a.Remembered() // budi was remembered by a; andi by other
	forget := a.PrepareForget(budi)
	tell := a.Logout()
	if tell != nil {
		_ = tell(e.ctx())
	}
	if err := forget(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.cached(a, budi); !errors.Is(err, cache.ErrNotFound) {
		t.Fatalf("Budi's cache after forget: %v", err)
	}
	if slices.Contains(e.keys.Items(), budi+"/"+keystore.PurposeRefreshToken) {
		t.Fatal("Budi's refresh token survived forget")
	}
	if _, err := e.cached(a, "andi@contoh.id"); err != nil {
		t.Fatalf("forgetting Budi touched Andi's data: %v", err)
	}
}

func TestClearAll_LeavesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	if err := a.ClearAll(e.ctx()); err != nil {
		t.Fatal(err)
	}
	accounts, err := a.OfflineAccounts(e.ctx())
	if err != nil || len(accounts) != 0 {
		t.Fatalf("accounts after clear all: %v %v", accounts, err)
	}
	for _, gone := range []string{budi + "/" + keystore.PurposeRefreshToken, keystore.AccountInstallation + "/" + keystore.PurposeRemembered} {
		if slices.Contains(e.keys.Items(), gone) {
			t.Errorf("keyring item %s left after clear all", gone)
		}
	}
	if a.Remembered() != "" {
		t.Fatal("the remembered login survived clear all")
	}
}

// Close ends the session and closes the cache; a second Close (the exit
// watchdog after the window's own) is harmless.
func TestClose_TwiceIsHarmless(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	a.Close()
	if a.Data() != nil || a.Online() {
		t.Fatal("data or session kept after Close")
	}
	if _, err := a.OfflineAccounts(e.ctx()); err != nil {
		t.Fatalf("offline accounts after Close: %v", err)
	}
	a.Close()
}
