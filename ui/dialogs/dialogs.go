// Package dialogs shows the app's dialogs the desktop way.
package dialogs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Show shows d and lets Escape dismiss it, as on every desktop: Fyne's
// dialogs do not listen for the key. Focus leaves the view behind the dialog
// (a key typed there would otherwise go to it), and the window's own key
// handler comes back when d closes.
func Show(d dialog.Dialog, win fyne.Window) {
	c := win.Canvas()
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			d.Dismiss()
			return
		}
		if previous != nil {
			previous(e)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(previous) })
	c.Unfocus()
	d.Show()
}
