package prefs

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"
)

func testCertPEM(t *testing.T, cn string) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: der})
	return b.String()
}

// The custom server's CA: PEM certificates only, stored as given (trimmed),
// and in the profile as its extra roots; "" removes it; anything else is
// refused and leaves the stored CA as it was.
func TestSettings_CustomCA(t *testing.T) {
	t.Parallel()
	s := New(NewMemoryStore())
	one, two := testCertPEM(t, "CA one"), testCertPEM(t, "CA two")
	if err := s.SetCustomCA("\n" + one + "\n"); err != nil {
		t.Fatal(err)
	}
	if s.CustomCA() != strings.TrimSpace(one) {
		t.Fatal("CA not stored trimmed")
	}
	if err := s.SetCustomServer("https://api.contoh.id", []string{settingsPin("a"), settingsPin("b")}, []string{"contoh.id"}); err != nil {
		t.Fatal(err)
	}
	if p := s.CustomProfile(); string(p.ExtraRootsPEM) != strings.TrimSpace(one) {
		t.Fatalf("profile roots %q", p.ExtraRootsPEM)
	}
	if err := s.SetCustomCA(one + two); err != nil {
		t.Fatalf("two certificates: %v", err)
	}
	key := "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n"
	for name, bad := range map[string]string{
		"not PEM":       "hello",
		"a private key": key,
		"cert then key": one + key,
		"garbage cert":  "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
		"cert and junk": one + "junk",
		"too large":     strings.Repeat(one, 200),
	} {
		if err := s.SetCustomCA(bad); !errors.Is(err, ErrCustomCA) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if s.CustomCA() != strings.TrimSpace(one+two) {
		t.Fatal("a refused CA changed the stored one")
	}
	if err := s.SetCustomCA(""); err != nil || s.CustomCA() != "" || s.CustomProfile().ExtraRootsPEM != nil {
		t.Fatalf("clearing: %v", err)
	}
}
