package sandbox

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// File names inside the data dir. cert.pem and key.pem were, before issue
// 15, a self-signed CA certificate and its key; they are now the leaf and
// its key (the same key: the pins survive the change), and ca.pem is the
// trust anchor.
const (
	certFile      = "cert.pem"
	keyFile       = "key.pem"
	backupKeyFile = "backup-key.pem"
	caFile        = "ca.pem"
	caKeyFile     = "ca-key.pem"
)

// certLifetime is long enough for a demo install to never notice, and the
// leaf is re-issued from the same key when it nears expiry, so pins survive.
// The CA lives longer, so a user who trusts it rarely has to again.
const (
	certLifetime = 825 * 24 * time.Hour
	caLifetime   = 10 * 365 * 24 * time.Hour
)

// identity is the server's TLS material.
type identity struct {
	cert      tls.Certificate // the leaf, then the CA
	caPEM     []byte
	caPath    string
	leafPEM   []byte
	pin       string
	backupPin string
}

// loadIdentity loads the keys and certificates from dir, creating what is
// missing and migrating a data dir of the old layout. Keys are never
// regenerated once written: the client pins the leaf key's SPKI, and a new
// key would look exactly like an interception.
//
// The layout is a small PKI: a CA that can only sign certificates (no
// server use, path length 0, name-constrained to localhost and the loopback
// addresses, so whoever trusts it trusts nothing its key might sign for
// another name), and a leaf for the loopback names that is not a CA.
func loadIdentity(dir string) (*identity, error) {
	key, err := loadOrCreateKey(filepath.Join(dir, keyFile))
	if err != nil {
		return nil, fmt.Errorf("server key: %w", err)
	}
	backup, err := loadOrCreateKey(filepath.Join(dir, backupKeyFile))
	if err != nil {
		return nil, fmt.Errorf("backup key: %w", err)
	}
	caKey, err := loadOrCreateKey(filepath.Join(dir, caKeyFile))
	if err != nil {
		return nil, fmt.Errorf("CA key: %w", err)
	}
	caPath := filepath.Join(dir, caFile)
	caPEM, ca, err := loadOrCreateCA(caPath, caKey)
	if err != nil {
		return nil, err
	}
	leafPEM, err := loadOrCreateLeaf(filepath.Join(dir, certFile), key, ca, caKey)
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("marshal server key: %w", err)
	}
	chain := append(append([]byte(nil), leafPEM...), caPEM...)
	pair, err := tls.X509KeyPair(chain, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	if err != nil {
		return nil, fmt.Errorf("load key pair: %w", err)
	}
	pin, err := spkiPin(key.Public())
	if err != nil {
		return nil, err
	}
	backupPin, err := spkiPin(backup.Public())
	if err != nil {
		return nil, err
	}
	return &identity{cert: pair, caPEM: caPEM, caPath: caPath, leafPEM: leafPEM, pin: pin, backupPin: backupPin}, nil
}

// loopbackNames are the names the leaf is for, and all the CA may sign.
var (
	loopbackDNS = []string{"localhost"}
	loopbackIPs = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
)

func parsePEMCert(data []byte) (*x509.Certificate, error) {
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, errors.New("no PEM certificate")
	}
	return x509.ParseCertificate(block.Bytes)
}

// stillGood: key matches, valid for at least another week.
func stillGood(c *x509.Certificate, key *ecdsa.PrivateKey) bool {
	return c.PublicKey != nil && key.PublicKey.Equal(c.PublicKey) && time.Now().Add(7*24*time.Hour).Before(c.NotAfter)
}

func readIfExists(path string) ([]byte, error) {
	data, err := os.ReadFile(path) // #nosec G304 -- the sandbox's own certificate files in its data dir
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

func newSerial() (*big.Int, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("certificate serial: %w", err)
	}
	return serial, nil
}

// loadOrCreateCA returns the CA certificate at path if it is a CA for key
// and still good; otherwise it issues a new one.
func loadOrCreateCA(path string, key *ecdsa.PrivateKey) ([]byte, *x509.Certificate, error) {
	data, err := readIfExists(path)
	if err != nil {
		return nil, nil, err
	}
	if data != nil {
		if c, err := parsePEMCert(data); err == nil && c.IsCA && stillGood(c, key) {
			return data, c, nil
		}
	}
	serial, err := newSerial()
	if err != nil {
		return nil, nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "Cek BPJSTK Sandbox CA", Organization: []string{"Cek BPJSTK"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(caLifetime),
		IsCA:                  true,
		BasicConstraintsValid: true,
		MaxPathLen:            0,
		MaxPathLenZero:        true,
		// Signs certificates only; never a server itself.
		KeyUsage:    x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		// Whatever its key signs is only good for the loopback names.
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         loopbackDNS,
		PermittedIPRanges: []*net.IPNet{
			{IP: net.IPv4(127, 0, 0, 0).To4(), Mask: net.CIDRMask(8, 32)},
			{IP: net.IPv6loopback, Mask: net.CIDRMask(128, 128)},
		},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, fmt.Errorf("create CA certificate: %w", err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, fmt.Errorf("parse CA certificate: %w", err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := writeFileAtomic(path, out, 0o644); err != nil {
		return nil, nil, err
	}
	return out, c, nil
}

// loadOrCreateLeaf returns the leaf certificate at path if it belongs to
// key, is not a CA, was signed by ca and is still good; otherwise (a
// certificate of the old self-signed layout, an expiring one, a new CA) it
// issues a new one for key.
func loadOrCreateLeaf(path string, key *ecdsa.PrivateKey, ca *x509.Certificate, caKey *ecdsa.PrivateKey) ([]byte, error) {
	data, err := readIfExists(path)
	if err != nil {
		return nil, err
	}
	if data != nil {
		if c, err := parsePEMCert(data); err == nil && !c.IsCA && stillGood(c, key) && c.CheckSignatureFrom(ca) == nil {
			return data, nil
		}
	}
	serial, err := newSerial()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "Cek BPJSTK Sandbox", Organization: []string{"Cek BPJSTK"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              minTime(now.Add(certLifetime), ca.NotAfter),
		IsCA:                  false,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:              loopbackDNS,
		IPAddresses:           loopbackIPs,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		return nil, fmt.Errorf("create certificate: %w", err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := writeFileAtomic(path, out, 0o644); err != nil {
		return nil, err
	}
	return out, nil
}

// SPKIPin returns the base64 (standard encoding) SHA-256 of a certificate's
// DER SubjectPublicKeyInfo, the format of curl --pinnedpubkey "sha256//…"
// and of HPKP.
func SPKIPin(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(sum[:])
}

func spkiPin(pub crypto.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", fmt.Errorf("marshal public key: %w", err)
	}
	sum := sha256.Sum256(der)
	return base64.StdEncoding.EncodeToString(sum[:]), nil
}

func loadOrCreateKey(path string) (*ecdsa.PrivateKey, error) {
	data, err := os.ReadFile(path) // #nosec G304 -- the sandbox's own certificate file in its data dir
	if errors.Is(err, fs.ErrNotExist) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return nil, fmt.Errorf("generate key: %w", err)
		}
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return nil, fmt.Errorf("marshal key: %w", err)
		}
		if err := writeFileAtomic(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
			return nil, err
		}
		return key, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	// Tighten permissions a user may have loosened by copying the dir.
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, fmt.Errorf("chmod %s: %w", path, err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s: no PKCS#8 PEM block", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	key, ok := k.(*ecdsa.PrivateKey)
	if !ok || key.Curve != elliptic.P256() {
		return nil, fmt.Errorf("%s: not an ECDSA P-256 key", path)
	}
	return key, nil
}

// writeFileAtomic writes via a temp file and rename so a crash never leaves
// a half-written key behind.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("create temp for %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(perm); err != nil {
		_ = f.Close()
		return fmt.Errorf("chmod temp for %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}
