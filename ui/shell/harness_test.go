package shell

import (
	"context"
	"errors"
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
	ctx := context.Background()
	for _, item := range [][2]string{
		{app.KeyAccountInstallation, app.KeyPurposeRemembered},
		{cache.KeyAccount, cache.KeyPurpose},
		{"budi@contoh.id", service.TokenPurpose},
		{"siti@contoh.id", service.TokenPurpose},
	} {
		if err := keys.Delete(ctx, item[0], item[1]); err != nil && !errors.Is(err, keystore.ErrNotFound) {
			t.Logf("clean keyring %s/%s: %v", item[0], item[1], err)
		}
	}
}

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
	})
	c := New(Params{App: h.app, Session: session, Logger: logger, Do: h.q.Do})
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
	return uitest.Entry(h.t, h.screen(), lang.L("Email or 11-digit KPJ number"))
}

func (h *harness) passwordEntry() *widget.Entry {
	return uitest.Entry(h.t, h.screen(), lang.L("Password"))
}

func (h *harness) rememberCheck() *widget.Check {
	h.t.Helper()
	c := uitest.Find(h.screen(), func(c *widget.Check) bool { return c.Text == lang.L("Remember me on this computer") })
	if c == nil {
		h.t.Fatal("no remember-me box on screen")
	}
	return c
}

func (h *harness) loginButton() *widget.Button {
	return uitest.Button(h.t, h.screen(), lang.L("Log in"))
}

// login types the credentials and taps Masuk, as a member would.
func (h *harness) login(identifier, password string, remember bool) {
	h.t.Helper()
	h.waitVerified()
	if h.c.current != screenLogin {
		h.t.Fatalf("not on the login view but %s", screenNames[h.c.current])
	}
	id := h.identifierEntry()
	id.SetText("")
	test.Type(id, identifier)
	test.Type(h.passwordEntry(), password)
	h.rememberCheck().SetChecked(remember)
	if h.loginButton().Disabled() {
		h.t.Fatal("Masuk is disabled after a verified server and filled fields")
	}
	test.Tap(h.loginButton())
}

// enterCode types a 2FA code and taps Verifikasi.
func (h *harness) enterCode(code string) {
	h.t.Helper()
	test.Type(uitest.Entry(h.t, h.screen(), "000000"), code)
	test.Tap(uitest.Button(h.t, h.screen(), lang.L("Verify")))
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
