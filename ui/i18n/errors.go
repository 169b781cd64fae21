package i18n

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Describe turns an error from the backends into one sentence in the
// user's language that says what happened and what to do next. The raw error
// goes to the log, never to the screen.
func Describe(err error) string {
	var creds *service.CredentialsError
	var locked *service.LockedError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.Canceled):
		return lang.L("errors.cancelled")
	case errors.As(err, &creds) && creds.MFA:
		if creds.AttemptsRemaining >= 0 {
			return lang.L("errors.mfa.wrongCodeAttempts",
				map[string]any{"N": creds.AttemptsRemaining})
		}
		return lang.L("errors.mfa.wrongCode")
	case errors.As(err, &creds):
		if creds.AttemptsRemaining >= 0 {
			return lang.L("errors.credentialsAttempts",
				map[string]any{"N": creds.AttemptsRemaining})
		}
		return lang.L("errors.credentials")
	case errors.As(err, &locked):
		return lang.L("errors.loginPaused",
			map[string]any{"Wait": FormatWait(locked.RetryAfter)})
	case errors.Is(err, service.ErrSessionRevoked):
		return lang.L("errors.sessionRevoked")
	case errors.Is(err, service.ErrUnauthorized), errors.Is(err, service.ErrMFARequired):
		return lang.L("errors.sessionEnded")
	case errors.Is(err, service.ErrCertificate), errors.Is(err, service.ErrDomainNotAllowed),
		errors.Is(err, service.ErrInsecureURL), errors.Is(err, service.ErrRedirect):
		return DescribeRefusal(err)
	case errors.Is(err, service.ErrOffline):
		return lang.L("errors.offline")
	case errors.Is(err, service.ErrTimeout):
		return lang.L("errors.timeout")
	case errors.Is(err, service.ErrResponseTooLarge), errors.Is(err, service.ErrBadResponse):
		return lang.L("errors.badResponse")
	case errors.Is(err, service.ErrServer):
		return lang.L("errors.server")
	case errors.Is(err, cache.ErrNoKeyring):
		return lang.L("errors.noKeyring")
	case errors.Is(err, cache.ErrWrongPassword):
		return lang.L("errors.wrongPassword")
	case errors.Is(err, cache.ErrNotWrapped):
		return lang.L("errors.cacheNotWrapped")
	case errors.Is(err, cache.ErrTampered):
		return lang.L("errors.cacheTampered")
	}
	return lang.L("errors.unknown")
}

// DescribeRefusal says why a server was refused, and that nothing was sent.
func DescribeRefusal(err error) string {
	var certErr *service.CertificateError
	var domainErr *service.DomainError
	var redirectErr *service.RedirectError
	switch {
	case errors.As(err, &certErr):
		switch certErr.Reason {
		case service.ReasonPinMismatch:
			return lang.L("errors.cert.pinMismatch",
				map[string]any{"Host": certErr.Host})
		case service.ReasonUntrusted:
			return lang.L("errors.cert.untrusted", map[string]any{"Host": certErr.Host})
		case service.ReasonHostname:
			return lang.L("errors.cert.hostname", map[string]any{"Host": certErr.Host})
		case service.ReasonExpired:
			return lang.L("errors.cert.expired", map[string]any{"Host": certErr.Host})
		case service.ReasonPinsExpired:
			return lang.L("errors.cert.pinsExpired")
		case service.ReasonNoPins, service.ReasonInvalidPin:
			return lang.L("errors.cert.noPins")
		}
		return lang.L("errors.cert.unverified", map[string]any{"Host": certErr.Host})
	case errors.As(err, &domainErr):
		return lang.L("errors.domainNotAllowed", map[string]any{"Host": domainErr.Host})
	case errors.As(err, &redirectErr):
		return lang.L("errors.redirect", map[string]any{"To": redirectErr.To})
	case errors.Is(err, service.ErrInsecureURL):
		return lang.L("errors.insecureURL")
	}
	return lang.L("errors.refused")
}

// FormatWait writes a short duration for humans: "14 menit 5 detik".
func FormatWait(d time.Duration) string {
	if d < time.Second {
		d = time.Second
	}
	d = d.Round(time.Second)
	minutes, seconds := int(d/time.Minute), int(d%time.Minute/time.Second)
	if minutes == 0 {
		return lang.L("errors.wait.seconds", map[string]any{"S": seconds})
	}
	return lang.L("errors.wait.minutes", map[string]any{"M": minutes, "S": fmt.Sprintf("%02d", seconds)})
}
