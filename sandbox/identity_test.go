package sandbox

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestOpen_PersistsIdentityAndData(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	s1, err := Open(dir, WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	pin, backup, certPEM := s1.PinSHA256(), s1.BackupPinSHA256(), s1.CertPEM()
	if len(certPEM) == 0 {
		t.Fatal("no CA certificate")
	}
	if _, err := s1.db.Exec(`INSERT INTO logins (member_id, at, client_name, ip, session_id) VALUES (1, 1, 'x', 'y', 0)`); err == nil {
		t.Error("foreign keys are not enforced")
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{"": 0o700, keyFile: 0o600, backupKeyFile: 0o600, caKeyFile: 0o600, "sandbox.db": 0o600} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%q mode %v, want %v", name, got, want)
		}
	}

	// The pin is the SHA-256 of the served (leaf) certificate's SPKI.
	block, _ := pem.Decode(s1.LeafPEM())
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	if got := base64.StdEncoding.EncodeToString(sum[:]); got != pin || SPKIPin(cert) != pin {
		t.Errorf("pin %s, SPKI hash %s", pin, got)
	}
	if backup == pin || backup == "" {
		t.Error("backup pin equals the primary pin")
	}
	if err := cert.VerifyHostname("127.0.0.1"); err != nil {
		t.Error(err)
	}
	if err := cert.VerifyHostname("localhost"); err != nil {
		t.Error(err)
	}
	if cert.PublicKeyAlgorithm != x509.ECDSA {
		t.Errorf("key algorithm %v", cert.PublicKeyAlgorithm)
	}

	// Reopen: same keys, same cert, data kept (no reseed).
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.PinSHA256() != pin || s2.BackupPinSHA256() != backup || string(s2.CertPEM()) != string(certPEM) {
		t.Error("identity changed across restarts")
	}
	if s2.CertPath() != filepath.Join(dir, "ca.pem") {
		t.Errorf("CertPath %s", s2.CertPath())
	}
	var n int
	if err := s2.db.QueryRow(`SELECT COUNT(*) FROM members`).Scan(&n); err != nil || n != len(demoMembers) {
		t.Errorf("members after reopen: %d, %v", n, err)
	}
}

func TestOpen_ReissuesExpiringCertWithSameKey(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, err := Open(dir, WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	pin, old := s.PinSHA256(), string(s.LeafPEM())
	s.Close()
	// Replace the cert with garbage: it must be regenerated from the kept key.
	if err := os.WriteFile(filepath.Join(dir, certFile), []byte("not a cert"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.PinSHA256() != pin || string(s.LeafPEM()) == old {
		t.Error("cert not reissued from the same key")
	}
}

func TestOpen_RejectsBadOptions(t *testing.T) {
	t.Parallel()
	for name, o := range map[string]Option{
		"clock":    WithClock(nil),
		"ttl":      WithAccessTTL(0),
		"lockout":  WithLockout(0, time.Minute, time.Minute),
		"logger":   WithLogger(nil),
		"password": WithPasswordParams(PasswordParams{}),
	} {
		if _, err := Open(t.TempDir(), o); err == nil {
			t.Errorf("%s: bad option accepted", name)
		}
	}
	if _, err := Open(""); err == nil {
		t.Error("empty data dir accepted")
	}
}

func TestStart_ServesPinnedTLSAndShutsDown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rn, err := Start(context.Background(), "", dir, WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	srv := rn.Server()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(srv.CertPEM())
	pinned := func(cs tls.ConnectionState) error {
		if SPKIPin(cs.PeerCertificates[0]) != srv.PinSHA256() {
			return errors.New("pin mismatch")
		}
		return nil
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, VerifyConnection: pinned}, ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	resp, err := c.Get(rn.URL() + "/v1/health")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil || resp.TLS.Version < tls.VersionTLS12 {
		t.Fatalf("health: %d %s", resp.StatusCode, body)
	}
	if resp.ProtoMajor != 2 {
		t.Errorf("protocol %s, want HTTP/2", resp.Proto)
	}
	// TLS 1.1 is refused.
	old := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS11}}
	if _, err := (&http.Client{Transport: old}).Get(rn.URL() + "/v1/health"); err == nil {
		t.Error("TLS 1.1 handshake succeeded")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := rn.Close(ctx); err != nil {
		t.Fatal(err)
	}
	tr.CloseIdleConnections()
	if _, err := c.Get(rn.URL() + "/v1/health"); err == nil {
		t.Error("server still answers after Close")
	}
}
