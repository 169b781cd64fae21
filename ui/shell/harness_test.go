package shell

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// harness runs the real shell and application layer against the real
// sandbox over TLS and a real cache file in a temp dir. The key store is in
// memory unless withRealKeyring is given (the tests about secrets, built
// with the testenv tag, use the OS keyring of the test environment).
// Background results queue up and are applied on the test's goroutine while
// it waits, as fyne.Do would apply them on the UI goroutine.
type harness struct {
	t       testing.TB
	app     fyne.App
	c       *Shell
	srv     *sandbox.Server
	ts      *httptest.Server
	demo    app.DemoServer
	keys    cache.KeyStore
	dataDir string
	q       *uitest.Queue
	log     io.Writer
	now     func() time.Time // nil: time.Now
}

type harnessOption func(*harnessConfig)

type harnessConfig struct {
	sandboxOpts []sandbox.Option
	profile     func(app.DemoServer) service.Profile
	realKeyring bool
}

func withSandboxOptions(opts ...sandbox.Option) harnessOption {
	return func(c *harnessConfig) { c.sandboxOpts = append(c.sandboxOpts, opts...) }
}

func withProfile(f func(app.DemoServer) service.Profile) harnessOption {
	return func(c *harnessConfig) { c.profile = f }
}

// newSandbox starts a sandbox over TLS for one test.
func newSandbox(t testing.TB, opts ...sandbox.Option) (*sandbox.Server, *httptest.Server, app.DemoServer) {
	t.Helper()
	srv, ts, profile := uitest.Sandbox(t, opts...)
	demo := app.DemoServer{
		Profile:  profile,
		TOTPCode: func() string { return sandbox.DemoTOTPCode(time.Now()) },
		// As main wires it: the codes the sandbox "sent".
		RegistrationCode: srv.LatestCode,
	}
	for _, a := range sandbox.DemoAccounts() {
		demo.Accounts = append(demo.Accounts, app.DemoAccount{Identifier: a.Identifier, Password: a.Password, Note: a.Note})
	}
	for _, r := range sandbox.DemoRegistrations() {
		demo.Registrations = append(demo.Registrations, app.DemoRegistration{Note: r.Note, Form: service.Registration{
			NIK: r.NIK, KPJ: r.KPJ, FullName: r.FullName, BirthDate: r.BirthDate, Email: r.Email, Phone: r.Phone, Password: r.Password}})
	}
	return srv, ts, demo
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

func newHarness(t testing.TB, options ...harnessOption) *harness {
	t.Helper()
	var cfg harnessConfig
	for _, o := range options {
		o(&cfg)
	}
	a := test.NewTempApp(t)
	srv, ts, demo := newSandbox(t, cfg.sandboxOpts...)
	if cfg.profile != nil {
		demo.Profile = cfg.profile(demo)
	}
	h := &harness{
		t: t, app: a, srv: srv, ts: ts, demo: demo,
		dataDir: t.TempDir(),
		q:       uitest.NewQueue(t),
		log:     uitest.LogWriter,
	}
	h.q.Screen = func() string { return strings.Join(uitest.Texts(h.c.win.Content()), " | ") }
	if cfg.realKeyring {
		requireKeyring(t)
		keys := keystore.NewWithService("cekbpjstk-uitest-"+nonWord.ReplaceAllString(t.Name(), "-"), 5*time.Second)
		h.keys = keys
		t.Cleanup(func() { cleanKeyring(t, keys) })
	} else {
		h.keys = keystore.NewMemory()
	}
	h.c = h.newShell(h.keys, h.log)
	return h
}

func requireKeyring(t testing.TB) {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run the keyring tests through scripts/testenv.sh (make test)")
	}
}

func cleanKeyring(t testing.TB, keys *keystore.Store) {
	if err := keys.DeleteAll(context.Background()); err != nil {
		t.Logf("clean keyring: %v", err)
	}
}

// testKDF makes the tests' password wraps cheap (internal/app's
// TestLogin_WrapUsesProductionDefaults checks what the app stores).
var testKDF = cache.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// newShell starts another app instance on the same data dir, with the
// key store and log given.
func (h *harness) newShell(keys cache.KeyStore, log io.Writer) *Shell {
	demo := h.demo
	logger := slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	session := app.New(app.Params{
		DataDir:   h.dataDir,
		Keys:      keys,
		Settings:  prefs.New(h.app.Preferences()),
		ForceDemo: true,
		StartDemo: func(context.Context) (app.DemoServer, error) { return demo, nil },
		Version:   "test",
		Logger:    logger,
		KDF:       testKDF,
		Now:       h.now,
	})
	c := New(Params{App: h.app, Session: session, Logger: logger, Do: h.q.Do})
	if h.now != nil {
		c.idle.now = h.now
	}
	h.t.Cleanup(func() { h.q.Drain(); c.shutdown() })
	return c
}

// restart shuts the current instance down once it has settled and starts
// another on the same data dir, with the key store and log given.
func (h *harness) restart(keys cache.KeyStore, log io.Writer) {
	h.t.Helper()
	old := h.c
	h.waitFor("the first instance to settle", func() bool {
		return !old.app.CacheWaiting() && old.verifyResult != nil
	})
	old.shutdown()
	h.q.Drain()
	h.c = h.newShell(keys, log)
}

// waitFor applies queued UI updates until cond holds, or fails the test.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	h.q.WaitFor(what, cond)
}

func (h *harness) drain() { h.q.Drain() }

func (h *harness) waitVerified() {
	h.t.Helper()
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(service.SecurityReport); !ok {
		h.t.Fatalf("server not verified: %v", h.c.verifyResult)
	}
}

// screen is what the window shows now.
func (h *harness) screen() fyne.CanvasObject { return h.c.win.Content() }

// The login form's widgets, found on screen by their (translated) texts.
func (h *harness) identifierEntry() *widget.Entry {
	return uitest.Entry(h.t, h.screen(), lang.L("login.identifier.placeholder"))
}

func (h *harness) passwordEntry() *widget.Entry {
	return uitest.Entry(h.t, h.screen(), lang.L("login.password"))
}

func (h *harness) rememberCheck() *widget.Check {
	h.t.Helper()
	c := uitest.Find(h.screen(), func(c *widget.Check) bool { return c.Text == lang.L("login.remember") })
	if c == nil {
		h.t.Fatal("no remember-me box on screen")
	}
	return c
}

func (h *harness) loginButton() *widget.Button {
	return uitest.Button(h.t, h.screen(), lang.L("login.submit"))
}

// login types the credentials and taps Masuk, as a member would.
func (h *harness) login(identifier, password string, remember bool) {
	h.t.Helper()
	h.waitVerified()
	if h.c.current != screenLogin {
		h.t.Fatalf("not on the login view but %s", screenNames[h.c.current])
	}
	if h.c.login.Locked() && h.c.login.Identifier() != identifier {
		// Another account on the lock screen: "Bukan Anda? Keluar" first.
		test.Tap(uitest.Button(h.t, h.screen(), lang.L("login.locked.notMe")))
	}
	if !h.c.login.Locked() {
		id := h.identifierEntry()
		id.SetText("")
		test.Type(id, identifier)
	}
	test.Type(h.passwordEntry(), password)
	if !h.c.login.Locked() {
		h.rememberCheck().SetChecked(remember)
	}
	if h.loginButton().Disabled() {
		h.t.Fatal("Masuk is disabled after a verified server and filled fields")
	}
	test.Tap(h.loginButton())
}

// enterCode types a 2FA code and taps Verifikasi.
func (h *harness) enterCode(code string) {
	h.t.Helper()
	test.Type(uitest.Entry(h.t, h.screen(), "000000"), code)
	test.Tap(uitest.Button(h.t, h.screen(), lang.L("login.mfa.submit")))
}

func (h *harness) waitDashboard() {
	h.t.Helper()
	h.waitFor("the dashboard with data", func() bool {
		return h.c.current == screenDashboard && h.c.app.Data() != nil && !h.c.refreshing
	})
}

// contains reports whether text is visible in the window.
func (h *harness) contains(text string) bool { return uitest.Contains(h.screen(), text) }

// dashTexts are the texts the dashboard holds, on screen or not.
func (h *harness) dashTexts() string {
	if h.c.dash == nil {
		return ""
	}
	return strings.Join(uitest.Texts(h.c.dash.Content()), " ")
}

// openOfflineWithPassword taps the (only) offline account of the login
// view, types the password into the prompt and presses Enter, and waits
// for the offline dashboard.
func (h *harness) openOfflineWithPassword(password string) {
	h.t.Helper()
	h.tapOffline()
	h.waitFor("the password prompt", func() bool { return h.c.current == screenUnlock })
	entry := h.unlockEntry()
	if h.c.win.Canvas().Focused() != entry {
		h.t.Fatal("the password entry does not have the focus")
	}
	if h.c.app.Data() != nil {
		h.t.Fatal("data in memory before the password")
	}
	test.Type(entry, password)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the offline dashboard", func() bool {
		return h.c.current == screenDashboard && h.c.app.Data() != nil && h.c.app.Data().Offline
	})
}

// tapOffline taps the first "view offline" button of the login view.
func (h *harness) tapOffline() {
	h.t.Helper()
	h.waitFor("an offline account on the login view", func() bool {
		return uitest.Find(h.screen(), func(b *widget.Button) bool { return strings.Contains(b.Text, "•") }) != nil
	})
	test.Tap(uitest.Find(h.screen(), func(b *widget.Button) bool { return strings.Contains(b.Text, "•") }))
}

// unlockEntry is the password prompt's entry.
func (h *harness) unlockEntry() *widget.Entry {
	h.t.Helper()
	e := uitest.Find(h.screen(), func(e *widget.Entry) bool { return e.Password })
	if e == nil {
		h.t.Fatal("no password entry on screen")
	}
	return e
}

func (h *harness) screenTexts() []string { return uitest.Texts(h.screen()) }
