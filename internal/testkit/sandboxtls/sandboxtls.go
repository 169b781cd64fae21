// Package sandboxtls is the one "TLS sandbox for one test": the real
// sandbox (sandbox.Open in the test's temporary directory, with the light
// password hashing) served over real TLS on loopback by tlsserve, both
// closed when the test ends. The client's tests, the CLI's, the app
// layer's and the UI's start their sandbox here; the sandbox's own
// in-package tests cannot import this package (it imports sandbox) and use
// tlsserve directly. Test-only: no non-test code of the app imports it
// (ui/uitest, itself a test helper, does).
//
// It imports neither service nor ui, so service's in-package tests can use
// it: the caller builds its profile from the pins, e.g.
//
//	sb := sandboxtls.Start(t)
//	profile := service.DemoProfile(sb.URL, sb.CertPEM(), sb.PinSHA256(), sb.BackupPinSHA256())
package sandboxtls

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// Sandbox is a running sandbox (its methods: pins, stats, outbox, ...) and
// the TLS server in front of it.
type Sandbox struct {
	*sandbox.Server
	TS  *httptest.Server
	URL string // https://127.0.0.1:port
}

// Option changes how Start opens or serves the sandbox.
type Option func(*config)

type config struct {
	sandbox []sandbox.Option
	serve   []tlsserve.Option
	wrap    func(http.Handler) http.Handler
}

// With passes options to sandbox.Open, after the light password hashing
// (sandbox.FastPasswordParams), so they can override it.
func With(opts ...sandbox.Option) Option {
	return func(c *config) { c.sandbox = append(c.sandbox, opts...) }
}

// Serve passes options to tlsserve.Serve (HTTP2, HTTP1Only, Quiet).
func Serve(opts ...tlsserve.Option) Option {
	return func(c *config) { c.serve = append(c.serve, opts...) }
}

// Wrap puts a handler in front of the sandbox's (counting, gating or
// checking requests).
func Wrap(w func(http.Handler) http.Handler) Option {
	return func(c *config) { c.wrap = w }
}

// Start opens the sandbox and serves it. At the end of the test the TLS
// server closes first, then the sandbox, whose Close error fails the test.
func Start(t testing.TB, opts ...Option) *Sandbox {
	t.Helper()
	cfg := config{sandbox: []sandbox.Option{sandbox.WithPasswordParams(sandbox.FastPasswordParams)}}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := sandbox.Open(t.TempDir(), cfg.sandbox...)
	if err != nil {
		t.Fatalf("sandboxtls: open the sandbox: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("sandboxtls: close the sandbox: %v", err)
		}
	})
	h := srv.Handler()
	if cfg.wrap != nil {
		h = cfg.wrap(h)
	}
	ts := tlsserve.Serve(t, h, srv.TLSConfig(), cfg.serve...)
	return &Sandbox{Server: srv, TS: ts, URL: ts.URL}
}

// Transport trusts the sandbox's CA (see tlsserve.Transport).
func (s *Sandbox) Transport(t testing.TB) *http.Transport {
	t.Helper()
	return tlsserve.Transport(t, s.CertPEM())
}
