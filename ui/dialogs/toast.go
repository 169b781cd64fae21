package dialogs

import (
	"image/color"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// How long a message stays before it goes by itself (variables for tests).
var (
	ToastInfoFor  = 6 * time.Second
	ToastErrorFor = 12 * time.Second
)

// ToastAfter schedules a message's going (time.AfterFunc). Under Fyne's
// test driver fyne.Do runs a function at once on the caller's goroutine,
// so a timer left by one view test would touch widgets while the next
// test runs: the view tests of the packages that show messages set it to
// hold them until dismissed (their TestMain).
var ToastAfter = func(d time.Duration, f func()) { time.AfterFunc(d, f) }

// Toast is a short message line that goes by itself ("Surat pengaduan
// disalin.", "Disimpan di …"), placed by its owner where the member is
// looking: inside the dialog that caused it (the action kit), or at the
// bottom of the dashboard, never pushing the tab bar down. It is not an
// overlay: Fyne hands every click to the top overlay only, so a message
// floating over a dialog would swallow the next click aimed at the dialog
// (and a non-modal pop-up eats the click that dismisses it).
type Toast struct {
	text   *widget.Label
	icon   *widget.Icon
	tint   *widgets.Tint
	action *widget.Button
	onAct  func()
	box    *fyne.Container
	shown  int // bumps with every Show: an older timer does not hide a newer message
	on     bool
	keep   bool // Reserve: the line keeps its room while empty
	do     func(func())
}

// Reserve keeps the line's room while it says nothing, so that nothing
// below or beside it moves when a message comes (the kit's buttons sit
// just above it: a click aimed at "Simpan" landed on the message).
func (t *Toast) Reserve() *Toast {
	t.keep = true
	t.Dismiss()
	return t
}

// NewToast builds a hidden message line.
func NewToast() *Toast {
	t := &Toast{text: widget.NewLabel(""), icon: widget.NewIcon(theme.InfoIcon()), tint: widgets.NewTint(theme.ColorNamePrimary, 0x30), do: fyne.Do}
	t.text.Wrapping = fyne.TextWrapWord
	t.action = widget.NewButton("", func() {
		if t.onAct != nil {
			t.onAct()
		}
	})
	// The room of a line with its button, whether the button shows or not.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, t.action.MinSize().Height+2*theme.Padding()))
	t.box = container.NewStack(t.tint, room, container.NewPadded(container.NewBorder(nil, nil,
		container.NewCenter(t.icon), container.NewCenter(t.action), t.text)))
	t.box.Hide()
	return t
}

// Content is the line, hidden while it says nothing.
func (t *Toast) Content() fyne.CanvasObject { return t.box }

// Show says text for ToastInfoFor (ToastErrorFor if isError), with an
// optional button (actionText "" for none).
func (t *Toast) Show(text string, isError bool, actionText string, action func()) {
	t.shown++
	n := t.shown
	stay := ToastInfoFor
	if isError {
		stay = ToastErrorFor
		t.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		t.tint.Color = theme.ColorNameError
	} else {
		t.icon.SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
		t.tint.Color = theme.ColorNamePrimary
	}
	t.tint.Refresh()
	t.text.SetText(text)
	t.onAct = action
	t.action.SetText(actionText)
	t.action.Hidden = actionText == ""
	t.icon.Show()
	t.tint.Show()
	t.on = true
	t.box.Show()
	t.box.Refresh()
	ToastAfter(stay, func() {
		t.do(func() {
			if t.shown == n {
				t.Dismiss()
			}
		})
	})
}

// ShowSaved tells the member where a file went: its name and folder, with
// "Salin lokasi folder" to copy the folder's path (the app opens no file
// manager: it runs no external program). uri is the file written.
func (t *Toast) ShowSaved(uri fyne.URI, sentence func(name, folder string) string) {
	folder := ""
	if parent, err := storage.Parent(uri); err == nil && parent != nil {
		folder = filepath.Clean(parent.Path()) // Parent's path ends in a slash
	}
	text := sentence(uri.Name(), folder)
	if folder == "" {
		t.Show(text, false, "", nil)
		return
	}
	t.Show(text, false, lang.L("dialogs.copyFolder"), func() {
		fyne.CurrentApp().Clipboard().SetContent(folder)
	})
}

// Dismiss hides the line.
func (t *Toast) Dismiss() {
	t.on = false
	t.text.SetText("")
	if !t.keep {
		t.box.Hide()
		return
	}
	// Kept room: an empty line of the same height, nothing drawn.
	t.box.Show()
	t.text.SetText(" ")
	t.icon.Hide()
	t.tint.Hide()
	t.action.Hide()
	t.box.Refresh()
}

// Text is what the line says ("" while hidden).
func (t *Toast) Text() string {
	if !t.on {
		return ""
	}
	return t.text.Text
}

// Visible reports whether the line says something.
func (t *Toast) Visible() bool { return t.on }

// Each window's message line, where ShowToast and ShowSaved put what they
// say (the dashboard attaches its bottom line).
var lines = struct {
	sync.Mutex
	m map[fyne.Window]*Toast
}{m: map[fyne.Window]*Toast{}}

// Attach makes t win's message line for ShowToast and ShowSaved.
func Attach(win fyne.Window, t *Toast) {
	lines.Lock()
	lines.m[win] = t
	lines.Unlock()
}

// lineOf is win's message line; a window with none gets one off screen
// (what it says can still be read by CurrentToast).
func lineOf(win fyne.Window) *Toast {
	lines.Lock()
	defer lines.Unlock()
	t := lines.m[win]
	if t == nil {
		t = NewToast()
		lines.m[win] = t
	}
	return t
}

// ShowToast says text on win's message line (Attach).
func ShowToast(win fyne.Window, text string, isError bool, actionText string, action func()) *Toast {
	t := lineOf(win)
	t.Show(text, isError, actionText, action)
	return t
}

// ShowSaved says on win's message line where a file went (Toast.ShowSaved).
func ShowSaved(win fyne.Window, uri fyne.URI, sentence func(name, folder string) string) *Toast {
	t := lineOf(win)
	t.ShowSaved(uri, sentence)
	return t
}

// CurrentToast is win's message line while it says something, else nil.
func CurrentToast(win fyne.Window) *Toast {
	lines.Lock()
	t := lines.m[win]
	lines.Unlock()
	if t != nil && t.Visible() {
		return t
	}
	return nil
}
