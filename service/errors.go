package service

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Sentinel errors. Every error returned by a Client method matches at most
// one of these with errors.Is (context.Canceled aside); richer detail is in
// the typed errors below, reachable with errors.As.
var (
	// ErrOffline: the server could not be reached or the connection broke.
	ErrOffline = errors.New("service: server unreachable")
	// ErrTimeout: the call or the caller's context ran out of time.
	ErrTimeout = errors.New("service: timed out")
	// ErrCertificate: the server's certificate was refused; see *CertificateError.
	ErrCertificate = errors.New("service: certificate refused")
	// ErrDomainNotAllowed: a host outside the profile's allowlist; see *DomainError.
	ErrDomainNotAllowed = errors.New("service: domain not allowed")
	// ErrInsecureURL: a URL that is not https://.
	ErrInsecureURL = errors.New("service: insecure URL")
	// ErrRedirect: the server answered with a redirect the client refused to follow;
	// see *RedirectError (which also matches ErrInsecureURL / ErrDomainNotAllowed when apt).
	ErrRedirect = errors.New("service: redirect refused")
	// ErrUnauthorized: no session, or the session expired or was revoked. Log in again.
	ErrUnauthorized = errors.New("service: unauthorized")
	// ErrInvalidCredentials: wrong password or wrong MFA code; see *CredentialsError.
	// It also matches ErrUnauthorized.
	ErrInvalidCredentials = errors.New("service: invalid credentials")
	// ErrSessionRevoked: a reused refresh token made the server revoke the whole
	// session. It also matches ErrUnauthorized.
	ErrSessionRevoked = errors.New("service: session revoked")
	// ErrMFARequired: a second factor is pending; call VerifyMFA first.
	ErrMFARequired = errors.New("service: two-factor code required")
	// ErrLocked: too many failed attempts; see *LockedError for the retry-after.
	ErrLocked = errors.New("service: account temporarily locked")
	// ErrMemberNotFound: registration data matched no member. The sandbox
	// no longer says so (its answers do not reveal who exists); a server
	// that still answers member-not-found maps here.
	ErrMemberNotFound = errors.New("service: member not found")
	// ErrInvalidCode: a registration code was wrong; see *CodeError.
	ErrInvalidCode = errors.New("service: wrong verification code")
	// ErrCodeExpired: the registration codes expired; ResendRegistration.
	ErrCodeExpired = errors.New("service: verification codes expired")
	// ErrRegistrationExpired: the registration is gone (expired, used up
	// its attempts, or completed); start again.
	ErrRegistrationExpired = errors.New("service: registration expired")
	// ErrAlreadyRegistered: the member already has an account.
	ErrAlreadyRegistered = errors.New("service: already registered")
	// ErrMFANotEnrolled: TOTP confirmation without a pending enrolment.
	ErrMFANotEnrolled = errors.New("service: two-factor not enrolled")
	// ErrMFAAlreadyEnabled: TOTP enrolment while TOTP is already on.
	ErrMFAAlreadyEnabled = errors.New("service: two-factor already enabled")
	// ErrNotFound: the resource does not exist.
	ErrNotFound = errors.New("service: not found")
	// ErrServer: the server failed (5xx) or rejected the request as malformed (400).
	ErrServer = errors.New("service: server error")
	// ErrResponseTooLarge: a response body over the size cap (after decompression).
	ErrResponseTooLarge = errors.New("service: response too large")
	// ErrBadResponse: a response that does not follow the contract.
	ErrBadResponse = errors.New("service: malformed response")
	// ErrNoTokenStore: remember-me needs a token store (WithTokenStore).
	ErrNoTokenStore = errors.New("service: no token store")
)

// CertReason says why a certificate or pin set was refused.
type CertReason string

// Certificate refusal reasons.
const (
	ReasonPinMismatch CertReason = "pin_mismatch" // chain verified, but no pinned key in it
	ReasonUntrusted   CertReason = "untrusted"    // chain does not lead to a trusted root
	ReasonHostname    CertReason = "hostname"     // certificate is not valid for the host
	ReasonExpired     CertReason = "expired"      // certificate expired or not yet valid
	ReasonPinsExpired CertReason = "pins_expired" // the profile's pin set has expired
	ReasonNoPins      CertReason = "no_pins"      // the profile has no (or too few) pins
	ReasonInvalidPin  CertReason = "invalid_pin"  // a pin is not base64 SHA-256
	ReasonOther       CertReason = "other"        // any other TLS verification failure
)

// CertificateError is a refused certificate or pin set. It matches ErrCertificate.
type CertificateError struct {
	Reason CertReason
	Host   string
	Err    error // underlying x509/tls error, if any
}

func (e *CertificateError) Error() string {
	s := "certificate refused for " + e.Host + ": " + string(e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports ErrCertificate.
func (e *CertificateError) Is(target error) bool { return target == ErrCertificate }

// Unwrap returns the underlying error.
func (e *CertificateError) Unwrap() error { return e.Err }

// DomainError is a host outside the allowlist. It matches ErrDomainNotAllowed.
type DomainError struct{ Host string }

func (e *DomainError) Error() string { return "host " + e.Host + " is not in the allowlist" }

// Is reports ErrDomainNotAllowed.
func (e *DomainError) Is(target error) bool { return target == ErrDomainNotAllowed }

// RedirectError is a refused redirect. It matches ErrRedirect, plus
// ErrInsecureURL for a non-https target and ErrDomainNotAllowed for a target
// host outside the allowlist.
type RedirectError struct {
	From, To string // scheme://host:port only, never a path or query
	Insecure bool
	Foreign  bool
}

func (e *RedirectError) Error() string { return "redirect from " + e.From + " to " + e.To + " refused" }

// Is reports ErrRedirect and, when apt, ErrInsecureURL or ErrDomainNotAllowed.
func (e *RedirectError) Is(target error) bool {
	return target == ErrRedirect || (e.Insecure && target == ErrInsecureURL) ||
		(e.Foreign && target == ErrDomainNotAllowed)
}

// LockedError carries the server's retry-after. It matches ErrLocked.
// RateLimited is set for a limit on requests (registration starts and
// resends) rather than on failed attempts.
type LockedError struct {
	RetryAfter  time.Duration
	RateLimited bool
}

func (e *LockedError) Error() string { return "account locked; retry after " + e.RetryAfter.String() }

// Is reports ErrLocked.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// CredentialsError is a wrong password or MFA code. It matches
// ErrInvalidCredentials and ErrUnauthorized.
type CredentialsError struct {
	MFA               bool // the MFA code (not the password) was wrong
	AttemptsRemaining int  // -1 when the server did not say
}

func (e *CredentialsError) Error() string {
	what := "password"
	if e.MFA {
		what = "two-factor code"
	}
	return "wrong " + what + "; attempts remaining: " + strconv.Itoa(e.AttemptsRemaining)
}

// Is reports ErrInvalidCredentials and ErrUnauthorized.
func (e *CredentialsError) Is(target error) bool {
	return target == ErrInvalidCredentials || target == ErrUnauthorized
}

// CodeError is a wrong registration code: which of the two were wrong and
// how many tries the registration has left. It matches ErrInvalidCode.
type CodeError struct {
	Email, SMS        bool
	AttemptsRemaining int // -1 when the server did not say
}

func (e *CodeError) Error() string {
	return fmt.Sprintf("wrong verification code (email %v, sms %v); attempts remaining: %d", e.Email, e.SMS, e.AttemptsRemaining)
}

// Is reports ErrInvalidCode.
func (e *CodeError) Is(target error) bool { return target == ErrInvalidCode }

// ValidationError is a per-field rejection, from local validation or a 422.
// Codes are those of package validate ("required", "format", "length",
// "mismatch", "invalid_date", "weak", "taken").
type ValidationError struct {
	Fields []validate.FieldError
}

func (e *ValidationError) Error() string {
	s := "validation failed:"
	for _, f := range e.Fields {
		s += " " + f.Field + "=" + f.Code
	}
	return s
}

// Field returns the first error for field, if any.
func (e *ValidationError) Field(field string) (validate.FieldError, bool) {
	for _, f := range e.Fields {
		if f.Field == field {
			return f, true
		}
	}
	return validate.FieldError{}, false
}

// APIError is a non-2xx answer that maps to no richer type. It matches the
// sentinel chosen by its status and problem slug.
type APIError struct {
	Status int
	Slug   string // last path segment of the problem type
	Title  string
	Detail string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("server answered %d %s: %s", e.Status, e.Slug, e.Title)
}

// Is maps the problem to a sentinel.
func (e *APIError) Is(target error) bool { return target == e.sentinel() }

func (e *APIError) sentinel() error {
	switch e.Slug {
	case "unauthorized":
		return ErrUnauthorized
	case "member-not-found":
		return ErrMemberNotFound
	case "already-registered":
		return ErrAlreadyRegistered
	case "mfa-not-enrolled":
		return ErrMFANotEnrolled
	case "mfa-already-enabled":
		return ErrMFAAlreadyEnabled
	case "not-found":
		return ErrNotFound
	case "code-expired":
		return ErrCodeExpired
	case "registration-expired":
		return ErrRegistrationExpired
	}
	switch {
	case e.Status == 401:
		return ErrUnauthorized
	case e.Status == 404:
		return ErrNotFound
	case e.Status >= 500, e.Status == 400:
		return ErrServer
	}
	return ErrBadResponse
}
