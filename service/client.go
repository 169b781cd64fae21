package service

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-resty/resty/v2"
)

// MaxResponseBytes caps every response body, after decompression.
const MaxResponseBytes = 4 << 20

// maxErrorBytes caps how much of an error body is parsed.
const maxErrorBytes = 64 << 10

// TokenStore keeps remembered refresh tokens; keystore.Store satisfies it.
type TokenStore interface {
	Set(ctx context.Context, account, purpose, secret string) error
	Get(ctx context.Context, account, purpose string) (string, error)
	Delete(ctx context.Context, account, purpose string) error
}

// Option configures a Client; options validate their input.
type Option func(*Client) error

// WithLogger sets the slog logger (default: slog.Default()). The client never
// logs passwords, tokens, NIKs, full KPJs, identifiers or query strings.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) error {
		if l == nil {
			return errors.New("service: nil logger")
		}
		c.log = l
		return nil
	}
}

// WithTokenStore sets where remembered refresh tokens go (the OS keyring).
func WithTokenStore(s TokenStore) Option {
	return func(c *Client) error {
		if s == nil {
			return errors.New("service: nil token store")
		}
		c.store = s
		return nil
	}
}

// WithTimeout bounds each HTTP attempt (default 30s); the context bounds the call.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) error {
		if d <= 0 || d > 10*time.Minute {
			return fmt.Errorf("service: timeout %v out of range", d)
		}
		c.timeout = d
		return nil
	}
}

// WithUserAgent sets the User-Agent, e.g. "Cek BPJSTK/1.0 (linux)"; the
// server shows it in the login history.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		if ua == "" || len(ua) > 200 || strings.ContainsAny(ua, "\r\n") {
			return errors.New("service: invalid user agent")
		}
		c.userAgent = ua
		return nil
	}
}

// WithClock sets the clock used for pin-set expiry and token lifetimes.
func WithClock(now func() time.Time) Option {
	return func(c *Client) error {
		if now == nil {
			return errors.New("service: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithTransportWrapper wraps the guarded transport, for tests that count or
// observe requests. The wrapper gets the finished transport; it cannot
// change how certificates are checked.
func WithTransportWrapper(wrap func(http.RoundTripper) http.RoundTripper) Option {
	return func(c *Client) error {
		if wrap == nil {
			return errors.New("service: nil transport wrapper")
		}
		c.wrap = wrap
		return nil
	}
}

// WithRetryWait sets the base and maximum backoff of GET retries (default 250ms, 2s).
func WithRetryWait(base, max time.Duration) Option {
	return func(c *Client) error {
		if base <= 0 || max < base {
			return errors.New("service: invalid retry wait")
		}
		c.retryWait, c.retryMax = base, max
		return nil
	}
}

// withoutPinCheck disables the pin comparison (chain, hostname and allowlist
// checks stay). Unexported: only the benchmark uses it.
func withoutPinCheck() Option {
	return func(c *Client) error { c.skipPins = true; return nil }
}

// Client talks to one verified server. It is safe for concurrent use.
type Client struct {
	profile   Profile
	chk       *checked
	log       *slog.Logger
	store     TokenStore
	timeout   time.Duration
	userAgent string
	now       func() time.Time
	wrap      func(http.RoundTripper) http.RoundTripper
	skipPins  bool
	retryWait time.Duration
	retryMax  time.Duration

	transport *http.Transport
	dialer    *guardDialer
	strict    *resty.Client // non-GET: no retries, no redirects
	reads     *resty.Client // GET: retries on connection errors and 502/503/504, same-origin redirects

	mu   sync.Mutex // guards sess
	sess session

	refreshMu sync.Mutex // serialises refreshes (single flight)

	cond conditional // the session's last ETags and bodies (conditional.go)
}

// session is the in-memory login state. The password is never kept.
type session struct {
	identifier    string
	access        string
	refresh       string
	accessExpires time.Time
	remember      bool
	mfaToken      string
	mfaExpires    time.Time
}

// New builds a Client for profile. It refuses, before any dial, an http://
// URL (ErrInsecureURL), a host outside the allowlist (*DomainError), and a
// profile with fewer than two pins or an expired pin set (*CertificateError).
func New(profile Profile, opts ...Option) (*Client, error) {
	c := &Client{
		profile:   profile,
		log:       slog.Default(),
		timeout:   30 * time.Second,
		userAgent: "Cek BPJSTK",
		now:       time.Now,
		retryWait: 250 * time.Millisecond,
		retryMax:  2 * time.Second,
	}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	chk, err := profile.check(c.now())
	if err != nil {
		return nil, err
	}
	c.chk = chk
	c.dialer = newGuardDialer(chk, c.skipPins)
	c.transport = guardTransport(c.dialer)
	var rt http.RoundTripper = c.transport
	if c.wrap != nil {
		rt = c.wrap(rt)
	}
	c.strict = c.newResty(rt, noRedirects(chk))
	c.reads = c.newResty(rt, sameOriginRedirects(chk))
	c.reads.SetRetryCount(2).
		SetRetryWaitTime(c.retryWait).
		SetRetryMaxWaitTime(c.retryMax).
		AddRetryCondition(retryable)
	return c, nil
}

func (c *Client) newResty(rt http.RoundTripper, redirect func(*http.Request, []*http.Request) error) *resty.Client {
	hc := &http.Client{Transport: rt, CheckRedirect: redirect, Timeout: c.timeout}
	r := resty.NewWithClient(hc)
	r.SetDebug(false).
		SetLogger(discardLogger{}).
		SetDisableWarn(true).
		SetBaseURL(strings.TrimRight(c.chk.base.String(), "/")).
		SetResponseBodyLimit(MaxResponseBytes).
		SetRetryCount(0).
		SetHeader("User-Agent", c.userAgent).
		SetHeader("Accept", "application/json")
	// NewWithClient keeps our CheckRedirect; set nothing that touches TLS here.
	return r
}

// ServerProfile returns the profile the client was built for.
func (c *Client) ServerProfile() Profile { return c.profile }

// Close drops idle connections.
func (c *Client) Close() { c.transport.CloseIdleConnections() }

// Verify performs a TLS handshake with the server (sending nothing else),
// checks it like every call, and reports the connection.
func (c *Client) Verify(ctx context.Context) (SecurityReport, error) {
	if err := c.preflight(); err != nil {
		return SecurityReport{}, err
	}
	r, err := verifyTLS(ctx, c.dialer)
	if err != nil {
		c.log.Warn("server verification failed", "host", c.chk.host, "err", err)
		return r, err
	}
	c.log.Info("server verified", "host", r.Host, "tls", r.TLSVersion, "pin", r.PinRole)
	return r, nil
}

// retryable: only GETs (the only calls made with this client) on connection
// errors before a response, and on 502/503/504.
func retryable(r *resty.Response, err error) bool {
	if r != nil && r.Request != nil && r.Request.Method != http.MethodGet {
		return false
	}
	if err != nil {
		return isConnError(err)
	}
	if r == nil {
		return false
	}
	switch r.StatusCode() {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// isConnError: a failure to connect or a broken connection, never a
// certificate, policy, size or timeout failure.
func isConnError(err error) bool {
	var ce *CertificateError
	var de *DomainError
	var re *RedirectError
	var cv *tls.CertificateVerificationError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &de), errors.As(err, &re), errors.As(err, &cv),
		errors.Is(err, resty.ErrResponseBodyTooLarge), errors.Is(err, context.Canceled),
		errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.As(err, &ne) && ne.Timeout():
		return false
	}
	var oe *net.OpError
	return errors.As(err, &oe) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}

// mapTransportError turns an error from the HTTP or TLS stack into our types.
func mapTransportError(ctx context.Context, host string, err error) error {
	if err == nil {
		return nil
	}
	var (
		ce *CertificateError
		de *DomainError
		re *RedirectError
	)
	switch {
	case errors.As(err, &ce):
		return ce
	case errors.As(err, &de):
		return de
	case errors.As(err, &re):
		return re
	case errors.Is(err, resty.ErrResponseBodyTooLarge):
		return ErrResponseTooLarge
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded:
		return fmt.Errorf("%w: %w", ErrTimeout, context.DeadlineExceeded)
	}
	if cerr := certError(host, err); cerr != nil {
		return cerr
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return fmt.Errorf("%w: %v", ErrOffline, err)
}

func certError(host string, err error) error {
	var (
		ua  x509.UnknownAuthorityError
		he  x509.HostnameError
		ci  x509.CertificateInvalidError
		cv  *tls.CertificateVerificationError
		rec tls.RecordHeaderError
	)
	switch {
	case errors.As(err, &ua):
		return &CertificateError{Reason: ReasonUntrusted, Host: host, Err: err}
	case errors.As(err, &he):
		return &CertificateError{Reason: ReasonHostname, Host: host, Err: err}
	case errors.As(err, &ci):
		if ci.Reason == x509.Expired {
			return &CertificateError{Reason: ReasonExpired, Host: host, Err: err}
		}
		return &CertificateError{Reason: ReasonOther, Host: host, Err: err}
	case errors.As(err, &cv):
		return &CertificateError{Reason: ReasonOther, Host: host, Err: err}
	case errors.As(err, &rec):
		// A plain-HTTP server answering our ClientHello.
		return &CertificateError{Reason: ReasonOther, Host: host, Err: err}
	}
	return nil
}

type discardLogger struct{}

func (discardLogger) Errorf(string, ...interface{}) {}
func (discardLogger) Warnf(string, ...interface{})  {}
func (discardLogger) Debugf(string, ...interface{}) {}
