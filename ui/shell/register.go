package shell

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
)

// The registration's steps: the form, then the codes, then the login view.

// submitRegistration sends the form (step 1); the codes page follows,
// whatever the server found (its answer does not say).
func (c *Shell) submitRegistration(r service.Registration) {
	v := c.registerView()
	v.SetBusy(true)
	async.Run(c.plain, app.ActionTimeout, func(ctx context.Context) (service.PendingRegistration, error) {
		return c.app.StartRegistration(ctx, r)
	}, func(p service.PendingRegistration, err error) {
		v.SetBusy(false)
		if err != nil {
			v.ShowError(err)
			return
		}
		v.ShowCodes(p)
	})
}

// confirmRegistration sends the two codes (step 2); on success the member
// signs in on the login view.
func (c *Shell) confirmRegistration(emailCode, smsCode string) {
	v := c.registerView()
	v.SetCodesBusy(true)
	async.Run(c.plain, app.ActionTimeout, func(ctx context.Context) (service.Registered, error) {
		return c.app.ConfirmRegistration(ctx, emailCode, smsCode)
	}, func(res service.Registered, err error) {
		v.SetCodesBusy(false)
		if err != nil {
			v.ShowCodesError(err)
			return
		}
		v.Reset()
		c.loginView().SetIdentifier(res.Email, false)
		c.loginView().ShowSuccess(lang.L("login.registered"))
		c.show(screenLogin)
	})
}

func (c *Shell) resendRegistration() {
	v := c.registerView()
	v.SetCodesBusy(true)
	async.Run(c.plain, app.ActionTimeout, c.app.ResendRegistration, func(p service.PendingRegistration, err error) {
		v.SetCodesBusy(false)
		if err != nil {
			v.ShowCodesError(err)
			return
		}
		v.ShowCodes(p)
	})
}
