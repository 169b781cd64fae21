package service

// The guard: every byte this package sends goes through a connection whose
// certificate, host and pins were checked here. Nothing else in the package
// builds a tls.Config or an http.Transport.

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// pinError is returned by VerifyConnection; mapped to *CertificateError.
var errPinMismatch = errors.New("no pinned key in the verified chain")

// guardTLS returns the TLS configuration for one connection to host: TLS
// 1.2+, normal chain and hostname verification (InsecureSkipVerify stays
// false), then VerifyConnection, which also runs on resumed sessions, checks
// host against the allowlist and the pins against cs.VerifiedChains (never
// the raw peer certificates, which a MITM can pad with the genuine CA).
func guardTLS(c *checked, host string, skipPins bool, cache tls.ClientSessionCache) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		RootCAs:            c.roots,
		ServerName:         host,
		NextProtos:         []string{"h2", "http/1.1"},
		ClientSessionCache: cache,
		VerifyConnection: func(cs tls.ConnectionState) error {
			if !hostAllowed(host, c.allowed) {
				return &DomainError{Host: host}
			}
			if skipPins {
				return nil
			}
			if _, ok := matchPin(c, cs.VerifiedChains); !ok {
				return &CertificateError{Reason: ReasonPinMismatch, Host: host, Err: errPinMismatch}
			}
			return nil
		},
	}
}

// matchPin returns the index of the first pin found in any verified chain.
func matchPin(c *checked, chains [][]*x509.Certificate) (int, bool) {
	for _, chain := range chains {
		for _, cert := range chain {
			sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
			for i, p := range c.pins {
				if p == sum {
					return i, true
				}
			}
		}
	}
	return -1, false
}

// guardDialer dials every TLS connection of a Client. The host comes from
// the address being dialed, so the certificate is checked for the host the
// bytes go to; a host outside the allowlist is refused before dialing.
type guardDialer struct {
	chk      *checked
	skipPins bool
	net      *net.Dialer
	cache    tls.ClientSessionCache
}

func newGuardDialer(c *checked, skipPins bool) *guardDialer {
	return &guardDialer{chk: c, skipPins: skipPins,
		net:   &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second},
		cache: tls.NewLRUClientSessionCache(16)}
}

func (g *guardDialer) DialTLSContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	host = strings.ToLower(host)
	if !hostAllowed(host, g.chk.allowed) {
		return nil, &DomainError{Host: host}
	}
	raw, err := g.net.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn := tls.Client(raw, guardTLS(g.chk, host, g.skipPins, g.cache))
	hctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := conn.HandshakeContext(hctx); err != nil {
		_ = raw.Close()
		return nil, err
	}
	return conn, nil
}

// guardTransport is the only http.Transport of a Client. Every connection
// comes from the guard dialer; plain-http dials are refused. There is no
// proxy support: a proxy would take the TLS dial out of the guard's hands.
// Tests may wrap the transport (WithTransportWrapper) but cannot change how
// certificates are checked: the wrapper receives a finished transport
// (unlike resty's SetTransport + SetTLSClientConfig, which silently drops the
// config on a wrapper).
func guardTransport(g *guardDialer) *http.Transport {
	return &http.Transport{
		Proxy:          nil,
		DialTLSContext: g.DialTLSContext,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return nil, ErrInsecureURL
		},
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  20 * time.Second,
		ExpectContinueTimeout:  time.Second,
		IdleConnTimeout:        90 * time.Second,
		MaxIdleConns:           8,
		MaxResponseHeaderBytes: 64 << 10,
	}
}

// noRedirects refuses every redirect: auth calls carry passwords, codes and
// tokens in their bodies, and a 307 would re-send them to the new location.
// The new request is never sent.
func noRedirects(c *checked) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		return redirectError(c, req.URL)
	}
}

// sameOriginRedirects follows at most 3 redirects that keep scheme, host and port.
func sameOriginRedirects(c *checked) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > 3 || originOf(req.URL) != c.origin() {
			return redirectError(c, req.URL)
		}
		return nil
	}
}

func originOf(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch u.Scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return strings.ToLower(u.Scheme) + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

func redirectError(c *checked, to *url.URL) error {
	return &RedirectError{
		From:     c.origin(),
		To:       originOf(to),
		Insecure: to.Scheme != "https",
		Foreign:  !hostAllowed(to.Hostname(), c.allowed),
	}
}

// SecurityReport describes a verified connection; the login screen shows it
// before the password field is enabled.
type SecurityReport struct {
	Host        string    `json:"host"`
	Address     string    `json:"address"` // host:port dialed
	TLSVersion  string    `json:"tls_version"`
	CipherSuite string    `json:"cipher_suite"`
	Protocol    string    `json:"protocol"` // ALPN: h2 or http/1.1
	Subject     string    `json:"subject"`
	Issuer      string    `json:"issuer"`
	NotBefore   time.Time `json:"not_before"`
	NotAfter    time.Time `json:"not_after"`
	PinSHA256   string    `json:"pin_sha256"` // the pin that matched
	PinRole     string    `json:"pin_role"`   // "primary" or "backup"
	PinsExpire  time.Time `json:"pins_expire,omitzero"`
	Chain       []string  `json:"chain"` // subjects, leaf first
}

// verifyTLS performs only a TLS handshake (no HTTP byte is sent) and reports it.
func verifyTLS(ctx context.Context, g *guardDialer) (SecurityReport, error) {
	c := g.chk
	addr := net.JoinHostPort(c.host, c.port)
	conn, err := g.DialTLSContext(ctx, "tcp", addr)
	if err != nil {
		return SecurityReport{}, mapTransportError(ctx, c.host, err)
	}
	defer conn.Close()
	cs := conn.(*tls.Conn).ConnectionState()
	if len(cs.VerifiedChains) == 0 || len(cs.VerifiedChains[0]) == 0 {
		return SecurityReport{}, &CertificateError{Reason: ReasonUntrusted, Host: c.host}
	}
	leaf := cs.VerifiedChains[0][0]
	r := SecurityReport{
		Host:        c.host,
		Address:     addr,
		TLSVersion:  tls.VersionName(cs.Version),
		CipherSuite: tls.CipherSuiteName(cs.CipherSuite),
		Protocol:    cs.NegotiatedProtocol,
		Subject:     leaf.Subject.String(),
		Issuer:      leaf.Issuer.String(),
		NotBefore:   leaf.NotBefore,
		NotAfter:    leaf.NotAfter,
		PinsExpire:  c.expires,
	}
	if r.Protocol == "" {
		r.Protocol = "http/1.1"
	}
	for _, cert := range cs.VerifiedChains[0] {
		r.Chain = append(r.Chain, cert.Subject.String())
	}
	if i, ok := matchPin(c, cs.VerifiedChains); ok {
		r.PinSHA256 = c.pinStr[i]
		r.PinRole = "backup"
		if i == 0 {
			r.PinRole = "primary"
		}
	}
	return r, nil
}
