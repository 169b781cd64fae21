package service

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testCA is a certificate authority made for one test: a MITM whose CA the
// client trusts (through the profile's extra roots) is exactly the attacker
// the normal checks accept and only the pins stop.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newTestCA(t testing.TB) *testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return &testCA{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

type leafOpts struct {
	dns      []string
	ips      []net.IP
	notAfter time.Time
}

// leaf issues a server certificate; with ca == nil it is self-signed.
func leaf(t testing.TB, ca *testCA, o leafOpts) (tls.Certificate, *x509.Certificate, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if o.ips == nil && o.dns == nil {
		o.ips = []net.IP{net.IPv4(127, 0, 0, 1)}
		o.dns = []string{"localhost"}
	}
	if o.notAfter.IsZero() {
		o.notAfter = time.Now().Add(12 * time.Hour)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "sandbox.test", Organization: []string{"Test"}},
		NotBefore:    time.Now().Add(-48 * time.Hour),
		NotAfter:     o.notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     o.dns,
		IPAddresses:  o.ips,
	}
	parent, signer := tmpl, any(key)
	if ca != nil {
		parent, signer = ca.cert, ca.key
	} else {
		tmpl.BasicConstraintsValid, tmpl.IsCA = true, true
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	chain := [][]byte{der}
	if ca != nil {
		chain = append(chain, ca.cert.Raw)
	}
	return tls.Certificate{Certificate: chain, PrivateKey: key, Leaf: cert}, cert,
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// randomPin is a well-formed pin of no real key.
func randomPin() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	s := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(s[:])
}

// countingServer is an HTTPS server that counts, on its side, connections,
// handshake-and-all bytes, decrypted application bytes and requests.
type countingServer struct {
	*httptest.Server
	URL      string // https://127.0.0.1:port
	conns    atomic.Int64
	rawIn    atomic.Int64
	appIn    atomic.Int64
	requests atomic.Int64
}

// newCountingServer serves h over TLS with cert; the TLS layer sits in the
// listener so that the bytes read above it are application bytes only.
func newCountingServer(t testing.TB, cert tls.Certificate, h http.Handler) *countingServer {
	t.Helper()
	cs := &countingServer{}
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cs.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	raw := &countListener{Listener: ts.Listener, n: &cs.rawIn, conns: &cs.conns}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}}
	ts.Listener = &countListener{Listener: tls.NewListener(raw, cfg), n: &cs.appIn}
	ts.Start()
	cs.Server = ts
	cs.URL = "https://" + ts.Listener.Addr().String()
	t.Cleanup(ts.Close)
	return cs
}

// newPlainCounting is an http:// server counting connections and requests.
func newPlainCounting(t testing.TB, h http.Handler) *countingServer {
	cs := &countingServer{}
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cs.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	ts.Listener = &countListener{Listener: ts.Listener, n: &cs.appIn, conns: &cs.conns}
	ts.Start()
	cs.Server = ts
	cs.URL = ts.URL
	t.Cleanup(ts.Close)
	return cs
}

func (s *countingServer) assertUntouched(t testing.TB, what string) {
	t.Helper()
	// The server goroutines may still be reading the aborted handshake.
	time.Sleep(50 * time.Millisecond)
	if n := s.requests.Load(); n != 0 {
		t.Errorf("%s: server saw %d requests, want 0", what, n)
	}
	if n := s.appIn.Load(); n != 0 {
		t.Errorf("%s: server read %d application bytes, want 0", what, n)
	}
}

type countListener struct {
	net.Listener
	n     *atomic.Int64
	conns *atomic.Int64
}

func (l *countListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if l.conns != nil {
		l.conns.Add(1)
	}
	return &countConn{Conn: c, n: l.n}, nil
}

type countConn struct {
	net.Conn
	n *atomic.Int64
}

func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// logBuffer is a goroutine-safe buffer for slog output.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var _ io.Writer = (*logBuffer)(nil)
