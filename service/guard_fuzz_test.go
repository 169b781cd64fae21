package service

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// FuzzHostAllowed: a host passes the allowlist only if it is an allowed
// domain or one of its subdomains (IP addresses: only exactly), compared
// case-insensitively and without a trailing dot. Look-alike domains
// ("evilbpjsketenagakerjaan.go.id", "bpjsketenagakerjaan.go.id.evil.x") fail.
func FuzzHostAllowed(f *testing.F) {
	for _, s := range [][2]string{
		{"api.bpjsketenagakerjaan.go.id", OfficialDomain}, {"evilbpjsketenagakerjaan.go.id", OfficialDomain},
		{"bpjsketenagakerjaan.go.id.evil.x", OfficialDomain}, {"1.127.0.0.1", "127.0.0.1"}, {"127.0.0.1", "127.0.0.1"},
		{"API.BPJSKETENAGAKERJAAN.GO.ID.", OfficialDomain}, {"xn--bpjsketenagakerjaan-xyz.go.id", OfficialDomain}, {"", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, host, domain string) {
		if !hostAllowed(host, []string{domain}) {
			return
		}
		h := strings.TrimSuffix(strings.ToLower(host), ".")
		d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
		if h == "" || d == "" {
			t.Fatalf("hostAllowed(%q, %q) with an empty side", host, domain)
		}
		if h == d {
			return
		}
		if !strings.HasSuffix(h, "."+d) || net.ParseIP(h) != nil || net.ParseIP(d) != nil {
			t.Fatalf("hostAllowed(%q, %q) = true", host, domain)
		}
	})
}

// FuzzProfileCheck: a profile that passes validation is https, names an
// allowed host, carries at least two distinct well-formed pins that have not
// expired, and has no credentials in its URL; every refusal is one of the
// typed errors the UI explains.
func FuzzProfileCheck(f *testing.F) {
	pin := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return base64.StdEncoding.EncodeToString(sum[:])
	}
	a, b := pin("a"), pin("b")
	for _, s := range []struct {
		url, domain, pin1, pin2 string
		expiresIn               int64
	}{
		{"https://api.bpjsketenagakerjaan.go.id/v1", OfficialDomain, a, b, 0},
		{"http://api.bpjsketenagakerjaan.go.id", OfficialDomain, a, b, 0},
		{"https://user:pw@api.bpjsketenagakerjaan.go.id", OfficialDomain, a, b, 0},
		{"https://127.0.0.1:8443", "127.0.0.1", a, a, 0},
		{"https://evilbpjsketenagakerjaan.go.id", OfficialDomain, a, b, 3600},
		{"HTTPS://API.BPJSKETENAGAKERJAAN.GO.ID", OfficialDomain, a, "not a pin", -1},
		{"//api.bpjsketenagakerjaan.go.id", OfficialDomain, a, b, 0},
	} {
		f.Add(s.url, s.domain, s.pin1, s.pin2, s.expiresIn)
	}
	now := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, rawURL, domain, pin1, pin2 string, expiresIn int64) {
		p := Profile{Name: "fuzz", BaseURL: rawURL, AllowedDomains: []string{domain}, Pins: []string{pin1, pin2}}
		if expiresIn != 0 {
			p.PinsExpire = now.Add(time.Duration(expiresIn%(1<<31)) * time.Second)
		}
		c, err := p.check(now)
		if err != nil {
			var de *DomainError
			var ce *CertificateError
			if !errors.Is(err, ErrInsecureURL) && !errors.As(err, &de) && !errors.As(err, &ce) {
				t.Fatalf("untyped refusal %T %v", err, err)
			}
			return
		}
		if c.base.Scheme != "https" || c.base.User != nil || !hostAllowed(c.host, p.AllowedDomains) {
			t.Fatalf("accepted %q for %q: %+v", rawURL, domain, c.base)
		}
		if len(c.pins) < 2 || c.pins[0] == c.pins[1] {
			t.Fatalf("accepted pins %q, %q", pin1, pin2)
		}
		if !p.PinsExpire.IsZero() && !now.Before(p.PinsExpire) {
			t.Fatalf("accepted pins that expired at %v", p.PinsExpire)
		}
		if o := c.origin(); !strings.HasPrefix(o, "https://") || strings.ContainsAny(o[len("https://"):], "/@?#") {
			t.Fatalf("origin %q", o)
		}
	})
}
