package app

import (
	"context"
	"errors"
	"sync"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// ErrNoRegistration means no registration is waiting for its codes: none
// was started, it was completed or cancelled, or the server changed since.
var ErrNoRegistration = errors.New("app: no registration waiting for its codes")

// registrar owns a registration waiting for its codes. The registration
// belongs to the server and the session it was sent in: once either
// changed it is dropped (checked each time it is read).
type registrar struct {
	p       *Params
	session *session

	mu  sync.Mutex
	reg *registration
}

// registration is a started registration: the server it was sent to, the
// epoch it belongs to, and where the codes went (for the demo's codes).
type registration struct {
	client  *service.Client
	epoch   uint64
	pending service.PendingRegistration
	email   string
	phone   string // E.164, as sent
}

// StartRegistration sends the sign-up form (step 1 of 2) to the verified
// server and keeps the registration for ConfirmRegistration. The server
// answers alike whether or not the details matched a member: the codes
// reach the member's email and phone only if they did.
func (a *App) StartRegistration(ctx context.Context, r service.Registration) (service.PendingRegistration, error) {
	return a.reg.start(ctx, r)
}

func (g *registrar) start(ctx context.Context, r service.Registration) (service.PendingRegistration, error) {
	client, epoch, err := g.session.verified()
	if err != nil {
		return service.PendingRegistration{}, err
	}
	p, err := client.Register(ctx, r)
	nowClient, nowEpoch := g.session.current()
	g.mu.Lock()
	defer g.mu.Unlock()
	if epoch != nowEpoch || client != nowClient {
		return service.PendingRegistration{}, ErrStale
	}
	if err != nil {
		g.p.Logger.Info("registration failed", "err", err)
		return service.PendingRegistration{}, err
	}
	phone, _ := validate.NormalizePhone(r.Phone)
	g.reg = &registration{client: client, epoch: epoch, pending: p, email: r.Email, phone: phone}
	return p, nil
}

// currentLocked is the waiting registration, if it still belongs to the
// server and epoch of the session (client, epoch); callers hold g.mu.
func (g *registrar) currentLocked(client *service.Client, epoch uint64) *registration {
	if g.reg != nil && (g.reg.epoch != epoch || g.reg.client != client) {
		g.reg = nil
	}
	return g.reg
}

// current is the waiting registration of the session, if any.
func (g *registrar) current() *registration {
	client, epoch := g.session.current()
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.currentLocked(client, epoch)
}

// PendingRegistration is the registration waiting for its codes, if any.
func (a *App) PendingRegistration() (service.PendingRegistration, bool) {
	if reg := a.reg.current(); reg != nil {
		return reg.pending, true
	}
	return service.PendingRegistration{}, false
}

// ConfirmRegistration sends the email and SMS codes (step 2). On success
// the account exists and the registration is over; a wrong code keeps it
// (with one attempt fewer), an expired one asks for ResendRegistration,
// and a registration the server no longer knows is dropped.
func (a *App) ConfirmRegistration(ctx context.Context, emailCode, smsCode string) (service.Registered, error) {
	return a.reg.confirm(ctx, emailCode, smsCode)
}

func (g *registrar) confirm(ctx context.Context, emailCode, smsCode string) (service.Registered, error) {
	reg := g.current()
	if reg == nil {
		return service.Registered{}, ErrNoRegistration
	}
	res, err := reg.client.ConfirmRegistration(ctx, reg.pending, emailCode, smsCode)
	client, epoch := g.session.current()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.reg != reg || reg.epoch != epoch || reg.client != client {
		return service.Registered{}, ErrStale
	}
	var ce *service.CodeError
	switch {
	case err == nil, errors.Is(err, service.ErrRegistrationExpired), errors.Is(err, service.ErrAlreadyRegistered):
		g.reg = nil
	case errors.As(err, &ce) && ce.AttemptsRemaining >= 0:
		reg.pending.AttemptsRemaining = ce.AttemptsRemaining
	}
	if err != nil {
		g.p.Logger.Info("registration codes refused", "err", err)
	}
	return res, err
}

// ResendRegistration asks the server for new codes (after the countdown).
func (a *App) ResendRegistration(ctx context.Context) (service.PendingRegistration, error) {
	return a.reg.resend(ctx)
}

func (g *registrar) resend(ctx context.Context) (service.PendingRegistration, error) {
	reg := g.current()
	if reg == nil {
		return service.PendingRegistration{}, ErrNoRegistration
	}
	p, err := reg.client.ResendRegistration(ctx, reg.pending)
	client, epoch := g.session.current()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.reg != reg || reg.epoch != epoch || reg.client != client {
		return service.PendingRegistration{}, ErrStale
	}
	switch {
	case err == nil:
		reg.pending = p
	case errors.Is(err, service.ErrRegistrationExpired):
		g.reg = nil
	}
	if err != nil {
		g.p.Logger.Info("registration resend refused", "err", err)
	}
	return p, err
}

// CancelRegistration forgets the waiting registration (the member went
// back to the form or to the login); the server lets it expire.
func (a *App) CancelRegistration() { a.reg.cancel() }

func (g *registrar) cancel() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reg = nil
}

// DemoRegistrationCodes are the codes the demo sandbox sent for the
// waiting registration ("" where none was sent, or outside the demo).
func (a *App) DemoRegistrationCodes() (emailCode, smsCode string) {
	reg, demo := a.reg.current(), a.session.demoServer()
	if reg == nil || demo == nil || demo.RegistrationCode == nil || !a.IsDemo() {
		return "", ""
	}
	return demo.RegistrationCode("email", reg.email), demo.RegistrationCode("sms", reg.phone)
}
