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
//
// # Owners
//
// App is a thin facade over small owners, each with its own file, lock and
// tests:
//
//   - cacheFile (cachefile.go): the offline cache file, open or not.
//   - session (session.go; its server check in server.go, its client's
//     token store in tokens.go): the verified client, login with 2FA,
//     resume, the open account's data, and the epoch.
//   - refresher (refresh.go): the one refresh at a time, its cancellation.
//   - keyCustody (keys.go, keylock.go, remembered.go): every account data
//     key — prepared at login, chosen for a save (keyFor: the one place
//     that decides), the keyring's copy, pending keys of a migration, the
//     remembered login, and the key work of a lock, an unlock and a forget.
//   - offlineUnlock (unlock.go): opening cached data with the keyring's
//     copy or the password, with its throttle of wrong passwords.
//   - registrar (register.go): a registration waiting for its codes.
//
// forget.go (forget one account, clear all, delete the offline data) and
// payslip.go are the facade's own: they order the owners' parts.
//
// No owner's lock is held while another owner is called, so no two of
// them ever nest. Epoch-bound state (the open key, a prepared key, a
// refresh, a registration) is tagged with its epoch: an owner sets it only
// after checking, under its own lock, that the epoch is current, and a
// session ends by bumping the epoch first (session.mu) and then letting
// every owner drop what belongs to the ended epoch (App.ended), each under
// its own lock. Whichever comes first, nothing of an ended session stays.
// The one lock held across owners' calls is App.writes, which serialises
// the writes of member data (a refresh's save, SetPayslip); it is always
// taken first, never while an owner's lock is held.
//
// # An account with no server
//
// A future local book — a member's data read from their own documents,
// protected by the same password-wrapped key — plugs in beside
// offlineUnlock, not into the session: it gets its key from keyCustody
// (the password wrap, the keyring's copy for a remembered book), makes its
// data the open account's through an opener (session.openData, which
// never touches the client), and is locked (App.Lock: the epoch bump and
// keyCustody.lock) and forgotten (PrepareForget) the same way as a cached
// account. Neither keyCustody nor offlineUnlock holds a client.
package app

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
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

// profileName keys the cache: data of the demo never shows for the
// official server (App.ProfileName).
func (p *Params) profileName() string {
	if p.Server != nil {
		return ProfileServerPrefix + strings.TrimRight(strings.ToLower(strings.TrimSpace(p.Server.BaseURL)), "/")
	}
	if p.ForceDemo {
		return prefs.ProfileDemo
	}
	return p.Settings.ServerProfile()
}

// App is one window's session: the facade the UI calls, composing the
// owners (see the package comment). Its methods are safe for concurrent use.
type App struct {
	p       *Params
	cache   *cacheFile
	session *session
	refresh *refresher
	keys    *keyCustody
	unlock  *offlineUnlock
	reg     *registrar
	book    *bookKeeper
	// writes serialises the writes of member data to the cache (a
	// refresh's save, SetPayslip). Taken first, never under an owner's lock.
	writes sync.Mutex
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
	a := &App{p: &p, cache: newCacheFile()}
	a.session = newSession(a.p, a.cache)
	a.keys = newKeyCustody(a.p, a.cache, a.session.Epoch)
	a.unlock = newOfflineUnlock(a.p, a.cache, a.keys, a.session)
	a.reg = &registrar{p: a.p, session: a.session}
	a.book = newBookKeeper(a.p, a.cache, a.keys, a.session, &a.writes)
	a.unlock.derive = a.book.current
	a.refresh = &refresher{p: a.p, session: a.session, keys: a.keys, cache: a.cache, writes: &a.writes, lock: a.lockIf}
	return a
}

// Settings are the member's settings.
func (a *App) Settings() *prefs.Settings { return a.p.Settings }

// Epoch is the current session epoch; it changes whenever a session ends.
func (a *App) Epoch() uint64 { return a.session.Epoch() }

// ended finishes the end of a session once the session owner has bumped
// the epoch past ended: the refresh of that session is cancelled and its
// keys leave memory. It returns the done channel of the refresh it
// cancelled (nil if none ran).
func (a *App) ended(ended uint64) (refreshDone chan struct{}) {
	done := a.refresh.cancelUpTo(ended)
	a.keys.endSession(ended)
	return done
}

// Identifier is the logged-in or offline account ("" for none).
func (a *App) Identifier() string { return a.session.openIdentifier() }

// Remembered is the identifier remembered on this computer ("" for none).
func (a *App) Remembered() string { return a.keys.rememberedID() }

// Data is a copy of what the dashboard shows, or nil when nothing is open.
func (a *App) Data() *memberdata.Data { return a.session.dataCopy() }

// Refreshing reports whether a refresh is under way.
func (a *App) Refreshing() bool { return a.refresh.running() }

// Demo is the demo server, once started (nil otherwise).
func (a *App) Demo() *DemoServer { return a.session.demoServer() }

// IsDemo reports whether the app talks to the sandbox.
func (a *App) IsDemo() bool { return a.ProfileName() == prefs.ProfileDemo }

// ProfileName keys the cache: data of the demo never shows for the official server.
func (a *App) ProfileName() string { return a.p.profileName() }

// Host is the host of the server being checked or used ("…" before one is known).
func (a *App) Host() string { return a.session.host() }

// Online reports whether an online session is open (not offline, not locked).
func (a *App) Online() bool { return a.session.online() }

// CloseIdleConnections closes the client's idle connections (the
// connection pool keeps them otherwise).
func (a *App) CloseIdleConnections() { a.session.closeIdle() }

// Cache returns the cache once OpenCache has tried (nil if it could not
// open it), or nil when ctx ends first.
func (a *App) Cache(ctx context.Context) *cache.Cache { return a.cache.wait(ctx) }

// openStore is the open cache, or nil.
func (a *App) openStore() *cache.Cache { return a.cache.current() }

// CacheWaiting reports whether OpenCache has not finished yet.
func (a *App) CacheWaiting() bool { return a.cache.waiting() }

// OfflineAccounts lists the accounts with cached data for this server
// profile, masked (none when the cache could not open).
func (a *App) OfflineAccounts(ctx context.Context) ([]cache.AccountSummary, error) {
	// A lock being written shows in the list once it is written: listed
	// before, a locked book read "Buka catatan saya" instead of
	// "Terkunci" (TestBook_LockedBookOpensWithItsPassword, 1 run in 3).
	if err := a.WaitLockSaved(ctx); err != nil {
		return nil, err
	}
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
func (a *App) CheckServer(ctx context.Context) (Check, error) { return a.session.checkServer(ctx) }

// Login sends the credentials to the verified server. With a 2FA
// challenge in the result, VerifyMFA finishes the login; otherwise the
// member is logged in: RememberLogin then saves (or drops) the remembered
// identifier, and Refresh loads the data.
func (a *App) Login(ctx context.Context, identifier, password string, remember bool) (service.LoginResult, error) {
	var prep *keyPrep
	result, epoch, err := a.session.login(ctx, identifier, password, remember, func(epoch uint64) {
		// The server took the password: prepare the account's key and
		// its wrap meanwhile (one or two Argon2id derivations).
		prep = a.keys.prepare(epoch, identifier, password)
	})
	if err != nil {
		a.keys.dropPrep(prep) // the session moved on: nobody saves with it
		if errors.Is(err, ErrStale) || errors.Is(err, ErrNoServer) {
			return service.LoginResult{}, err
		}
		return result, err
	}
	if result.MFA == nil {
		a.keys.loggedIn(epoch, identifier, remember)
	}
	return result, nil
}

// VerifyMFA answers the login's 2FA challenge. A spent challenge
// (service.ErrLocked, or ErrUnauthorized that is not wrong credentials)
// means the member must start again with the password.
func (a *App) VerifyMFA(ctx context.Context, code string) error {
	epoch, identifier, remember, err := a.session.verifyMFA(ctx, code)
	if err == nil {
		a.keys.loggedIn(epoch, identifier, remember)
	}
	return err
}

// RememberLogin saves the identifier of the last login in the keyring when
// "remember me" was ticked, or drops it. An error means the keyring did
// not answer: the member is not remembered, and everything else works.
func (a *App) RememberLogin(ctx context.Context) error {
	identifier, remember := a.session.rememberChoice()
	return a.keys.rememberLogin(ctx, identifier, remember)
}

// Resume continues the remembered session of identifier with its refresh
// token, while its cached data is on screen. service.ErrUnauthorized means
// the member must log in again.
func (a *App) Resume(ctx context.Context, identifier string) error {
	return a.session.resume(ctx, identifier)
}

// UseCached makes cached data read by OpenCache the open account's,
// unless the session changed since epoch.
func (a *App) UseCached(epoch uint64, data memberdata.Data) bool {
	if a.Epoch() != epoch {
		return false
	}
	if key := a.keys.takeStartup(data.Identifier); key != nil {
		a.keys.setOpen(epoch, data.Identifier, key)
	}
	return a.session.openData(epoch, data)
}

// ShouldResume reports whether the open offline data is the remembered
// account's and a verified server is connected, so its session can go on.
func (a *App) ShouldResume() (identifier string, ok bool) {
	id, ok := a.session.shouldResume(a.keys.rememberedID(), a.p.Keys != nil)
	if book.IsBook(id) {
		return "", false // a book has no server to resume with
	}
	return id, ok
}

// Lock ends the session on this computer: work in flight is cancelled,
// decrypted data and the account key leave memory, and the client and its
// tokens go. The lock is persisted in the background (WaitLockSaved): it
// holds across a restart until the password is typed, online or offline
// (the keyring's copy of the key goes, the refresh token is set aside under
// the account key). It returns the identifier, for the login form. Call
// CheckServer next for a fresh client.
func (a *App) Lock() (identifier string) {
	ended, identifier := a.session.lock()
	a.locked(ended, identifier)
	return identifier
}

// lockIf locks when the session is still that of epoch.
func (a *App) lockIf(epoch uint64) {
	if ended, identifier, ok := a.session.lockIf(epoch); ok {
		a.locked(ended, identifier)
	}
}

// locked finishes a lock the session owner has made.
func (a *App) locked(ended uint64, identifier string) {
	a.refresh.cancelUpTo(ended)
	a.keys.lock(ended, a.ProfileName(), identifier, a.cache.current())
}

// GoOnline leaves the offline view for the login form: the data leaves
// memory and the identifier stays.
func (a *App) GoOnline() (identifier string) {
	ended, identifier := a.session.goOnline()
	a.ended(ended)
	return identifier
}

// Logout ends the session here at once, as Lock does, and returns the
// call that tells the server (it revokes the session and drops the
// remembered token; nil when there was no client). The client is taken out
// first, so CheckServer may build the next one while the logout is on its
// way and a quick new login is never mixed up with it.
func (a *App) Logout() (tellServer func(ctx context.Context) error) {
	profile := a.ProfileName()
	ended, identifier, old := a.session.logout()
	a.ended(ended)
	if old == nil {
		return nil
	}
	return func(ctx context.Context) error {
		defer old.Close()
		err := old.Logout(ctx)
		if err != nil {
			a.p.Logger.Info("logout could not reach the server", "err", err)
		}
		// A next start must not open the data without the password.
		if identifier != "" {
			a.keys.dropCopy(ctx, profile, identifier)
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
func (a *App) Logins(ctx context.Context) ([]service.Login, error) { return a.session.logins(ctx) }

// ChangeProfile ends the session after the server profile setting
// changed; call CheckServer next to connect to the new server.
func (a *App) ChangeProfile() { a.ended(a.session.end()) }

// Close ends everything at exit: the refresh, the client and the cache.
// It may be called again, from any goroutine.
func (a *App) Close() {
	// A lock just before quitting must hold.
	ctx, cancel := context.WithTimeout(context.Background(), 2*KeyringTimeout)
	_ = a.keys.waitLockSaved(ctx)
	cancel()
	a.ended(a.session.close())
	a.cache.close()
}
