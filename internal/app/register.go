package app

import (
	"context"
	"errors"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// ErrNoRegistration means no registration is waiting for its codes: none
// was started, it was completed or cancelled, or the server changed since.
var ErrNoRegistration = errors.New("app: no registration waiting for its codes")

// registration is a started registration: the server it was sent to, the
// epoch it belongs to, and where the codes went (for the demo's codes).
type registration struct {
	client  *service.Client
	epoch   uint64
	pending service.PendingRegistration
	email   string
	phone   string // E.164, as sent
}

// verifiedClient is the client of the verified server. Personal data goes
// only to a verified server: without one, the error says why it wasn't
// sent (the refusal, or service.ErrTimeout while the check still runs).
func (a *App) verifiedClient() (*service.Client, uint64, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.client == nil {
		if a.checkErr != nil {
			return nil, 0, a.checkErr
		}
		return nil, 0, service.ErrTimeout
	}
	return a.client, a.epoch, nil
}

// StartRegistration sends the sign-up form (step 1 of 2) to the verified
// server and keeps the registration for ConfirmRegistration. The server
// answers alike whether or not the details matched a member: the codes
// reach the member's email and phone only if they did.
func (a *App) StartRegistration(ctx context.Context, r service.Registration) (service.PendingRegistration, error) {
	client, epoch, err := a.verifiedClient()
	if err != nil {
		return service.PendingRegistration{}, err
	}
	p, err := client.Register(ctx, r)
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch || client != a.client {
		return service.PendingRegistration{}, ErrStale
	}
	if err != nil {
		a.log.Info("registration failed", "err", err)
		return service.PendingRegistration{}, err
	}
	phone, _ := validate.NormalizePhone(r.Phone)
	a.reg = &registration{client: client, epoch: epoch, pending: p, email: r.Email, phone: phone}
	return p, nil
}

// current is the waiting registration, if it still belongs to this
// server and epoch (a.mu held).
func (a *App) currentRegistration() *registration {
	if a.reg != nil && (a.reg.epoch != a.epoch || a.reg.client != a.client) {
		a.reg = nil
	}
	return a.reg
}

// PendingRegistration is the registration waiting for its codes, if any.
func (a *App) PendingRegistration() (service.PendingRegistration, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if reg := a.currentRegistration(); reg != nil {
		return reg.pending, true
	}
	return service.PendingRegistration{}, false
}

// ConfirmRegistration sends the email and SMS codes (step 2). On success
// the account exists and the registration is over; a wrong code keeps it
// (with one attempt fewer), an expired one asks for ResendRegistration,
// and a registration the server no longer knows is dropped.
func (a *App) ConfirmRegistration(ctx context.Context, emailCode, smsCode string) (service.Registered, error) {
	a.mu.Lock()
	reg := a.currentRegistration()
	a.mu.Unlock()
	if reg == nil {
		return service.Registered{}, ErrNoRegistration
	}
	res, err := reg.client.ConfirmRegistration(ctx, reg.pending, emailCode, smsCode)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.reg != reg || reg.epoch != a.epoch || reg.client != a.client {
		return service.Registered{}, ErrStale
	}
	var ce *service.CodeError
	switch {
	case err == nil, errors.Is(err, service.ErrRegistrationExpired), errors.Is(err, service.ErrAlreadyRegistered):
		a.reg = nil
	case errors.As(err, &ce) && ce.AttemptsRemaining >= 0:
		reg.pending.AttemptsRemaining = ce.AttemptsRemaining
	}
	if err != nil {
		a.log.Info("registration codes refused", "err", err)
	}
	return res, err
}

// ResendRegistration asks the server for new codes (after the countdown).
func (a *App) ResendRegistration(ctx context.Context) (service.PendingRegistration, error) {
	a.mu.Lock()
	reg := a.currentRegistration()
	a.mu.Unlock()
	if reg == nil {
		return service.PendingRegistration{}, ErrNoRegistration
	}
	p, err := reg.client.ResendRegistration(ctx, reg.pending)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.reg != reg || reg.epoch != a.epoch || reg.client != a.client {
		return service.PendingRegistration{}, ErrStale
	}
	switch {
	case err == nil:
		reg.pending = p
	case errors.Is(err, service.ErrRegistrationExpired):
		a.reg = nil
	}
	if err != nil {
		a.log.Info("registration resend refused", "err", err)
	}
	return p, err
}

// CancelRegistration forgets the waiting registration (the member went
// back to the form or to the login); the server lets it expire.
func (a *App) CancelRegistration() {
	a.mu.Lock()
	a.reg = nil
	a.mu.Unlock()
}

// DemoRegistrationCodes are the codes the demo sandbox sent for the
// waiting registration ("" where none was sent, or outside the demo).
func (a *App) DemoRegistrationCodes() (emailCode, smsCode string) {
	a.mu.Lock()
	reg, demo := a.currentRegistration(), a.demo
	a.mu.Unlock()
	if reg == nil || demo == nil || demo.RegistrationCode == nil || !a.IsDemo() {
		return "", ""
	}
	return demo.RegistrationCode("email", reg.email), demo.RegistrationCode("sms", reg.phone)
}
