package app

import (
	"context"
	"errors"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
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
	a.saveMu.Lock()
	defer a.saveMu.Unlock()
	a.mu.Lock()
	if epoch != a.epoch {
		a.mu.Unlock()
		return false, ErrStale
	}
	if a.data == nil {
		a.mu.Unlock()
		return false, ErrNoData
	}
	data := *a.data
	a.mu.Unlock()
	data.Payslip = wages

	if a.p.Settings.OfflineCache() {
		if store := a.Cache(ctx); store != nil {
			key, err := a.save(ctx, store, epoch, data)
			if err != nil {
				a.log.Warn("payslip wage not written", "err", err)
				return false, err
			}
			saved = key != nil
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if epoch != a.epoch || a.data == nil || a.data.Identifier != data.Identifier {
		return false, ErrStale
	}
	a.data.Payslip = wages
	return saved, nil
}

// keptPayslip is the payslip wages already kept for an account: those of
// the open data when it is that account's, else those in its cached
// snapshot. Callers hold saveMu.
func (a *App) keptPayslip(ctx context.Context, identifier string) []member.PayslipWage {
	a.mu.Lock()
	if a.data != nil && a.data.Identifier == identifier {
		w := a.data.Payslip
		a.mu.Unlock()
		return w
	}
	a.mu.Unlock()
	if !a.p.Settings.OfflineCache() {
		return nil
	}
	store := a.Cache(ctx)
	if store == nil {
		return nil
	}
	w, err := memberdata.LoadPayslip(ctx, store, a.ProfileName(), identifier, a.accountKey(ctx, identifier))
	if err != nil {
		a.log.Info("cached payslip wage not read", "err", err)
	}
	return w
}

// accountKey is the data key of identifier's account when this session has
// it: the open one, or the one a password login is preparing (waited for).
func (a *App) accountKey(ctx context.Context, identifier string) *cache.Key {
	a.mu.Lock()
	key, open, prep := a.key, a.identifier, a.prep
	a.mu.Unlock()
	if key != nil && open == identifier {
		return key
	}
	if prep == nil || prep.identifier != identifier {
		return nil
	}
	select {
	case <-prep.done:
		return prep.key
	case <-ctx.Done():
		return nil
	}
}
