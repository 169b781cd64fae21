package ui

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// fieldConfirm names the password confirmation, which the server never sees.
const fieldConfirm = "confirm"

// registerFields are the form's fields in visual (and Tab) order.
var registerFields = []string{
	validate.FieldNIK, validate.FieldKPJ, validate.FieldFullName, validate.FieldBirthDate,
	validate.FieldEmail, validate.FieldPhone, validate.FieldPassword, fieldConfirm,
}

// RegisterView is the sign-up form. It validates as the member types and
// hands a complete service.Registration to OnSubmit; the controller calls
// Register off the UI goroutine and reports back with SetBusy and ShowError.
type RegisterView struct {
	// OnSubmit gets the form when every field validates and consent is given.
	OnSubmit func(service.Registration)
	// OnBack returns to the login screen.
	OnBack func()

	win     fyne.Window
	content fyne.CanvasObject
	scroll  *container.Scroll
	page    *fyne.Container

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

// NewRegisterView builds the form; win hosts its pop-ups.
func NewRegisterView(win fyne.Window) *RegisterView {
	v := &RegisterView{
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
func (v *RegisterView) Content() fyne.CanvasObject { return v.content }

func (v *RegisterView) build() {
	title := widget.NewLabelWithStyle(lang.L("register.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	intro := widget.NewLabel(lang.L("Have your KTP and your BPJS Ketenagakerjaan membership card at hand. Your details must match the ones BPJS Ketenagakerjaan holds."))
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
	v.fullName = v.textEntry(validate.FieldFullName, lang.L("As written on your KTP"))
	v.birth = NewDateField()
	v.birth.SetPlaceHolder(lang.L("datefield.placeholder"))
	v.birth.OnDateChanged = func(time.Time) { v.edited(validate.FieldBirthDate) }
	v.birth.OnFocusLost = func() { v.left(validate.FieldBirthDate) }
	v.email = v.textEntry(validate.FieldEmail, lang.L("name@example.com"))
	v.phone = v.textEntry(validate.FieldPhone, lang.L("e.g. 0812 3456 7890"))

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

	v.consent = widget.NewCheck(lang.L("I agree that my data is kept on this device"), func(bool) { v.update() })
	pdp1 := widget.NewLabel(lang.L("Under Law No. 27/2022 on Personal Data Protection (UU PDP), your membership data is stored encrypted on this device only, for viewing offline."))
	pdp2 := widget.NewLabel(lang.L("You can delete it at any time in Settings, and turn offline storage off there."))
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
	rows = append(rows, row(lang.L("register.full_name"), validate.FieldFullName, v.fullName)...)
	rows = append(rows, row(lang.L("register.birth_date"), validate.FieldBirthDate, v.birth)...)
	rows = append(rows, row(lang.L("register.email"), validate.FieldEmail, v.email)...)
	rows = append(rows, row(lang.L("register.phone"), validate.FieldPhone, v.phone)...)
	rows = append(rows, row(lang.L("register.password"), validate.FieldPassword, v.password, v.strength)...)
	rows = append(rows, row(lang.L("register.confirm"), fieldConfirm, v.confirm)...)
	form := container.New(layout.NewFormLayout(), rows...)

	consent := container.NewVBox(v.consent, container.New(layout.NewCustomPaddedVBoxLayout(0), pdp1, pdp2))
	buttons := container.NewHBox(v.backButton, layout.NewSpacer(), v.activity, v.busyLabel, v.submitButton)

	v.page = container.NewVBox(title, intro, v.topBox, form, widget.NewSeparator(), consent, buttons)
	v.scroll = container.NewVScroll(container.New(&maxWidthLayout{width: 640}, v.page))
	v.content = v.scroll
}

func (v *RegisterView) textEntry(field, placeholder string) *formEntry {
	e := newFormEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { v.edited(field) }
	e.OnFocusLost = func() { v.left(field) }
	return e
}

// edited: the member changed field, so the server's verdict on it is stale.
func (v *RegisterView) edited(field string) {
	delete(v.server, field)
	v.update()
}

// left: the member moved on from field; once it holds something, its
// remaining errors (a NIK still short of 16 digits) are shown.
func (v *RegisterView) left(field string) {
	if v.textOf(field) != "" {
		v.touched[field] = true
	}
	v.update()
}

func (v *RegisterView) textOf(field string) string {
	switch field {
	case validate.FieldNIK:
		return v.nik.Text
	case validate.FieldKPJ:
		return v.kpj.Text
	case validate.FieldFullName:
		return v.fullName.Text
	case validate.FieldBirthDate:
		return v.birth.Text
	case validate.FieldEmail:
		return v.email.Text
	case validate.FieldPhone:
		return v.phone.Text
	case validate.FieldPassword:
		return v.password.Text
	case fieldConfirm:
		return v.confirm.Text
	}
	return ""
}

// msgKind is how a field's message reads.
type msgKind int

const (
	msgHint msgKind = iota
	msgError
	msgOK
)

// fieldState is one field's verdict: its message and whether the value can
// be submitted.
type fieldState struct {
	text  string
	kind  msgKind
	valid bool
}

func hint(text string) fieldState { return fieldState{text: text} }
func fieldErr(field, code string) fieldState {
	return fieldState{text: fieldErrorText(field, code), kind: msgError}
}

// update recomputes every field's message and the Daftar button.
func (v *RegisterView) update() {
	birth := v.birthState()
	states := map[string]fieldState{
		validate.FieldNIK:       v.nikState(),
		validate.FieldKPJ:       v.digitsState(validate.FieldKPJ, v.kpj.Text, 11, validate.ValidateKPJ),
		validate.FieldFullName:  v.nameState(),
		validate.FieldBirthDate: birth,
		validate.FieldEmail:     v.emailState(),
		validate.FieldPhone:     v.phoneState(),
		validate.FieldPassword:  v.passwordState(),
		fieldConfirm:            v.confirmState(),
	}
	all := true
	for _, f := range registerFields {
		s := states[f]
		if code, ok := v.server[f]; ok {
			s = fieldErr(f, code)
		}
		m := v.messages[f]
		m.Importance = map[msgKind]widget.Importance{
			// Success green is too pale for caption text on a light
			// background; a confirmation reads fine in the normal colour.
			msgHint: widget.MediumImportance, msgError: widget.DangerImportance, msgOK: widget.MediumImportance,
		}[s.kind]
		if m.Text != s.text {
			m.SetText(s.text)
		} else {
			m.Refresh()
		}
		all = all && s.valid && s.kind != msgError
	}
	v.valid = all && v.consent.Checked
	if v.valid && !v.busy {
		v.submitButton.Enable()
	} else {
		v.submitButton.Disable()
	}
}

// digitsState is the rule for NIK and KPJ: a counter while typing, an error
// at once for anything but digits or too many of them, "too short" once the
// field was left.
func (v *RegisterView) digitsState(field, text string, want int, check func(string) error) fieldState {
	text = strings.TrimSpace(text)
	n := len(text)
	switch {
	case text == "":
		if v.touched[field] {
			return fieldErr(field, validate.CodeRequired)
		}
		return hint(lang.L("{{.Count}} digits", map[string]any{"Count": want}))
	case !digitsOnly(text):
		return fieldErr(field, validate.CodeFormat)
	case n > want:
		return fieldErr(field, validate.CodeLength)
	case n < want:
		if v.touched[field] {
			return fieldErr(field, validate.CodeLength)
		}
		return hint(lang.L("{{.Count}} of {{.Want}} digits", map[string]any{"Count": n, "Want": want}))
	}
	if err := check(text); err != nil {
		return fieldErr(field, codeOf(err))
	}
	return fieldState{text: lang.L("{{.Count}} of {{.Want}} digits", map[string]any{"Count": n, "Want": want}), kind: msgOK, valid: true}
}

// nikState adds to the digit rule what a complete NIK implies: the birth
// date and gender, checked against the birth date field.
func (v *RegisterView) nikState() fieldState {
	s := v.digitsState(validate.FieldNIK, v.nik.Text, 16, func(string) error { return nil })
	if !s.valid {
		return s
	}
	birth := v.birth.Date()
	info, err := validate.ValidateNIK(strings.TrimSpace(v.nik.Text), birth)
	switch code := codeOf(err); {
	case err == nil:
	case code == validate.CodeMismatch:
		return fieldState{kind: msgError, text: lang.L("The birth date in the NIK ({{.Date}}) does not match the birth date.",
			map[string]any{"Date": FormatDate(info.BirthDate)})}
	default:
		return fieldErr(validate.FieldNIK, code)
	}
	implied := lang.L("Born {{.Date}} · {{.Gender}}", map[string]any{"Date": FormatDate(info.BirthDate), "Gender": genderName(info.Gender)})
	if birth.IsZero() {
		// Nothing to compare with yet: say what the NIK implies, neutrally.
		return fieldState{text: implied, valid: true}
	}
	return fieldState{text: implied, kind: msgOK, valid: true}
}

func genderName(g validate.Gender) string {
	if g == validate.Female {
		return lang.L("register.female")
	}
	return lang.L("register.male")
}

func (v *RegisterView) birthState() fieldState {
	f := validate.FieldBirthDate
	text := strings.TrimSpace(v.birth.Text)
	if text == "" {
		if v.touched[f] {
			return fieldErr(f, validate.CodeRequired)
		}
		return hint("")
	}
	t, ok := ParseDate(text)
	switch {
	case !ok && (v.touched[f] || len(text) >= len(DateLayout)):
		return fieldErr(f, validate.CodeFormat)
	case !ok:
		return hint("")
	case t.After(time.Now()) || t.Year() < 1900:
		return fieldErr(f, validate.CodeInvalidDate)
	}
	// Echo the date in words, so a swapped day and month shows.
	return fieldState{text: FormatDate(t), valid: true}
}

func (v *RegisterView) nameState() fieldState {
	f := validate.FieldFullName
	name := strings.TrimSpace(v.fullName.Text)
	err := validate.ValidateFullName(name)
	switch {
	case name == "" && !v.touched[f]:
		return hint("")
	case err != nil && (v.touched[f] || codeOf(err) != validate.CodeRequired):
		return fieldErr(f, codeOf(err))
	case utf8.RuneCountInString(name) < 2:
		// The server wants two characters at least.
		if v.touched[f] {
			return fieldErr(f, validate.CodeLength)
		}
		return hint("")
	}
	return fieldState{valid: true}
}

func (v *RegisterView) emailState() fieldState {
	f := validate.FieldEmail
	text := strings.TrimSpace(v.email.Text)
	err := validate.ValidateEmail(text)
	switch {
	case err == nil:
		return fieldState{valid: true}
	case v.touched[f] || strings.ContainsAny(text, " ,;<>"):
		return fieldErr(f, codeOf(err))
	}
	return hint("")
}

func (v *RegisterView) phoneState() fieldState {
	f := validate.FieldPhone
	text := strings.TrimSpace(v.phone.Text)
	err := validate.ValidatePhone(text)
	badChar := strings.IndexFunc(text, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '.' || r == '+')
	}) >= 0
	switch {
	case err == nil:
		return fieldState{valid: true}
	case v.touched[f] || badChar:
		return fieldErr(f, codeOf(err))
	}
	return hint(lang.L("Starts with 08 or +628"))
}

// passwordInputs are the words a password must not lean on: the same list
// the server uses (name words, email and its local part, NIK, KPJ, birth date).
func (v *RegisterView) passwordInputs() []string {
	in := strings.Fields(v.fullName.Text)
	email := strings.TrimSpace(v.email.Text)
	if at := strings.Index(email, "@"); at > 0 {
		in = append(in, email, email[:at])
	}
	in = append(in, strings.TrimSpace(v.nik.Text), strings.TrimSpace(v.kpj.Text))
	if b := v.birth.Date(); !b.IsZero() {
		in = append(in, b.Format("20060102"), b.Format("02012006"))
	}
	return in
}

func (v *RegisterView) passwordState() fieldState {
	f := validate.FieldPassword
	pw := v.password.Text
	if pw == "" {
		v.strength.SetScore(0, true)
		if v.touched[f] {
			return fieldErr(f, validate.CodeRequired)
		}
		return hint(lang.L("At least 10 characters"))
	}
	score, err := validate.ValidatePassword(pw, v.passwordInputs()...)
	v.strength.SetScore(score, false)
	switch code := codeOf(err); {
	case err == nil:
		return fieldState{valid: true}
	case code == validate.CodeLength && utf8.RuneCountInString(pw) < validate.PasswordMinLength && !v.touched[f]:
		return hint(lang.L("At least 10 characters"))
	default:
		return fieldErr(f, code)
	}
}

func (v *RegisterView) confirmState() fieldState {
	pw, c := v.password.Text, v.confirm.Text
	switch {
	case c == "":
		return hint("")
	case c == pw:
		return fieldState{text: lang.L("The passwords match"), kind: msgOK, valid: true}
	case len(c) < len(pw) && strings.HasPrefix(pw, c):
		return hint("") // still typing it
	}
	return fieldErr(fieldConfirm, validate.CodeMismatch)
}

func codeOf(err error) string {
	var fe *validate.FieldError
	if errors.As(err, &fe) {
		return fe.Code
	}
	return ""
}

// fieldErrorText is the sentence for a field error code, local or from the
// server's 422.
func fieldErrorText(field, code string) string {
	switch field + "/" + code {
	case "nik/required":
		return lang.L("Enter your NIK: the 16 digits on your KTP.")
	case "nik/format":
		return lang.L("This is not a valid NIK: it has 16 digits and starts with a province code.")
	case "nik/length":
		return lang.L("A NIK has 16 digits.")
	case "nik/invalid_date":
		return lang.L("The birth date inside this NIK does not exist. Check the digits.")
	case "nik/mismatch":
		return lang.L("The birth date in the NIK does not match the birth date.")
	case "kpj/required":
		return lang.L("Enter your KPJ number: the 11 digits on your membership card.")
	case "kpj/format":
		return lang.L("A KPJ number has digits only.")
	case "kpj/length":
		return lang.L("A KPJ number has 11 digits.")
	case "full_name/required":
		return lang.L("Enter your full name as on your KTP.")
	case "full_name/length":
		return lang.L("A full name has 2 to 100 characters.")
	case "full_name/format":
		return lang.L("The name contains characters that are not allowed.")
	case "birth_date/required":
		return lang.L("Enter your birth date.")
	case "birth_date/format":
		return lang.L("Write the date as DD-MM-YYYY, for example 04-07-1995.")
	case "birth_date/invalid_date":
		return lang.L("This birth date is not possible.")
	case "email/required":
		return lang.L("Enter your email address.")
	case "email/format", "email/length":
		return lang.L("This is not a valid email address, for example name@example.com.")
	case "email/taken":
		return lang.L("Another account already uses this email. Use another address, or sign in.")
	case "phone/required":
		return lang.L("Enter your mobile number.")
	case "phone/format":
		return lang.L("A mobile number starts with 08 or +628, for example 0812 3456 7890.")
	case "phone/length":
		return lang.L("This mobile number has too few or too many digits.")
	case "password/required":
		return lang.L("Choose a password.")
	case "password/length":
		return lang.L("A password has 10 to 128 characters.")
	case "password/weak":
		return lang.L("This password is too easy to guess. Make it longer or join unrelated words; avoid your name, email and birth date.")
	case "confirm/mismatch":
		return lang.L("The two passwords are not the same.")
	}
	return lang.L("Check this field.")
}

// SetBusy disables the form and shows progress while the controller
// registers.
func (v *RegisterView) SetBusy(busy bool) {
	v.busy = busy
	for _, w := range []fyne.Disableable{v.nik, v.kpj, v.fullName, v.birth, v.email, v.phone, v.password, v.confirm, v.consent, v.backButton} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		v.busyLabel.SetText(lang.L("Registering…"))
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
func (v *RegisterView) ShowError(err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		v.setTopError("")
		return
	}
	var ve *service.ValidationError
	if errors.As(err, &ve) {
		var first fyne.Focusable
		for _, f := range ve.Fields {
			if _, known := v.messages[f.Field]; !known {
				continue
			}
			if _, seen := v.server[f.Field]; !seen {
				v.server[f.Field] = f.Code
			}
			if first == nil {
				first = v.focusableOf(f.Field)
			}
		}
		v.setTopError(lang.L("Some details were not accepted. Correct the fields marked below and register again."))
		v.update()
		if first != nil && v.win != nil {
			v.win.Canvas().Focus(first)
		}
		return
	}
	v.setTopError(registerErrorText(err))
}

func (v *RegisterView) focusableOf(field string) fyne.Focusable {
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
	switch {
	case errors.Is(err, service.ErrMemberNotFound):
		return lang.L("No member matches this NIK, KPJ number and birth date together. Check them against your KTP and membership card, or ask your employer or a BPJS Ketenagakerjaan office.")
	case errors.Is(err, service.ErrAlreadyRegistered):
		return lang.L("This member already has an online account. Go back and sign in with its email or KPJ number.")
	case errors.Is(err, service.ErrOffline):
		return lang.L("The server cannot be reached. Check your internet connection and try again.")
	case errors.Is(err, service.ErrTimeout):
		return lang.L("The server took too long to answer. Wait a moment, then register again.")
	case errors.Is(err, service.ErrCertificate), errors.Is(err, service.ErrDomainNotAllowed),
		errors.Is(err, service.ErrInsecureURL), errors.Is(err, service.ErrRedirect):
		return lang.L("The server could not be verified, so nothing was sent. Check the server profile in Settings.")
	}
	return lang.L("The server could not register you right now. Try again later.")
}

func (v *RegisterView) setTopError(text string) {
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
func (v *RegisterView) Reset() {
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
	v.update()
}

func (v *RegisterView) submit() {
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

// maxWidthLayout centres one object and caps its width, so a form stays
// readable in a wide window.
type maxWidthLayout struct{ width float32 }

func (l *maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, l.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (l *maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
