package register

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Tab from the birth date goes to the email, not to the calendar button,
// so the next field's text typed after Tab is not swallowed.
func TestRegister_TabFromTheBirthDateNeverSwallowsText(t *testing.T) {
	v, w := newRegisterTest(t)
	c := w.Canvas()
	test.Type(v.birth, "04-07-1995")
	c.Focus(v.birth)
	c.FocusNext()
	if c.Focused() != v.email {
		t.Fatalf("Tab from the birth date went to %T, want the email", c.Focused())
	}
	for _, r := range "dewi@contoh.id" { // as the window hands keys to the focused widget
		c.Focused().TypedRune(r)
	}
	if v.email.Text != "dewi@contoh.id" || v.birth.Text != "04-07-1995" {
		t.Fatalf("typed after Tab: email %q, birth %q", v.email.Text, v.birth.Text)
	}
	// The calendar still opens with a click.
	test.Tap(v.birth.picker)
	if v.birth.popUp == nil || !v.birth.popUp.Visible() {
		t.Fatal("the calendar does not open")
	}
}

// Errors say exactly what is wrong: an unknown province code by its
// number, a name of digits refused.
func TestRegister_ErrorsSayExactlyWhatIsWrong(t *testing.T) {
	v, _ := newRegisterTest(t)
	for _, tc := range []struct {
		field  string
		typeIn func()
		want   string
	}{
		{validate.FieldNIK, func() { test.Type(v.nik, "9971044507950001") }, "Kode provinsi 99 tidak dikenal"},
		{validate.FieldNIK, func() { v.nik.SetText(""); test.Type(v.nik, "3171044507950000") }, "tidak boleh 0000"},
		{validate.FieldFullName, func() { test.Type(v.fullName, "12345") }, "Nama tidak boleh berisi angka"},
	} {
		tc.typeIn()
		m := v.messages[tc.field]
		if !strings.Contains(m.Text, tc.want) || m.Importance != widget.DangerImportance {
			t.Errorf("%s: message %q (importance %v), want %q as an error", tc.field, m.Text, m.Importance, tc.want)
		}
	}
	if !v.submitButton.Disabled() {
		t.Error("Daftar enabled with these errors")
	}
}
