package app

import (
	"context"
	"errors"
)

// Forgetting: one account (PrepareForget), everything (ClearAll), the
// offline data (DeleteOfflineData). The facade orders the owners' parts.

// PrepareForget returns the work that deletes one account's cached data
// (here and in the copies set aside), its remembered refresh token, its
// key copies and, when it is the remembered account, the remembered
// identifier. Call it before Logout (it takes the open account's key),
// and run the work after.
func (a *App) PrepareForget(identifier string) func(ctx context.Context) error {
	return a.keys.forget(identifier)
}

// ClearAll (Settings) ends the session and deletes everything the app
// keeps on this computer: every cached account here and in the copies set
// aside, and every keyring item of the app for all accounts (refresh
// tokens, key copies, the remembered login). A refresh under way is
// cancelled and waited for first, so it cannot write anything back.
func (a *App) ClearAll(ctx context.Context) error {
	ended, old := a.session.clear()
	done := a.ended(ended)
	a.keys.forgetRemembered()
	store := a.cache.current()
	if old != nil {
		old.Close()
	}
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := a.WaitLockSaved(ctx); err != nil {
		return err
	}
	var errs []error
	if store != nil {
		errs = append(errs, store.ForgetAll(ctx))
	}
	errs = append(errs, a.keys.clearAll(ctx))
	err := errors.Join(errs...)
	if err != nil {
		a.p.Logger.Warn("clear data", "err", err)
	}
	return err
}

// DeleteOfflineData (the offline-data setting turned off, after the
// member confirmed) deletes every cached account here and in the copies
// set aside, and the keys of that data (the remembered account's copy, the
// pending keys). The session goes on; nothing is saved while the setting
// is off.
func (a *App) DeleteOfflineData(ctx context.Context) error {
	done := a.refresh.cancelAny()
	remembered := a.keys.dropAll()
	store, profile := a.cache.current(), a.ProfileName()
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var errs []error
	if store != nil {
		errs = append(errs, store.ForgetAll(ctx))
	}
	errs = append(errs, a.keys.dropOfflineKeys(ctx, profile, remembered))
	err := errors.Join(errs...)
	if err != nil {
		a.p.Logger.Warn("delete offline data", "err", err)
	}
	return err
}
