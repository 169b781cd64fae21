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

// File names inside the data dir.
const (
	certFile      = "cert.pem"
	keyFile       = "key.pem"
	backupKeyFile = "backup-key.pem"
)

// certLifetime is long enough for a demo install to never notice, and the
// cert is re-issued from the same key when it nears expiry, so pins survive.
const certLifetime = 825 * 24 * time.Hour

// identity is the server's TLS material.
type identity struct {
	cert      tls.Certificate
	certPEM   []byte
	certPath  string
	pin       string
	backupPin string
}

// loadIdentity loads the key pair and backup key from dir, creating what is
// missing. Keys are never regenerated once written: the client pins their
// SPKI, and a new key would look exactly like an interception.
func loadIdentity(dir string) (*identity, error) {
	key, err := loadOrCreateKey(filepath.Join(dir, keyFile))
	if err != nil {
		return nil, fmt.Errorf("server key: %w", err)
	}
	backup, err := loadOrCreateKey(filepath.Join(dir, backupKeyFile))
	if err != nil {
		return nil, fmt.Errorf("backup key: %w", err)
	}
	certPath := filepath.Join(dir, certFile)
	certPEM, err := loadOrCreateCert(certPath, key)
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("marshal server key: %w", err)
	}
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
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
	return &identity{cert: pair, certPEM: certPEM, certPath: certPath, pin: pin, backupPin: backupPin}, nil
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

// loadOrCreateCert returns the PEM certificate at path if it belongs to key
// and is valid for at least another week; otherwise it issues a new one.
func loadOrCreateCert(path string, key *ecdsa.PrivateKey) ([]byte, error) {
	data, err := os.ReadFile(path) // #nosec G304 -- the sandbox's own key file in its data dir
	if err == nil {
		if block, _ := pem.Decode(data); block != nil {
			c, err := x509.ParseCertificate(block.Bytes)
			if err == nil && c.PublicKey != nil && key.PublicKey.Equal(c.PublicKey) &&
				time.Now().Add(7*24*time.Hour).Before(c.NotAfter) {
				return data, nil
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("certificate serial: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "Cek BPJSTK Sandbox", Organization: []string{"Cek BPJSTK"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(certLifetime),
		// Self-signed: the certificate is its own trust anchor for
		// curl --cacert and for the client's root pool.
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, fmt.Errorf("create certificate: %w", err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := writeFileAtomic(path, out, 0o644); err != nil {
		return nil, err
	}
	return out, nil
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
