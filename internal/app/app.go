// Package app is the application layer: it owns the session lifecycle —
// the server check, login and 2FA, the resume of a remembered session,
// refresh (fetch and cache save), offline viewing, lock, logout, forget,
// clear all, registration — and the settings that have effects.
//
// It is Fyne-free. Its methods that touch the network, the keyring or the
// disk block and take a context first: the UI calls them off its goroutine
// and applies the results on it. Methods that only change state in memory
// (Lock, Logout's first half, ChangeProfile, ...) return at once and may be
// called on the UI goroutine.
//
// Every session-ending event (lock, logout, go online, forget, server
// profile change) bumps the session epoch. A blocking call whose session
// ended while it ran returns ErrStale and changes nothing; the UI drops any
// result that comes back under an older epoch than the current one.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Timeouts for one user action; the service has its own per-call timeouts.
// The UI passes them to the blocking methods' contexts.
const (
	ActionTimeout  = 30 * time.Second
	RefreshTimeout = 2 * time.Minute
	KeyringTimeout = 5 * time.Second
)

var (
	// ErrStale means the session ended (lock, logout, profile change) while
	// the call ran: its result was dropped and nothing was changed.
	ErrStale = errors.New("app: the session changed; result dropped")
	// ErrNoServer means no verified server is connected yet, or it was refused.
	ErrNoServer = errors.New("app: no verified server")
	// ErrRefreshing means a refresh is already under way.
	ErrRefreshing = errors.New("app: a refresh is already under way")
	// ErrNoSession means the call needs an online session and there is none.
	ErrNoSession = errors.New("app: no online session")
	// ErrNoCache means the offline cache is not open or is turned off.
	ErrNoCache = errors.New("app: no offline cache")
)

// ErrPasswordNeeded means the offline data opens only with the member's
// password (UnlockOffline): it is not remembered here, or it was locked.
var ErrPasswordNeeded = errors.New("app: the offline data needs the password")

// ProfileServerPrefix starts the cache's profile name of a server given
// with --server: "server https://host:port", so that its data never shows
// for another server.
const ProfileServerPrefix = "server "

// DemoAccount is a sandbox member the login view offers to try.
type DemoAccount struct {
	Identifier string
	Password   string
	Note       string // a translation key
}

// DemoServer is the in-process sandbox that --demo (or the demo profile) runs.
type DemoServer struct {
	Profile  service.Profile
	Accounts []DemoAccount
	// TOTPCode returns the current code for a demo member with 2FA.
	TOTPCode func() string
	// RegistrationCode returns the newest code the sandbox sent on channel
	// ("email" or "sms") to recipient, "" if none: the demo shows the
	// codes a real member would receive.
	RegistrationCode func(channel, recipient string) string
	// Registrations are the sandbox members without an online account, for
	// the registration form to offer (a password to use included).
	Registrations []DemoRegistration
}

// DemoRegistration is a sandbox member the registration form offers to
// fill in: the form, and a note (a translation key).
type DemoRegistration struct {
	Form service.Registration
	Note string
}

// Params are what the application layer needs from the composition root.
type Params struct {
	DataDir string
	// Keys is the OS keyring; nil means none (no offline cache, no "remember me").
	Keys cache.KeyStore
	// Settings are the member's settings; the server profile and the
	// offline-cache switch are read from them.
	Settings *prefs.Settings
	// ForceDemo runs against the sandbox whatever the settings say (--demo).
	ForceDemo bool
	// Server, when set (cekbpjstk --server ...), is the one server the app
	// talks to whatever the settings say, behind the same guard as every
	// profile: nothing but the TLS handshake reaches it unless its
	// certificate, pins and domain check out. Its cached data is kept apart
	// from every other server's (ProfileName).
	Server *service.Profile
	// StartDemo starts the sandbox; it is called off the UI goroutine.
	StartDemo func(ctx context.Context) (DemoServer, error)
	// Version goes into the User-Agent.
	Version string
	Logger  *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// KDF are the Argon2id parameters of the password wraps; the zero
	// value means cache.DefaultKDF (tests pass cheaper ones).
	KDF cache.KDFParams
}

// App is one window's session. Its methods are safe for concurrent use.
type App struct {
	p   Params
	log *slog.Logger
	now func() time.Time

	cacheReady chan struct{} // closed once OpenCache has tried

	mu              sync.Mutex
	saveMu          sync.Mutex // held while member data is written to the cache (payslip.go), before mu
	epoch           uint64
	checkGen        uint64 // bumps on every server check, so a stale check is dropped
	client          *service.Client
	profile         service.Profile
	demo            *DemoServer
	checkErr        error        // why the last check refused the server
	store           *cache.Cache // nil until open, or when it cannot be
	identifier      string       // the logged-in or offline account
	remembered      string       // identifier remembered in the keyring
	pendingRemember bool         // "remember me" of a login waiting for its 2FA code
	data            *memberdata.Data
	refreshCancel   context.CancelFunc // non-nil while a refresh runs
	refreshDone     chan struct{}      // closed when that refresh returns
	refreshEpoch    uint64             // the epoch that refresh runs in
	reg             *registration      // a registration waiting for its codes

	key        *cache.Key   // the open account's data key; nil when none is open
	prep       *keyPrep     // the key and wrap a password login is preparing
	startup    *startupKey  // the key OpenCache read the remembered account's data with
	guard      *guardedKeys // the current client's token store
	keyringErr error        // why the keyring did not answer at start, nil when it did
	keyCopied  bool         // this session checked the keyring's copy of the key
	attempts   map[int64]*attempts
	lockSaving chan struct{} // closed when the last lock is persisted

	// afterFetch, when set (tests), runs between a refresh's fetch and its
	// commit, so that a test can end the session exactly there.
	afterFetch func()
}

// New builds the application layer; nothing is opened or sent yet.
func New(p Params) *App {
	if p.Logger == nil {
		p.Logger = slog.Default()
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Settings == nil {
		p.Settings = prefs.New(prefs.NewMemoryStore())
	}
	if p.KDF == (cache.KDFParams{}) {
		p.KDF = cache.DefaultKDF
	}
	return &App{p: p, log: p.Logger, now: p.Now, cacheReady: make(chan struct{}), attempts: map[int64]*attempts{}}
}

// Settings are the member's settings.
func (a *App) Settings() *prefs.Settings { return a.p.Settings }

// Epoch is the current session epoch; it changes whenever a session ends.
func (a *App) Epoch() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.epoch
}

// endSession starts a new epoch: work in flight is cancelled and its
// results dropped, and decrypted data leaves memory. Callers hold a.mu.
func (a *App) endSession() {
	a.epoch++
	if a.refreshCancel != nil {
		a.refreshCancel()
	}
	a.data = nil
	a.key = nil
	a.keyCopied = false
	if a.prep != nil {
		a.prep.cancel()
		a.prep = nil
	}
}

// dropClient takes the client out; its token store refuses writes from
// then on, so a call of it still under way cannot write a token back.
// Callers hold a.mu.
func (a *App) dropClient(closeIt bool) *service.Client {
	old := a.client
	a.client = nil
	if a.guard != nil {
		a.guard.close()
		a.guard = nil
	}
	if old != nil && closeIt {
		old.Close()
	}
	return old
}

// Identifier is the logged-in or offline account ("" for none).
func (a *App) Identifier() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.identifier
}

// Remembered is the identifier remembered on this computer ("" for none).
func (a *App) Remembered() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.remembered
}

// Data is a copy of what the dashboard shows, or nil when nothing is open.
func (a *App) Data() *memberdata.Data {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.data == nil {
		return nil
	}
	d := *a.data
	return &d
}

// Refreshing reports whether a refresh is under way.
func (a *App) Refreshing() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.refreshCancel != nil
}

// Demo is the demo server, once started (nil otherwise).
func (a *App) Demo() *DemoServer {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.demo
}

// IsDemo reports whether the app talks to the sandbox.
func (a *App) IsDemo() bool { return a.ProfileName() == prefs.ProfileDemo }

// ProfileName keys the cache: data of the demo never shows for the official server.
func (a *App) ProfileName() string {
	if a.p.Server != nil {
		return ProfileServerPrefix + strings.TrimRight(strings.ToLower(strings.TrimSpace(a.p.Server.BaseURL)), "/")
	}
	if a.p.ForceDemo {
		return prefs.ProfileDemo
	}
	return a.p.Settings.ServerProfile()
}

// Host is the host of the server being checked or used ("…" before one is known).
func (a *App) Host() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return hostOf(a.profile.BaseURL)
}

func hostOf(baseURL string) string {
	if baseURL == "" {
		return "…"
	}
	if u, err := url.Parse(baseURL); err == nil {
		return u.Host
	}
	return baseURL
}

// Online reports whether an online session is open (not offline, not locked).
func (a *App) Online() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.client == nil || a.data == nil || a.data.Offline {
		return false
	}
	_, ok := a.client.Session()
	return ok
}

// CloseIdleConnections closes the client's idle connections (the
// connection pool keeps them otherwise).
func (a *App) CloseIdleConnections() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.client != nil {
		a.client.Close()
	}
}

// Opening is what opening the offline cache found.
type Opening struct {
	Report     cache.OpenReport
	Err        error  // the cache could not be opened
	Remembered string // the remembered identifier, "" if none
	// Cached is the remembered account's last data, when there is some
	// and it is not locked.
	Cached *memberdata.Data
	// Locked: the remembered account was locked; only its password opens it.
	Locked bool
	// KeyringErr is why the keyring did not answer (nil when it did):
	// "remember me" is unavailable; offline data opens with the password.
	KeyringErr error
}

// OpenCache asks the keyring for a remembered account while it opens the
// cache, then reads that account's last data with the keyring's copy of
// its key. onRemembered, if set, hears the remembered identifier ("" for
// none) as soon as it is known, before the cache is open. Call it once, at
// start-up.
func (a *App) OpenCache(ctx context.Context, onRemembered func(string)) Opening {
	keys, profile := a.p.Keys, a.ProfileName()
	began := time.Now()
	// The remembered identifier, its key and the cache are separate
	// round trips: ask for them at once.
	type remembered struct {
		id  string
		key *cache.Key
		err error
	}
	idCh := make(chan remembered, 1)
	go func() {
		var r remembered
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
			if s, err := keys.Get(ctx, keystore.AccountKeyItem(profile, r.id), keystore.PurposeAccountKey); err == nil {
				r.key, _ = cache.ParseKey(s)
			}
		}
		idCh <- r
	}()
	var o Opening
	store, report, err := cache.Open(ctx, cache.Params{Dir: a.p.DataDir, Keys: keys, LegacyProfiles: prefs.ServerProfiles})
	o.Report, o.Err = report, err
	a.mu.Lock()
	a.store = store
	a.mu.Unlock()
	close(a.cacheReady)
	r := <-idCh
	o.Remembered, o.KeyringErr = r.id, r.err
	a.mu.Lock()
	a.remembered = o.Remembered
	a.keyringErr = r.err
	a.mu.Unlock()
	a.log.Debug("cache opened", "took", time.Since(began))
	switch {
	case err != nil:
		a.log.Warn("offline cache unavailable", "err", err)
	case report.DataLost():
		a.log.Warn("offline cache was reset", "quarantined", len(report.Quarantined), "dropped", report.Dropped)
	}
	if r.err != nil {
		a.log.Info("no keyring answered at start", "err", r.err)
	}
	if store == nil || o.Remembered == "" {
		return o
	}
	if report.Migrated > 0 && r.key == nil {
		// Version-1 data of the remembered account: its key becomes the
		// remembered copy (the data opened without a password before).
		r.key = a.promotePending(ctx, profile, o.Remembered)
	}
	o.Locked = a.rememberedLocked(ctx, store, profile, o.Remembered)
	if r.key != nil && !o.Locked {
		if data, err := memberdata.Load(ctx, store, profile, o.Remembered, r.key); err == nil {
			o.Cached = &data
			a.mu.Lock()
			a.startup = &startupKey{identifier: o.Remembered, key: r.key}
			a.mu.Unlock()
		} else if !errors.Is(err, cache.ErrNotFound) {
			a.log.Warn("open offline data", "err", err)
		}
	}
	return o
}

// startupKey is the key OpenCache opened the remembered account's data with.
type startupKey struct {
	identifier string
	key        *cache.Key
}

// Cache returns the cache once OpenCache has tried (nil if it could not
// open it), or nil when ctx ends first.
func (a *App) Cache(ctx context.Context) *cache.Cache {
	select {
	case <-a.cacheReady:
	case <-ctx.Done():
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.store
}

// openStore is the open cache, or nil.
func (a *App) openStore() *cache.Cache {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.store
}

// CacheWaiting reports whether OpenCache has not finished yet.
func (a *App) CacheWaiting() bool {
	select {
	case <-a.cacheReady:
		return false
	default:
		return true
	}
}

// OfflineAccounts lists the accounts with cached data for this server
// profile, masked (none when the cache could not open).
func (a *App) OfflineAccounts(ctx context.Context) ([]cache.AccountSummary, error) {
	store := a.openStore()
	if store == nil {
		return nil, nil
	}
	return store.Accounts(ctx, a.ProfileName())
}

// Check is a verified server.
type Check struct {
	Report service.SecurityReport
	Host   string
	// Demo is the demo server, when the profile is the demo.
	Demo *DemoServer
}

// CheckServer drops the current client (and any session on it), builds one
// for the chosen profile and verifies the server's certificate and domain.
// Nothing else is sent. A check overtaken by a later one returns ErrStale.
// The demo server is started here the first time it is needed, after the
// cache has opened (on a 2-core laptop the cache and a remembered account's
// data come first).
func (a *App) CheckServer(ctx context.Context) (Check, error) {
	a.mu.Lock()
	a.checkGen++
	gen := a.checkGen
	a.checkErr = nil
	a.dropClient(true)
	existingDemo := a.demo
	a.mu.Unlock()

	if existingDemo == nil {
		a.Cache(ctx)
	}
	profile, demo, err := a.resolveProfile(ctx, existingDemo)
	var client *service.Client
	var report service.SecurityReport
	guard := &guardedKeys{inner: a.p.Keys}
	if err == nil {
		client, err = service.New(profile, a.clientOptions(guard)...)
	}
	if err == nil {
		report, err = client.Verify(ctx)
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	if gen != a.checkGen {
		if client != nil {
			client.Close()
		}
		return Check{}, ErrStale
	}
	a.profile = profile
	if demo != nil {
		a.demo = demo
	}
	if err != nil {
		a.log.Warn("server refused", "profile", profile.Name, "err", err)
		a.checkErr = err
		if client != nil {
			client.Close()
		}
		return Check{Host: hostOf(profile.BaseURL), Demo: a.demo}, err
	}
	a.client, a.guard = client, guard
	return Check{Report: report, Host: hostOf(profile.BaseURL), Demo: a.demo}, nil
}

func (a *App) resolveProfile(ctx context.Context, demo *DemoServer) (service.Profile, *DemoServer, error) {
	if a.p.Server != nil {
		return *a.p.Server, nil, nil
	}
	switch name := a.ProfileName(); name {
	case prefs.ProfileDemo:
		if demo != nil {
			return demo.Profile, demo, nil
		}
		if a.p.StartDemo == nil {
			return service.Profile{}, nil, errors.New("no demo server in this build")
		}
		started, err := a.p.StartDemo(ctx)
		if err != nil {
			return service.Profile{}, nil, fmt.Errorf("start demo server: %w", err)
		}
		return started.Profile, &started, nil
	case prefs.ProfileCustom:
		return a.p.Settings.CustomProfile(), nil, nil
	}
	return service.OfficialProfile(), nil, nil
}

func (a *App) clientOptions(guard *guardedKeys) []service.Option {
	opts := []service.Option{
		service.WithLogger(a.log),
		service.WithUserAgent(fmt.Sprintf("Cek BPJSTK/%s (%s)", a.p.Version, runtime.GOOS)),
	}
	if a.p.Keys != nil {
		opts = append(opts, service.WithTokenStore(guard))
	}
	return opts
}

// session returns the client and the epoch a call starts under.
func (a *App) session() (*service.Client, uint64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.client, a.epoch
}

// withClient makes call on the current client (ErrNoServer without one),
// then, under a.mu, hands its error to commit, unless the session ended or
// the client changed meanwhile: then the result is dropped (ErrStale).
func (a *App) withClient(call func(*service.Client) error, commit func(error) error) error {
	client, epoch := a.session()
	if client == nil {
		return ErrNoServer
	}
	err := call(client)
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch || client != a.client {
		return ErrStale
	}
	return commit(err)
}

// Login sends the credentials to the verified server. With a 2FA
// challenge in the result, VerifyMFA finishes the login; otherwise the
// member is logged in: RememberLogin then saves (or drops) the remembered
// identifier, and Refresh loads the data.
func (a *App) Login(ctx context.Context, identifier, password string, remember bool) (service.LoginResult, error) {
	var result service.LoginResult
	err := a.withClient(func(client *service.Client) (err error) {
		result, err = client.Login(ctx, identifier, password, remember)
		return err
	}, func(err error) error {
		if err != nil {
			a.log.Info("login failed", "err", err)
			return err
		}
		a.identifier = identifier
		// The server took the password: prepare the account's key and
		// its wrap meanwhile (one or two Argon2id derivations).
		a.startPrep(identifier, password)
		if result.MFA != nil {
			a.pendingRemember = remember
		} else {
			a.loggedIn(identifier, remember)
		}
		return nil
	})
	if errors.Is(err, ErrStale) || errors.Is(err, ErrNoServer) {
		return service.LoginResult{}, err
	}
	return result, err
}

// VerifyMFA answers the login's 2FA challenge. A spent challenge
// (service.ErrLocked, or ErrUnauthorized that is not wrong credentials)
// means the member must start again with the password.
func (a *App) VerifyMFA(ctx context.Context, code string) error {
	return a.withClient(func(client *service.Client) error {
		return client.VerifyMFA(ctx, code)
	}, func(err error) error {
		if err != nil {
			a.log.Info("2FA failed", "err", err)
			return err
		}
		a.loggedIn(a.identifier, a.pendingRemember)
		return nil
	})
}

// loggedIn records the member. Data of another account leaves memory.
// Callers hold a.mu.
func (a *App) loggedIn(identifier string, remember bool) {
	a.identifier = identifier
	a.pendingRemember = remember
	if remember {
		a.remembered = identifier
	} else if a.remembered == identifier {
		a.remembered = ""
	}
	if a.data != nil && a.data.Identifier != identifier {
		a.data = nil
		a.key = nil
	}
}

// RememberLogin saves the identifier of the last login in the keyring when
// "remember me" was ticked, or drops it. An error means the keyring did
// not answer: the member is not remembered, and everything else works.
func (a *App) RememberLogin(ctx context.Context) error {
	a.mu.Lock()
	identifier, remember := a.identifier, a.pendingRemember
	a.mu.Unlock()
	keys := a.p.Keys
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
		a.log.Warn("remember identifier", "err", err)
	}
	return err
}

// Resume continues the remembered session of identifier with its refresh
// token, while its cached data is on screen. service.ErrUnauthorized means
// the member must log in again.
func (a *App) Resume(ctx context.Context, identifier string) error {
	return a.withClient(func(client *service.Client) error {
		return client.Resume(ctx, identifier)
	}, func(err error) error {
		if err != nil {
			a.log.Info("resume failed", "err", err)
			return err
		}
		a.identifier = identifier
		return nil
	})
}

// RefreshResult is a finished refresh.
type RefreshResult struct {
	Data memberdata.Data
	// SaveErr says why the offline cache was not written (the data is
	// still shown).
	SaveErr error
}

// Refresh fetches everything the dashboard shows and, when the offline
// cache is on, saves it whole. Nothing partial is kept: any failed call
// fails the refresh and the previous data stays. A refresh answered with
// service.ErrUnauthorized locks the session (see Lock). One refresh runs at
// a time (ErrRefreshing); CancelRefresh, Lock, Logout and ChangeProfile
// cancel it, and it then returns ErrStale or the cancellation.
func (a *App) Refresh(ctx context.Context) (RefreshResult, error) {
	return a.RefreshStages(ctx, nil)
}

// Stage is how far a refresh has come, for the screen only: nothing in it
// is cached or kept, and it belongs to the session of Epoch (the UI drops
// it once the epoch has moved on).
type Stage struct {
	Epoch uint64
	// Summary, once, is the new data but the contribution history
	// (Contributions is nil), when it differs from the data shown: the
	// screen may show it, with the history tabs waiting for theirs rather
	// than showing the old.
	Summary *memberdata.Data
	// HistoryYears of HistoryTotal years of contributions are in.
	HistoryYears, HistoryTotal int
}

// RefreshStages is Refresh that tells onStage (if set) how far it has
// come, from the refresh's own goroutines, never after the session ended;
// onStage must not block. The requests are conditional on the data held
// (what did not change costs headers only), and the result is still whole
// or nothing.
func (a *App) RefreshStages(ctx context.Context, onStage func(Stage)) (RefreshResult, error) {
	a.mu.Lock()
	for a.refreshCancel != nil {
		if a.refreshEpoch == a.epoch {
			a.mu.Unlock()
			return RefreshResult{}, ErrRefreshing
		}
		// A refresh of an ended session is cancelled and about to return:
		// the new session's refresh waits for it rather than fail.
		done := a.refreshDone
		a.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return RefreshResult{}, ctx.Err()
		}
		a.mu.Lock()
	}
	client, epoch, identifier, prev := a.client, a.epoch, a.identifier, a.data
	if client == nil {
		a.mu.Unlock()
		return RefreshResult{}, ErrNoServer
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	a.refreshCancel, a.refreshDone, a.refreshEpoch = cancel, done, epoch
	a.mu.Unlock()
	defer func() {
		cancel()
		a.mu.Lock()
		if a.refreshDone == done {
			a.refreshCancel, a.refreshDone = nil, nil
		}
		a.mu.Unlock()
		close(done)
	}()

	progress := func(p memberdata.Progress) {
		if onStage != nil && a.Epoch() == epoch {
			onStage(Stage{Epoch: epoch, Summary: p.Summary, HistoryYears: p.HistoryYears, HistoryTotal: p.HistoryTotal})
		}
	}
	data, err := memberdata.Fetch(ctx, client, identifier, a.now,
		memberdata.WithPrevious(prev), memberdata.WithProgress(progress))
	if a.afterFetch != nil {
		a.afterFetch()
	}
	if a.Epoch() != epoch {
		return RefreshResult{}, ErrStale
	}
	if err != nil {
		a.log.Info("refresh failed", "err", err)
		if errors.Is(err, service.ErrUnauthorized) {
			a.lockIf(epoch)
		}
		return RefreshResult{}, err
	}
	// The member's payslip wages are theirs, not the server's: they carry
	// over to the fresh data (saveMu serialises this save with SetPayslip).
	a.saveMu.Lock()
	defer a.saveMu.Unlock()
	data.Payslip = a.keptPayslip(ctx, identifier)
	var saveErr error
	var key *cache.Key
	if a.p.Settings.OfflineCache() {
		// A quick login can finish before the cache is open: wait for it.
		if store := a.Cache(ctx); store != nil {
			key, saveErr = a.save(ctx, store, epoch, data)
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch {
		return RefreshResult{}, ErrStale
	}
	a.log.Debug("refresh done")
	a.data = &data
	if key != nil {
		a.key = key
	}
	if saveErr != nil {
		a.log.Warn("offline cache not written", "err", saveErr)
	}
	return RefreshResult{Data: data, SaveErr: saveErr}, nil
}

// CancelRefresh abandons the running refresh, if any.
func (a *App) CancelRefresh() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.refreshCancel != nil {
		a.refreshCancel()
	}
}

// UseCached makes cached data read by OpenCache the open account's,
// unless the session changed since epoch.
func (a *App) UseCached(epoch uint64, data memberdata.Data) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch {
		return false
	}
	a.identifier = data.Identifier
	a.data = &data
	if a.startup != nil && a.startup.identifier == data.Identifier {
		a.key = a.startup.key
	}
	a.startup = nil
	return true
}

// ShouldResume reports whether the open offline data is the remembered
// account's and a verified server is connected, so its session can go on.
func (a *App) ShouldResume() (identifier string, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.client == nil || a.data == nil || !a.data.Offline || a.remembered == "" || a.data.Identifier != a.remembered || a.p.Keys == nil {
		return "", false
	}
	return a.remembered, true
}

// Lock ends the session on this computer: work in flight is cancelled,
// decrypted data and the account key leave memory, and the client and its
// tokens go. The lock is persisted in the background (WaitLockSaved): it
// holds across a restart until the password is typed, online or offline
// (the keyring's copy of the key goes, the refresh token is set aside under
// the account key). It returns the identifier, for the login form. Call
// CheckServer next for a fresh client.
func (a *App) Lock() (identifier string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.lockLocked()
	return a.identifier
}

// lockLocked locks; callers hold a.mu.
func (a *App) lockLocked() {
	job := lockJob{profile: a.ProfileName(), identifier: a.identifier, key: a.key, store: a.store}
	a.endSession()
	a.dropClient(true)
	if job.identifier != "" {
		a.persistLock(job)
	}
}

// lockIf locks when the session is still that of epoch.
func (a *App) lockIf(epoch uint64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch {
		return
	}
	a.lockLocked()
}

// GoOnline leaves the offline view for the login form: the data leaves
// memory and the identifier stays.
func (a *App) GoOnline() (identifier string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.endSession()
	return a.identifier
}

// Logout ends the session here at once, as Lock does, and returns the
// call that tells the server (it revokes the session and drops the
// remembered token; nil when there was no client). The client is taken out
// first, so CheckServer may build the next one while the logout is on its
// way and a quick new login is never mixed up with it.
func (a *App) Logout() (tellServer func(ctx context.Context) error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	identifier, profile := a.identifier, a.ProfileName()
	a.endSession()
	old := a.dropClient(false)
	if old == nil {
		return nil
	}
	return func(ctx context.Context) error {
		defer old.Close()
		err := old.Logout(ctx)
		if err != nil {
			a.log.Info("logout could not reach the server", "err", err)
		}
		// A next start must not open the data without the password.
		if keys := a.p.Keys; keys != nil && identifier != "" {
			_ = ignoreNotFound(keys.Delete(ctx, keystore.AccountKeyItem(profile, identifier), keystore.PurposeAccountKey))
		}
		return err
	}
}

func ignoreNotFound(err error) error {
	if errors.Is(err, cache.ErrNotFound) || errors.Is(err, keystore.ErrNotFound) {
		return nil
	}
	return err
}

// Logins is the member's login history, while an online session is open.
func (a *App) Logins(ctx context.Context) ([]service.Login, error) {
	if !a.Online() {
		return nil, ErrNoSession
	}
	client, epoch := a.session()
	if client == nil {
		return nil, ErrNoSession
	}
	logins, err := client.Logins(ctx)
	if a.Epoch() != epoch {
		return nil, ErrStale
	}
	if err != nil {
		a.log.Info("login history", "err", err)
	}
	return logins, err
}

// ChangeProfile ends the session after the server profile setting
// changed; call CheckServer next to connect to the new server.
func (a *App) ChangeProfile() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.endSession()
}

// Close ends everything at exit: the refresh, the client and the cache.
// It may be called again, from any goroutine.
func (a *App) Close() {
	a.mu.Lock()
	saving := a.lockSaving
	a.mu.Unlock()
	if saving != nil { // a lock just before quitting must hold
		select {
		case <-saving:
		case <-time.After(2 * KeyringTimeout):
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.endSession()
	a.dropClient(true)
	if a.store != nil {
		_ = a.store.Close()
		a.store = nil
	}
}
