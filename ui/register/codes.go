package register

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// codesPage is the registration's second step: the 6-digit codes sent to
// the email and by SMS, a resend after a countdown, and in the demo the
// codes the sandbox sent with a button that fills them in.
type codesPage struct {
	v       *View
	content fyne.CanvasObject

	sentTo     *widget.Label
	emailCode  *widget.Entry
	smsCode    *widget.Entry
	emailMsg   *widget.Label
	smsMsg     *widget.Label
	attempts   *widget.Label
	topError   *widget.Label
	topBox     *fyne.Container
	confirm    *widget.Button
	resend     *widget.Button
	edit       *widget.Button
	activity   *widget.Activity
	demoBox    *widget.Card
	demoCodes  *widget.Label
	demoFill   *widget.Button
	pending    service.PendingRegistration
	busy       bool
	stopTicker chan struct{}
}

func newCodesPage(v *View) *codesPage {
	p := &codesPage{v: v}
	title := widget.NewLabelWithStyle(lang.L("register.codes.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.sentTo = widget.NewLabel("")
	p.sentTo.Wrapping = fyne.TextWrapWord
	why := widget.NewLabel(lang.L("register.codes.smsNote"))
	why.Wrapping = fyne.TextWrapWord
	why.SizeName = theme.SizeNameCaptionText

	p.topError = widget.NewLabel("")
	p.topError.Wrapping = fyne.TextWrapWord
	p.topError.Importance = widget.DangerImportance
	p.topBox = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, p.topError)
	p.topBox.Hide()

	p.emailCode, p.emailMsg = p.codeEntry()
	p.smsCode, p.smsMsg = p.codeEntry()
	p.smsCode.OnSubmitted = func(string) { p.submit() }
	p.emailCode.OnSubmitted = func(string) { v.win.Canvas().Focus(p.smsCode) }
	p.attempts = widget.NewLabel("")
	p.attempts.SizeName = theme.SizeNameCaptionText

	p.confirm = widget.NewButtonWithIcon(lang.L("register.codes.submit"), theme.ConfirmIcon(), p.submit)
	p.confirm.Importance = widget.HighImportance
	p.resend = widget.NewButtonWithIcon(lang.L("register.codes.resend"), theme.MailSendIcon(), func() {
		if v.OnResend != nil && !p.busy {
			v.OnResend()
		}
	})
	p.edit = widget.NewButtonWithIcon(lang.L("register.codes.edit"), theme.NavigateBackIcon(), func() {
		p.stop()
		if v.OnEditForm != nil {
			v.OnEditForm()
		}
		v.showForm()
	})
	p.activity = widget.NewActivity()
	p.activity.Hide()

	p.demoCodes = widget.NewLabel("")
	p.demoCodes.Wrapping = fyne.TextWrapWord
	p.demoFill = widget.NewButton(lang.L("register.codes.demoFill"), p.fillDemo)
	p.demoBox = widget.NewCard(lang.L("register.codes.demoTitle"),
		lang.L("register.codes.demoIntro"),
		container.NewBorder(nil, nil, nil, p.demoFill, p.demoCodes))
	p.demoBox.Hide()

	label := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{})
	}
	form := container.New(layout.NewFormLayout(),
		label(lang.L("register.codes.email")), container.New(layout.NewCustomPaddedVBoxLayout(0), p.emailCode, p.emailMsg),
		label(lang.L("register.codes.sms")), container.New(layout.NewCustomPaddedVBoxLayout(0), p.smsCode, p.smsMsg),
	)
	// Confirm on a row of its own: the three buttons do not fit one row in
	// English at the page's width.
	buttons := container.NewVBox(
		container.NewBorder(nil, nil, nil, p.activity, p.confirm),
		container.NewHBox(p.edit, layout.NewSpacer(), p.resend),
	)
	page := container.NewVBox(title, p.sentTo, p.topBox, form, p.attempts, buttons, why, p.demoBox)
	p.content = container.NewVScroll(layouts.NewMaxWidth(640, page))
	return p
}

// codeEntry is a 6-digit entry that keeps only digits, so a pasted
// "123 456" or "123-456" becomes "123456".
func (p *codesPage) codeEntry() (*widget.Entry, *widget.Label) {
	e := widget.NewEntry()
	e.SetPlaceHolder("000000")
	e.TextStyle = fyne.TextStyle{Monospace: true}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.SizeName = theme.SizeNameCaptionText
	msg.Importance = widget.DangerImportance
	e.OnChanged = func(text string) {
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
			e.SetText(digits) // fires OnChanged again with clean text
			return
		}
		msg.SetText("")
		p.updateConfirm()
	}
	return e, msg
}

func (p *codesPage) updateConfirm() {
	if !p.busy && len(p.emailCode.Text) == 6 && len(p.smsCode.Text) == 6 {
		p.confirm.Enable()
	} else {
		p.confirm.Disable()
	}
}

func (p *codesPage) submit() {
	if p.confirm.Disabled() || p.v.OnConfirm == nil {
		return
	}
	p.setTopError("")
	p.v.OnConfirm(p.emailCode.Text, p.smsCode.Text)
}

// show fills the page for a (new or resent) pending registration.
func (p *codesPage) show(pending service.PendingRegistration) {
	p.pending = pending
	p.sentTo.SetText(lang.L("register.codes.intro",
		map[string]any{"Email": pending.EmailMasked, "Phone": pending.PhoneMasked,
			"Minutes": max(1, int(pending.CodesExpire.Sub(p.v.now()).Round(time.Minute)/time.Minute))}))
	p.emailCode.SetText("")
	p.smsCode.SetText("")
	p.emailMsg.SetText("")
	p.smsMsg.SetText("")
	p.setAttempts(pending.AttemptsRemaining)
	p.setTopError("")
	p.refreshDemo()
	p.startCountdown()
	p.updateConfirm()
}

func (p *codesPage) setAttempts(n int) {
	if n < 0 {
		p.attempts.SetText("")
		return
	}
	p.attempts.SetText(lang.L("login.attemptsLeft", map[string]any{"N": n}))
}

func (p *codesPage) refreshDemo() {
	if p.v.DemoCodes == nil {
		p.demoBox.Hide()
		return
	}
	email, sms := p.v.DemoCodes()
	none := lang.L("register.codes.demoNone")
	if email == "" {
		email = none
	}
	if sms == "" {
		sms = none
	}
	p.demoCodes.SetText(lang.L("register.codes.demoLine", map[string]any{"Email": email, "SMS": sms}))
	p.demoBox.Show()
}

func (p *codesPage) fillDemo() {
	if p.v.DemoCodes == nil {
		return
	}
	email, sms := p.v.DemoCodes()
	p.emailCode.SetText(email)
	p.smsCode.SetText(sms)
	p.refreshDemo()
}

// startCountdown keeps "Send new codes" disabled until the server allows
// a resend, saying how long is left, once a second.
func (p *codesPage) startCountdown() {
	p.stop()
	stop := make(chan struct{})
	p.stopTicker = stop
	if p.tick() {
		return
	}
	do := p.v.do()
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				do(func() {
					if p.stopTicker == stop && p.tick() {
						p.stop()
					}
				})
			}
		}
	}()
}

// tick updates the resend button; it reports whether the countdown is over.
func (p *codesPage) tick() bool {
	left := p.pending.ResendAt.Sub(p.v.now())
	if left <= 0 {
		p.resend.SetText(lang.L("register.codes.resend"))
		if !p.busy {
			p.resend.Enable()
		}
		return true
	}
	p.resend.SetText(lang.L("register.codes.resendIn", map[string]any{"Wait": i18n.FormatWait(left)}))
	p.resend.Disable()
	return false
}

func (p *codesPage) stop() {
	if p.stopTicker != nil {
		close(p.stopTicker)
		p.stopTicker = nil
	}
}

func (p *codesPage) setBusy(busy bool) {
	p.busy = busy
	for _, w := range []fyne.Disableable{p.emailCode, p.smsCode, p.edit, p.demoFill} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		p.activity.Show()
		p.activity.Start()
		p.resend.Disable()
	} else {
		p.activity.Stop()
		p.activity.Hide()
		p.tick()
	}
	p.updateConfirm()
}

func (p *codesPage) setTopError(text string) {
	p.topError.SetText(text)
	if text == "" {
		p.topBox.Hide()
	} else {
		p.topBox.Show()
	}
}

// showError shows a refused confirmation or resend: a wrong code under its
// entry (which is emptied), anything else as a sentence at the top.
func (p *codesPage) showError(err error) {
	var ce *service.CodeError
	var locked *service.LockedError
	var ve *service.ValidationError
	switch {
	case err == nil || errors.Is(err, context.Canceled):
		p.setTopError("")
	case errors.As(err, &ce):
		// Empty the entry first: editing it clears its message.
		if ce.Email {
			p.emailCode.SetText("")
			p.emailMsg.SetText(lang.L("register.codes.emailWrong"))
		}
		if ce.SMS {
			p.smsCode.SetText("")
			p.smsMsg.SetText(lang.L("register.codes.smsWrong"))
		}
		p.setAttempts(ce.AttemptsRemaining)
		if ce.AttemptsRemaining >= 0 {
			p.pending.AttemptsRemaining = ce.AttemptsRemaining
		}
		p.setTopError("")
		focus := p.smsCode
		if ce.Email {
			focus = p.emailCode
		}
		p.v.win.Canvas().Focus(focus)
	case errors.Is(err, service.ErrCodeExpired):
		p.setTopError(lang.L("register.codes.expired"))
		if !p.busy {
			p.resend.Enable()
		}
	case errors.Is(err, service.ErrRegistrationExpired):
		p.setTopError(lang.L("register.codes.exhausted"))
		p.confirm.Disable()
	case errors.As(err, &locked) && locked.RateLimited:
		p.setTopError(lang.L("register.codes.resendWait", map[string]any{"Wait": i18n.FormatWait(locked.RetryAfter)}))
	case errors.As(err, &ve):
		// Only a racing registration can refuse a field now: the email
		// became taken meanwhile.
		if f, ok := ve.Field(validate.FieldEmail); ok {
			p.setTopError(i18n.FieldErrorText(validate.FieldEmail, f.Code))
		} else {
			p.setTopError(lang.L("register.error.fields"))
		}
	default:
		p.setTopError(registerErrorText(err))
	}
}
