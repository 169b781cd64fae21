package service

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Profile returns the member's profile.
func (c *Client) Profile(ctx context.Context) (member.Member, error) {
	b, err := c.memberGET(ctx, "/v1/me", nil)
	if err != nil {
		return member.Member{}, err
	}
	return decodeMember(b)
}

// Balance returns the JHT balance per KPJ with its yearly history.
func (c *Client) Balance(ctx context.Context) (member.Balance, error) {
	b, err := c.memberGET(ctx, "/v1/me/balance", nil)
	if err != nil {
		return member.Balance{}, err
	}
	return decodeBalance(b)
}

// Contributions returns one year of contributions; year 0 means the latest.
func (c *Client) Contributions(ctx context.Context, year int) (member.Contributions, error) {
	var q url.Values
	if year != 0 {
		if year < 1900 || year > 9999 {
			return member.Contributions{}, &ValidationError{Fields: []validate.FieldError{{Field: "year", Code: validate.CodeFormat}}}
		}
		q = url.Values{"year": {strconv.Itoa(year)}}
	}
	b, err := c.memberGET(ctx, "/v1/me/contributions", q)
	if err != nil {
		return member.Contributions{}, err
	}
	return decodeContributions(b)
}

// Claims returns the member's benefit claims.
func (c *Client) Claims(ctx context.Context) ([]member.Claim, error) {
	b, err := c.memberGET(ctx, "/v1/me/claims", nil)
	if err != nil {
		return nil, err
	}
	return decodeClaims(b)
}

// Cards returns the digital membership cards.
func (c *Client) Cards(ctx context.Context) ([]member.Card, error) {
	b, err := c.memberGET(ctx, "/v1/me/card", nil)
	if err != nil {
		return nil, err
	}
	return decodeCards(b)
}

// Logins returns the recent logins, newest first.
func (c *Client) Logins(ctx context.Context) ([]Login, error) {
	b, err := c.authed(ctx, http.MethodGet, "/v1/me/logins", nil, nil, http.StatusOK)
	if err != nil {
		return nil, err
	}
	return decodeLogins(b)
}

// EnrolTOTP starts a TOTP enrolment; confirm it with ConfirmTOTP. The
// server asks for the current password: an access token alone turns
// nothing on. A wrong one gives *CredentialsError and keeps the session.
func (c *Client) EnrolTOTP(ctx context.Context, currentPassword string) (TOTPEnrolment, error) {
	if currentPassword == "" {
		return TOTPEnrolment{}, &ValidationError{Fields: []validate.FieldError{{Field: "current_password", Code: validate.CodeRequired}}}
	}
	b, err := c.authed(ctx, http.MethodPost, "/v1/me/mfa/totp", nil,
		map[string]string{"current_password": currentPassword}, http.StatusOK, http.StatusCreated)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	return decodeTOTP(b)
}

// ConfirmTOTP activates the pending TOTP secret with a current code.
// Errors: *CredentialsError{MFA: true}, ErrMFANotEnrolled.
func (c *Client) ConfirmTOTP(ctx context.Context, code string) error {
	if err := needCode(code); err != nil {
		return err
	}
	_, err := c.authed(ctx, http.MethodPost, "/v1/me/mfa/totp/confirm", nil,
		map[string]string{"code": strings.TrimSpace(code)}, http.StatusNoContent, http.StatusOK)
	return err
}

// DisableTOTP turns two-factor login off; it needs a current code and the
// current password.
func (c *Client) DisableTOTP(ctx context.Context, code, currentPassword string) error {
	if err := needCode(code); err != nil {
		return err
	}
	if currentPassword == "" {
		return &ValidationError{Fields: []validate.FieldError{{Field: "current_password", Code: validate.CodeRequired}}}
	}
	_, err := c.authed(ctx, http.MethodDelete, "/v1/me/mfa/totp", nil,
		map[string]string{"code": strings.TrimSpace(code), "current_password": currentPassword}, http.StatusNoContent, http.StatusOK)
	return err
}

// ChangePassword replaces the password; the server revokes the other
// sessions. The new password is checked locally first (*ValidationError).
// A wrong current password gives *CredentialsError and keeps the session.
func (c *Client) ChangePassword(ctx context.Context, current, newPassword string) error {
	var ve ValidationError
	if current == "" {
		ve.Fields = append(ve.Fields, validate.FieldError{Field: "current_password", Code: validate.CodeRequired})
	}
	c.mu.Lock()
	id := c.sess.identifier
	c.mu.Unlock()
	if _, err := validate.ValidatePassword(newPassword, id); err != nil {
		var fe *validate.FieldError
		if errors.As(err, &fe) {
			ve.Fields = append(ve.Fields, validate.FieldError{Field: "new_password", Code: fe.Code})
		}
	}
	if len(ve.Fields) > 0 {
		return &ve
	}
	_, err := c.authed(ctx, http.MethodPost, "/v1/me/password", nil,
		map[string]string{"current_password": current, "new_password": newPassword}, http.StatusNoContent, http.StatusOK)
	return err
}

func needCode(code string) error {
	code = strings.TrimSpace(code)
	if code == "" {
		return &ValidationError{Fields: []validate.FieldError{{Field: "code", Code: validate.CodeRequired}}}
	}
	return nil
}
