package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
)

// cacheFile owns the offline cache file: nil until OpenCache has opened it
// (or when it cannot be), and again after Close.
type cacheFile struct {
	ready chan struct{} // closed once OpenCache has tried

	mu    sync.Mutex
	store *cache.Cache
}

func newCacheFile() *cacheFile { return &cacheFile{ready: make(chan struct{})} }

// opened records what OpenCache opened (nil if nothing) and releases
// whoever waits for it. Call it once.
func (c *cacheFile) opened(store *cache.Cache) {
	c.mu.Lock()
	c.store = store
	c.mu.Unlock()
	close(c.ready)
}

// wait returns the cache once OpenCache has tried, or nil when ctx ends first.
func (c *cacheFile) wait(ctx context.Context) *cache.Cache {
	select {
	case <-c.ready:
	case <-ctx.Done():
		return nil
	}
	return c.current()
}

// current is the open cache, or nil.
func (c *cacheFile) current() *cache.Cache {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.store
}

// waiting reports whether OpenCache has not finished yet.
func (c *cacheFile) waiting() bool {
	select {
	case <-c.ready:
		return false
	default:
		return true
	}
}

// close closes the cache (exit); it may be called again.
func (c *cacheFile) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store != nil {
		_ = c.store.Close()
		c.store = nil
	}
}

// Opening is what opening the offline cache found.
type Opening struct {
	Report     cache.OpenReport
	Err        error  // the cache could not be opened
	Remembered string // the remembered identifier, "" if none
	// Cached is the remembered account's last data, when there is some
	// and it is not locked.
	Cached *memberdata.Data
	// Locked: the remembered account was locked; only its password opens it.
	Locked bool
	// KeyringErr is why the keyring did not answer (nil when it did):
	// "remember me" is unavailable; offline data opens with the password.
	KeyringErr error
}

// OpenCache asks the keyring for a remembered account while it opens the
// cache, then reads that account's last data with the keyring's copy of
// its key. onRemembered, if set, hears the remembered identifier ("" for
// none) as soon as it is known, before the cache is open. Call it once, at
// start-up.
func (a *App) OpenCache(ctx context.Context, onRemembered func(string)) Opening {
	profile, log := a.ProfileName(), a.p.Logger
	began := time.Now()
	// The remembered identifier, its key and the cache are separate
	// round trips: ask for them at once.
	idCh := make(chan rememberedLogin, 1)
	go func() { idCh <- a.keys.readRemembered(ctx, profile, onRemembered) }()
	var o Opening
	store, report, err := cache.Open(ctx, cache.Params{Dir: a.p.DataDir, Keys: a.p.Keys, LegacyProfiles: prefs.ServerProfiles})
	o.Report, o.Err = report, err
	a.cache.opened(store)
	r := <-idCh
	o.Remembered, o.KeyringErr = r.id, r.err
	a.keys.setRemembered(r.id, r.err)
	log.Debug("cache opened", "took", time.Since(began))
	switch {
	case err != nil:
		log.Warn("offline cache unavailable", "err", err)
	case report.DataLost():
		log.Warn("offline cache was reset", "quarantined", len(report.Quarantined), "dropped", report.Dropped)
	}
	if r.err != nil {
		log.Info("no keyring answered at start", "err", r.err)
	}
	if store == nil || o.Remembered == "" {
		return o
	}
	if report.Migrated > 0 && r.key == nil {
		// Version-1 data of the remembered account: its key becomes the
		// remembered copy (the data opened without a password before).
		r.key = a.keys.promotePending(ctx, profile, o.Remembered)
	}
	o.Locked = rememberedLocked(ctx, store, profile, o.Remembered)
	if r.key != nil && !o.Locked {
		if data, err := memberdata.Load(ctx, store, profile, o.Remembered, r.key); err == nil {
			data = a.book.current(ctx, store, data, r.key)
			o.Cached = &data
			a.keys.setStartup(o.Remembered, r.key)
		} else if !errors.Is(err, cache.ErrNotFound) {
			log.Warn("open offline data", "err", err)
		}
	}
	return o
}

// rememberedLocked reports whether a row listed under the remembered
// account's mask is locked.
func rememberedLocked(ctx context.Context, store *cache.Cache, profile, identifier string) bool {
	list, err := store.Accounts(ctx, profile)
	if err != nil {
		return false
	}
	masked := cache.MaskIdentifier(identifier)
	for _, s := range list {
		if s.Masked == masked && s.Locked {
			return true
		}
	}
	return false
}
