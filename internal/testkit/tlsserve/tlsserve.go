// Package tlsserve serves one handler over real TLS on 127.0.0.1 for one
// test, and gives the client side a transport that trusts only a given CA.
// It imports nothing of the app, so every package's tests can use it, the
// sandbox's own in-package tests included (sandboxtls, which opens the
// sandbox itself, builds on it). Test-only: no non-test code imports it.
package tlsserve

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Option changes how Serve starts the server.
type Option func(*config)

type config struct {
	proto string // "", "h2" or "http/1.1"
	quiet bool
}

// HTTP2 negotiates h2 (httptest's EnableHTTP2).
func HTTP2() Option { return func(c *config) { c.proto = "h2" } }

// HTTP1Only offers http/1.1 alone in the TLS handshake, so no client can
// negotiate h2.
func HTTP1Only() Option { return func(c *config) { c.proto = "http/1.1" } }

// Quiet drops the server's error log (for tests whose handshakes fail on
// purpose; they would be logged on stderr).
func Quiet() Option { return func(c *config) { c.quiet = true } }

// Serve starts h over TLS with cfg (nil: httptest's own certificate) on a
// loopback port and closes the server when the test ends. Without HTTP2 or
// HTTP1Only the protocols are cfg's NextProtos, as httptest.StartTLS takes
// them.
func Serve(t testing.TB, h http.Handler, cfg *tls.Config, opts ...Option) *httptest.Server {
	t.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	ts := httptest.NewUnstartedServer(h)
	if cfg != nil {
		ts.TLS = cfg.Clone()
	}
	switch c.proto {
	case "h2":
		ts.EnableHTTP2 = true
	case "http/1.1":
		if ts.TLS == nil {
			ts.TLS = &tls.Config{} // #nosec G402 -- httptest fills in its certificate; the tests set versions themselves
		}
		ts.TLS.NextProtos = []string{"http/1.1"}
	}
	if c.quiet {
		ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	}
	ts.StartTLS()
	t.Cleanup(ts.Close)
	return ts
}

// Transport is an HTTP transport that trusts only the CA certificate(s) in
// caPEM, needs TLS 1.2 or later and attempts HTTP/2; its idle connections
// are closed when the test ends.
func Transport(t testing.TB, caPEM []byte) *http.Transport {
	t.Helper()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		t.Fatal("tlsserve: the CA PEM holds no certificate")
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, ForceAttemptHTTP2: true}
	t.Cleanup(tr.CloseIdleConnections)
	return tr
}

// HangUp sends request, raw HTTP/1.1, over TLS to the server at addr that
// caPEM's CA signed, then closes its writing side (a TLS close_notify) the
// way Go's transport goes away from a request it gave up on, and returns
// whatever the server still sends before it closes the connection. A server
// that answers nobody sends nothing.
func HangUp(t testing.TB, addr string, caPEM []byte, request string) []byte {
	t.Helper()
	cfg := Transport(t, caPEM).TLSClientConfig.Clone()
	cfg.NextProtos = []string{"http/1.1"}
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	if err := conn.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server kept the connection open after the client hung up: %v", err)
	}
	return got
}
