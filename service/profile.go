package service

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"net"
	"net/url"
	"strings"
	"time"
)

// OfficialDomain is the domain the official profile allows.
const OfficialDomain = "bpjsketenagakerjaan.go.id"

// Profile says which server the client may talk to and how to recognise it.
type Profile struct {
	Name    string
	BaseURL string // https://host[:port], no path beyond an optional prefix
	// AllowedDomains: a host matches if it equals one or is a subdomain of one.
	AllowedDomains []string
	// Pins are base64 SHA-256 hashes of SubjectPublicKeyInfo; the first is the
	// primary, the rest backups. At least two distinct pins are required.
	Pins []string
	// ExtraRootsPEM are trust roots added to the system pool (the sandbox certificate).
	ExtraRootsPEM []byte
	// PinsExpire: after this instant the pin set is refused. Zero means no expiry.
	PinsExpire time.Time
}

// OfficialProfile is the BPJS Ketenagakerjaan profile. Its API endpoint and
// keys are not public, so it ships without pins and New refuses it with
// ReasonNoPins until it is configured; it is never used unpinned.
func OfficialProfile() Profile {
	return Profile{
		Name:           "BPJS Ketenagakerjaan",
		BaseURL:        "https://" + OfficialDomain,
		AllowedDomains: []string{OfficialDomain},
	}
}

// DemoProfile points at the embedded sandbox: baseURL is its https address,
// certPEM its certificate (trusted as an extra root), pins its SPKI pins
// (primary and backup). The pin set expires with the certificate.
func DemoProfile(baseURL string, certPEM []byte, pins ...string) Profile {
	p := Profile{
		Name:          "Sandbox",
		BaseURL:       baseURL,
		Pins:          append([]string(nil), pins...),
		ExtraRootsPEM: append([]byte(nil), certPEM...),
	}
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		p.AllowedDomains = []string{strings.ToLower(u.Hostname())}
	}
	if blk, _ := pem.Decode(certPEM); blk != nil {
		if c, err := x509.ParseCertificate(blk.Bytes); err == nil {
			p.PinsExpire = c.NotAfter
		}
	}
	return p
}

// SPKIPin returns the base64 SHA-256 pin of a certificate's public key.
func SPKIPin(c *x509.Certificate) string {
	sum := sha256.Sum256(c.RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// hostAllowed reports whether host equals or is a subdomain of an allowed domain.
// IP addresses only match exactly.
func hostAllowed(host string, allowed []string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return false
	}
	isIP := net.ParseIP(host) != nil
	for _, d := range allowed {
		d = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
		if d == "" {
			continue
		}
		if host == d || (!isIP && net.ParseIP(d) == nil && strings.HasSuffix(host, "."+d)) {
			return true
		}
	}
	return false
}

// checked is a Profile that passed validation, in the form the guard uses.
type checked struct {
	base    *url.URL
	host    string // hostname, lower case
	port    string // explicit or 443
	allowed []string
	pins    [][sha256.Size]byte
	pinStr  []string
	roots   *x509.CertPool // nil: system roots
	expires time.Time
}

// check validates p at instant now. Errors: ErrInsecureURL, *DomainError,
// *CertificateError (no pins, invalid pin, pins expired).
func (p Profile) check(now time.Time) (*checked, error) {
	u, err := url.Parse(strings.TrimSpace(p.BaseURL))
	if err != nil || u.Host == "" {
		return nil, ErrInsecureURL
	}
	if u.Scheme != "https" || u.User != nil {
		return nil, ErrInsecureURL
	}
	host := strings.ToLower(u.Hostname())
	if !hostAllowed(host, p.AllowedDomains) {
		return nil, &DomainError{Host: host}
	}
	c := &checked{base: u, host: host, port: u.Port(), allowed: p.AllowedDomains, expires: p.PinsExpire}
	if c.port == "" {
		c.port = "443"
	}
	seen := map[[sha256.Size]byte]bool{}
	for _, s := range p.Pins {
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
		if err != nil || len(b) != sha256.Size {
			return nil, &CertificateError{Reason: ReasonInvalidPin, Host: host}
		}
		var h [sha256.Size]byte
		copy(h[:], b)
		if !seen[h] {
			seen[h] = true
			c.pins = append(c.pins, h)
			c.pinStr = append(c.pinStr, base64.StdEncoding.EncodeToString(b))
		}
	}
	if len(c.pins) < 2 {
		return nil, &CertificateError{Reason: ReasonNoPins, Host: host}
	}
	if !p.PinsExpire.IsZero() && !now.Before(p.PinsExpire) {
		return nil, &CertificateError{Reason: ReasonPinsExpired, Host: host}
	}
	if len(p.ExtraRootsPEM) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(p.ExtraRootsPEM) {
			return nil, &CertificateError{Reason: ReasonUntrusted, Host: host}
		}
		c.roots = pool
	}
	return c, nil
}

// origin returns scheme://host:port of the base URL.
func (c *checked) origin() string { return "https://" + net.JoinHostPort(c.host, c.port) }
