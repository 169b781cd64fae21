// Package validate holds the input rules shared by the UI (inline validation,
// registration form) and the service client. Errors carry codes, not
// sentences: the UI translates them.
package validate

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cekbpjstk/cekbpjstk/internal/thirdparty/zxcvbn"
	"github.com/cekbpjstk/cekbpjstk/internal/wilayah"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Error codes; the server's 422 codes use the same words.
const (
	CodeRequired    = "required"
	CodeFormat      = "format"
	CodeLength      = "length"
	CodeMismatch    = "mismatch"
	CodeInvalidDate = "invalid_date"
	CodeWeak        = "weak"
	CodeTaken       = "taken"
)

// Field names, matching the wire contract's JSON fields.
const (
	FieldNIK       = "nik"
	FieldKPJ       = "kpj"
	FieldFullName  = "full_name"
	FieldBirthDate = "birth_date"
	FieldEmail     = "email"
	FieldPhone     = "phone"
	FieldPassword  = "password"
)

// FieldError is one rejected field. Message is informational (from the
// server, English); the UI shows a translation of Code.
type FieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Code }

func fail(field, code string) error { return &FieldError{Field: field, Code: code} }

// Gender as the NIK encodes it and the API spells it (the member model's).
type Gender = member.Gender

// Genders.
const (
	Male   = member.Male   // laki-laki
	Female = member.Female // perempuan
)

// NIKInfo is what a NIK reveals.
type NIKInfo struct {
	Region    string    // first six digits: province, regency, district
	Province  string    // the province's name (from the first two digits)
	BirthDate time.Time // UTC midnight
	Gender    Gender
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// Now is the clock used to resolve the century of a NIK birth year; tests may replace it.
var Now = time.Now

// ValidateNIK checks a 16-digit NIK: a province code from the Kemendagri
// list (internal/wilayah: 11..19, 21, 31..36, 51..53, 61..65, 71..76, 81,
// 82, 91..96; a code no province has is "format"), a DDMMYY birth date
// (DD+40 for women) that exists and is not in the future, and a non-zero
// serial. If birth is non-zero and differs from the encoded date the error
// is "mismatch" with the NIK's info: a caller that decides (the
// registration form) shows it as a warning, since Dukcapil keeps a NIK when
// a birth date is corrected; pass a zero birth to skip the comparison. The
// century is the latest one that does not put the birth in the future.
func ValidateNIK(nik string, birth time.Time) (NIKInfo, error) {
	nik = strings.TrimSpace(nik)
	switch {
	case nik == "":
		return NIKInfo{}, fail(FieldNIK, CodeRequired)
	case !allDigits(nik):
		return NIKInfo{}, fail(FieldNIK, CodeFormat)
	case len(nik) != 16:
		return NIKInfo{}, fail(FieldNIK, CodeLength)
	}
	if _, ok := wilayah.Province(nik[0:2]); !ok {
		return NIKInfo{}, fail(FieldNIK, CodeFormat)
	}
	if nik[12:] == "0000" {
		return NIKInfo{}, fail(FieldNIK, CodeFormat)
	}
	day, month, yy := atoi2(nik[6:8]), atoi2(nik[8:10]), atoi2(nik[10:12])
	info := NIKInfo{Region: nik[:6], Gender: Male}
	info.Province, _ = wilayah.Province(nik[:2])
	if day > 40 {
		day -= 40
		info.Gender = Female
	}
	now := Now().UTC()
	year := 2000 + yy
	if year > now.Year() {
		year -= 100
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if day < 1 || month < 1 || month > 12 || d.Day() != day || d.Month() != time.Month(month) || d.After(now) {
		return NIKInfo{}, fail(FieldNIK, CodeInvalidDate)
	}
	info.BirthDate = d
	if !birth.IsZero() {
		b := birth.UTC()
		if b.Day() != d.Day() || b.Month() != d.Month() || b.Year()%100 != d.Year()%100 {
			return info, fail(FieldNIK, CodeMismatch)
		}
		info.BirthDate = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	}
	return info, nil
}

// ValidateKPJ checks an 11-digit KPJ (membership number).
func ValidateKPJ(kpj string) error {
	kpj = strings.TrimSpace(kpj)
	switch {
	case kpj == "":
		return fail(FieldKPJ, CodeRequired)
	case !allDigits(kpj):
		return fail(FieldKPJ, CodeFormat)
	case len(kpj) != 11:
		return fail(FieldKPJ, CodeLength)
	}
	return nil
}

// ValidateEmail checks a bare address (no display name) with a dotted domain.
func ValidateEmail(email string) error {
	email = strings.TrimSpace(email)
	if email == "" {
		return fail(FieldEmail, CodeRequired)
	}
	if len(email) > 254 {
		return fail(FieldEmail, CodeLength)
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Name != "" || a.Address != email {
		return fail(FieldEmail, CodeFormat)
	}
	at := strings.LastIndexByte(email, '@')
	local, domain := email[:at], email[at+1:]
	if local == "" || len(local) > 64 || strings.ContainsAny(email, " \t\"\\") {
		return fail(FieldEmail, CodeFormat)
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return fail(FieldEmail, CodeFormat)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return fail(FieldEmail, CodeFormat)
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return fail(FieldEmail, CodeFormat)
			}
		}
	}
	return nil
}

// NormalizePhone checks an Indonesian mobile number written as 08…, 628… or
// +628… (spaces, dots and dashes allowed) and returns it in E.164 form
// (+628…). The national number after 62 is 9 to 12 digits starting with 8.
func NormalizePhone(phone string) (string, error) {
	s := strings.TrimSpace(phone)
	if s == "" {
		return "", fail(FieldPhone, CodeRequired)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == ' ' || c == '-' || c == '.':
		case c == '+' && i == 0:
		default:
			return "", fail(FieldPhone, CodeFormat)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(s, "+"):
		if !strings.HasPrefix(d, "62") {
			return "", fail(FieldPhone, CodeFormat)
		}
		d = d[2:]
	case strings.HasPrefix(d, "62"):
		d = d[2:]
	case strings.HasPrefix(d, "0"):
		d = d[1:]
	default:
		return "", fail(FieldPhone, CodeFormat)
	}
	if !strings.HasPrefix(d, "8") {
		return "", fail(FieldPhone, CodeFormat)
	}
	if len(d) < 9 || len(d) > 12 {
		return "", fail(FieldPhone, CodeLength)
	}
	return "+62" + d, nil
}

// ValidatePhone is NormalizePhone without the result.
func ValidatePhone(phone string) error {
	_, err := NormalizePhone(phone)
	return err
}

// Password rules.
const (
	PasswordMinLength = 10 // the server's rule
	PasswordMaxLength = 128
	PasswordMinScore  = 3 // zxcvbn score, 0..4
)

// PasswordStrength scores a password from 0 (guessable) to 4 (strong) with
// zxcvbn; userInputs (name, email, NIK…) count as known words. Only the first
// PasswordMaxLength runes are scored, which bounds the cost.
func PasswordStrength(password string, userInputs ...string) int {
	if password == "" {
		return 0
	}
	if utf8.RuneCountInString(password) > PasswordMaxLength {
		password = string([]rune(password)[:PasswordMaxLength])
	}
	return zxcvbn.PasswordStrength(password, userInputs).Score
}

// PrepareStrength builds zxcvbn's dictionaries (~20 ms, done once, on first
// use rather than at program start) so that the first keystroke in a
// password field does not pay for it. Safe from any goroutine.
func PrepareStrength() { zxcvbn.PasswordStrength("x", nil) }

// ValidatePassword checks length (10..128 runes) and a zxcvbn score of at
// least 3. It returns the score so the UI can show a meter.
func ValidatePassword(password string, userInputs ...string) (int, error) {
	if password == "" {
		return 0, fail(FieldPassword, CodeRequired)
	}
	n := utf8.RuneCountInString(password)
	if !utf8.ValidString(password) || n < PasswordMinLength || n > PasswordMaxLength {
		return PasswordStrength(password, userInputs...), fail(FieldPassword, CodeLength)
	}
	score := PasswordStrength(password, userInputs...)
	if score < PasswordMinScore {
		return score, fail(FieldPassword, CodeWeak)
	}
	return score, nil
}

// ValidateFullName checks a non-empty name of at most 100 runes without control characters.
func ValidateFullName(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fail(FieldFullName, CodeRequired)
	}
	if !utf8.ValidString(name) || utf8.RuneCountInString(name) > 100 {
		return fail(FieldFullName, CodeLength)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return fail(FieldFullName, CodeFormat)
		}
	}
	return nil
}
