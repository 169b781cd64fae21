package dialogs

import (
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// How long a toast stays before it goes by itself (variables for tests).
var (
	ToastInfoFor  = 6 * time.Second
	ToastErrorFor = 12 * time.Second
)

// Toast is a short message at the bottom of the window, over everything
// (a dialog that caused it included), that goes by itself: "Surat
// pengaduan disalin.", "Disimpan di …". It replaces the window's previous
// toast; a click elsewhere dismisses it too.
type Toast struct {
	pop    *widget.PopUp
	text   *widget.Label
	action *widget.Button
}

var toasts = struct {
	sync.Mutex
	m map[fyne.Window]*Toast
}{m: map[fyne.Window]*Toast{}}

// ShowToast shows text on win for ToastInfoFor (ToastErrorFor if isError),
// with an optional button (actionText "" for none).
func ShowToast(win fyne.Window, text string, isError bool, actionText string, action func()) *Toast {
	toasts.Lock()
	old := toasts.m[win]
	toasts.Unlock()
	if old != nil {
		old.pop.Hide()
	}
	t := &Toast{text: widget.NewLabel(text)}
	t.text.Wrapping = fyne.TextWrapWord
	var icon fyne.Resource = theme.NewPrimaryThemedResource(theme.InfoIcon())
	tint, stay := theme.ColorNamePrimary, ToastInfoFor
	if isError {
		icon, tint, stay = theme.NewErrorThemedResource(theme.ErrorIcon()), theme.ColorNameError, ToastErrorFor
	}
	var right fyne.CanvasObject
	if actionText != "" {
		t.action = widget.NewButton(actionText, func() {
			if action != nil {
				action()
			}
		})
		right = container.NewCenter(t.action)
	}
	body := container.NewStack(widgets.NewTint(tint, 0x30), container.NewPadded(
		container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), right, t.text)))
	c := win.Canvas()
	t.pop = widget.NewPopUp(body, c)
	width := min(c.Size().Width-4*theme.Padding(), 640)
	t.pop.Resize(fyne.NewSize(width, t.pop.MinSize().Height))
	size := t.pop.Size()
	if h := body.MinSize().Height; size.Height < h {
		size.Height = h
	}
	t.pop.ShowAtPosition(fyne.NewPos((c.Size().Width-width)/2, c.Size().Height-size.Height-4*theme.Padding()))
	t.pop.Resize(fyne.NewSize(width, t.pop.MinSize().Height))
	toasts.Lock()
	toasts.m[win] = t
	toasts.Unlock()
	time.AfterFunc(stay, func() { fyne.Do(func() { t.Dismiss(win) }) })
	return t
}

// Dismiss takes the toast away (it goes by itself too).
func (t *Toast) Dismiss(win fyne.Window) {
	t.pop.Hide()
	toasts.Lock()
	if toasts.m[win] == t {
		delete(toasts.m, win)
	}
	toasts.Unlock()
}

// Text is what the toast says.
func (t *Toast) Text() string { return t.text.Text }

// Visible reports whether the toast is on screen.
func (t *Toast) Visible() bool { return t.pop.Visible() }

// CurrentToast is win's toast on screen, nil if none.
func CurrentToast(win fyne.Window) *Toast {
	toasts.Lock()
	defer toasts.Unlock()
	if t := toasts.m[win]; t != nil && t.pop.Visible() {
		return t
	}
	return nil
}

// ShowSaved tells the member where a file went: its name and folder, with
// "Salin lokasi" to copy the folder's path (the app opens no file manager:
// it calls no external program). uri is the file written.
func ShowSaved(win fyne.Window, uri fyne.URI, sentence func(name, folder string) string) *Toast {
	folder := ""
	if parent, err := storage.Parent(uri); err == nil && parent != nil {
		folder = filepath.Clean(parent.Path()) // Parent's path ends in a slash
	}
	text := sentence(uri.Name(), folder)
	if folder == "" {
		return ShowToast(win, text, false, "", nil)
	}
	return ShowToast(win, text, false, lang.L("dialogs.copyFolder"), func() {
		fyne.CurrentApp().Clipboard().SetContent(folder)
	})
}
