package i18n

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFieldErrorText(t *testing.T) {
	test.NewTempApp(t)
	if err := SetLanguage("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage(DefaultLanguage) })

	for pair, want := range map[[2]string]string{
		{"nik", "length"}:       "NIK terdiri dari 16 digit.",
		{"email", "taken"}:      "Email ini sudah dipakai akun lain. Gunakan alamat lain, atau masuk.",
		{"confirm", "mismatch"}: "Kedua kata sandi tidak sama.",
	} {
		if got := FieldErrorText(pair[0], pair[1]); got != want {
			t.Errorf("FieldErrorText(%q, %q) = %q, want %q", pair[0], pair[1], got, want)
		}
	}
	fallback := FieldErrorText("nik", "no-such-code")
	if fallback == "" || fallback != FieldErrorText("no-such-field", "format") {
		t.Errorf("unknown pairs: %q", fallback)
	}
	// Every code a field can have has its own sentence.
	for _, pair := range [][2]string{
		{"nik", "required"}, {"nik", "format"}, {"nik", "length"}, {"nik", "invalid_date"}, {"nik", "mismatch"},
		{"kpj", "required"}, {"kpj", "format"}, {"kpj", "length"},
		{"full_name", "required"}, {"full_name", "length"}, {"full_name", "format"},
		{"birth_date", "required"}, {"birth_date", "format"}, {"birth_date", "invalid_date"},
		{"email", "required"}, {"email", "format"}, {"email", "length"}, {"email", "taken"},
		{"phone", "required"}, {"phone", "format"}, {"phone", "length"},
		{"password", "required"}, {"password", "length"}, {"password", "weak"},
		{"confirm", "mismatch"},
	} {
		if got := FieldErrorText(pair[0], pair[1]); got == fallback {
			t.Errorf("%s/%s has no sentence of its own", pair[0], pair[1])
		}
	}
}
