package sandbox

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cekbpjstk/cekbpjstk/internal/wilayah"
)

var (
	reNIK   = regexp.MustCompile(`^[0-9]{16}$`)
	reKPJ   = regexp.MustCompile(`^[0-9]{11}$`)
	reDigit = regexp.MustCompile(`^[0-9]+$`)
	reDate  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	// Indonesian mobile numbers: 08 or +628, then 7–11 more digits
	// (10–13 digits in the national form).
	rePhone = regexp.MustCompile(`^(?:08|\+628)[0-9]{7,11}$`)
)

const (
	minPasswordLen = 10
	maxPasswordLen = 128
)

// fieldErrors collects per-field problems in request order.
type fieldErrors []FieldError

func (f *fieldErrors) add(field, code, msg string) {
	*f = append(*f, FieldError{Field: field, Code: code, Message: msg})
}

// nikDate decodes the DDMMYY part of a NIK (positions 7–12). Women's day is
// stored plus 40. It returns the gender and day/month/two-digit year, and
// whether they form a real calendar date in that century-less sense.
func nikDate(nik string) (gender string, day, mon, yy int, ok bool) {
	day, _ = strconv.Atoi(nik[6:8])
	mon, _ = strconv.Atoi(nik[8:10])
	yy, _ = strconv.Atoi(nik[10:12])
	gender = "L"
	if day > 40 {
		gender, day = "P", day-40
	}
	if mon < 1 || mon > 12 || day < 1 {
		return gender, day, mon, yy, false
	}
	// Check the day against the month in both possible centuries: 29 Feb is
	// valid if either 19YY or 20YY is a leap year; the birth-date comparison
	// settles which.
	for _, century := range []int{1900, 2000} {
		d := time.Date(century+yy, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
		if d.Day() == day {
			return gender, day, mon, yy, true
		}
	}
	return gender, day, mon, yy, false
}

// nikBirthDate resolves a NIK's birth date, picking the century that does not
// lie after ReferenceDate. Used to check seed data.
func nikBirthDate(nik string) (gender string, birth time.Time, ok bool) {
	if !reNIK.MatchString(nik) {
		return "", time.Time{}, false
	}
	g, d, m, yy, ok := nikDate(nik)
	if !ok {
		return g, time.Time{}, false
	}
	year := 2000 + yy
	if year > ReferenceDate.Year() {
		year -= 100
	}
	return g, time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// checkNIK validates the format, the province code (Kemendagri's list,
// internal/wilayah) and the encoded date. It does not compare that date
// with the birth date: Dukcapil does not reissue a NIK when a birth date
// is corrected, so the member record decides.
func checkNIK(errs *fieldErrors, nik string) {
	switch {
	case nik == "":
		errs.add("nik", "required", "NIK is required.")
	case !reNIK.MatchString(nik):
		errs.add("nik", "format", "NIK must be exactly 16 digits.")
	default:
		if _, ok := wilayah.Province(nik[:2]); !ok {
			errs.add("nik", "format", "Digits 1–2 of the NIK are not a province code.")
			return
		}
		if _, _, _, _, ok := nikDate(nik); !ok {
			errs.add("nik", "invalid_date", "Digits 7–12 of the NIK do not form a valid date (DDMMYY, day + 40 for women).")
		}
	}
}

func checkKPJ(errs *fieldErrors, field, kpj string) {
	switch {
	case kpj == "":
		errs.add(field, "required", "KPJ number is required.")
	case !reKPJ.MatchString(kpj):
		errs.add(field, "format", "KPJ number must be exactly 11 digits.")
	}
}

// checkBirthDate parses a YYYY-MM-DD birth date that lies in the past.
func checkBirthDate(errs *fieldErrors, s string, now time.Time) (time.Time, bool) {
	if s == "" {
		errs.add("birth_date", "required", "Birth date is required.")
		return time.Time{}, false
	}
	if !reDate.MatchString(s) {
		errs.add("birth_date", "format", "Birth date must be YYYY-MM-DD.")
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		errs.add("birth_date", "invalid_date", "Birth date is not a valid calendar date.")
		return time.Time{}, false
	}
	if t.After(now) || t.Year() < 1900 {
		errs.add("birth_date", "invalid_date", "Birth date must be in the past.")
		return time.Time{}, false
	}
	return t, true
}

func checkEmail(errs *fieldErrors, email string) {
	switch {
	case email == "":
		errs.add("email", "required", "Email is required.")
	case len(email) > 254:
		errs.add("email", "length", "Email must be at most 254 characters.")
	default:
		a, err := mail.ParseAddress(email)
		at := strings.LastIndex(email, "@")
		if err != nil || a.Address != email || at < 1 || !strings.Contains(email[at:], ".") {
			errs.add("email", "format", "Email must look like name@example.id.")
		}
	}
}

func checkPhone(errs *fieldErrors, phone string) {
	switch {
	case phone == "":
		errs.add("phone", "required", "Phone number is required.")
	case !rePhone.MatchString(phone):
		errs.add("phone", "format", "Phone must be an Indonesian mobile number starting with 08 or +628.")
	}
}

// normalizePhone stores every number in the 08… national form.
func normalizePhone(p string) string {
	if strings.HasPrefix(p, "+62") {
		return "0" + p[3:]
	}
	return p
}

// commonPasswords are the top entries of public breach lists plus local
// favourites; anything containing one of them is rejected.
var commonPasswords = []string{
	"password", "passw0rd", "1234567890", "0987654321", "qwertyuiop", "asdfghjkl", "zxcvbnm",
	"iloveyou", "sayangku", "bismillah", "indonesia", "bpjstk", "bpjs", "jamsostek", "admin123",
	"12345678", "11111111", "abcdefgh", "letmein", "welcome",
}

// checkPassword enforces the length rule and rejects passwords a guesser
// would try first. personal holds strings the password must not contain
// (name parts, email local part, NIK, KPJ, birth date).
func checkPassword(errs *fieldErrors, field, pw string, personal ...string) {
	n := len([]rune(pw))
	switch {
	case pw == "":
		errs.add(field, "required", "Password is required.")
		return
	case n < minPasswordLen:
		errs.add(field, "length", "Password must be at least 10 characters.")
		return
	case n > maxPasswordLen:
		errs.add(field, "length", "Password must be at most 128 characters.")
		return
	}
	if reason := weakness(pw, personal); reason != "" {
		errs.add(field, "weak", reason)
	}
}

func weakness(pw string, personal []string) string {
	lower := strings.ToLower(pw)
	for _, c := range commonPasswords {
		if strings.Contains(lower, c) {
			return "Password contains a commonly used word or sequence."
		}
	}
	for _, p := range personal {
		p = strings.ToLower(strings.TrimSpace(p))
		if len(p) >= 4 && strings.Contains(lower, p) {
			return "Password must not contain your name, email, NIK, KPJ or birth date."
		}
	}
	distinct := map[rune]bool{}
	classes := map[string]bool{}
	for _, r := range pw {
		distinct[r] = true
		switch {
		case unicode.IsLower(r):
			classes["lower"] = true
		case unicode.IsUpper(r):
			classes["upper"] = true
		case unicode.IsDigit(r):
			classes["digit"] = true
		default:
			classes["other"] = true
		}
	}
	if len(distinct) < 5 {
		return "Password repeats too few different characters."
	}
	if reDigit.MatchString(pw) || len(classes) < 2 {
		return "Password must mix letters with digits or symbols."
	}
	if isSequence(lower) {
		return "Password is a keyboard or alphabet sequence."
	}
	return ""
}

// isSequence catches runs like "abcdefghijk" or "9876543210".
func isSequence(s string) bool {
	r := []rune(s)
	up, down := true, true
	for i := 1; i < len(r); i++ {
		up = up && r[i] == r[i-1]+1
		down = down && r[i] == r[i-1]-1
	}
	return up || down
}

// personalStrings lists what a member's password must not contain.
func personalStrings(fullName, email, nik, kpj, birth string) []string {
	out := strings.Fields(fullName)
	if at := strings.Index(email, "@"); at > 0 {
		out = append(out, email[:at])
	}
	out = append(out, nik, kpj, strings.ReplaceAll(birth, "-", ""))
	return out
}
