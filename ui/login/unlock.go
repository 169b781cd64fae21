package login

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// UnlockView asks for the member's password before the offline data of
// one account opens. It shows only what the list showed (the masked
// identifier and the "as of" date); the password entry has the focus and
// Enter submits.
type UnlockView struct {
	heading  *widget.Label
	why      *widget.Label
	account  *widget.Label
	password *widget.Entry
	submit   *widget.Button
	back     *widget.Button
	busy     *widget.Activity
	message  *widget.Label
	content  fyne.CanvasObject

	canvas    fyne.Canvas // the window's, once Focus has been given it
	busyNow   bool
	waitUntil time.Time
	now       func() time.Time
	do        func(func())
	stop      chan struct{}

	OnSubmit func(password string)
	OnBack   func()
}

// NewUnlockView builds the password prompt; do applies the wait
// countdown's ticks on the UI goroutine (nil: fyne.Do).
func NewUnlockView(do func(func())) *UnlockView {
	if do == nil {
		do = fyne.Do
	}
	v := &UnlockView{
		heading:  widget.NewLabelWithStyle(lang.L("login.unlock.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		account:  widget.NewLabel(""),
		password: widget.NewPasswordEntry(),
		busy:     widget.NewActivity(),
		message:  widget.NewLabel(""),
		now:      time.Now,
		do:       do,
	}
	v.account.Wrapping = fyne.TextWrapWord
	v.message.Wrapping = fyne.TextWrapWord
	clearMessage(v.message)
	v.busy.Hide()
	v.password.SetPlaceHolder(lang.L("login.password"))
	v.password.OnSubmitted = func(string) { v.trySubmit() }
	v.password.OnChanged = func(string) { v.update() }
	v.submit = widget.NewButtonWithIcon(lang.L("Open"), theme.LoginIcon(), v.trySubmit)
	v.submit.Importance = widget.HighImportance
	v.back = widget.NewButtonWithIcon(lang.L("login.back"), theme.NavigateBackIcon(), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	v.back.Importance = widget.LowImportance
	v.why = widget.NewLabel(lang.L("login.unlock.intro"))
	v.why.Wrapping = fyne.TextWrapWord
	column := container.NewVBox(v.heading, v.account, v.why,
		widget.NewLabel(lang.L("login.password")), v.password,
		container.NewBorder(nil, nil, nil, steadyBusy(v.busy), v.submit),
		v.message, v.back)
	v.content = container.NewVScroll(container.NewPadded(layouts.NewColumn(480, column)))
	v.update()
	return v
}

// Content is the view's root object.
func (v *UnlockView) Content() fyne.CanvasObject { return v.content }

// Reset shows the prompt for one account, empty, with no message.
func (v *UnlockView) Reset(masked string, asOf time.Time) {
	v.Stop()
	v.account.SetText(lang.L("login.unlock.account", map[string]any{"Account": masked, "When": i18n.FormatDateTime(asOf)}))
	v.password.SetText("")
	clearMessage(v.message)
	v.waitUntil = time.Time{}
	v.SetBusy(false)
}

// Focus puts the cursor in the password entry of the window canvas c
// (nil: the canvas given before). The shell calls it when it shows the view.
func (v *UnlockView) Focus(c fyne.Canvas) {
	if c != nil {
		v.canvas = c
	}
	if v.canvas != nil {
		v.canvas.Focus(v.password)
	}
}

// SetBusy shows that the password is being checked (about half a second).
func (v *UnlockView) SetBusy(busy bool) {
	v.busyNow = busy
	if busy {
		v.busy.Show()
		v.busy.Start()
		clearMessage(v.message)
	} else {
		v.busy.Stop()
		v.busy.Hide()
	}
	v.update()
}

// ShowWrong says the password did not open the data; until, when later
// than now, is when the next attempt is allowed (counted down).
func (v *UnlockView) ShowWrong(until time.Time) {
	v.password.SetText("")
	v.waitUntil = until
	v.Stop()
	if v.tick() {
		v.Focus(nil)
		return
	}
	stop := make(chan struct{})
	v.stop = stop
	everySecond(v.do, stop, func() {
		if v.stop == stop && v.tick() {
			v.Stop()
			v.Focus(nil)
		}
	})
}

// tick updates the sentence; it reports whether a new attempt is allowed.
func (v *UnlockView) tick() bool {
	left := v.waitUntil.Sub(v.now())
	if left <= 0 {
		v.ShowMessage(lang.L("login.unlock.wrong"))
		v.update()
		return true
	}
	v.ShowMessage(lang.L("login.unlock.wrongWait",
		map[string]any{"Wait": i18n.FormatWait(left)}))
	v.update()
	return false
}

// ShowMessage shows a sentence about a problem.
func (v *UnlockView) ShowMessage(text string) {
	v.message.Importance = widget.DangerImportance
	v.message.SetText(text)
	v.message.Show()
}

// Stop ends the countdown.
func (v *UnlockView) Stop() {
	if v.stop != nil {
		close(v.stop)
		v.stop = nil
	}
}

func (v *UnlockView) update() {
	if !v.busyNow && v.password.Text != "" && !v.now().Before(v.waitUntil) {
		v.submit.Enable()
	} else {
		v.submit.Disable()
	}
}

func (v *UnlockView) trySubmit() {
	if v.submit.Disabled() || v.OnSubmit == nil {
		return
	}
	pw := v.password.Text
	v.password.SetText("") // the entry never keeps it
	v.OnSubmit(pw)
}
