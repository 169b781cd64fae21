package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
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

// Session returns the current session, if logged in.
func (c *Client) Session() (Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess.access == "" {
		return Session{}, false
	}
	return Session{Identifier: c.sess.identifier, AccessExpires: c.sess.accessExpires, Remembered: c.sess.remember}, true
}

// Login sends identifier (email or KPJ) and password. The result holds a
// Session, or an MFAChallenge to answer with VerifyMFA. With remember, the
// refresh token goes to the token store (never the password); without, any
// token remembered for identifier is dropped. Errors: *ValidationError,
// *CredentialsError (with attempts remaining), *LockedError (retry-after),
// and the connection errors.
func (c *Client) Login(ctx context.Context, identifier, password string, remember bool) (LoginResult, error) {
	identifier = strings.TrimSpace(identifier)
	var ve ValidationError
	if identifier == "" {
		ve.Fields = append(ve.Fields, validate.FieldError{Field: "identifier", Code: validate.CodeRequired})
	}
	if password == "" {
		ve.Fields = append(ve.Fields, validate.FieldError{Field: validate.FieldPassword, Code: validate.CodeRequired})
	}
	if len(ve.Fields) > 0 {
		return LoginResult{}, &ve
	}
	if remember && c.store == nil {
		return LoginResult{}, ErrNoTokenStore
	}
	c.clearSession()
	a, err := c.send(ctx, http.MethodPost, "/v1/login", nil,
		map[string]string{"identifier": identifier, "password": password}, "")
	if err != nil {
		return LoginResult{}, err
	}
	if !ok(a, http.StatusOK) {
		err := apiError(a)
		c.log.Info("login refused", "err", errClass(err), "status", a.status)
		return LoginResult{}, err
	}
	w, err := decodeTokens(a.body, true)
	if err != nil {
		return LoginResult{}, err
	}
	if w.MFARequired {
		exp := c.now().Add(time.Duration(w.ExpiresIn) * time.Second)
		c.mu.Lock()
		c.sess = session{identifier: identifier, remember: remember, mfaToken: w.MFAToken, mfaExpires: exp}
		c.mu.Unlock()
		c.log.Info("login needs a second factor")
		return LoginResult{MFA: &MFAChallenge{AttemptsRemaining: w.AttemptsRemaining, Expires: exp}}, nil
	}
	s := c.establish(ctx, identifier, remember, w)
	return LoginResult{Session: &s}, nil
}

// VerifyMFA answers the pending MFA challenge with a TOTP code.
func (c *Client) VerifyMFA(ctx context.Context, code string) error {
	code = strings.TrimSpace(code)
	c.mu.Lock()
	s := c.sess
	c.mu.Unlock()
	if s.mfaToken == "" || !c.now().Before(s.mfaExpires) {
		c.clearSession()
		return ErrUnauthorized
	}
	if code == "" {
		return &ValidationError{Fields: []validate.FieldError{{Field: "code", Code: validate.CodeRequired}}}
	}
	a, err := c.send(ctx, http.MethodPost, "/v1/login/mfa", nil,
		map[string]string{"mfa_token": s.mfaToken, "code": code}, "")
	if err != nil {
		return err
	}
	if !ok(a, http.StatusOK) {
		err := apiError(a)
		var ce *CredentialsError
		if !errors.As(err, &ce) || ce.AttemptsRemaining == 0 {
			c.clearSession()
		}
		c.log.Info("second factor refused", "err", errClass(err), "status", a.status)
		return err
	}
	w, err := decodeTokens(a.body, false)
	if err != nil {
		return err
	}
	c.establish(ctx, s.identifier, s.remember, w)
	return nil
}

// establish installs a token pair and remembers or forgets the refresh token.
func (c *Client) establish(ctx context.Context, identifier string, remember bool, w wireTokens) Session {
	exp := c.now().Add(time.Duration(w.ExpiresIn) * time.Second)
	c.mu.Lock()
	c.sess = session{identifier: identifier, access: w.AccessToken, refresh: w.RefreshToken,
		accessExpires: exp, remember: remember}
	c.mu.Unlock()
	if c.store != nil {
		if remember {
			if err := c.store.Set(ctx, identifier, keystore.PurposeRefreshToken, w.RefreshToken); err != nil {
				c.log.Warn("could not remember the session", "err", err)
			}
		} else if err := c.store.Delete(ctx, identifier, keystore.PurposeRefreshToken); err != nil {
			c.log.Debug("no remembered session dropped", "err", err)
		}
	}
	c.log.Info("logged in", "remember", remember)
	return Session{Identifier: identifier, AccessExpires: exp, Remembered: remember}
}

func (c *Client) clearSession() {
	c.mu.Lock()
	c.sess = session{}
	c.mu.Unlock()
	c.cond.drop()
}

// Resume starts a session from the refresh token remembered for identifier.
// Errors match ErrUnauthorized when nothing usable is remembered (the store
// error stays in the chain), plus the connection errors.
func (c *Client) Resume(ctx context.Context, identifier string) error {
	if c.store == nil {
		return ErrNoTokenStore
	}
	tok, err := c.store.Get(ctx, identifier, keystore.PurposeRefreshToken)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnauthorized, err)
	}
	if tok == "" {
		return ErrUnauthorized
	}
	c.mu.Lock()
	c.sess = session{identifier: identifier, refresh: tok, remember: true}
	c.mu.Unlock()
	return c.refreshAfter(ctx, "")
}

// refreshAfter rotates the token pair unless another caller already replaced
// the stale access token: several calls that hit 401 at once cause a single
// refresh. A refused refresh ends the session and forgets the remembered token.
func (c *Client) refreshAfter(ctx context.Context, stale string) error {
	c.refreshMu.Lock()
	defer c.refreshMu.Unlock()
	c.mu.Lock()
	s := c.sess
	c.mu.Unlock()
	if s.access != stale {
		if s.access == "" {
			return ErrUnauthorized
		}
		return nil
	}
	if s.refresh == "" {
		return ErrUnauthorized
	}
	a, err := c.send(ctx, http.MethodPost, "/v1/token/refresh", nil, map[string]string{"refresh_token": s.refresh}, "")
	if err != nil {
		return err
	}
	if !ok(a, http.StatusOK) {
		err := apiError(a)
		if errors.Is(err, ErrUnauthorized) {
			c.log.Warn("session ended by the server", "err", errClass(err), "revoked", errors.Is(err, ErrSessionRevoked))
			c.clearSession()
			if c.store != nil && s.remember {
				_ = c.store.Delete(ctx, s.identifier, keystore.PurposeRefreshToken)
			}
		}
		return err
	}
	w, err := decodeTokens(a.body, false)
	if err != nil {
		return err
	}
	exp := c.now().Add(time.Duration(w.ExpiresIn) * time.Second)
	c.mu.Lock()
	if c.sess.refresh == s.refresh { // not logged out meanwhile
		c.sess.access, c.sess.refresh, c.sess.accessExpires = w.AccessToken, w.RefreshToken, exp
	}
	c.mu.Unlock()
	if c.store != nil && s.remember {
		if err := c.store.Set(ctx, s.identifier, keystore.PurposeRefreshToken, w.RefreshToken); err != nil {
			c.log.Warn("could not remember the rotated session", "err", err)
		}
	}
	c.log.Info("session refreshed")
	return nil
}

// authed performs a call with the access token, refreshing it once if it
// expired or the server answers 401 unauthorized.
func (c *Client) authed(ctx context.Context, method, path string, query url.Values, body any, want ...int) ([]byte, error) {
	a, err := c.authedWith(ctx, method, path, query, body, nil, want...)
	return a.body, err
}

// authedWith is authed with extra request headers, returning the whole answer.
func (c *Client) authedWith(ctx context.Context, method, path string, query url.Values, body any, header http.Header, want ...int) (answer, error) {
	for attempt := 0; ; attempt++ {
		c.mu.Lock()
		s := c.sess
		c.mu.Unlock()
		if s.access == "" {
			if s.mfaToken != "" {
				return answer{}, ErrMFARequired
			}
			return answer{}, ErrUnauthorized
		}
		if attempt == 0 && !s.accessExpires.IsZero() && !c.now().Before(s.accessExpires.Add(-5*time.Second)) {
			if err := c.refreshAfter(ctx, s.access); err != nil {
				return answer{}, err
			}
			continue
		}
		a, err := c.sendWith(ctx, method, path, query, body, s.access, header)
		if err != nil {
			return answer{}, err
		}
		if ok(a, want...) {
			return a, nil
		}
		err = apiError(a)
		var api *APIError
		if attempt == 0 && a.status == http.StatusUnauthorized && errors.As(err, &api) {
			// At most one refresh per call: this branch always returns.
			if rerr := c.refreshAfter(ctx, s.access); rerr != nil {
				return answer{}, rerr
			}
			c.mu.Lock()
			s = c.sess
			c.mu.Unlock()
			a, err = c.sendWith(ctx, method, path, query, body, s.access, header)
			if err != nil {
				return answer{}, err
			}
			if ok(a, want...) {
				return a, nil
			}
			err = apiError(a)
		}
		if errors.Is(err, ErrUnauthorized) && !errors.Is(err, ErrInvalidCredentials) {
			c.clearSession()
		}
		return answer{}, err
	}
}

// Logout revokes the session family on the server and wipes the tokens
// held in memory and in the token store, even when the server cannot be
// reached (then the error says so; the server session expires on its own).
func (c *Client) Logout(ctx context.Context) error {
	c.mu.Lock()
	s := c.sess
	c.mu.Unlock()
	var err error
	if s.access != "" || s.refresh != "" {
		_, err = c.authed(ctx, http.MethodPost, "/v1/logout", nil, nil, http.StatusNoContent, http.StatusOK)
		if errors.Is(err, ErrUnauthorized) {
			err = nil // already ended server-side
		}
	}
	c.clearSession()
	if c.store != nil && s.identifier != "" && s.remember {
		if derr := c.store.Delete(ctx, s.identifier, keystore.PurposeRefreshToken); derr != nil {
			c.log.Debug("no remembered session dropped", "err", derr)
		}
	}
	c.log.Info("logged out", "server_revoked", err == nil)
	return err
}

// Forget drops the refresh token remembered for identifier (the store's
// not-found error passes through).
func (c *Client) Forget(ctx context.Context, identifier string) error {
	if c.store == nil {
		return ErrNoTokenStore
	}
	return c.store.Delete(ctx, identifier, keystore.PurposeRefreshToken)
}

// Register starts a registration (step 1 of 2). Fields are validated
// locally first; a NIK whose date is not the birth date is no error here
// (Dukcapil keeps a NIK when a birth date is corrected: the server's match
// decides). The server answers alike whether or not the details matched a
// member; confirm with the codes it sent (ConfirmRegistration). Errors:
// *ValidationError, *LockedError (RateLimited: too many starts).
func (c *Client) Register(ctx context.Context, r Registration) (PendingRegistration, error) {
	var ve ValidationError
	add := func(err error) {
		var fe *validate.FieldError
		if errors.As(err, &fe) {
			ve.Fields = append(ve.Fields, *fe)
		}
	}
	if r.BirthDate.IsZero() {
		add(&validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeRequired})
	}
	_, err := validate.ValidateNIK(r.NIK, time.Time{})
	add(err)
	add(validate.ValidateKPJ(r.KPJ))
	add(validate.ValidateFullName(r.FullName))
	add(validate.ValidateEmail(r.Email))
	phone, err := validate.NormalizePhone(r.Phone)
	add(err)
	_, err = validate.ValidatePassword(r.Password, r.FullName, r.Email, r.NIK, r.KPJ)
	add(err)
	if len(ve.Fields) > 0 {
		return PendingRegistration{}, &ve
	}
	body := map[string]string{
		"nik": strings.TrimSpace(r.NIK), "kpj": strings.TrimSpace(r.KPJ), "full_name": strings.TrimSpace(r.FullName),
		"birth_date": r.BirthDate.Format("2006-01-02"), "email": strings.TrimSpace(r.Email),
		"phone": phone, "password": r.Password,
	}
	return c.registrationStep(ctx, "/v1/register", body, "registration refused")
}

// registrationStep sends step 1 or a resend and decodes the pending
// registration.
func (c *Client) registrationStep(ctx context.Context, path string, body any, refused string) (PendingRegistration, error) {
	start := c.now()
	a, err := c.send(ctx, http.MethodPost, path, nil, body, "")
	if err != nil {
		return PendingRegistration{}, err
	}
	if !ok(a, http.StatusAccepted, http.StatusOK) {
		err := apiError(a)
		c.log.Info(refused, "err", errClass(err), "status", a.status)
		return PendingRegistration{}, err
	}
	p, err := decodeRegistration(a.body, start)
	if err != nil {
		return PendingRegistration{}, err
	}
	c.log.Info("registration codes requested")
	return p, nil
}

// ConfirmRegistration is step 2: the 6-digit codes sent to the email and by
// SMS. Only now does the account exist. Errors: *CodeError (which code was
// wrong, attempts left), ErrCodeExpired (ResendRegistration),
// ErrRegistrationExpired (start again), ErrAlreadyRegistered, a
// *ValidationError "taken" for the email, *ValidationError for a code that
// is not 6 digits.
func (c *Client) ConfirmRegistration(ctx context.Context, p PendingRegistration, emailCode, smsCode string) (Registered, error) {
	emailCode, smsCode = digitsOnly(emailCode), digitsOnly(smsCode)
	var ve ValidationError
	for _, f := range []struct{ field, code string }{{"email_code", emailCode}, {"sms_code", smsCode}} {
		switch {
		case f.code == "":
			ve.Fields = append(ve.Fields, validate.FieldError{Field: f.field, Code: validate.CodeRequired})
		case len(f.code) != 6:
			ve.Fields = append(ve.Fields, validate.FieldError{Field: f.field, Code: validate.CodeLength})
		}
	}
	if len(ve.Fields) > 0 {
		return Registered{}, &ve
	}
	if p.id == "" {
		return Registered{}, ErrRegistrationExpired
	}
	a, err := c.send(ctx, http.MethodPost, "/v1/register/verify", nil,
		map[string]string{"registration_id": p.id, "email_code": emailCode, "sms_code": smsCode}, "")
	if err != nil {
		return Registered{}, err
	}
	if !ok(a, http.StatusCreated, http.StatusOK) {
		err := apiError(a)
		c.log.Info("registration codes refused", "err", errClass(err), "status", a.status)
		return Registered{}, err
	}
	r, err := decodeRegistered(a.body)
	if err != nil {
		return Registered{}, err
	}
	c.log.Info("registered")
	return r, nil
}

// ResendRegistration asks for new codes once p.ResendAt has passed; the
// old ones stop working. Errors: *LockedError{RateLimited} (too early or
// too often), ErrRegistrationExpired.
func (c *Client) ResendRegistration(ctx context.Context, p PendingRegistration) (PendingRegistration, error) {
	if p.id == "" {
		return PendingRegistration{}, ErrRegistrationExpired
	}
	return c.registrationStep(ctx, "/v1/register/resend", map[string]string{"registration_id": p.id}, "resend refused")
}

// digitsOnly keeps the digits of a pasted code ("123 456", "123-456").
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
