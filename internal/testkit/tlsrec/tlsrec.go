// Package tlsrec is a test helper: a real TLS listener on loopback that
// records what each client sent it, the handshake apart from what came
// after it. Tests use it to prove that a client that refuses a server
// (wrong pin, wrong domain) sends nothing beyond the TLS handshake.
package tlsrec

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
	"math/big"
	"net"
	"sync"
	"testing"
	"time"
)

// Recorder is a TLS server on 127.0.0.1 with a self-signed certificate.
// After a completed handshake it reads what the client sends (for up to a
// second of silence), records it and closes the connection without an
// answer.
type Recorder struct {
	// URL is https://127.0.0.1:port.
	URL string
	// CertPEM is the server's certificate, to trust as a CA.
	CertPEM []byte
	// Pin is the base64 SHA-256 of the certificate's public key.
	Pin string

	ln net.Listener
	wg sync.WaitGroup

	mu         sync.Mutex
	conns      int    // TCP connections accepted
	handshakes int    // handshakes the client completed
	sent       []byte // what came after the handshakes
}

// Listen starts a Recorder; it stops when the test ends.
func Listen(t testing.TB) *Recorder {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: "tlsrec"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	cfg := &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
		NextProtos:   []string{"http/1.1"},
		MinVersion:   tls.VersionTLS12,
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &Recorder{
		URL:     "https://" + ln.Addr().String(),
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		Pin:     base64.StdEncoding.EncodeToString(sum[:]),
		ln:      ln,
	}
	r.wg.Add(1)
	go r.serve()
	t.Cleanup(r.close)
	return r
}

func (r *Recorder) serve() {
	defer r.wg.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.mu.Lock()
		r.conns++
		r.mu.Unlock()
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			defer c.Close()
			tc := c.(*tls.Conn)
			_ = tc.SetDeadline(time.Now().Add(10 * time.Second))
			if tc.Handshake() != nil {
				return // the client refused (or the handshake broke): nothing after it
			}
			r.mu.Lock()
			r.handshakes++
			r.mu.Unlock()
			var got bytes.Buffer
			buf := make([]byte, 4096)
			for {
				_ = tc.SetReadDeadline(time.Now().Add(time.Second))
				n, err := tc.Read(buf)
				got.Write(buf[:n])
				if err != nil || got.Len() > 1<<20 {
					break
				}
			}
			if got.Len() > 0 {
				r.mu.Lock()
				r.sent = append(r.sent, got.Bytes()...)
				r.mu.Unlock()
			}
		}()
	}
}

func (r *Recorder) close() {
	_ = r.ln.Close()
	r.wg.Wait()
}

// Conns is how many TCP connections came.
func (r *Recorder) Conns() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.conns
}

// Handshakes is how many TLS handshakes the clients completed.
func (r *Recorder) Handshakes() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handshakes
}

// Sent is everything the clients sent after their handshakes.
func (r *Recorder) Sent() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]byte(nil), r.sent...)
}
