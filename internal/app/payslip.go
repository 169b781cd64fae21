package app

import (
	"context"
	"errors"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// ErrNoData is a call that needs the open account's data when none is
// open.
var ErrNoData = errors.New("app: no member data open")

// SetPayslip keeps the wages on the member's payslip ("Upah saya") with the
// open account's data and, when the offline cache is on, writes them into
// the account's encrypted snapshot (nowhere else: they are never sent).
// It returns ErrStale when the session has moved on from epoch: before it
// starts nothing changes; if the session ends while the cache is written,
// the wages stay in that account's snapshot (they are its member's) but
// not in memory. saved reports whether the cache now holds them; with the
// offline cache off they last only as long as the session.
func (a *App) SetPayslip(ctx context.Context, epoch uint64, wages []member.PayslipWage) (saved bool, err error) {
	wages = audit.NormalizePayslip(wages)
	a.writes.Lock()
	defer a.writes.Unlock()
	data, err := a.session.dataOf(epoch)
	if err != nil {
		return false, err
	}
	data.Payslip = wages

	if a.p.Settings.OfflineCache() {
		if store := a.Cache(ctx); store != nil {
			key, err := a.keys.save(ctx, store, epoch, data)
			if err != nil {
				a.p.Logger.Warn("payslip wage not written", "err", err)
				return false, err
			}
			saved = key != nil
		}
	}
	if !a.session.setPayslip(epoch, data.Identifier, wages) {
		return false, ErrStale
	}
	return saved, nil
}
