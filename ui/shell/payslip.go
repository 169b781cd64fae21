package shell

import (
	"context"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
)

// savePayslip keeps the payslip wages the member typed in "Upah saya" with
// the open account (the encrypted cache only), off the UI goroutine, and
// tells the dashboard how it went; a result of an ended session is
// dropped. The save can wait for a refresh's own save and a key wrap, so
// it has an action's time, not a keyring call's.
func (c *Shell) savePayslip(wages []member.PayslipWage) {
	epoch := c.app.Epoch()
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (bool, error) {
		return c.app.SetPayslip(ctx, epoch, wages)
	}, func(saved bool, err error) {
		c.dashView().SetPayslipSaved(saved, err)
	})
}

// savePayslips keeps the member's payslips month by month (Upah saya's
// table) with the open account, as savePayslip keeps the wages.
func (c *Shell) savePayslips(payslips []member.Payslip) {
	epoch := c.app.Epoch()
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (bool, error) {
		return c.app.SetPayslips(ctx, epoch, payslips)
	}, func(saved bool, err error) {
		c.dashView().SetPayslipSaved(saved, err)
	})
}
