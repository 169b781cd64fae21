package validate

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func code(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Code
	}
	if err != nil {
		return "?" + err.Error()
	}
	return ""
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestValidateNIK(t *testing.T) {
	for _, tc := range []struct {
		nik    string
		birth  time.Time
		code   string
		gender Gender
		date   time.Time
	}{
		{"3174011708900003", time.Time{}, "", Male, day(1990, 8, 17)},
		{"3174015708900003", time.Time{}, "", Female, day(1990, 8, 17)},
		{"3174015708050003", time.Time{}, "", Female, day(2005, 8, 17)},
		{"3174011708900003", day(1990, 8, 17), "", Male, day(1990, 8, 17)},
		{"3174011708900003", day(1990, 8, 18), CodeMismatch, Male, time.Time{}},
		{" 3174011708900003 ", time.Time{}, "", Male, day(1990, 8, 17)},
		{"", time.Time{}, CodeRequired, "", time.Time{}},
		{"317401170890000", time.Time{}, CodeLength, "", time.Time{}},
		{"31740117089000031", time.Time{}, CodeLength, "", time.Time{}},
		{"3174O11708900003", time.Time{}, CodeFormat, "", time.Time{}},
		{"0174011708900003", time.Time{}, CodeFormat, "", time.Time{}},
		{"2074011708900003", time.Time{}, CodeFormat, "", time.Time{}}, // no province 20
		{"9974011708900003", time.Time{}, CodeFormat, "", time.Time{}}, // nor 99
		{"3774011708900003", time.Time{}, CodeFormat, "", time.Time{}}, // nor 37
		{"3174011708900000", time.Time{}, CodeFormat, "", time.Time{}},
		{"3174013102900003", time.Time{}, CodeInvalidDate, "", time.Time{}}, // 31 Feb
		{"3174017102900003", time.Time{}, CodeInvalidDate, "", time.Time{}}, // 31 Feb, woman
		{"3174012902010003", time.Time{}, CodeInvalidDate, "", time.Time{}}, // 29 Feb 2001
		{"3174012902000003", time.Time{}, "", Male, day(2000, 2, 29)},
		{"3174010013900003", time.Time{}, CodeInvalidDate, "", time.Time{}},
		{"3174014100900003", time.Time{}, CodeInvalidDate, "", time.Time{}}, // month 00
	} {
		info, err := ValidateNIK(tc.nik, tc.birth)
		if code(err) != tc.code {
			t.Errorf("ValidateNIK(%q) code = %q, want %q", tc.nik, code(err), tc.code)
			continue
		}
		if tc.code == "" && (info.Gender != tc.gender || !info.BirthDate.Equal(tc.date) || info.Region != "317401") {
			t.Errorf("ValidateNIK(%q) = %+v", tc.nik, info)
		}
	}
}

// Kemendagri's codes for the provinces created in 2022 (Papua Selatan 93,
// Papua Tengah 94, Papua Pegunungan 95, Papua Barat Daya 96) and Papua
// Barat (92) are real; those NIKs were refused before issue 15.
func TestValidateNIK_NewPapuaProvincesAccepted(t *testing.T) {
	for code, name := range map[string]string{"92": "Papua Barat", "93": "Papua Selatan", "95": "Papua Pegunungan", "96": "Papua Barat Daya"} {
		info, err := ValidateNIK(code+"71011708900003", time.Time{})
		if err != nil || info.Province != name {
			t.Errorf("province %s: %+v, %v", code, info, err)
		}
	}
	if _, err := ValidateNIK("2071011708900003", time.Time{}); code(err) != CodeFormat {
		t.Errorf("province 20: %v, want format", err)
	}
}

// A NIK whose date is not the birth date is reported as "mismatch" with
// the NIK's info filled in, for the form's warning.
func TestValidateNIK_MismatchKeepsTheInfo(t *testing.T) {
	info, err := ValidateNIK("3174015708900003", day(1990, 8, 18))
	if code(err) != CodeMismatch || info.Gender != Female || !info.BirthDate.Equal(day(1990, 8, 17)) {
		t.Errorf("mismatch: %+v, %v", info, err)
	}
}

func TestValidateNIK_FutureIsLastCentury(t *testing.T) {
	old := Now
	Now = func() time.Time { return day(2026, 11, 25) }
	defer func() { Now = old }()
	info, err := ValidateNIK("3174011708300003", time.Time{}) // 17-08-30 → 1930, not 2030
	if err != nil || info.BirthDate.Year() != 1930 {
		t.Fatalf("got %+v, %v", info, err)
	}
	if _, err := ValidateNIK("3174012611260003", time.Time{}); code(err) != CodeInvalidDate { // tomorrow... 26-11-26 is today+1
		t.Fatalf("future birth date accepted: %v", err)
	}
}

func TestValidateKPJ(t *testing.T) {
	for kpj, want := range map[string]string{
		"12345678901": "", "": CodeRequired, "1234567890": CodeLength, "123456789012": CodeLength,
		"1234567890a": CodeFormat, "１２３４５６７８９０１": CodeFormat,
	} {
		if got := code(ValidateKPJ(kpj)); got != want {
			t.Errorf("ValidateKPJ(%q) = %q, want %q", kpj, got, want)
		}
	}
}

func TestValidateEmail(t *testing.T) {
	for email, want := range map[string]string{
		"budi@contoh.id": "", "siti.aminah+bpjs@mail.co.id": "", "": CodeRequired,
		"budi": CodeFormat, "budi@": CodeFormat, "@contoh.id": CodeFormat, "budi@contoh": CodeFormat,
		"Budi <budi@contoh.id>": CodeFormat, "budi@contoh..id": CodeFormat, "budi@-contoh.id": CodeFormat,
		"bu di@contoh.id": CodeFormat, strings.Repeat("a", 250) + "@x.id": CodeLength,
		"budi@contoh_x.id": CodeFormat,
	} {
		if got := code(ValidateEmail(email)); got != want {
			t.Errorf("ValidateEmail(%q) = %q, want %q", email, got, want)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"081234567890":      "+6281234567890",
		"0812-3456-7890":    "+6281234567890",
		"+62 812 3456 7890": "+6281234567890",
		"6281234567890":     "+6281234567890",
		"08123456":          CodeLength,
		"0812345678901234":  CodeLength,
		"0212345678":        CodeFormat, // landline
		"+6581234567":       CodeFormat,
		"":                  CodeRequired,
		"0812a4567890":      CodeFormat,
		"81234567890":       CodeFormat,
		"0812+34567890":     CodeFormat,
	} {
		got, err := NormalizePhone(in)
		if err != nil {
			got = code(err)
		}
		if got != want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	for _, tc := range []struct {
		pw, code string
		inputs   []string
	}{
		{"Sandbox#2026-kelapa-muda", "", nil},
		{"", CodeRequired, nil},
		{"Ab#1", CodeLength, nil},
		{"password12", CodeWeak, nil},
		{"1234567890", CodeWeak, nil},
		{"budisantoso1990", CodeWeak, []string{"budisantoso", "1990"}},
		{strings.Repeat("x", 129), CodeLength, nil},
	} {
		score, err := ValidatePassword(tc.pw, tc.inputs...)
		if code(err) != tc.code {
			t.Errorf("ValidatePassword(%q) = %d, %q; want %q", tc.pw, score, code(err), tc.code)
		}
	}
}

func FuzzNIK(f *testing.F) {
	for _, s := range []string{"3174011708900003", "3174015708900003", "3174013102900003", "", "9999999999999999"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, nik string, birthUnix int64) {
		var birth time.Time
		if birthUnix != 0 {
			birth = time.Unix(birthUnix%(1<<40), 0)
		}
		info, err := ValidateNIK(nik, birth)
		if err != nil {
			if code(err) == "" || code(err)[0] == '?' {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		n := strings.TrimSpace(nik)
		if len(n) != 16 || !allDigits(n) || info.BirthDate.After(time.Now()) {
			t.Fatalf("accepted %q → %+v", nik, info)
		}
		if (n[6] >= '4') != (info.Gender == Female) {
			t.Fatalf("gender of %q = %s", nik, info.Gender)
		}
		if birth.IsZero() && info.BirthDate.Day() != atoi2(n[6:8])%40 {
			t.Fatalf("day of %q = %v", nik, info.BirthDate)
		}
	})
}

func FuzzKPJ(f *testing.F) {
	f.Add("12345678901")
	f.Add("")
	f.Fuzz(func(t *testing.T, kpj string) {
		err := ValidateKPJ(kpj)
		k := strings.TrimSpace(kpj)
		if (err == nil) != (len(k) == 11 && allDigits(k)) {
			t.Fatalf("ValidateKPJ(%q) = %v", kpj, err)
		}
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"budi@contoh.id", "a@b", "\"x y\"@z.id", "Budi <b@c.id>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, email string) {
		if err := ValidateEmail(email); err == nil {
			e := strings.TrimSpace(email)
			if strings.Count(e, "@") < 1 || len(e) > 254 || strings.ContainsAny(e, " <>\"") || !utf8.ValidString(e) {
				t.Fatalf("accepted %q", email)
			}
		}
	})
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"081234567890", "+62 812-3456-7890", "6281234567890", "+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phone string) {
		n, err := NormalizePhone(phone)
		if err != nil {
			return
		}
		if !strings.HasPrefix(n, "+628") || len(n) < 12 || len(n) > 15 || !allDigits(n[1:]) {
			t.Fatalf("NormalizePhone(%q) = %q", phone, n)
		}
		if again, err := NormalizePhone(n); err != nil || again != n {
			t.Fatalf("not idempotent: %q → %q, %v", n, again, err)
		}
	})
}

func FuzzPassword(f *testing.F) {
	for _, s := range []string{"Sandbox#2026", "password", "", "ééééééééé"} {
		f.Add(s, "budi")
	}
	f.Fuzz(func(t *testing.T, pw, input string) {
		score, err := ValidatePassword(pw, input)
		if score < 0 || score > 4 {
			t.Fatalf("score %d", score)
		}
		if err == nil && (score < PasswordMinScore || utf8.RuneCountInString(pw) < PasswordMinLength) {
			t.Fatalf("accepted %q with score %d", pw, score)
		}
	})
}
