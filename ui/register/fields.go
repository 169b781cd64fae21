package register

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/wilayah"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The field-state rules: what each field says under it while the member
// types, and whether the form may be submitted.

// fieldConfirm names the password confirmation, which the server never sees.
const fieldConfirm = "confirm"

// registerFields are the form's fields in visual (and Tab) order.
var registerFields = []string{
	validate.FieldNIK, validate.FieldKPJ, validate.FieldFullName, validate.FieldBirthDate,
	validate.FieldEmail, validate.FieldPhone, validate.FieldPassword, fieldConfirm,
}

// edited: the member changed field, so the server's verdict on it is stale.
func (v *View) edited(field string) {
	delete(v.server, field)
	v.update()
}

// left: the member moved on from field; once it holds something, its
// remaining errors (a NIK still short of 16 digits) are shown.
func (v *View) left(field string) {
	if v.textOf(field) != "" {
		v.touched[field] = true
	}
	v.update()
}

func (v *View) textOf(field string) string {
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
	msgWarn // worth reading, but no block
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
	return fieldState{text: i18n.FieldErrorText(field, code), kind: msgError}
}

// update recomputes every field's message and the Daftar button.
func (v *View) update() {
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
			msgWarn: widget.WarningImportance,
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
func (v *View) digitsState(field, text string, want int, check func(string) error) fieldState {
	text = strings.TrimSpace(text)
	n := len(text)
	switch {
	case text == "":
		if v.touched[field] {
			return fieldErr(field, validate.CodeRequired)
		}
		return hint(lang.L("register.digits.count", map[string]any{"Count": want}))
	case !digitsOnly(text):
		return fieldErr(field, validate.CodeFormat)
	case n > want:
		return fieldErr(field, validate.CodeLength)
	case n < want:
		if v.touched[field] {
			return fieldErr(field, validate.CodeLength)
		}
		return hint(lang.L("register.digits.progress", map[string]any{"Count": n, "Want": want}))
	}
	if err := check(text); err != nil {
		return fieldErr(field, codeOf(err))
	}
	return fieldState{text: lang.L("register.digits.progress", map[string]any{"Count": n, "Want": want}), kind: msgOK, valid: true}
}

// nikState adds to the digit rule what a complete NIK implies: the birth
// date and gender, checked against the birth date field.
func (v *View) nikState() fieldState {
	s := v.digitsState(validate.FieldNIK, v.nik.Text, 16, func(string) error { return nil })
	if !s.valid {
		return s
	}
	nik := strings.TrimSpace(v.nik.Text)
	if _, ok := wilayah.Province(nik[:2]); !ok {
		// Say exactly what is wrong: the NIK's first two digits are a
		// province code (Kemendagri's list, internal/wilayah).
		return fieldState{kind: msgError, text: lang.L("register.nik.province", map[string]any{"Code": nik[:2]})}
	}
	if nik[12:] == "0000" {
		return fieldState{kind: msgError, text: lang.L("register.nik.serial")}
	}
	birth := v.birth.Date()
	info, err := validate.ValidateNIK(nik, birth)
	switch code := codeOf(err); {
	case err == nil:
	case code == validate.CodeMismatch:
		// A warning, not a block: Dukcapil keeps a NIK when a birth date
		// is corrected, and BPJS Ketenagakerjaan's record decides.
		return fieldState{kind: msgWarn, valid: true, text: lang.L("register.nik.dateDiffers",
			map[string]any{"Date": i18n.FormatDate(info.BirthDate)})}
	default:
		return fieldErr(validate.FieldNIK, code)
	}
	implied := lang.L("register.nik.born", map[string]any{"Date": i18n.FormatDate(info.BirthDate), "Gender": genderName(info.Gender)})
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

func (v *View) birthState() fieldState {
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
	return fieldState{text: i18n.FormatDate(t), valid: true}
}

func (v *View) nameState() fieldState {
	f := validate.FieldFullName
	name := strings.TrimSpace(v.fullName.Text)
	err := validate.ValidateFullName(name)
	switch {
	case name == "" && !v.touched[f]:
		return hint("")
	case err != nil && (v.touched[f] || codeOf(err) != validate.CodeRequired):
		return fieldErr(f, codeOf(err))
	case strings.ContainsFunc(name, unicode.IsDigit):
		// A name on a KTP has no digits ("12345" was accepted).
		return fieldState{kind: msgError, text: lang.L("register.name.digits")}
	case utf8.RuneCountInString(name) < 2:
		// The server wants two characters at least.
		if v.touched[f] {
			return fieldErr(f, validate.CodeLength)
		}
		return hint("")
	}
	return fieldState{valid: true}
}

func (v *View) emailState() fieldState {
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

func (v *View) phoneState() fieldState {
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
	return hint(lang.L("register.phone.hint"))
}

// passwordInputs are the words a password must not lean on: the same list
// the server uses (name words, email and its local part, NIK, KPJ, birth date).
func (v *View) passwordInputs() []string {
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

func (v *View) passwordState() fieldState {
	f := validate.FieldPassword
	pw := v.password.Text
	if pw == "" {
		v.strength.SetScore(0, true)
		if v.touched[f] {
			return fieldErr(f, validate.CodeRequired)
		}
		return hint(lang.L("register.password.hint"))
	}
	score, err := validate.ValidatePassword(pw, v.passwordInputs()...)
	v.strength.SetScore(score, false)
	switch code := codeOf(err); {
	case err == nil:
		return fieldState{valid: true}
	case code == validate.CodeLength && utf8.RuneCountInString(pw) < validate.PasswordMinLength && !v.touched[f]:
		return hint(lang.L("register.password.hint"))
	default:
		return fieldErr(f, code)
	}
}

func (v *View) confirmState() fieldState {
	pw, c := v.password.Text, v.confirm.Text
	switch {
	case c == "":
		return hint("")
	case c == pw:
		return fieldState{text: lang.L("register.confirm.match"), kind: msgOK, valid: true}
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
