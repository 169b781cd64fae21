// Package dialogs shows the app's dialogs the desktop way.
package dialogs

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// open lists the dialogs shown with Show and not yet closed, per window.
var open = struct {
	sync.Mutex
	m map[fyne.Window][]dialog.Dialog
}{m: map[fyne.Window][]dialog.Dialog{}}

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
	d.SetOnClosed(func() {
		c.SetOnTypedKey(previous)
		forget(win, d)
	})
	open.Lock()
	open.m[win] = append(open.m[win], d)
	open.Unlock()
	c.Unfocus()
	d.Show()
}

func forget(win fyne.Window, d dialog.Dialog) {
	open.Lock()
	defer open.Unlock()
	list := open.m[win]
	for i, x := range list {
		if x == d {
			open.m[win] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(open.m[win]) == 0 {
		delete(open.m, win)
	}
}

// CloseAll closes every dialog and overlay of win (a lock, a logout, a
// server change): the dialogs shown with Show are hidden, newest first,
// without running their answer callbacks, and any other overlay (a file
// dialog, a pop-up menu) is removed. Focus leaves them too.
func CloseAll(win fyne.Window) {
	open.Lock()
	list := open.m[win]
	delete(open.m, win)
	open.Unlock()
	for i := len(list) - 1; i >= 0; i-- {
		list[i].Hide()
	}
	c := win.Canvas()
	for _, o := range c.Overlays().List() {
		c.Overlays().Remove(o)
	}
	c.Unfocus()
}
