package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

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
