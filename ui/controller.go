package ui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Keyring items the UI keeps besides the service's refresh tokens.
const (
	keyAccountInstallation = "installation"
	keyPurposeRemembered   = "remembered-identifier"
)

// Timeouts for one user action; the service has its own per-call timeouts.
const (
	actionTimeout  = 30 * time.Second
	refreshTimeout = 2 * time.Minute
	keyringTimeout = 5 * time.Second
)

// DemoServer is the in-process sandbox that --demo (or the demo profile) runs.
type DemoServer struct {
	Profile  service.Profile
	Accounts []DemoAccount
	// TOTPCode returns the current code for a demo member with 2FA.
	TOTPCode func() string
}

// Params are what the UI needs from the composition root.
type Params struct {
	App     fyne.App
	Version string
	DataDir string
	// Language, when set (--lang), is saved as the setting; empty keeps the saved one.
	Language string
	// Keys is the OS keyring; nil means none (no offline cache, no "remember me").
	Keys cache.KeyStore
	// ForceDemo runs against the sandbox whatever the settings say (--demo).
	ForceDemo bool
	// StartDemo starts the sandbox; it is called off the UI goroutine, once.
	StartDemo func(ctx context.Context) (DemoServer, error)
	Logger    *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// WindowUp, when set, is called on the UI goroutine once the window
	// has opened and the event loop runs (NewMainWindow only).
	WindowUp func()
	// Do runs a function on the UI goroutine; nil means fyne.Do. Tests
	// pass a queue they drain themselves, so that background results are
	// applied on the test's goroutine (Fyne's test driver runs fyne.Do
	// inline, on whichever goroutine calls it).
	Do func(func())
}

// screen is what the window shows.
type screen int

const (
	screenLogin screen = iota
	screenMFA
	screenRegister
	screenLoading
	screenDashboard
	screenSettings
)

// controller owns the window and moves between views. Its fields are only
// touched on the UI goroutine; background work gets copies and reports back
// through fyne.Do.
type controller struct {
	p        Params
	win      fyne.Window
	settings *Settings
	log      *slog.Logger
	now      func() time.Time
	do       func(func())

	login        *LoginView
	mfa          *MFAView
	register     *RegisterView
	dash         *Dashboard
	settingsView *SettingsView
	loginLog     *loginLogSection
	loading      *loadingView

	current         screen
	returnTo        screen // where Settings goes back to
	pendingRemember bool   // "remember me" of a login waiting for its 2FA code
	windowOpen      bool   // the window exists, so its title may change
	client          *service.Client
	profile         service.Profile
	demo            *DemoServer
	verifyResult    any          // service.SecurityReport or error, re-applied after a rebuild
	cache           *cache.Cache // nil until open, or when it cannot be
	cacheReady      *cacheFuture
	data            *MemberData // what the dashboard shows; nil when locked
	identifier      string      // the logged-in or offline account
	remembered      string      // identifier remembered in the keyring
	refresh         context.CancelFunc
	idle            *idleTimer
	generation      int // bumps on every server check, so stale results are dropped
}

// NewMainWindow builds the app's one window and starts checking the server.
//
// The window opens titled "Cek BPJSTK" and says "Demo" once it is up: X11
// window managers take the window class from the title at creation, and the
// .desktop entry's StartupWMClass must match it for the dock icon.
//
// The server check (and the demo server) start once the window is up, so
// that they do not compete with opening it on a 2-core machine.
func NewMainWindow(p Params) fyne.Window {
	c := buildController(p, true)
	p.App.Lifecycle().SetOnStarted(func() {
		c.windowOpen = true
		c.updateTitle()
		c.checkServer()
		if p.WindowUp != nil {
			p.WindowUp()
		}
	})
	return c.win
}

// newController builds the controller and checks the server at once.
func newController(p Params) *controller {
	c := buildController(p, false)
	c.checkServer()
	return c
}

// buildController builds the window's first screen: the login view, or the
// remembered account's cached dashboard when it is read in time. With
// withFontPreload, the text fonts load on another goroutine meanwhile.
func buildController(p Params, withFontPreload bool) *controller {
	if p.Logger == nil {
		p.Logger = slog.Default()
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Do == nil {
		p.Do = fyne.Do
	}
	p.App.SetIcon(appIcon)
	c := &controller{
		do:         p.Do,
		cacheReady: newCacheFuture(),
		p:          p,
		settings:   NewSettings(p.App.Preferences()),
		log:        p.Logger,
		now:        p.Now,
	}
	if p.Language != "" {
		if err := c.settings.SetLanguage(p.Language); err != nil {
			c.log.Warn("language flag", "err", err)
		}
	}
	if err := SetLanguage(c.settings.Language()); err != nil {
		c.log.Warn("saved language", "err", err)
	}
	remembered, opened := c.openCache()
	ApplyTheme(p.App, c.settings.Theme())
	var fontsLoaded <-chan struct{}
	if withFontPreload {
		fontsLoaded = preloadFonts() // after ApplyTheme: it reads the theme
	}
	c.win = p.App.NewWindow(lang.L("Cek BPJSTK"))
	c.win.SetIcon(appIcon)
	c.win.Resize(MinWindowSize)
	c.win.CenterOnScreen()
	c.idle = newIdleTimer(c.settings.IdleLock(), func() { c.do(c.autoLock) })
	c.win.SetOnClosed(c.shutdown)
	c.buildViews()
	waitBegan := time.Now()
	o, ok := awaitRemembered(remembered, opened, startupWait, func() {
		awaitFonts(fontsLoaded)
		c.dashView()
	})
	awaitFonts(fontsLoaded)
	c.log.Debug("first screen", "cached", ok, "waited", time.Since(waitBegan).Round(time.Millisecond))
	if ok {
		c.cacheOpened(o)
	} else {
		go func() {
			o := <-opened
			c.do(func() { c.cacheOpened(o) })
		}()
	}
	if c.current != screenDashboard {
		c.show(screenLogin)
	}
	return c
}

// buildViews drops every view, e.g. after a language switch; each is built
// again when it is next needed.
func (c *controller) buildViews() {
	if c.login != nil {
		c.login.Stop()
	}
	// Views are built when first shown: start-up builds only what the first
	// frame needs (a remembered account's start never builds the login view
	// before its dashboard is on screen).
	c.login, c.mfa, c.register, c.dash, c.settingsView, c.loading = nil, nil, nil, nil, nil, nil
}

// loginView builds the login view on first use, with the controller's
// state (server check, identifier, demo accounts, offline accounts) in it.
func (c *controller) loginView() *LoginView {
	if c.login != nil {
		return c.login
	}
	l := NewLoginView()
	l.do = c.do
	l.OnSubmit = c.submitLogin
	l.OnRegister = func() { c.show(screenRegister) }
	l.OnSMS = func() { ShowSMSHelper(c.win, SMSRegistration{}) }
	l.OnOffline = c.openOffline
	l.OnSettings = func() { c.openSettings(screenLogin) }
	l.OnRetry = c.checkServer
	c.login = l
	switch r := c.verifyResult.(type) {
	case service.SecurityReport:
		l.SetVerified(r)
	case error:
		l.SetRefused(c.hostOf(), r)
	default:
		l.SetChecking(c.hostOf())
	}
	if c.identifier != "" {
		l.SetIdentifier(c.identifier, c.remembered == c.identifier)
	} else if c.remembered != "" {
		l.SetIdentifier(c.remembered, true)
	}
	if c.demo != nil {
		l.SetDemoAccounts(c.demo.Accounts)
	}
	c.refreshOfflineAccounts()
	return l
}

// mfaView, registerView, dashView, settingsPage and loadingPage build their
// view on first use.
func (c *controller) mfaView() *MFAView {
	if c.mfa == nil {
		c.mfa = NewMFAView()
		c.mfa.OnSubmit = c.submitMFA
		c.mfa.OnCancel = func() { c.show(screenLogin) }
		if c.demo != nil {
			c.mfa.DemoCode = c.demo.TOTPCode
		}
	}
	return c.mfa
}

func (c *controller) registerView() *RegisterView {
	if c.register == nil {
		go validate.PrepareStrength()
		c.register = NewRegisterView(c.win)
		c.register.OnSubmit = c.submitRegistration
		c.register.OnBack = func() { c.show(screenLogin) }
	}
	return c.register
}

func (c *controller) dashView() *Dashboard {
	if c.dash == nil {
		c.dash = NewDashboard(c.win)
		// From another goroutine, so that they are queued even before the
		// event loop runs (fyne.Do on the main goroutine then runs inline,
		// and the start-up dashboard would fill every tab before its first
		// frame); one goroutine keeps them in order.
		c.dash.later = func(fs []func()) {
			go func() {
				for _, f := range fs {
					c.do(f)
				}
			}()
		}
		// Once a refresh (or the cached start-up data) is on every tab, the
		// garbage of decoding, shaping and laying it out is returned to the
		// OS rather than kept as idle heap: the app mostly sits showing a
		// dashboard.
		c.dash.OnFilled = func() { go debug.FreeOSMemory() }
		c.dash.OnRefresh = c.startRefresh
		c.dash.OnCancelRefresh = c.cancelRefresh
		c.dash.OnLock = c.lock
		c.dash.OnLogout = c.logout
		c.dash.OnSettings = func() { c.openSettings(screenDashboard) }
		c.dash.OnForget = c.confirmForget
		c.dash.OnGoOnline = c.goOnline
		if c.data != nil {
			c.dash.SetData(*c.data)
		}
	}
	return c.dash
}

func (c *controller) settingsPage() *SettingsView {
	if c.settingsView == nil {
		c.settingsView = NewSettingsView(c.win, c.settings)
		c.settingsView.OnBack = func() { c.show(c.returnTo) }
		c.settingsView.OnLanguageChanged = c.changeLanguage
		c.settingsView.OnThemeChanged = func(m ThemeMode) { ApplyTheme(c.p.App, m) }
		c.settingsView.OnProfileChanged = c.changeProfile
		c.settingsView.OnIdleLockChanged = c.idle.SetTimeout
		c.settingsView.OnOfflineCacheChanged = func(bool) {}
		c.settingsView.OnClearData = c.clearAllData
		c.loginLog = newLoginLogSection()
		c.settingsView.AddSection(lang.L("logins.title"), c.loginLog.content)
	}
	return c.settingsView
}

func (c *controller) loadingPage() *loadingView {
	if c.loading == nil {
		c.loading = newLoadingView()
		c.loading.OnBack = func() { c.show(screenLogin) }
	}
	return c.loading
}

func (c *controller) show(s screen) {
	if s != screenSettings {
		c.current = s
	}
	var content fyne.CanvasObject
	switch s {
	case screenLogin:
		content = c.loginView().Content()
		c.idle.Stop()
		defer c.login.FocusFirst()
	case screenMFA:
		content = c.mfaView().Content()
	case screenRegister:
		content = c.registerView().Content()
	case screenLoading:
		content = c.loadingPage().Content()
	case screenDashboard:
		content = c.dashView().Content()
		c.idle.Reset()
	case screenSettings:
		c.settingsPage().Refresh()
		content = c.settingsPage().Content()
	}
	c.win.SetContent(newActivityCatcher(content, c.idle.Reset))
	c.updateTitle()
	// make bench times start-up by this line; it names no member data.
	c.log.Debug("screen shown", "screen", screenNames[s], "offline", s == screenDashboard && c.data != nil && c.data.Offline)
}

var screenNames = map[screen]string{
	screenLogin: "login", screenMFA: "mfa", screenRegister: "register",
	screenLoading: "loading", screenDashboard: "dashboard", screenSettings: "settings",
}

func (c *controller) updateTitle() {
	if !c.windowOpen {
		return // see NewMainWindow: the first title names the window class
	}
	if c.isDemo() {
		c.win.SetTitle(lang.L("Cek BPJSTK — Demo"))
	} else {
		c.win.SetTitle(lang.L("Cek BPJSTK"))
	}
}

func (c *controller) isDemo() bool {
	return c.p.ForceDemo || c.settings.ServerProfile() == ProfileDemo
}

func (c *controller) hostOf() string {
	if c.profile.BaseURL == "" {
		return "…"
	}
	if u, err := url.Parse(c.profile.BaseURL); err == nil {
		return u.Host
	}
	return c.profile.BaseURL
}

// loadMemberData reads and decodes an account's cached snapshot.
func loadMemberData(ctx context.Context, store *cache.Cache, profile, account string) (MemberData, error) {
	snap, err := store.Load(ctx, profile, account)
	if err != nil {
		return MemberData{}, err
	}
	return memberDataFrom(account, snap)
}

func (c *controller) cacheOpened(o cacheOpening) {
	switch report := o.report; {
	case o.err != nil:
		c.log.Warn("offline cache unavailable", "err", o.err)
	case report.Disabled != nil:
		c.log.Info("offline cache off", "reason", report.Disabled)
		if l := c.loginView(); !l.message.Visible() {
			l.showInfo(describeError(cache.ErrNoKeyring))
		}
	case report.DataLost():
		c.log.Warn("offline cache was reset", "quarantined", len(report.Quarantined), "dropped", report.Dropped)
		showDialog(dialog.NewInformation(lang.L("Offline data was reset"),
			lang.L("The saved offline data was damaged and has been set aside. It will come back with the next refresh."), c.win), c.win)
	}
	c.cache = o.store
	c.remembered = o.remembered
	// An unbuilt login view takes the remembered account when it is built.
	if c.login != nil && o.remembered != "" && c.login.identifier.Text == "" {
		c.login.SetIdentifier(o.remembered, true)
	}
	c.refreshOfflineAccounts()
	if o.cached != nil && c.current == screenLogin && c.data == nil {
		c.showOffline(*o.cached, true)
	}
}

// resolveProfile picks the server profile off the UI goroutine; the demo
// server is started here the first time it is needed.
func (c *controller) resolveProfile(ctx context.Context, name string, demo *DemoServer) (service.Profile, *DemoServer, error) {
	switch {
	case c.p.ForceDemo || name == ProfileDemo:
		if demo != nil {
			return demo.Profile, demo, nil
		}
		if c.p.StartDemo == nil {
			return service.Profile{}, nil, errors.New("no demo server in this build")
		}
		started, err := c.p.StartDemo(ctx)
		if err != nil {
			return service.Profile{}, nil, fmt.Errorf("start demo server: %w", err)
		}
		return started.Profile, &started, nil
	case name == ProfileCustom:
		return c.settings.CustomProfile(), nil, nil
	}
	return service.OfficialProfile(), nil, nil
}

// checkServer builds a client for the chosen profile and verifies the
// server's certificate and domain. Nothing else is sent.
func (c *controller) checkServer() {
	c.generation++
	gen := c.generation
	c.verifyResult = nil
	if c.client != nil {
		c.client.Close()
		c.client = nil
	}
	if c.login != nil { // an unbuilt login view reads verifyResult when built
		c.login.SetChecking(c.hostOf())
	}
	profileName := c.settings.ServerProfile()
	existingDemo := c.demo
	ready := c.cacheReady
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		if existingDemo == nil {
			// Starting the demo server is heavy; let the cache (and a
			// remembered account's data) come first, on a 2-core laptop.
			ready.wait(ctx)
		}
		profile, demo, err := c.resolveProfile(ctx, profileName, existingDemo)
		var client *service.Client
		var report service.SecurityReport
		if err == nil {
			client, err = service.New(profile, c.clientOptions()...)
		}
		if err == nil {
			report, err = client.Verify(ctx)
		}
		c.do(func() {
			if gen != c.generation {
				if client != nil {
					client.Close()
				}
				return
			}
			c.profile = profile
			if demo != nil {
				c.demo = demo
				if c.login != nil {
					c.login.SetDemoAccounts(demo.Accounts)
				}
				if c.mfa != nil {
					c.mfa.DemoCode = demo.TOTPCode
				}
			}
			c.updateTitle()
			if err != nil {
				c.log.Warn("server refused", "profile", profile.Name, "err", err)
				c.verifyResult = err
				if c.login != nil {
					c.login.SetRefused(c.hostOf(), err)
				}
				if client != nil {
					client.Close()
				}
				return
			}
			c.client = client
			c.verifyResult = report
			if c.login != nil {
				c.login.SetVerified(report)
			}
			c.refreshOfflineAccounts()
			if c.current == screenDashboard && c.data != nil && c.data.Offline && c.data.Identifier == c.remembered {
				c.resume(c.remembered)
			}
		})
	}()
}

func (c *controller) clientOptions() []service.Option {
	opts := []service.Option{
		service.WithLogger(c.log),
		service.WithUserAgent(fmt.Sprintf("Cek BPJSTK/%s (%s)", c.p.Version, runtime.GOOS)),
	}
	if c.p.Keys != nil {
		opts = append(opts, service.WithTokenStore(c.p.Keys))
	}
	return opts
}

func (c *controller) refreshOfflineAccounts() {
	if c.login == nil {
		return // loginView lists them when it is built
	}
	store := c.cache
	if store == nil || store.Disabled() != nil {
		c.login.SetOfflineAccounts(nil)
		return
	}
	profile := c.profileName()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), keyringTimeout)
		defer cancel()
		accounts, err := store.Accounts(ctx, profile)
		if err != nil {
			c.log.Warn("list offline accounts", "err", err)
		}
		c.do(func() {
			if c.login != nil {
				c.login.SetOfflineAccounts(accounts)
			}
		})
	}()
}

// profileName keys the cache: data of the demo never shows for the official server.
func (c *controller) profileName() string {
	if c.p.ForceDemo {
		return ProfileDemo
	}
	return c.settings.ServerProfile()
}

func (c *controller) submitLogin(identifier, password string, remember bool) {
	client := c.client
	if client == nil {
		return
	}
	c.loginView().SetBusy(true)
	c.loginView().ClearPassword()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		result, err := client.Login(ctx, identifier, password, remember)
		c.do(func() {
			c.loginView().SetBusy(false)
			if err != nil {
				c.log.Info("login failed", "err", err)
				c.loginView().ShowError(err)
				return
			}
			c.identifier = identifier
			if result.MFA != nil {
				c.pendingRemember = remember
				c.mfaView().Reset(result.MFA.AttemptsRemaining)
				c.show(screenMFA)
				return
			}
			c.loggedIn(identifier, remember)
		})
	}()
}

func (c *controller) submitMFA(code string) {
	client := c.client
	if client == nil {
		return
	}
	c.mfaView().SetBusy(true)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		err := client.VerifyMFA(ctx, code)
		c.do(func() {
			c.mfaView().SetBusy(false)
			if err != nil {
				c.log.Info("2FA failed", "err", err)
				var creds *service.CredentialsError
				if errors.As(err, &creds) {
					c.mfaView().SetAttempts(creds.AttemptsRemaining)
				}
				if errors.Is(err, service.ErrLocked) || (errors.Is(err, service.ErrUnauthorized) && !errors.Is(err, service.ErrInvalidCredentials)) {
					// The challenge is spent: back to the password.
					c.show(screenLogin)
					c.loginView().ShowError(err)
					return
				}
				c.mfaView().ShowError(err)
				return
			}
			c.mfaView().code.SetText("") // the code is spent; don't keep it on screen
			c.loggedIn(c.identifier, c.pendingRemember)
		})
	}()
}

// loggedIn remembers (or forgets) the identifier and loads the dashboard.
func (c *controller) loggedIn(identifier string, remember bool) {
	c.identifier = identifier
	keys := c.p.Keys
	if keys != nil {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), keyringTimeout)
			defer cancel()
			var err error
			if remember {
				err = keys.Set(ctx, keyAccountInstallation, keyPurposeRemembered, identifier)
			} else {
				err = keys.Delete(ctx, keyAccountInstallation, keyPurposeRemembered)
				if errors.Is(err, keystore.ErrNotFound) {
					err = nil
				}
			}
			if err != nil {
				c.log.Warn("remember identifier", "err", err)
				c.do(func() {
					if c.current == screenDashboard && remember {
						c.dashView().SetNotice(lang.L("This computer's keyring did not answer, so you will not be remembered here. Everything else works."), true)
					}
				})
			}
		}()
	}
	if remember {
		c.remembered = identifier
	} else if c.remembered == identifier {
		c.remembered = ""
	}
	if c.data != nil && c.data.Identifier == identifier {
		c.show(screenDashboard)
	} else {
		c.data = nil
		c.loadingPage().SetLoading()
		c.show(screenLoading)
	}
	c.startRefresh()
}

// resume continues a remembered session in the background while the
// cached dashboard is already on screen.
func (c *controller) resume(identifier string) {
	client := c.client
	if client == nil {
		return
	}
	c.dashView().SetNotice(lang.L("Connecting to refresh your data…"), false)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		err := client.Resume(ctx, identifier)
		c.do(func() {
			if err != nil {
				c.log.Info("resume failed", "err", err)
				if errors.Is(err, service.ErrUnauthorized) {
					c.dashView().SetNotice(lang.L("Showing your saved data. Log in to refresh it."), false)
				} else {
					c.dashView().SetNotice(describeError(err), true)
				}
				return
			}
			c.identifier = identifier
			c.startRefresh()
		})
	}()
}

func (c *controller) startRefresh() {
	if c.refresh != nil || c.client == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
	c.refresh = cancel
	c.dashView().SetRefreshing(true)
	client, identifier, ready, profile := c.client, c.identifier, c.cacheReady, c.profileName()
	saveOffline := c.settings.OfflineCache()
	go func() {
		defer cancel()
		data, err := fetchMemberData(ctx, client, identifier, c.now)
		var saveErr error
		if err == nil && saveOffline {
			// A quick login can finish before the cache is open: wait for it.
			if store := ready.wait(ctx); store != nil {
				saveErr = saveSnapshot(ctx, store, profile, data)
			}
		}
		c.do(func() {
			c.refresh = nil
			c.dashView().SetRefreshing(false)
			c.refreshDone(data, err, saveErr)
		})
	}()
}

func (c *controller) refreshDone(data MemberData, err, saveErr error) {
	if err != nil {
		c.log.Info("refresh failed", "err", err)
		if errors.Is(err, service.ErrUnauthorized) {
			c.lockWith(describeError(err))
			return
		}
		if c.data == nil {
			c.loadingPage().SetError(describeError(err))
			return
		}
		c.dashView().SetNotice(lang.L("Could not refresh. {{.Reason}} The data shown is from {{.When}}.",
			map[string]any{"Reason": describeError(err), "When": FormatDateTime(c.data.FetchedAt)}), true)
		return
	}
	c.log.Debug("refresh done")
	c.data = &data
	c.dashView().SetData(data)
	c.dashView().SetNotice("", false)
	if saveErr != nil {
		c.log.Warn("offline cache not written", "err", saveErr)
		c.dashView().SetNotice(describeError(saveErr), true)
	}
	if c.current == screenLoading {
		c.show(screenDashboard)
	}
	c.refreshOfflineAccounts()
}

// cacheFuture hands the cache, once open, to background work that may
// start before it is.
type cacheFuture struct {
	done  chan struct{}
	store *cache.Cache
}

func newCacheFuture() *cacheFuture { return &cacheFuture{done: make(chan struct{})} }

func (f *cacheFuture) set(store *cache.Cache) {
	f.store = store
	close(f.done)
}

// wait returns the cache (nil if it could not be opened), or nil when ctx ends first.
func (f *cacheFuture) wait(ctx context.Context) *cache.Cache {
	select {
	case <-f.done:
		return f.store
	case <-ctx.Done():
		return nil
	}
}

func saveSnapshot(ctx context.Context, store *cache.Cache, profile string, data MemberData) error {
	snap, err := snapshotOf(data)
	if err != nil {
		return err
	}
	return store.Save(ctx, profile, data.Identifier, snap)
}

func (c *controller) cancelRefresh() {
	if c.refresh != nil {
		c.refresh()
	}
}

// openOffline shows an account's cached data, read-only, from the login view.
func (c *controller) openOffline(account string) {
	store := c.cache
	if store == nil {
		return
	}
	profile := c.profileName()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), keyringTimeout)
		defer cancel()
		data, err := loadMemberData(ctx, store, profile, account)
		c.do(func() {
			if err != nil {
				c.log.Warn("open offline data", "err", err)
				c.loginView().showMessage(describeError(err))
				return
			}
			if c.current == screenLogin {
				c.showOffline(data, false)
			}
		})
	}()
}

// showOffline puts cached data on the dashboard; with resume, the
// remembered session then continues in the background once the server is
// verified.
func (c *controller) showOffline(data MemberData, resume bool) {
	c.identifier = data.Identifier
	c.data = &data
	began := time.Now()
	c.dashView().SetData(data)
	c.log.Debug("dashboard filled", "took", time.Since(began))
	c.show(screenDashboard)
	if resume && c.client != nil {
		c.resume(data.Identifier)
	}
}

// goOnline leaves the offline view for the login form, identifier filled in.
func (c *controller) goOnline() {
	id := c.identifier
	c.dropMemberData()
	c.loginView().SetIdentifier(id, c.remembered == id)
	c.show(screenLogin)
}

// lock drops tokens and decrypted data and goes back to the login view.
func (c *controller) lock() { c.lockWith(lang.L("Locked. Log in again to continue.")) }

func (c *controller) autoLock() {
	if c.current != screenDashboard && c.current != screenMFA && c.current != screenLoading {
		return
	}
	c.lockWith(lang.L("Locked after {{.Minutes}} minutes without activity, to protect your data. Log in again to continue.",
		map[string]any{"Minutes": int(c.settings.IdleLock().Minutes())}))
}

func (c *controller) lockWith(message string) {
	id := c.identifier
	c.cancelRefresh()
	c.dropMemberData()
	// A new client holds no tokens; the old one, and its tokens, go.
	c.checkServer()
	c.loginView().SetIdentifier(id, c.remembered == id)
	c.loginView().showInfo(message)
	c.show(screenLogin)
}

// dropMemberData clears decrypted member data from the views and memory.
func (c *controller) dropMemberData() {
	c.data = nil
	if c.dash != nil {
		c.dash.Clear()
	}
	c.idle.Stop()
}

// logout revokes the session on the server and clears it here. The login
// view gets a fresh client at once, so a quick new login can never be
// mixed up with the old session's logout still on its way.
func (c *controller) logout() {
	old := c.client
	c.cancelRefresh()
	c.dropMemberData()
	c.client = nil // checkServer must not close it: its logout is still to be sent
	c.checkServer()
	c.show(screenLogin)
	if old == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		err := old.Logout(ctx)
		old.Close()
		c.do(func() {
			if err != nil {
				c.log.Info("logout could not reach the server", "err", err)
				c.loginView().showInfo(lang.L("Logged out on this computer. The server could not be told; your session there ends by itself."))
				return
			}
			c.loginView().showInfo(lang.L("You have logged out."))
		})
	}()
}

func (c *controller) confirmForget() {
	id := c.identifier
	showDialog(dialog.NewConfirm(lang.L("Forget this device?"),
		lang.L("This deletes the saved offline data of this account and its remembered login from this computer. Your BPJS account itself is not affected."),
		func(ok bool) {
			if ok {
				c.forget(id)
			}
		}, c.win), c.win)
}

// forget deletes one account's cached data and keyring items, then logs out.
func (c *controller) forget(identifier string) {
	store, keys, client, profile := c.cache, c.p.Keys, c.client, c.profileName()
	remembered := c.remembered == identifier
	if remembered {
		c.remembered = ""
	}
	c.logout()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		var errs []error
		if store != nil && store.Disabled() == nil {
			errs = append(errs, ignoreNotFound(store.Forget(ctx, profile, identifier)))
		}
		if client != nil {
			errs = append(errs, ignoreNotFound(client.Forget(ctx, identifier)))
		}
		if keys != nil && remembered {
			errs = append(errs, ignoreNotFound(keys.Delete(ctx, keyAccountInstallation, keyPurposeRemembered)))
		}
		err := errors.Join(errs...)
		c.do(func() {
			if err != nil {
				c.log.Warn("forget device", "err", err)
				showDialog(dialog.NewError(errors.New(describeError(err)), c.win), c.win)
			}
			c.loginView().SetIdentifier("", false)
			c.refreshOfflineAccounts()
		})
	}()
}

func ignoreNotFound(err error) error {
	if errors.Is(err, cache.ErrNotFound) || errors.Is(err, keystore.ErrNotFound) {
		return nil
	}
	return err
}

// clearAllData (Settings) deletes every cached account, the data key and
// the remembered login.
func (c *controller) clearAllData() {
	store, keys, client, remembered := c.cache, c.p.Keys, c.client, c.remembered
	c.remembered = ""
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		var errs []error
		if store != nil && store.Disabled() == nil {
			errs = append(errs, store.ForgetAll(ctx))
		}
		if remembered != "" && client != nil {
			errs = append(errs, ignoreNotFound(client.Forget(ctx, remembered)))
		}
		if keys != nil {
			errs = append(errs, ignoreNotFound(keys.Delete(ctx, keyAccountInstallation, keyPurposeRemembered)))
		}
		err := errors.Join(errs...)
		c.do(func() {
			if err != nil {
				c.log.Warn("clear data", "err", err)
				showDialog(dialog.NewError(errors.New(describeError(err)), c.win), c.win)
				return
			}
			showDialog(dialog.NewInformation(lang.L("Data cleared"), lang.L("All saved data of this app was deleted from this computer."), c.win), c.win)
			c.refreshOfflineAccounts()
		})
	}()
}

func (c *controller) submitRegistration(r service.Registration) {
	client := c.client
	if client == nil {
		// Personal data goes only to a verified server: say why it wasn't sent.
		err, refused := c.verifyResult.(error)
		if !refused {
			err = service.ErrTimeout // still checking
		}
		c.registerView().ShowError(err)
		return
	}
	c.registerView().SetBusy(true)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		err := client.Register(ctx, r)
		c.do(func() {
			c.registerView().SetBusy(false)
			if err != nil {
				c.log.Info("registration failed", "err", err)
				c.registerView().ShowError(err)
				return
			}
			c.registerView().Reset()
			c.loginView().SetIdentifier(r.Email, false)
			c.loginView().showSuccess(lang.L("Registration complete. Log in with your email and new password."))
			c.show(screenLogin)
		})
	}()
}

func (c *controller) openSettings(from screen) {
	c.returnTo = from
	c.show(screenSettings)
	c.loadLogins()
}

// loadLogins fetches the login history for Settings while a session is
// open; offline, locked or logged out, the section says it needs one.
func (c *controller) loadLogins() {
	section := c.settingsPage()
	log := c.loginLog
	if c.client == nil || c.data == nil || c.data.Offline {
		log.SetUnavailable()
		return
	}
	if _, ok := c.client.Session(); !ok {
		log.SetUnavailable()
		return
	}
	log.SetLoading()
	client := c.client
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		logins, err := client.Logins(ctx)
		c.do(func() {
			// Dropped if the settings view was rebuilt, or the member left.
			if c.settingsView != section || c.loginLog != log || c.client != client || c.data == nil {
				return
			}
			if err != nil {
				c.log.Info("login history", "err", err)
				log.SetError(describeError(err))
				return
			}
			log.SetLogins(logins)
		})
	}()
}

func (c *controller) changeLanguage(code string) {
	if err := SetLanguage(code); err != nil {
		c.log.Warn("switch language", "err", err)
		return
	}
	c.buildViews()
	c.show(screenSettings)
	c.loadLogins()
}

func (c *controller) changeProfile() {
	c.cancelRefresh()
	c.dropMemberData()
	c.current = screenLogin
	c.returnTo = screenLogin
	c.checkServer()
}

func (c *controller) shutdown() {
	c.idle.Stop()
	c.cancelRefresh()
	if c.login != nil {
		c.login.Stop()
	}
	if c.client != nil {
		c.client.Close()
	}
	if c.cache != nil {
		_ = c.cache.Close()
	}
}

// loadingView is shown between login and the first data.
type loadingView struct {
	message  *widget.Label
	progress *widget.ProgressBarInfinite
	back     *widget.Button
	content  fyne.CanvasObject
	OnBack   func()
}

func newLoadingView() *loadingView {
	v := &loadingView{message: widget.NewLabel(""), progress: widget.NewProgressBarInfinite()}
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Alignment = fyne.TextAlignCenter
	v.back = widget.NewButton(lang.L("Back to login"), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	v.content = container.NewCenter(newColumn(420, container.NewVBox(v.message, v.progress, container.NewCenter(v.back))))
	return v
}

func (v *loadingView) Content() fyne.CanvasObject { return v.content }

func (v *loadingView) SetLoading() {
	v.message.SetText(lang.L("Loading your membership data…"))
	v.message.Importance = widget.MediumImportance
	v.progress.Show()
	v.progress.Start()
	v.back.Hide()
}

func (v *loadingView) SetError(text string) {
	v.message.SetText(text)
	v.message.Importance = widget.DangerImportance
	v.message.Refresh()
	v.progress.Stop()
	v.progress.Hide()
	v.back.Show()
}
