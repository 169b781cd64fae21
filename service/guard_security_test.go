package service

import (
	"context"
	"crypto/tls"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
)

// DNS spoofing: the member's resolver sends the allowed name to the
// attacker's address, and the attacker even holds a certificate for that
// name from a CA the client trusts. The normal checks pass; the pins refuse
// it, and the attacker's server receives no request byte.
func TestDNSSpoof_AllowedNameAtAttackerAddressIsRefused(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, _, _ := leaf(t, ca, leafOpts{dns: []string{"localhost"}})
	attacker := newCountingServer(t, cert, okHandler())
	port := attacker.URL[strings.LastIndexByte(attacker.URL, ':')+1:]
	p := Profile{Name: "spoofed", BaseURL: "https://localhost:" + port, AllowedDomains: []string{"localhost"},
		Pins: []string{randomPin(), randomPin()}, ExtraRootsPEM: ca.pem}
	c, err := New(p, WithLogger(quietLog))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = c.Verify(ctx)
	wantCertReason(t, err, ReasonPinMismatch)
	_, err = c.Login(ctx, "budi@contoh.id", "Sandbox#2026", false)
	wantCertReason(t, err, ReasonPinMismatch)
	if attacker.conns.Load() == 0 {
		t.Fatal("the client never reached the spoofed address; the test proves nothing")
	}
	attacker.assertUntouched(t, "spoofed DNS")
}

// Downgrade: a server (or a MITM stripping the handshake) that offers only
// TLS 1.0/1.1 is refused, though its certificate is trusted and pinned.
func TestDowngrade_TLSBelow12IsRefused(t *testing.T) {
	t.Parallel()
	ca := newTestCA(t)
	cert, lc, _ := leaf(t, ca, leafOpts{})
	var requests atomic.Int64
	// Quiet: the refused handshakes would be logged on stderr.
	ts := tlsserve.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1) }),
		&tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}, // #nosec G402 -- the old server under test
		tlsserve.Quiet())
	c, err := New(profileFor(ts.URL, ca.pem, SPKIPin(lc), randomPin()), WithLogger(quietLog))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Verify(ctx); err == nil {
		t.Fatal("a TLS 1.1 server was verified")
	}
	if _, err := c.Login(ctx, "budi@contoh.id", "Sandbox#2026", false); err == nil {
		t.Fatal("a login over TLS 1.1 succeeded")
	}
	if n := requests.Load(); n != 0 {
		t.Fatalf("the TLS 1.1 server got %d requests", n)
	}
}
