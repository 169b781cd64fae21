package shell

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
)

// startupWait bounds how long the window, before it first opens, waits for
// a remembered account's cached data. Read in time (typically 20–40 ms,
// while the window is being created anyway), the first frame is the
// dashboard rather than a login view that flips to it; later, the login
// view opens and the data follows. Nothing waits when no account is
// remembered, and the keyring and disk work itself runs on its own
// goroutine with its own timeouts.
var startupWait = 250 * time.Millisecond // a variable for tests

// CacheOpening is the offline cache being opened off the UI goroutine (the
// application layer asks the keyring for a remembered account meanwhile):
// remembered reports the identifier ("" for none) as soon as it is known;
// opened reports everything once the cache is open.
type CacheOpening struct {
	remembered <-chan string
	opened     <-chan app.Opening
}

// OpenCache starts opening session's offline cache. main starts it before
// the translations load and the window is created (Params.Cache), so that
// the keyring and the disk work while the UI goroutine does its own; the
// shell starts it itself when it is not given one (tests).
func OpenCache(session *app.App) *CacheOpening {
	rememberedCh := make(chan string, 1)
	openedCh := make(chan app.Opening, 1)
	go func() {
		ctx, cancel := keyringContext()
		defer cancel()
		openedCh <- session.OpenCache(ctx, func(id string) { rememberedCh <- id })
	}()
	return &CacheOpening{remembered: rememberedCh, opened: openedCh}
}

// awaitRemembered waits up to limit for the cache opening when an account
// is remembered; ok is false when none is, or when it takes longer. Once an
// account is known to be remembered, meanwhile (if set) runs before the wait
// for its data: the UI goroutine builds the dashboard while the cache opens.
func awaitRemembered(remembered <-chan string, opened <-chan app.Opening, limit time.Duration, meanwhile func()) (o app.Opening, ok bool) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case id := <-remembered:
		if id == "" {
			return app.Opening{}, false
		}
	case <-timer.C:
		return app.Opening{}, false
	}
	if meanwhile != nil {
		meanwhile()
	}
	select {
	case o = <-opened:
		return o, true
	case <-timer.C:
		return app.Opening{}, false
	}
}

// PreloadFonts loads the regular and bold text fonts on another goroutine
// while the rest of start-up runs; the returned channel closes when both
// are in Fyne's font cache. The UI goroutine waits for it before its first
// label rather than parse the same fonts a second time. One goroutine for
// both: with the Latin subset faces (widgets.UseLatinFonts) nearly all of
// the work is Fyne looking up and parsing the system's fallback face for
// each style, which it does under one lock (painter.lookupLangFont), so a
// goroutine per style ran one after the other anyway.
//
// main calls it as soon as the Fyne app exists and has the app's theme
// (the goroutine reads it: the theme must not change while it runs),
// before the translations and the window. Fyne clears its font cache only
// on a settings change once its loop runs.
func PreloadFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Cek BPJSTK", theme.TextSize(), style)
		}
	}()
	return done
}

// awaitFonts waits for PreloadFonts, at most a second; nil returns at once.
func awaitFonts(loaded <-chan struct{}) {
	if loaded == nil {
		return
	}
	select {
	case <-loaded:
	case <-time.After(time.Second):
	}
}
