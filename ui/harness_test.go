package ui

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
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// harness runs the real controller against the real sandbox over TLS, a
// real cache file in a temp dir, and the real OS keyring of the test
// environment. Background results queue up and are applied on the test's
// goroutine while it waits, as fyne.Do would apply them on the UI goroutine.
type harness struct {
	t       testing.TB
	app     fyne.App
	c       *controller
	srv     *sandbox.Server
	ts      *httptest.Server
	demo    DemoServer
	keys    *keystore.Store
	dataDir string
	queue   chan func()
}

type harnessOption func(*harnessConfig)

type harnessConfig struct {
	sandboxOpts []sandbox.Option
	profile     func(DemoServer) service.Profile
}

func withSandboxOptions(opts ...sandbox.Option) harnessOption {
	return func(c *harnessConfig) { c.sandboxOpts = append(c.sandboxOpts, opts...) }
}

func withProfile(f func(DemoServer) service.Profile) harnessOption {
	return func(c *harnessConfig) { c.profile = f }
}

func requireKeyring(t testing.TB) {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run the UI tests through scripts/testenv.sh (make test)")
	}
}

// newSandbox starts a sandbox over TLS for one test.
func newSandbox(t testing.TB, opts ...sandbox.Option) (*sandbox.Server, *httptest.Server, DemoServer) {
	t.Helper()
	opts = append([]sandbox.Option{sandbox.WithPasswordParams(sandbox.FastPasswordParams)}, opts...)
	srv, err := sandbox.Open(t.TempDir(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.TLS = srv.TLSConfig()
	ts.StartTLS()
	t.Cleanup(ts.Close)
	demo := DemoServer{
		Profile: service.DemoProfile(ts.URL, srv.CertPEM(), srv.PinSHA256(), srv.BackupPinSHA256()),
		Accounts: []DemoAccount{
			{Identifier: "budi@contoh.id", Password: sandbox.DemoPassword, Note: DemoNoteBudi},
			{Identifier: "siti@contoh.id", Password: sandbox.DemoPassword, Note: DemoNoteSiti},
		},
		TOTPCode: func() string {
			code, _ := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
			return code
		},
	}
	return srv, ts, demo
}

// sandboxClient starts a sandbox over TLS and returns a client that pins it.
func sandboxClient(t testing.TB) *service.Client {
	t.Helper()
	_, _, demo := newSandbox(t)
	client, err := service.New(demo.Profile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return client
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

func newHarness(t testing.TB, options ...harnessOption) *harness {
	t.Helper()
	requireKeyring(t)
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
		keys:    keystore.NewWithService("cekbpjstk-uitest-"+nonWord.ReplaceAllString(t.Name(), "-"), 5*time.Second),
		dataDir: t.TempDir(),
		queue:   make(chan func(), 4096),
	}
	t.Cleanup(h.cleanKeyring)
	h.c = h.newController()
	return h
}

// newController starts another app instance on the same data dir and keyring.
func (h *harness) newController() *controller {
	demo := h.demo
	c := newController(Params{
		App:       h.app,
		Version:   "test",
		DataDir:   h.dataDir,
		Keys:      h.keys,
		ForceDemo: true,
		StartDemo: func(context.Context) (DemoServer, error) { return demo, nil },
		Logger:    slog.New(slog.NewTextHandler(testLogWriter, nil)),
		Do:        func(f func()) { h.queue <- f },
	})
	h.t.Cleanup(func() { h.drain(); c.shutdown() })
	return c
}

func (h *harness) cleanKeyring() {
	ctx := context.Background()
	for _, item := range [][2]string{
		{keyAccountInstallation, keyPurposeRemembered},
		{"installation", "cache-data-key"},
		{"budi@contoh.id", service.TokenPurpose},
		{"siti@contoh.id", service.TokenPurpose},
	} {
		if err := h.keys.Delete(ctx, item[0], item[1]); err != nil && !errors.Is(err, keystore.ErrNotFound) {
			h.t.Logf("clean keyring %s/%s: %v", item[0], item[1], err)
		}
	}
}

// waitFor applies queued UI updates until cond holds, or fails the test.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s; screen shows:\n%s", what, strings.Join(visibleTexts(h.c.win.Content()), " | "))
		}
		select {
		case f := <-h.queue:
			f()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// drain applies what is queued now, without waiting for more.
func (h *harness) drain() {
	for {
		select {
		case f := <-h.queue:
			f()
		default:
			return
		}
	}
}

func (h *harness) waitVerified() {
	h.t.Helper()
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(service.SecurityReport); !ok {
		h.t.Fatalf("server not verified: %v", h.c.verifyResult)
	}
}

// login types the credentials and taps Masuk, as a member would.
func (h *harness) login(identifier, password string, remember bool) {
	h.t.Helper()
	h.waitVerified()
	l := h.c.login
	l.identifier.SetText("")
	test.Type(l.identifier, identifier)
	test.Type(l.password, password)
	l.remember.SetChecked(remember)
	if l.submit.Disabled() {
		h.t.Fatal("Masuk is disabled after a verified server and filled fields")
	}
	test.Tap(l.submit)
}

func (h *harness) waitDashboard() {
	h.t.Helper()
	h.waitFor("the dashboard with data", func() bool {
		return h.c.current == screenDashboard && h.c.data != nil && h.c.refresh == nil
	})
}

// visibleTexts lists the texts of every visible object under o.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			if strings.TrimSpace(x.Text) != "" {
				out = append(out, x.Text)
			}
			return
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
			return
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// screenContains reports whether text is visible; wrapped lines are joined.
func screenContains(c *controller, text string) bool {
	return strings.Contains(strings.Join(visibleTexts(c.win.Content()), " "), text)
}

// testLogWriter receives the app's log in tests; set CEKBPJSTK_TEST_LOG=1 to see it.
var testLogWriter io.Writer = func() io.Writer {
	if os.Getenv("CEKBPJSTK_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}()
