package service

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// revokedError: the server revoked the session family (refresh-token reuse).
type revokedError struct{}

func (revokedError) Error() string { return "session revoked by the server" }
func (revokedError) Is(target error) bool {
	return target == ErrSessionRevoked || target == ErrUnauthorized
}

// preflight refuses an expired pin set before any dial.
func (c *Client) preflight() error {
	if !c.chk.expires.IsZero() && !c.now().Before(c.chk.expires) {
		return &CertificateError{Reason: ReasonPinsExpired, Host: c.chk.host}
	}
	return nil
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

// send performs one call. Non-GETs go through the strict client (no retries,
// no redirects); GETs through the retrying one. Only method, path, status,
// attempts and duration are logged.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, body any, bearer string) (answer, error) {
	return c.sendWith(ctx, method, path, query, body, bearer, nil)
}

// sendWith is send with extra request headers (If-None-Match).
func (c *Client) sendWith(ctx context.Context, method, path string, query url.Values, body any, bearer string, header http.Header) (answer, error) {
	if err := c.preflight(); err != nil {
		return answer{}, err
	}
	if err := ctx.Err(); err != nil {
		return answer{}, mapTransportError(ctx, c.chk.host, err)
	}
	rc := c.strict
	if method == http.MethodGet {
		rc = c.reads
	}
	req := rc.R().SetContext(ctx)
	if body != nil {
		req.SetHeader("Content-Type", "application/json").SetBody(body)
	}
	if bearer != "" {
		req.SetAuthToken(bearer)
	}
	if query != nil {
		req.SetQueryParamsFromValues(query)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	start := time.Now()
	resp, err := req.Execute(method, path)
	if err != nil {
		err = mapTransportError(ctx, c.chk.host, err)
		c.log.Warn("request failed", "method", method, "path", path, "err", errClass(err))
		return answer{}, err
	}
	if err := ctx.Err(); err != nil {
		// The caller's deadline or cancel came while the body was read:
		// resty can then hand back a cut-short body with no error, which
		// would pass for a malformed response.
		err = mapTransportError(ctx, c.chk.host, err)
		c.log.Warn("request failed", "method", method, "path", path, "err", errClass(err))
		return answer{}, err
	}
	c.log.Debug("request", "method", method, "path", path, "status", resp.StatusCode(),
		"attempts", resp.Request.Attempt, "duration", time.Since(start).Round(time.Millisecond))
	return answer{status: resp.StatusCode(), header: resp.Header(), body: resp.Body()}, nil
}

// errClass names an error for the log without its text, which could quote a server body.
func errClass(err error) string {
	var ce *CertificateError
	if errors.As(err, &ce) {
		return "certificate:" + string(ce.Reason)
	}
	for _, s := range []error{ErrOffline, ErrTimeout, ErrDomainNotAllowed, ErrInsecureURL, ErrRedirect,
		ErrResponseTooLarge, ErrBadResponse, context.Canceled} {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return "other"
}

// apiError turns a non-2xx answer into a typed error.
func apiError(a answer) error {
	p := decodeProblem(a.body)
	slug := p.slug()
	attempts := -1
	if p.AttemptsRemaining != nil {
		attempts = *p.AttemptsRemaining
	}
	switch {
	case a.status == http.StatusTooManyRequests || slug == "locked":
		var ra time.Duration
		if s, err := strconv.ParseInt(strings.TrimSpace(a.header.Get("Retry-After")), 10, 64); err == nil && s >= 0 {
			ra = time.Duration(s) * time.Second
		} else if p.RetryAfter != nil && *p.RetryAfter >= 0 {
			ra = time.Duration(*p.RetryAfter) * time.Second
		}
		return &LockedError{RetryAfter: ra, RateLimited: slug == "rate-limited"}
	case slug == "invalid-code":
		ce := &CodeError{AttemptsRemaining: attempts}
		for _, f := range p.Errors {
			ce.Email = ce.Email || f.Field == "email_code"
			ce.SMS = ce.SMS || f.Field == "sms_code"
		}
		if !ce.Email && !ce.SMS {
			ce.Email, ce.SMS = true, true
		}
		return ce
	case slug == "invalid-credentials":
		return &CredentialsError{AttemptsRemaining: attempts}
	case slug == "invalid-mfa-code":
		return &CredentialsError{MFA: true, AttemptsRemaining: attempts}
	case slug == "token-reused":
		return revokedError{}
	case slug == "email-taken":
		return &ValidationError{Fields: []validate.FieldError{{Field: validate.FieldEmail, Code: validate.CodeTaken, Message: p.Detail}}}
	case a.status == http.StatusUnprocessableEntity || slug == "validation":
		ve := &ValidationError{}
		for _, f := range p.Errors {
			ve.Fields = append(ve.Fields, validate.FieldError{Field: f.Field, Code: f.Code, Message: f.Message})
		}
		if len(ve.Fields) == 0 {
			ve.Fields = []validate.FieldError{{Field: "", Code: validate.CodeFormat, Message: p.Detail}}
		}
		return ve
	}
	return &APIError{Status: a.status, Slug: slug, Title: p.Title, Detail: p.Detail}
}

func ok(a answer, want ...int) bool {
	for _, w := range want {
		if a.status == w {
			return true
		}
	}
	return false
}
