package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/cache"
)

// startupWait bounds how long the window, before it first opens, waits for
// a remembered account's cached data. Read in time (typically 20–40 ms,
// while the window is being created anyway), the first frame is the
// dashboard rather than a login view that flips to it; later, the login
// view opens and the data follows. Nothing waits when no account is
// remembered, and the keyring and disk work itself runs on its own
// goroutine with its own timeouts.
var startupWait = 250 * time.Millisecond // a variable for tests

// cacheOpening is what opening the offline cache found.
type cacheOpening struct {
	store      *cache.Cache // nil when it cannot be opened
	report     cache.OpenReport
	err        error
	remembered string      // the remembered identifier, "" if none
	cached     *MemberData // its last data, when there is some
}

// openCache asks the keyring for a remembered account while it opens the
// cache, then reads that account's last data, off the UI goroutine. remembered
// reports the identifier ("" for none) as soon as it is known; opened
// reports everything once the cache is open.
func (c *controller) openCache() (remembered <-chan string, opened <-chan cacheOpening) {
	keys := c.p.Keys
	dataDir := c.p.DataDir
	profile := c.profileName()
	rememberedCh := make(chan string, 1)
	openedCh := make(chan cacheOpening, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), keyringTimeout*2)
		defer cancel()
		began := time.Now()
		// The remembered identifier and the cache's own key are separate
		// keyring round trips: ask for both at once.
		idCh := make(chan string, 1)
		go func() {
			id := ""
			if keys != nil {
				if got, err := keys.Get(ctx, keyAccountInstallation, keyPurposeRemembered); err == nil {
					id = got
				}
			}
			rememberedCh <- id
			idCh <- id
		}()
		var o cacheOpening
		o.store, o.report, o.err = cache.Open(ctx, cache.Params{Dir: dataDir, Keys: keys})
		c.cacheReady.set(o.store)
		o.remembered = <-idCh
		c.log.Debug("cache opened", "took", time.Since(began))
		if o.remembered != "" && o.store != nil && o.store.Disabled() == nil {
			if data, err := loadMemberData(ctx, o.store, profile, o.remembered); err == nil {
				o.cached = &data
			} else if !errors.Is(err, cache.ErrNotFound) {
				c.log.Warn("open offline data", "err", err)
			}
		}
		openedCh <- o
	}()
	return rememberedCh, openedCh
}

// awaitRemembered waits up to limit for the cache opening when an account
// is remembered; ok is false when none is, or when it takes longer. Once an
// account is known to be remembered, meanwhile (if set) runs before the wait
// for its data: the UI goroutine builds the dashboard while the cache opens.
func awaitRemembered(remembered <-chan string, opened <-chan cacheOpening, limit time.Duration, meanwhile func()) (o cacheOpening, ok bool) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case id := <-remembered:
		if id == "" {
			return cacheOpening{}, false
		}
	case <-timer.C:
		return cacheOpening{}, false
	}
	if meanwhile != nil {
		meanwhile()
	}
	select {
	case o = <-opened:
		return o, true
	case <-timer.C:
		return cacheOpening{}, false
	}
}

// preloadFonts loads the regular and bold text fonts (~40 ms of parsing) on
// another goroutine while the window is being created; the returned channel
// closes when they are in Fyne's font cache. The UI goroutine waits for it
// before its first label rather than parse the same fonts a second time.
func preloadFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Cek BPJSTK", theme.TextSize(), style)
		}
	}()
	return done
}

// awaitFonts waits for preloadFonts, at most a second; nil returns at once.
func awaitFonts(loaded <-chan struct{}) {
	if loaded == nil {
		return
	}
	select {
	case <-loaded:
	case <-time.After(time.Second):
	}
}
