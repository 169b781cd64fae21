package service

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

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
