package sms

import (
	"time"

	"fyne.io/fyne/v2"
)

// clipboardClearAfter is how long a copied message, which holds the NIK,
// the KPJ and the birth date, stays on the clipboard: other programs read
// the clipboard freely, and clipboard managers keep a history.
const clipboardClearAfter = 60 * time.Second

// clipboardTimer schedules the clearing; tests replace it to run it at once.
var clipboardTimer = func(d time.Duration, f func()) { time.AfterFunc(d, f) }

// copyForAMinute puts text on the clipboard and, after
// clipboardClearAfter, empties it again on the UI goroutine, unless the
// member (or another program) has put something else there meanwhile.
func copyForAMinute(cb fyne.Clipboard, text string) {
	cb.SetContent(text)
	clipboardTimer(clipboardClearAfter, func() {
		fyne.Do(func() {
			if cb.Content() == text {
				cb.SetContent("")
			}
		})
	})
}
