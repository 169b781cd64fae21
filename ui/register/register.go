// Package register is the sign-up, in two steps as JMO does it: the form
// validates each field as the member types (with the same rules the
// server applies), shows what a complete NIK implies, rates the password,
// and hands a complete service.Registration to OnSubmit; then the codes
// page takes the 6-digit codes sent to the email and by SMS (OnConfirm),
// with a resend after a countdown (OnResend). Talking to the server is the
// caller's job; it reports back with SetBusy, ShowError, ShowCodes,
// SetCodesBusy and ShowCodesError.
package register

import (
	"context"
	"errors"
	"strings"
	"time"

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

// View is the sign-up form. It validates as the member types and
// hands a complete service.Registration to OnSubmit; the caller registers
// off the UI goroutine and reports back with SetBusy and ShowError.
type View struct {
	// OnSubmit gets the form when every field validates and consent is given.
	OnSubmit func(service.Registration)
	// OnBack returns to the login screen.
	OnBack func()
	// OnConfirm gets the two codes (6 digits each) of the codes page.
	OnConfirm func(emailCode, smsCode string)
	// OnResend asks for new codes (the button waits for the countdown).
	OnResend func()
	// OnEditForm is called when the member leaves the codes page for the
	// form: the started registration is abandoned.
	OnEditForm func()
	// DemoCodes, set only in the demo, returns the codes the sandbox sent
	// ("" where none was sent), shown with a button that fills them in.
	DemoCodes func() (emailCode, smsCode string)
	// Do runs the resend countdown's ticks on the UI goroutine (nil:
	// fyne.Do); Now is the clock (nil: time.Now). For tests.
	Do  func(func())
	Now func() time.Time

	win     fyne.Window
	content *fyne.Container
	scroll  *container.Scroll
	page    *fyne.Container
	codes   *codesPage

	demoCard *widget.Card
	demoList *fyne.Container

	topError *widget.Label
	topBox   *fyne.Container

	nik, kpj, fullName, email, phone *formEntry
	birth                            *DateField
	password, confirm                *widget.Entry
	strength                         *StrengthMeter
	consent                          *widget.Check

	submitButton, backButton *widget.Button
	activity                 *widget.Activity
	busyLabel                *widget.Label

	messages map[string]*widget.Label // under each field: a hint, an error or a confirmation
	touched  map[string]bool          // left at least once: "too short" may now be said
	server   map[string]string        // the server's code per field, until the field is edited
	valid    bool
	busy     bool
}

// New builds the form; win hosts its pop-ups (the date picker) and the
// focus on a rejected field. It starts building the password-strength
// dictionaries on a goroutine of their own, so the first keystroke in the
// password field does not wait for them.
func New(win fyne.Window) *View {
	go validate.PrepareStrength()
	v := &View{
		win:      win,
		messages: map[string]*widget.Label{},
		touched:  map[string]bool{},
		server:   map[string]string{},
	}
	v.build()
	v.update()
	return v
}

// Content is the view's root object.
func (v *View) Content() fyne.CanvasObject { return v.content }

func (v *View) build() {
	title := widget.NewLabelWithStyle(lang.L("register.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	intro := widget.NewLabel(lang.L("register.intro"))
	intro.Wrapping = fyne.TextWrapWord

	v.topError = widget.NewLabel("")
	v.topError.Wrapping = fyne.TextWrapWord
	v.topError.Importance = widget.DangerImportance
	v.topBox = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, v.topError)
	v.topBox.Hide()

	for _, f := range registerFields {
		m := widget.NewLabel("")
		m.Wrapping = fyne.TextWrapWord
		m.SizeName = theme.SizeNameCaptionText
		v.messages[f] = m
	}

	v.nik = v.textEntry(validate.FieldNIK, "")
	v.kpj = v.textEntry(validate.FieldKPJ, "")
	v.fullName = v.textEntry(validate.FieldFullName, lang.L("register.fullName.hint"))
	v.birth = NewDateField()
	v.birth.SetPlaceHolder(lang.L("register.dateField.placeholder"))
	v.birth.OnDateChanged = func(time.Time) { v.edited(validate.FieldBirthDate) }
	v.birth.OnFocusLost = func() { v.left(validate.FieldBirthDate) }
	v.email = v.textEntry(validate.FieldEmail, lang.L("register.email.placeholder"))
	v.phone = v.textEntry(validate.FieldPhone, lang.L("register.phone.placeholder"))

	v.password = widget.NewPasswordEntry()
	v.password.OnChanged = func(string) { v.edited(validate.FieldPassword) }
	v.strength = NewStrengthMeter()
	v.confirm = widget.NewPasswordEntry()
	v.confirm.OnChanged = func(string) {
		// Typing the confirmation means the password was left: its
		// "too short" may be said now.
		v.touched[validate.FieldPassword] = true
		v.edited(fieldConfirm)
	}
	v.confirm.OnSubmitted = func(string) { v.submit() }

	v.consent = widget.NewCheck(lang.L("register.consent"), func(bool) { v.update() })
	pdp1 := widget.NewLabel(lang.L("register.consent.law"))
	pdp2 := widget.NewLabel(lang.L("register.consent.delete"))
	for _, l := range []*widget.Label{pdp1, pdp2} {
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
	}

	v.backButton = widget.NewButtonWithIcon(lang.L("register.back"), theme.NavigateBackIcon(), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	v.submitButton = widget.NewButton(lang.L("register.submit"), v.submit)
	v.submitButton.Importance = widget.HighImportance
	v.activity = widget.NewActivity()
	v.activity.Hide()
	v.busyLabel = widget.NewLabel("")
	v.busyLabel.Hide()

	row := func(label string, field string, objs ...fyne.CanvasObject) []fyne.CanvasObject {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{})
		return []fyne.CanvasObject{l, container.New(layout.NewCustomPaddedVBoxLayout(0), append(objs, v.messages[field])...)}
	}
	var rows []fyne.CanvasObject
	rows = append(rows, row(lang.L("register.nik"), validate.FieldNIK, v.nik)...)
	rows = append(rows, row(lang.L("register.kpj"), validate.FieldKPJ, v.kpj)...)
	rows = append(rows, row(lang.L("register.fullName"), validate.FieldFullName, v.fullName)...)
	rows = append(rows, row(lang.L("register.birthDate"), validate.FieldBirthDate, v.birth)...)
	rows = append(rows, row(lang.L("register.email"), validate.FieldEmail, v.email)...)
	rows = append(rows, row(lang.L("register.phone"), validate.FieldPhone, v.phone)...)
	rows = append(rows, row(lang.L("register.password"), validate.FieldPassword, v.password, v.strength)...)
	rows = append(rows, row(lang.L("register.confirm"), fieldConfirm, v.confirm)...)
	form := container.New(layout.NewFormLayout(), rows...)

	consent := container.NewVBox(v.consent, container.New(layout.NewCustomPaddedVBoxLayout(0), pdp1, pdp2))
	buttons := container.NewHBox(v.backButton, layout.NewSpacer(), v.activity, v.busyLabel, v.submitButton)

	v.demoList = container.NewVBox()
	v.demoCard = widget.NewCard("", lang.L("register.demo.title"), v.demoList)
	v.demoCard.Hide()

	v.page = container.NewVBox(title, intro, v.demoCard, v.topBox, form, widget.NewSeparator(), consent, buttons)
	v.scroll = container.NewVScroll(layouts.NewMaxWidth(640, v.page))
	v.codes = newCodesPage(v)
	v.codes.content.Hide()
	v.content = container.NewStack(v.scroll, v.codes.content)
}

func (v *View) do() func(func()) {
	if v.Do != nil {
		return v.Do
	}
	return fyne.Do
}

func (v *View) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// ShowCodes moves to the codes page for a started (or resent)
// registration. The passwords are cleared from the form: they were sent.
func (v *View) ShowCodes(p service.PendingRegistration) {
	v.password.SetText("")
	v.confirm.SetText("")
	v.scroll.Hide()
	v.codes.content.Show()
	v.codes.show(p)
	v.content.Refresh()
	if v.win != nil {
		v.win.Canvas().Focus(v.codes.emailCode)
	}
}

// CodesShown reports whether the codes page is on screen.
func (v *View) CodesShown() bool { return v.codes.content.Visible() }

// SetCodesBusy disables the codes page while the codes (or a resend) are
// on their way.
func (v *View) SetCodesBusy(busy bool) { v.codes.setBusy(busy) }

// ShowCodesError shows a refused confirmation or resend on the codes page.
func (v *View) ShowCodesError(err error) { v.codes.showError(err) }

// showForm returns from the codes page to the form.
func (v *View) showForm() {
	v.codes.stop()
	v.codes.content.Hide()
	v.scroll.Show()
	v.content.Refresh()
}

// Stop ends background work (the resend countdown) when the view is left.
func (v *View) Stop() { v.codes.stop() }

func (v *View) textEntry(field, placeholder string) *formEntry {
	e := newFormEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { v.edited(field) }
	e.OnFocusLost = func() { v.left(field) }
	return e
}

// SetBusy disables the form and shows progress while the caller
// registers.
func (v *View) SetBusy(busy bool) {
	v.busy = busy
	for _, w := range []fyne.Disableable{v.nik, v.kpj, v.fullName, v.birth, v.email, v.phone, v.password, v.confirm, v.consent, v.backButton} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		v.busyLabel.SetText(lang.L("register.busy"))
		v.busyLabel.Show()
		v.activity.Show()
		v.activity.Start()
	} else {
		v.activity.Stop()
		v.activity.Hide()
		v.busyLabel.Hide()
	}
	v.update()
}

// ShowError shows a failed registration: field errors under their fields,
// anything else as a sentence at the top saying what to do next. A nil
// error clears the top sentence. Logging the raw error is the caller's job.
func (v *View) ShowError(err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		v.setTopError("")
		return
	}
	var ve *service.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			if _, known := v.messages[f.Field]; !known {
				continue
			}
			if _, seen := v.server[f.Field]; !seen {
				v.server[f.Field] = f.Code
			}
		}
		// The cursor goes to the first field with an error on screen, top
		// to bottom, whatever order the server named them in.
		var first fyne.Focusable
		for _, f := range registerFields {
			if _, bad := v.server[f]; bad && first == nil {
				first = v.focusableOf(f)
			}
		}
		v.setTopError(lang.L("register.error.fields"))
		v.update()
		if first != nil && v.win != nil {
			v.win.Canvas().Focus(first)
		}
		return
	}
	v.setTopError(registerErrorText(err))
}

func (v *View) focusableOf(field string) fyne.Focusable {
	switch field {
	case validate.FieldNIK:
		return v.nik
	case validate.FieldKPJ:
		return v.kpj
	case validate.FieldFullName:
		return v.fullName
	case validate.FieldBirthDate:
		return v.birth
	case validate.FieldEmail:
		return v.email
	case validate.FieldPhone:
		return v.phone
	case validate.FieldPassword:
		return v.password
	}
	return nil
}

// registerErrorText says what went wrong and what to do next.
func registerErrorText(err error) string {
	var locked *service.LockedError
	switch {
	case errors.As(err, &locked) && locked.RateLimited:
		return lang.L("register.error.tooMany",
			map[string]any{"Wait": i18n.FormatWait(locked.RetryAfter)})
	case errors.Is(err, service.ErrMemberNotFound):
		return lang.L("register.error.noMatch")
	case errors.Is(err, service.ErrAlreadyRegistered):
		return lang.L("register.error.exists")
	case errors.Is(err, service.ErrOffline):
		return lang.L("register.error.offline")
	case errors.Is(err, service.ErrTimeout):
		return lang.L("register.error.timeout")
	case errors.Is(err, service.ErrCertificate), errors.Is(err, service.ErrDomainNotAllowed),
		errors.Is(err, service.ErrInsecureURL), errors.Is(err, service.ErrRedirect):
		return lang.L("register.error.refused")
	}
	return lang.L("register.error.server")
}

func (v *View) setTopError(text string) {
	v.topError.SetText(text)
	if text == "" {
		if v.topBox.Visible() {
			v.topBox.Hide()
			v.page.Refresh()
		}
		return
	}
	v.topBox.Show()
	v.page.Refresh() // lay the form out again below the sentence
	v.scroll.ScrollToTop()
}

// Reset clears every field, the passwords first, and every message.
func (v *View) Reset() {
	v.password.SetText("")
	v.confirm.SetText("")
	for _, e := range []*formEntry{v.nik, v.kpj, v.fullName, v.email, v.phone} {
		e.SetText("")
	}
	v.birth.SetText("")
	v.consent.SetChecked(false)
	clear(v.touched)
	clear(v.server)
	v.setTopError("")
	v.showForm()
	v.update()
}

func (v *View) submit() {
	if !v.valid || v.busy {
		return
	}
	v.setTopError("")
	if v.OnSubmit == nil {
		return
	}
	v.OnSubmit(service.Registration{
		NIK:       strings.TrimSpace(v.nik.Text),
		KPJ:       strings.TrimSpace(v.kpj.Text),
		FullName:  strings.TrimSpace(v.fullName.Text),
		BirthDate: v.birth.Date(),
		Email:     strings.TrimSpace(v.email.Text),
		Phone:     strings.TrimSpace(v.phone.Text),
		Password:  v.password.Text,
	})
}
