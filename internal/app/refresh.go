package app

import (
	"context"
	"errors"
	"sync"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// refresher owns the refresh: one at a time per session, cancelled when
// its session ends, whole or nothing. It fetches with the session's
// client, saves through keyCustody and shows the result through the
// session, each checked against the epoch it started in.
type refresher struct {
	p       *Params
	session *session
	keys    *keyCustody
	cache   *cacheFile
	writes  *sync.Mutex        // App.writes: held from the payslip carried over to the save
	lock    func(epoch uint64) // App.lockIf: a refresh answered ErrUnauthorized locks

	mu     sync.Mutex
	cancel context.CancelFunc // non-nil while a refresh runs
	done   chan struct{}      // closed when that refresh returns
	epoch  uint64             // the epoch that refresh runs in

	// afterFetch, when set (tests), runs between a refresh's fetch and its
	// commit, so that a test can end the session exactly there.
	afterFetch func()
}

// RefreshResult is a finished refresh.
type RefreshResult struct {
	Data memberdata.Data
	// SaveErr says why the offline cache was not written (the data is
	// still shown).
	SaveErr error
}

// Refresh fetches everything the dashboard shows and, when the offline
// cache is on, saves it whole. Nothing partial is kept: any failed call
// fails the refresh and the previous data stays. A refresh answered with
// service.ErrUnauthorized locks the session (see Lock). One refresh runs at
// a time (ErrRefreshing); CancelRefresh, Lock, Logout and ChangeProfile
// cancel it, and it then returns ErrStale or the cancellation.
func (a *App) Refresh(ctx context.Context) (RefreshResult, error) {
	return a.RefreshStages(ctx, nil)
}

// Stage is how far a refresh has come, for the screen only: nothing in it
// is cached or kept, and it belongs to the session of Epoch (the UI drops
// it once the epoch has moved on).
type Stage struct {
	Epoch uint64
	// Summary, once, is the new data but the contribution history
	// (Contributions is nil), when it differs from the data shown: the
	// screen may show it, with the history tabs waiting for theirs rather
	// than showing the old.
	Summary *memberdata.Data
	// HistoryYears of HistoryTotal years of contributions are in.
	HistoryYears, HistoryTotal int
}

// RefreshStages is Refresh that tells onStage (if set) how far it has
// come, from the refresh's own goroutines, never after the session ended;
// onStage must not block. The requests are conditional on the data held
// (what did not change costs headers only), and the result is still whole
// or nothing.
func (a *App) RefreshStages(ctx context.Context, onStage func(Stage)) (RefreshResult, error) {
	return a.refresh.run(ctx, onStage)
}

// CancelRefresh abandons the running refresh, if any.
func (a *App) CancelRefresh() { a.refresh.cancelAny() }

// running reports whether a refresh is under way.
func (r *refresher) running() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cancel != nil
}

// cancelUpTo cancels the refresh of a session up to ended and returns its
// done channel (nil if none runs).
func (r *refresher) cancelUpTo(ended uint64) chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel == nil || r.epoch > ended {
		return nil
	}
	r.cancel()
	return r.done
}

// cancelAny cancels the running refresh, whatever its session, and
// returns its done channel (nil if none runs).
func (r *refresher) cancelAny() chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel == nil {
		return nil
	}
	r.cancel()
	return r.done
}

// waitIdle waits until no refresh runs, or says why not: one of the
// current session runs (ErrRefreshing), or ctx ended. A refresh of an
// ended session is cancelled and about to return: a new session's refresh
// waits for it rather than fail.
func (r *refresher) waitIdle(ctx context.Context) error {
	for {
		r.mu.Lock()
		if r.cancel == nil {
			r.mu.Unlock()
			return nil
		}
		if r.epoch == r.session.Epoch() {
			r.mu.Unlock()
			return ErrRefreshing
		}
		done := r.done
		r.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// start registers a refresh of the session of epoch, unless one runs or
// that session has ended meanwhile; ok false means look again.
func (r *refresher) start(ctx context.Context, epoch uint64) (context.Context, func(), bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil || epoch != r.session.Epoch() {
		return nil, nil, false
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	r.cancel, r.done, r.epoch = cancel, done, epoch
	return ctx, func() {
		cancel()
		r.mu.Lock()
		if r.done == done {
			r.cancel, r.done = nil, nil
		}
		r.mu.Unlock()
		close(done)
	}, true
}

func (r *refresher) run(ctx context.Context, onStage func(Stage)) (RefreshResult, error) {
	var (
		client     *service.Client
		epoch      uint64
		identifier string
		prev       *memberdata.Data
		runCtx     context.Context
		finish     func()
	)
	for ok := false; !ok; {
		if err := r.waitIdle(ctx); err != nil {
			return RefreshResult{}, err
		}
		client, epoch, identifier, prev = r.session.refreshStart()
		if client == nil {
			return RefreshResult{}, ErrNoServer
		}
		runCtx, finish, ok = r.start(ctx, epoch)
	}
	defer finish()
	ctx = runCtx

	progress := func(p memberdata.Progress) {
		if onStage != nil && r.session.Epoch() == epoch {
			onStage(Stage{Epoch: epoch, Summary: p.Summary, HistoryYears: p.HistoryYears, HistoryTotal: p.HistoryTotal})
		}
	}
	data, err := memberdata.Fetch(ctx, client, identifier, r.p.Now,
		memberdata.WithPrevious(prev), memberdata.WithProgress(progress))
	if r.afterFetch != nil {
		r.afterFetch()
	}
	if r.session.Epoch() != epoch {
		return RefreshResult{}, ErrStale
	}
	if err != nil {
		r.p.Logger.Info("refresh failed", "err", err)
		if errors.Is(err, service.ErrUnauthorized) {
			r.lock(epoch)
		}
		return RefreshResult{}, err
	}
	// The member's payslips are theirs, not the server's: they carry over
	// to the fresh data (writes serialises this save with SetPayslip).
	r.writes.Lock()
	defer r.writes.Unlock()
	data.SetOwn(r.keptOwn(ctx, identifier))
	var saveErr error
	var key *cache.Key
	if r.p.Settings.OfflineCache() {
		// A quick login can finish before the cache is open: wait for it.
		if store := r.cache.wait(ctx); store != nil {
			key, saveErr = r.keys.save(ctx, store, epoch, data)
		}
	}
	if key != nil {
		r.keys.setOpen(epoch, data.Identifier, key)
	}
	if !r.session.commitData(epoch, data) {
		return RefreshResult{}, ErrStale
	}
	r.p.Logger.Debug("refresh done")
	if saveErr != nil {
		r.p.Logger.Warn("offline cache not written", "err", saveErr)
	}
	return RefreshResult{Data: data, SaveErr: saveErr}, nil
}

// keptOwn is what the member already keeps of their own for an account
// (payslips, employment, 1721-A1): that of the open data when it is that
// account's, else that in its cached snapshot. Callers hold App.writes.
func (r *refresher) keptOwn(ctx context.Context, identifier string) memberdata.Own {
	if o, ok := r.session.openOwn(identifier); ok {
		return o
	}
	if !r.p.Settings.OfflineCache() {
		return memberdata.Own{}
	}
	store := r.cache.wait(ctx)
	if store == nil {
		return memberdata.Own{}
	}
	o, err := memberdata.LoadOwn(ctx, store, r.p.profileName(), identifier, r.keys.accountKey(ctx, identifier))
	if err != nil {
		r.p.Logger.Info("cached own payslips not read", "err", err)
	}
	return o
}
