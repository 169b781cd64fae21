package sandbox

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func parseCertPEM(t *testing.T, b []byte) *x509.Certificate {
	t.Helper()
	block, _ := pem.Decode(b)
	if block == nil {
		t.Fatal("no PEM block")
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// handshake connects to rn, trusting only the sandbox CA, and returns the
// verified chain.
func handshake(t *testing.T, rn *Running) []*x509.Certificate {
	t.Helper()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(rn.Server().CertPEM()) {
		t.Fatal("CA PEM not parseable")
	}
	conn, err := tls.Dial("tcp", rn.URL()[len("https://"):], &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12})
	if err != nil {
		t.Fatalf("TLS handshake trusting the sandbox CA: %v", err)
	}
	defer conn.Close()
	st := conn.ConnectionState()
	if len(st.VerifiedChains) == 0 {
		t.Fatal("no verified chain")
	}
	return st.VerifiedChains[0]
}

// The served certificate is a leaf (not a CA) for the loopback names; the
// CA only signs, may sign no further CA and only for the loopback names,
// so a user who trusts it trusts nothing else its key might sign. The pin
// is the leaf key's.
func TestTLS_ServedLeafIsNotACA(t *testing.T) {
	t.Parallel()
	rn, err := Start(context.Background(), "", t.TempDir(), WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	defer rn.Close(context.Background())
	chain := handshake(t, rn)
	leaf, ca := chain[0], chain[len(chain)-1]
	if leaf.IsCA || leaf.KeyUsage&x509.KeyUsageCertSign != 0 || !leaf.BasicConstraintsValid {
		t.Errorf("served certificate: IsCA %v, key usage %b", leaf.IsCA, leaf.KeyUsage)
	}
	if SPKIPin(leaf) != rn.Server().PinSHA256() {
		t.Error("the pin is not the served leaf's key")
	}
	if SPKIPin(ca) == rn.Server().PinSHA256() || SPKIPin(ca) == rn.Server().BackupPinSHA256() {
		t.Error("the CA key is pinned")
	}
	if !ca.IsCA || !ca.MaxPathLenZero || ca.KeyUsage != x509.KeyUsageCertSign|x509.KeyUsageCRLSign ||
		!ca.PermittedDNSDomainsCritical || len(ca.PermittedDNSDomains) != 1 || ca.PermittedDNSDomains[0] != "localhost" {
		t.Errorf("CA: IsCA %v pathlen0 %v usage %b names %v", ca.IsCA, ca.MaxPathLenZero, ca.KeyUsage, ca.PermittedDNSDomains)
	}
	if string(rn.Server().CertPEM()) == string(rn.Server().LeafPEM()) {
		t.Error("CertPEM is the leaf")
	}

	// What the CA key might sign for another name is refused by anyone
	// trusting the CA (the name constraints), and so is a sub-CA.
	caKey := readKey(t, filepath.Join(filepath.Dir(rn.Server().CertPath()), caKeyFile))
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	for name, tmpl := range map[string]*x509.Certificate{
		"other name": {DNSNames: []string{"bpjsketenagakerjaan.go.id"}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}},
		"other IP":   {IPAddresses: []net.IP{net.IPv4(10, 0, 0, 1)}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}},
	} {
		tmpl.SerialNumber, tmpl.NotBefore, tmpl.NotAfter = big.NewInt(7), time.Now().Add(-time.Hour), time.Now().Add(time.Hour)
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, k.Public(), caKey)
		if err != nil {
			t.Fatal(err)
		}
		forged, _ := x509.ParseCertificate(der)
		if _, err := forged.Verify(x509.VerifyOptions{Roots: pool}); err == nil {
			t.Errorf("%s: a certificate the CA key signed outside localhost/loopback verifies", name)
		}
	}
	// A sub-CA it might sign cannot issue anything trusted.
	subKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	subDER, _ := x509.CreateCertificate(rand.Reader, &x509.Certificate{SerialNumber: big.NewInt(8), Subject: pkix.Name{CommonName: "sub"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}, ca, subKey.Public(), caKey)
	sub, _ := x509.ParseCertificate(subDER)
	leafKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, _ := x509.CreateCertificate(rand.Reader, &x509.Certificate{SerialNumber: big.NewInt(9), DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}, sub, leafKey.Public(), subKey)
	viaSub, _ := x509.ParseCertificate(der)
	inter := x509.NewCertPool()
	inter.AddCert(sub)
	if _, err := viaSub.Verify(x509.VerifyOptions{Roots: pool, Intermediates: inter}); err == nil {
		t.Error("a certificate issued by a sub-CA of the sandbox CA verifies")
	}
}

func readKey(t *testing.T, path string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := loadOrCreateKey(path)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// A data dir from before issue 15 (a self-signed CA certificate as the
// served one, schema version 1) opens: the pinned key is kept, the served
// certificate becomes a leaf under a new signing-only CA, the database
// gains the new tables, and Dewi can register.
func TestOpen_MigratesAnOldDataDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key := readKey(t, filepath.Join(dir, keyFile))
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Cek BPJSTK Sandbox"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(800 * 24 * time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, certFile), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	oldPin := SPKIPin(parseCertPEM(t, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	// The version 1 database, as the old sandbox created it.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "sandbox.db")+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := db.Begin()
	if _, err := tx.Exec(schema); err != nil {
		t.Fatal(err)
	}
	if err := seed(context.Background(), tx, FastPasswordParams); err != nil {
		t.Fatal(err)
	}
	// The old sandbox had no Rina.
	if _, err := tx.Exec(`DELETE FROM contributions WHERE kpj = '22078901234'`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`DELETE FROM cards WHERE kpj = '22078901234'`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`DELETE FROM members WHERE nik = '3273015002930007'`); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	rn, err := Start(context.Background(), "", dir, WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatalf("open the old data dir: %v", err)
	}
	defer rn.Close(context.Background())
	if rn.Server().PinSHA256() != oldPin {
		t.Error("the pin changed: clients pinning the old key would refuse the server")
	}
	chain := handshake(t, rn)
	if chain[0].IsCA {
		t.Error("the migrated server still serves a CA certificate")
	}
	var v int
	if err := rn.Server().db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != schemaVersion {
		t.Errorf("schema version %d, %v", v, err)
	}
	var phone string
	if err := rn.Server().db.QueryRow(`SELECT phone FROM members WHERE nik = '5171044407950004'`).Scan(&phone); err != nil || phone != "081337001122" {
		t.Errorf("Dewi's phone on record: %q, %v", phone, err)
	}
	if err := rn.Server().db.QueryRow(`SELECT phone FROM members WHERE nik = '3174051708850003'`).Scan(&phone); err != nil || phone != "081234567890" {
		t.Errorf("Budi's phone on record: %q, %v", phone, err)
	}
	if err := rn.Server().db.QueryRow(`SELECT phone FROM members WHERE nik = '3273015002930007'`).Scan(&phone); err != nil || phone != "085221334455" {
		t.Errorf("Rina, the registration's new demo member: %q, %v", phone, err)
	}
}
