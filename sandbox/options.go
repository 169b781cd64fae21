package sandbox

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"
)

// Option configures a Server. Options validate their input and make Open
// fail rather than run with a nonsensical setting.
type Option func(*config) error

type config struct {
	clock        func() time.Time
	accessTTL    time.Duration
	refreshTTL   time.Duration
	sessionLife  time.Duration
	outboxLog    bool
	mfaTTL       time.Duration
	lockMax      int
	lockWindow   time.Duration
	lockDuration time.Duration
	middleware   func(http.Handler) http.Handler
	logger       *slog.Logger
	password     PasswordParams
}

func defaultConfig() config {
	return config{
		clock:        time.Now,
		accessTTL:    15 * time.Minute,
		refreshTTL:   30 * 24 * time.Hour,
		sessionLife:  90 * 24 * time.Hour,
		mfaTTL:       5 * time.Minute,
		lockMax:      5,
		lockWindow:   15 * time.Minute,
		lockDuration: 15 * time.Minute,
		logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		password:     DefaultPasswordParams,
	}
}

// WithClock replaces time.Now for token expiry, TOTP and lockout, so tests
// can move time forward instead of sleeping.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return fmt.Errorf("sandbox: WithClock: nil clock")
		}
		c.clock = now
		return nil
	}
}

// WithAccessTTL sets the access token lifetime (default 15 minutes).
func WithAccessTTL(d time.Duration) Option {
	return func(c *config) error {
		if d < time.Second {
			return fmt.Errorf("sandbox: WithAccessTTL: %v is shorter than a second", d)
		}
		c.accessTTL = d
		return nil
	}
}

// WithRefreshTTL sets the refresh token lifetime (default 30 days).
func WithRefreshTTL(d time.Duration) Option {
	return func(c *config) error {
		if d < time.Second {
			return fmt.Errorf("sandbox: WithRefreshTTL: %v is shorter than a second", d)
		}
		c.refreshTTL = d
		return nil
	}
}

// WithSessionLifetime sets the absolute lifetime of a session family
// (default 90 days): however often its refresh token rotates, the member
// signs in again with the password after this long.
func WithSessionLifetime(d time.Duration) Option {
	return func(c *config) error {
		if d < time.Second {
			return fmt.Errorf("sandbox: WithSessionLifetime: %v is shorter than a second", d)
		}
		c.sessionLife = d
		return nil
	}
}

// WithDevOutbox makes the sandbox print every mail and SMS it "sends"
// (registration codes included) to its logger at warn level and serve them
// on GET /v1/dev/outbox to loopback callers, as the standalone
// cekbpjstk-sandbox does; the in-app demo shows them on screen instead.
func WithDevOutbox() Option {
	return func(c *config) error {
		c.outboxLog = true
		return nil
	}
}

// WithLockout sets how many failed logins per identifier within window lock
// it, and for how long (default 5 in 15 minutes, locked 15 minutes).
func WithLockout(maxAttempts int, window, duration time.Duration) Option {
	return func(c *config) error {
		if maxAttempts < 1 || window <= 0 || duration <= 0 {
			return fmt.Errorf("sandbox: WithLockout(%d, %v, %v): all values must be positive", maxAttempts, window, duration)
		}
		c.lockMax, c.lockWindow, c.lockDuration = maxAttempts, window, duration
		return nil
	}
}

// WithMiddleware wraps the API routes in mw from the start. It sits inside
// the request counter and the access log, so a request mw answers itself is
// still counted (Stats) and logged, and outside the routes and their
// problem+json 404/405. The sandbox keeps one middleware: a later
// WithMiddleware or Server.SetMiddleware replaces it. Test tooling hooks in
// here (sandbox/faults injects faults this way); the sandbox itself
// installs none.
func WithMiddleware(mw func(http.Handler) http.Handler) Option {
	return func(c *config) error {
		if mw == nil {
			return fmt.Errorf("sandbox: WithMiddleware: nil middleware")
		}
		c.middleware = mw
		return nil
	}
}

// InvalidOption returns an Option that makes Open fail with err. Packages
// that build options on top of these (sandbox/faults) use it to reject bad
// input at Open, as the options here do.
func InvalidOption(err error) Option {
	return func(*config) error {
		if err == nil {
			return fmt.Errorf("sandbox: InvalidOption: nil error")
		}
		return err
	}
}

// WithLogger sets the request logger. The sandbox never logs passwords,
// tokens, NIKs or full KPJ numbers.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("sandbox: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithPasswordParams sets the argon2id cost for hashes created by this
// server, including the seeded accounts on first open. Tests that log in
// often can pass FastPasswordParams.
func WithPasswordParams(p PasswordParams) Option {
	return func(c *config) error {
		if p.MemoryKiB < 8*uint32(p.Threads) || p.Time < 1 || p.Threads < 1 {
			return fmt.Errorf("sandbox: WithPasswordParams: invalid %+v", p)
		}
		c.password = p
		return nil
	}
}
