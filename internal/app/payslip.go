package app

import (
	"context"
	"errors"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// ErrNoData is a call that needs the open account's data when none is
// open.
var ErrNoData = errors.New("app: no member data open")

// SetPayslip keeps the wages on the member's payslip ("Upah saya", one
// figure from a month on) with the open account's data and, when the
// offline cache is on, writes them into the account's encrypted snapshot
// (nowhere else: they are never sent). It returns ErrStale when the
// session has moved on from epoch: before it starts nothing changes; if
// the session ends while the cache is written, the wages stay in that
// account's snapshot (they are its member's) but not in memory. saved
// reports whether the cache now holds them; with the offline cache off
// they last only as long as the session.
func (a *App) SetPayslip(ctx context.Context, epoch uint64, wages []member.PayslipWage) (saved bool, err error) {
	return a.setOwn(ctx, epoch, func(o *memberdata.Own) { o.Wages = wages })
}

// SetPayslips keeps the member's payslips month by month (Upah saya's
// table) with the open account's data, as SetPayslip keeps the single
// wages: in the encrypted snapshot only, never sent, carried over by a
// refresh.
func (a *App) SetPayslips(ctx context.Context, epoch uint64, payslips []member.Payslip) (saved bool, err error) {
	return a.setOwn(ctx, epoch, func(o *memberdata.Own) { o.Payslips = payslips })
}

// setOwn changes what the member keeps of their own (memberdata.Own) in
// the open data and its snapshot.
func (a *App) setOwn(ctx context.Context, epoch uint64, change func(*memberdata.Own)) (saved bool, err error) {
	a.writes.Lock()
	defer a.writes.Unlock()
	data, err := a.session.dataOf(epoch)
	if err != nil {
		return false, err
	}
	own := data.Own()
	change(&own)
	data.SetOwn(own)
	own = data.Own()
	if book.IsBook(data.Identifier) {
		return a.book.keepOwn(ctx, epoch, own) // a book keeps them as its rows
	}

	if a.p.Settings.OfflineCache() {
		if store := a.Cache(ctx); store != nil {
			key, err := a.keys.save(ctx, store, epoch, data)
			if err != nil {
				a.p.Logger.Warn("member's own payslips not written", "err", err)
				return false, err
			}
			saved = key != nil
		}
	}
	if !a.session.setOwn(epoch, data.Identifier, own) {
		return false, ErrStale
	}
	return saved, nil
}
