package login

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// MFAView asks for the 6-digit code of the member's authenticator app.
type MFAView struct {
	code     *widget.Entry
	canvas   fyne.Canvas // the window's, once Focus has been given it
	submit   *widget.Button
	cancel   *widget.Button
	demoFill *widget.Button
	attempts *widget.Label
	message  *widget.Label
	busy     *widget.Activity
	content  fyne.CanvasObject

	OnSubmit func(code string)
	OnCancel func()
	// DemoCode, set only in the demo, returns the current code of the
	// sandbox member's known TOTP secret.
	DemoCode func() string
}

// NewMFAView builds the two-factor step.
func NewMFAView() *MFAView {
	v := &MFAView{
		code:     widget.NewEntry(),
		attempts: widget.NewLabel(""),
		message:  widget.NewLabel(""),
		busy:     widget.NewActivity(),
	}
	v.code.SetPlaceHolder("000000")
	v.code.TextStyle = fyne.TextStyle{Monospace: true}
	v.code.OnChanged = v.normalise
	v.code.OnSubmitted = func(string) { v.trySubmit() }
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	clearMessage(v.message)
	v.busy.Hide()

	v.submit = widget.NewButtonWithIcon(lang.L("login.mfa.submit"), theme.ConfirmIcon(), v.trySubmit)
	v.submit.Importance = widget.HighImportance
	v.submit.Disable()
	v.cancel = widget.NewButton(lang.L("login.back"), func() {
		if v.OnCancel != nil {
			v.OnCancel()
		}
	})
	v.demoFill = widget.NewButton(lang.L("login.mfa.fillDemo"), func() {
		if v.DemoCode != nil {
			v.code.SetText(v.DemoCode())
		}
	})
	v.demoFill.Importance = widget.LowImportance
	v.demoFill.Hide()

	title := widget.NewLabelWithStyle(lang.L("login.mfa.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	explain := widget.NewLabel(lang.L("login.mfa.intro"))
	explain.Wrapping = fyne.TextWrapWord
	column := container.NewVBox(
		title, explain, v.code, v.attempts,
		container.NewBorder(nil, nil, nil, steadyBusy(v.busy), v.submit),
		v.message, container.NewHBox(v.cancel, v.demoFill),
	)
	v.content = container.NewCenter(layouts.NewColumn(420, column))
	return v
}

// Focus puts the cursor in the code entry of the window canvas c, so that
// the digits the member types next land there (the shell calls it when it
// shows the view).
func (v *MFAView) Focus(c fyne.Canvas) {
	if c != nil {
		v.canvas = c
	}
	if v.canvas != nil && !v.code.Disabled() {
		v.canvas.Focus(v.code)
	}
}

// ClearCode empties the code entry: a spent code does not stay on screen.
func (v *MFAView) ClearCode() { v.code.SetText("") }

// Content is the view's root object.
func (v *MFAView) Content() fyne.CanvasObject { return v.content }

// Reset prepares the view for a new challenge.
func (v *MFAView) Reset(attemptsRemaining int) {
	v.code.SetText("")
	clearMessage(v.message)
	v.SetAttempts(attemptsRemaining)
	if v.DemoCode != nil {
		v.demoFill.Show()
	} else {
		v.demoFill.Hide()
	}
	v.SetBusy(false)
}

// SetAttempts shows how many codes may still be tried.
func (v *MFAView) SetAttempts(n int) {
	if n < 0 {
		v.attempts.SetText("")
		return
	}
	v.attempts.SetText(lang.L("login.attemptsLeft", map[string]any{"N": n}))
}

// SetBusy locks the view while the code is checked.
func (v *MFAView) SetBusy(busy bool) {
	if busy {
		v.busy.Show()
		v.busy.Start()
		v.code.Disable()
		v.submit.Disable()
		return
	}
	v.busy.Stop()
	v.busy.Hide()
	v.code.Enable()
	v.normalise(v.code.Text)
	v.Focus(nil)
}

// ShowError shows one sentence for a failed code and clears the entry.
func (v *MFAView) ShowError(err error) {
	v.message.SetText(i18n.Describe(err))
	v.message.Show()
	v.code.SetText("")
	v.Focus(nil) // the next try goes in at once
}

// normalise keeps only digits (a pasted "123 456" becomes "123456"),
// at most six, and enables Verify at exactly six.
func (v *MFAView) normalise(text string) {
	digits := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) && r < unicode.MaxASCII {
			return r
		}
		return -1
	}, text)
	if len(digits) > 6 {
		digits = digits[:6]
	}
	if digits != text {
		v.code.SetText(digits) // fires OnChanged again with clean text
		return
	}
	if len(digits) == 6 && !v.code.Disabled() {
		v.submit.Enable()
	} else {
		v.submit.Disable()
	}
}

func (v *MFAView) trySubmit() {
	if v.submit.Disabled() || v.OnSubmit == nil {
		return
	}
	v.OnSubmit(v.code.Text)
}
