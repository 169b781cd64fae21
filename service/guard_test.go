package service

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func okHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
}

func profileFor(url string, rootsPEM []byte, pins ...string) Profile {
	return Profile{Name: "test", BaseURL: url, AllowedDomains: []string{"127.0.0.1"}, Pins: pins, ExtraRootsPEM: rootsPEM}
}

func wantCertReason(t *testing.T, err error, reason CertReason) {
	t.Helper()
	var ce *CertificateError
	if !errors.As(err, &ce) || !errors.Is(err, ErrCertificate) {
		t.Fatalf("err = %v, want *CertificateError", err)
	}
	if ce.Reason != reason {
		t.Fatalf("reason = %s, want %s (%v)", ce.Reason, reason, err)
	}
}

// A certificate a trusted CA really signed, but whose key is not pinned: the
// normal checks accept it, the pins refuse it, and the server gets nothing
// beyond the handshake — on Verify, on Login, and through a transport wrapper.
func TestLogin_WrongPinSendsNoCredentials(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, _, _ := leaf(t, ca, leafOpts{})
	srv := newCountingServer(t, cert, okHandler())
	wrapped := 0
	c, err := New(profileFor(srv.URL, ca.pem, randomPin(), randomPin()), WithLogger(quietLog),
		WithTransportWrapper(func(rt http.RoundTripper) http.RoundTripper {
			return roundTripFunc(func(r *http.Request) (*http.Response, error) { wrapped++; return rt.RoundTrip(r) })
		}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = c.Verify(ctx)
	wantCertReason(t, err, ReasonPinMismatch)
	_, err = c.Login(ctx, "budi@contoh.id", "Sandbox#2026", false)
	wantCertReason(t, err, ReasonPinMismatch)
	if wrapped == 0 {
		t.Error("the transport wrapper was bypassed")
	}
	if srv.conns.Load() == 0 || srv.rawIn.Load() == 0 {
		t.Fatal("no handshake reached the server; the test proves nothing")
	}
	srv.assertUntouched(t, "wrong pin")
}

func TestVerify_CorrectPinReport(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, lc, _ := leaf(t, ca, leafOpts{})
	srv := newCountingServer(t, cert, okHandler())
	for _, tc := range []struct {
		name string
		pins []string
		role string
	}{
		{"leaf primary", []string{SPKIPin(lc), randomPin()}, "primary"},
		{"CA backup", []string{randomPin(), SPKIPin(ca.cert)}, "backup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(profileFor(srv.URL, ca.pem, tc.pins...))
			if err != nil {
				t.Fatal(err)
			}
			r, err := c.Verify(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if r.PinRole != tc.role || r.Host != "127.0.0.1" || r.TLSVersion == "" || r.CipherSuite == "" ||
				!strings.Contains(r.Subject, "sandbox.test") || !strings.Contains(r.Issuer, "Test CA") || r.NotAfter.IsZero() {
				t.Errorf("report = %+v", r)
			}
		})
	}
	srv.assertUntouched(t, "verify")
}

// Profiles that cannot be verified are refused before any dial.
func TestNew_RefusesBeforeDialing(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, lc, _ := leaf(t, ca, leafOpts{})
	srv := newCountingServer(t, cert, okHandler())
	plain := newPlainCounting(t, okHandler())
	good := []string{SPKIPin(lc), randomPin()}
	for _, tc := range []struct {
		name string
		p    Profile
		want error
		why  CertReason
	}{
		{"host outside allowlist", Profile{BaseURL: srv.URL, AllowedDomains: []string{OfficialDomain}, Pins: good, ExtraRootsPEM: ca.pem}, ErrDomainNotAllowed, ""},
		{"lookalike suffix", Profile{BaseURL: "https://evilbpjsketenagakerjaan.go.id", AllowedDomains: []string{OfficialDomain}, Pins: good}, ErrDomainNotAllowed, ""},
		{"http URL", profileFor(plain.URL, ca.pem, good...), ErrInsecureURL, ""},
		{"no scheme", profileFor(strings.TrimPrefix(srv.URL, "https://"), ca.pem, good...), ErrInsecureURL, ""},
		{"expired pin set", func() Profile {
			p := profileFor(srv.URL, ca.pem, good...)
			p.PinsExpire = time.Now().Add(-time.Minute)
			return p
		}(), ErrCertificate, ReasonPinsExpired},
		{"no pins (self-signed server)", profileFor(srv.URL, ca.pem), ErrCertificate, ReasonNoPins},
		{"only one pin", profileFor(srv.URL, ca.pem, good[0]), ErrCertificate, ReasonNoPins},
		{"same pin twice", profileFor(srv.URL, ca.pem, good[0], good[0]), ErrCertificate, ReasonNoPins},
		{"malformed pin", profileFor(srv.URL, ca.pem, "abc", good[0]), ErrCertificate, ReasonInvalidPin},
		{"official profile", OfficialProfile(), ErrCertificate, ReasonNoPins},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.p)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if tc.why != "" {
				wantCertReason(t, err, tc.why)
			}
		})
	}
	if srv.conns.Load() != 0 || plain.conns.Load() != 0 {
		t.Errorf("connections: https %d, http %d; want none", srv.conns.Load(), plain.conns.Load())
	}
}

// A pin set that expires while the client lives is refused at the next call, before dialing.
func TestClient_PinSetExpiresAtRuntime(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, lc, _ := leaf(t, ca, leafOpts{})
	srv := newCountingServer(t, cert, okHandler())
	now := time.Now()
	p := profileFor(srv.URL, ca.pem, SPKIPin(lc), randomPin())
	p.PinsExpire = now.Add(time.Hour)
	c, err := New(p, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Hour)
	_, err = c.Login(context.Background(), "budi@contoh.id", "Sandbox#2026", false)
	wantCertReason(t, err, ReasonPinsExpired)
	_, err = c.Verify(context.Background())
	wantCertReason(t, err, ReasonPinsExpired)
	if srv.conns.Load() != 0 {
		t.Errorf("%d connections, want 0", srv.conns.Load())
	}
}

// The normal checks stay on: pins do not replace chain, hostname and expiry verification.
func TestGuard_NormalVerificationStaysOn(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	for _, tc := range []struct {
		name  string
		ca    *testCA
		opts  leafOpts
		roots []byte
		want  CertReason
	}{
		{"self-signed, pinned but not trusted", nil, leafOpts{}, nil, ReasonUntrusted},
		{"CA not trusted", ca, leafOpts{}, nil, ReasonUntrusted},
		{"wrong hostname", ca, leafOpts{dns: []string{"other.test"}}, ca.pem, ReasonHostname},
		{"expired certificate", ca, leafOpts{notAfter: time.Now().Add(-time.Hour)}, ca.pem, ReasonExpired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cert, lc, _ := leaf(t, tc.ca, tc.opts)
			srv := newCountingServer(t, cert, okHandler())
			// The leaf's own key is pinned: only the normal checks can refuse it.
			c, err := New(profileFor(srv.URL, tc.roots, SPKIPin(lc), randomPin()))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Login(context.Background(), "budi@contoh.id", "Sandbox#2026", false)
			wantCertReason(t, err, tc.want)
			_, err = c.Verify(context.Background())
			wantCertReason(t, err, tc.want)
			srv.assertUntouched(t, tc.name)
		})
	}
}

func TestHostAllowed(t *testing.T) {
	t.Parallel()
	allowed := []string{"bpjsketenagakerjaan.go.id", "127.0.0.1"}
	for host, want := range map[string]bool{
		"bpjsketenagakerjaan.go.id":        true,
		"API.bpjsketenagakerjaan.go.id.":   true,
		"a.b.bpjsketenagakerjaan.go.id":    true,
		"evilbpjsketenagakerjaan.go.id":    false,
		"bpjsketenagakerjaan.go.id.evil.x": false,
		"go.id":                            false,
		"127.0.0.1":                        true,
		"1.127.0.0.1":                      false,
		"":                                 false,
	} {
		if got := hostAllowed(host, allowed); got != want {
			t.Errorf("hostAllowed(%q) = %v, want %v", host, got, want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// VerifyConnection also runs on resumed sessions (VerifyPeerCertificate
// would not): a dialer with the wrong pins that resumes a session another
// dialer established is still refused.
func TestGuard_ResumedSessionIsPinChecked(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, lc, _ := leaf(t, ca, leafOpts{})
	srv := newCountingServer(t, cert, okHandler())
	good, err := profileFor(srv.URL, ca.pem, SPKIPin(lc), randomPin()).check(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	bad, err := profileFor(srv.URL, ca.pem, randomPin(), randomPin()).check(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	addr := strings.TrimPrefix(srv.URL, "https://")
	first := newGuardDialer(good, false)
	dialAndRead := func(g *guardDialer) (bool, error) {
		conn, err := g.DialTLSContext(ctx, "tcp", addr)
		if err != nil {
			return false, err
		}
		defer conn.Close()
		// A request makes the client read the TLS 1.3 session ticket.
		_, _ = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
		_, _ = io.ReadAll(conn)
		return tlsState(conn).DidResume, nil
	}
	if _, err := dialAndRead(first); err != nil {
		t.Fatal(err)
	}
	again := newGuardDialer(good, false)
	again.cache = first.cache
	if resumed, err := dialAndRead(again); err != nil || !resumed {
		t.Fatalf("second good dial: resumed=%v, %v (the test needs resumption to work)", resumed, err)
	}
	thief := newGuardDialer(bad, false)
	thief.cache = first.cache
	_, err = dialAndRead(thief)
	wantCertReason(t, err, ReasonPinMismatch)
}
