// Package shell is the app's window: it builds the feature views (login,
// register, dashboard, settings, the SMS helper), moves between them, runs
// the idle lock and sets the title. It is the only UI package that talks to
// the application layer (internal/app): it calls its blocking methods off
// the UI goroutine through ui/async and applies the results to the views.
//
// Widgets present and the application layer decides; the shell only
// connects the two. No network, keyring or disk work runs on the UI
// goroutine.
package shell

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/login"
	"github.com/cekbpjstk/cekbpjstk/ui/register"
	"github.com/cekbpjstk/cekbpjstk/ui/settings"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

var appIcon = assets.Icon

// Params are what the shell needs from the composition root.
type Params struct {
	App fyne.App
	// Session is the application layer; the shell owns it from here on
	// (it closes it when the window closes).
	Session *app.App
	// Language, when set (--lang), is saved as the setting; empty keeps the saved one.
	Language string
	Logger   *slog.Logger
	// WindowUp, when set, is called on the UI goroutine once the window
	// has opened and the event loop runs (NewMainWindow only).
	WindowUp func()
	// Closed, when set, is called on the UI goroutine once the window has
	// closed and the session is shut down (cache closed, work cancelled).
	Closed func()
	// Quitting, when set, says the app has been asked to end (a SIGTERM):
	// from then on results are no longer applied to the window, as after
	// it closed (NewMainWindow).
	Quitting func() bool
	// Cache, when set, is the session's offline cache already being opened
	// (OpenCache, started by main before the translations); nil: the shell
	// opens it.
	Cache *CacheOpening
	// FontsLoaded, when set, closes once the text fonts are parsed
	// (PreloadFonts, started by main before the translations and the
	// window); the first screen waits for it, at most a second.
	FontsLoaded <-chan struct{}
	// Do runs a function on the UI goroutine; nil means fyne.Do. Tests
	// pass a queue they drain themselves, so that background results are
	// applied on the test's goroutine (Fyne's test driver runs fyne.Do
	// inline, on whichever goroutine calls it).
	Do func(func())
	// DemoBook fills the book form with the demo's member, and
	// DemoDocuments are that member's documents to import (--demo only;
	// nil otherwise).
	DemoBook      *book.New
	DemoDocuments func() []book.Source
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
	screenUnlock
	screenBookCreate
	screenBookRows
)

var screenNames = map[screen]string{
	screenLogin: "login", screenMFA: "mfa", screenRegister: "register",
	screenLoading: "loading", screenDashboard: "dashboard", screenSettings: "settings",
	screenUnlock: "unlock", screenBookCreate: "book-create", screenBookRows: "book-rows",
}

// Shell owns the window and moves between views. Its fields are only
// touched on the UI goroutine; session state lives in the application
// layer, whose results come back through the runners.
type Shell struct {
	p     Params
	app   *app.App
	prefs *prefs.Settings
	win   fyne.Window
	log   *slog.Logger
	do    func(func())

	// plain applies every result; session drops a result whose session
	// ended (lock, logout, profile change) while it was under way.
	plain, session async.Runner

	login        *login.View
	mfa          *login.MFAView
	register     *register.View
	dash         *dashboard.Dashboard
	settingsView *settings.View
	loginLog     *settings.LoginLog
	loading      *loadingView
	unlock       *login.UnlockView
	unlockRef    int64 // the account the password prompt opens
	book         bookViews

	current      screen
	returnTo     screen      // where Settings goes back to
	windowOpen   atomic.Bool // the window exists, so its title may change
	stopped      atomic.Bool // the window closed or the app stopped: results are dropped (build)
	verifyResult any         // service.SecurityReport or error, re-applied after a rebuild
	refreshing   bool        // a refresh of this session runs
	idle         *idleTimer
	firstSize    fyne.Size // the size the app gave the window, grown to the views' minimum (windowsize.go)
	listings     int       // bumps with every listing of the offline accounts: an older one's answer is dropped
	sizes        sizeWatch // the window's content, reporting each new size (sizewatch.go)
	sizeSeq      int       // bumps with every new size: only the settled one is kept
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
	c := build(p)
	// After the app stops (a SIGTERM quits Fyne without closing the window
	// first) a late result must not retitle the destroyed window: GLFW
	// panics on it (seen once in six SIGTERMs under load).
	p.App.Lifecycle().SetOnStopped(func() {
		c.stopped.Store(true)
		if c.windowOpen.Swap(false) {
			c.rememberSize()
		}
	})
	p.App.Lifecycle().SetOnStarted(func() {
		c.windowOpen.Store(true)
		c.updateTitle()
		c.checkServer()
		if p.WindowUp != nil {
			p.WindowUp()
		}
	})
	return c.win
}

// New builds the shell and checks the server at once (tests; the app uses
// NewMainWindow).
func New(p Params) *Shell {
	c := build(p)
	c.checkServer()
	return c
}

// Window is the shell's window.
func (c *Shell) Window() fyne.Window { return c.win }

// build builds the window's first screen: the login view, or the
// remembered account's cached dashboard when it is read in time. With
// p.FontsLoaded, it waits for the text fonts before the first label.
func build(p Params) *Shell {
	if p.Logger == nil {
		p.Logger = slog.Default()
	}
	if p.Do == nil {
		p.Do = fyne.Do
	}
	c := &Shell{}
	// Once the window has closed or the app is quitting, a late result is
	// dropped: Fyne 2.7.1 runs a fyne.Do that arrives after its loop has
	// stopped at once, on the caller's goroutine, where it would race the
	// stop hook (main runs it after Run) and change a destroyed window.
	do := p.Do
	p.Do = func(f func()) {
		do(func() {
			if c.stopped.Load() || (p.Quitting != nil && p.Quitting()) {
				return
			}
			f()
		})
	}
	p.App.SetIcon(appIcon)
	c.p = p
	c.app = p.Session
	c.prefs = p.Session.Settings()
	c.log = p.Logger
	c.do = p.Do
	c.sizes.resized = c.resized
	c.plain = async.Runner{Do: p.Do}
	c.session = async.Runner{Do: p.Do, Epoch: c.app.Epoch}
	if p.Language != "" {
		if err := c.prefs.SetLanguage(p.Language); err != nil {
			c.log.Warn("language flag", "err", err)
		}
	}
	if err := i18n.SetLanguage(c.prefs.Language()); err != nil {
		c.log.Warn("saved language", "err", err)
	}
	if p.Cache == nil {
		p.Cache = OpenCache(c.app)
	}
	remembered, opened := p.Cache.remembered, p.Cache.opened
	widgets.ApplyTheme(p.App, c.prefs.Theme())
	fontsLoaded := p.FontsLoaded
	c.win = p.App.NewWindow(lang.L("app.title"))
	c.win.SetIcon(assets.WindowIcon)
	c.sizeWindow()
	c.win.CenterOnScreen()
	c.idle = newIdleTimer(c.prefs.IdleLock(), time.Now, func() { c.do(c.autoLock) })
	c.win.SetOnDropped(c.dropped)
	c.win.SetOnClosed(func() {
		c.stopped.Store(true)
		c.rememberSize()
		c.windowOpen.Store(false)
		c.shutdown()
		if p.Closed != nil {
			p.Closed()
		}
	})
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
func (c *Shell) buildViews() {
	if c.login != nil {
		c.login.Stop()
	}
	if c.register != nil {
		c.register.Stop()
	}
	// Views are built when first shown: start-up builds only what the first
	// frame needs (a remembered account's start never builds the login view
	// before its dashboard is on screen).
	if c.unlock != nil {
		c.unlock.Stop()
	}
	c.login, c.mfa, c.register, c.dash, c.settingsView, c.loading, c.unlock = nil, nil, nil, nil, nil, nil, nil
	c.book = bookViews{}
}

func (c *Shell) show(s screen) {
	if s != screenSettings {
		c.current = s
	}
	var content fyne.CanvasObject
	switch s {
	case screenLogin:
		content = c.loginView().Content()
		c.idle.Stop()
		c.login.ScrollToTop()
		defer c.login.FocusFirst()
	case screenMFA:
		content = c.mfaView().Content()
		defer c.mfa.Focus(c.win.Canvas())
	case screenRegister:
		content = c.registerView().Content()
	case screenLoading:
		content = c.loadingPage().Content()
	case screenDashboard:
		content = c.dashboardContent()
		c.idle.Reset()
	case screenBookCreate:
		content = c.bookCreate().Content()
		c.idle.Stop()
	case screenBookRows:
		content = c.bookRowsContent()
		c.idle.Reset()
	case screenSettings:
		c.settingsPage().Refresh()
		content = c.settingsPage().Content()
	case screenUnlock:
		content = c.unlockPage().Content()
		c.idle.Stop()
		defer c.unlock.Focus(c.win.Canvas())
	}
	c.win.SetContent(container.New(&c.sizes, widgets.NewActivityCatcher(content, c.idle.Reset)))
	c.noteMinimum()
	c.updateTitle()
	// make bench times start-up by this line; it names no member data.
	data := c.app.Data()
	c.log.Debug("screen shown", "screen", screenNames[s], "offline", s == screenDashboard && data != nil && data.Offline)
	c.reportOnScreenSoon()
}

func (c *Shell) updateTitle() {
	if !c.windowOpen.Load() {
		return // see NewMainWindow: the first title names the window class
	}
	if c.app.IsDemo() {
		c.win.SetTitle(lang.L("app.titleDemo"))
	} else {
		c.win.SetTitle(lang.L("app.title"))
	}
}

func (c *Shell) openSettings(from screen) {
	c.returnTo = from
	c.show(screenSettings)
	c.loadLogins()
}

func (c *Shell) changeLanguage(code string) {
	if err := i18n.SetLanguage(code); err != nil {
		c.log.Warn("switch language", "err", err)
		return
	}
	c.buildViews()
	c.show(screenSettings)
	c.loadLogins()
}

func (c *Shell) changeProfile() {
	c.app.ChangeProfile()
	c.dropMemberData()
	c.current = screenLogin
	c.returnTo = screenLogin
	c.checkServer()
}

func (c *Shell) shutdown() {
	c.idle.Stop()
	if c.login != nil {
		c.login.Stop()
	}
	if c.register != nil {
		c.register.Stop()
	}
	if c.unlock != nil {
		c.unlock.Stop()
	}
	c.app.Close()
}

// keyringContext bounds the start-up keyring and disk work.
func keyringContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), app.KeyringTimeout*2)
}
