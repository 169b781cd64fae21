package login

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func TestLoginView_SMSLinkOpensTheHelper(t *testing.T) {
	test.NewTempApp(t)
	v := New(nil)
	opened := false
	v.OnSMS = func() { opened = true }
	test.Tap(v.sms)
	if !opened {
		t.Fatal("OnSMS not called")
	}
}

// Masuk opens only with a verified server, nothing under way, no lockout
// and both fields filled.
func TestLoginView_SubmitNeedsAVerifiedServerAndBothFields(t *testing.T) {
	test.NewTempApp(t)
	v := New(nil)
	var got []string
	v.OnSubmit = func(id, pw string, remember bool) { got = append(got, id, pw) }
	test.Type(v.identifier, "budi@contoh.id")
	test.Type(v.password, "pw")
	if !v.submit.Disabled() || !v.password.Disabled() {
		t.Fatal("the form is open before the server is verified")
	}
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1", PinRole: "primary", PinSHA256: "abc"})
	test.Type(v.identifier, "budi@contoh.id")
	if !v.submit.Disabled() {
		t.Fatal("Masuk is enabled without a password")
	}
	test.Type(v.password, "Sandbox#2026")
	if v.submit.Disabled() {
		t.Fatal("Masuk stays disabled with a verified server and both fields")
	}
	v.SetIdentifier("  budi@contoh.id  ", false)
	test.Tap(v.submit)
	if len(got) != 2 || got[0] != "budi@contoh.id" || got[1] != "Sandbox#2026" {
		t.Fatalf("OnSubmit got %q", got)
	}
	v.SetRefused("127.0.0.1", service.ErrCertificate)
	if !v.submit.Disabled() || !v.password.Disabled() {
		t.Fatal("the form stays open after a refusal")
	}
}

// A lockout counts down once a second and re-opens the form when it ends.
func TestLoginView_LockoutCountsDownAndUnlocks(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(func(func()) {}) // ticks are driven by the test
	t.Cleanup(v.Stop)
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1"})
	test.Type(v.identifier, "budi@contoh.id")
	v.ShowError(&service.LockedError{RetryAfter: 90 * time.Second})
	if !strings.Contains(v.message.Text, "menit") {
		t.Fatalf("lockout message %q has no countdown", v.message.Text)
	}
	test.Type(v.password, "Sandbox#2026")
	if !v.submit.Disabled() {
		t.Fatal("Masuk is enabled during the lockout")
	}
	first := v.message.Text
	v.now = func() time.Time { return time.Now().Add(30 * time.Second) }
	v.tickCountdown()
	if v.message.Text == first {
		t.Fatal("the countdown did not move")
	}
	v.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	v.tickCountdown()
	if v.submit.Disabled() {
		t.Fatal("Masuk stays disabled after the lockout ended")
	}
}

func TestLoginView_WrongPasswordClearsItAndSaysSo(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1"})
	test.Type(v.password, "wrong")
	v.ShowError(&service.CredentialsError{AttemptsRemaining: 3})
	if v.password.Text != "" || !v.HasMessage() || !strings.Contains(v.message.Text, "3") {
		t.Fatalf("password %q, message %q", v.password.Text, v.message.Text)
	}
}

func TestMFAView_SixDigitsOnlyAndPasteWorks(t *testing.T) {
	test.NewTempApp(t)
	v := NewMFAView()
	var submitted string
	v.OnSubmit = func(code string) { submitted = code }
	v.Reset(5)
	test.Type(v.code, "12a3 45")
	if v.code.Text != "12345" || !v.submit.Disabled() {
		t.Fatalf("code %q, submit disabled %v", v.code.Text, v.submit.Disabled())
	}
	v.code.SetText("123 4567")
	if v.code.Text != "123456" || v.submit.Disabled() {
		t.Fatalf("pasted code %q, submit disabled %v", v.code.Text, v.submit.Disabled())
	}
	test.Tap(v.submit)
	if submitted != "123456" {
		t.Fatalf("submitted %q", submitted)
	}
	v.ClearCode()
	if v.code.Text != "" {
		t.Fatal("ClearCode left the code")
	}
}

// A demo account's note stays in the room beside its button at a narrow
// window: it wraps instead of running under "Pakai" and past the card.
func TestLoginView_DemoNotesWrapBesideTheirButtons(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetDemoAccounts([]DemoAccount{
		{Identifier: "siti@contoh.id", Password: "pw", Note: "login.demo.note.siti"},
		{Identifier: "rudi@contoh.id", Password: "pw", Note: "login.demo.note.rudi"},
	})
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(420, 900))
	rows := 0
	for _, o := range v.demo.Objects {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var note *widget.Label
		var button *widget.Button
		for _, c := range row.Objects {
			switch c := c.(type) {
			case *widget.Label:
				note = c
			case *widget.Button:
				button = c
			}
		}
		if note == nil || button == nil {
			t.Fatalf("a demo row without its note or button: %v", row.Objects)
		}
		rows++
		if note.MinSize().Width > note.Size().Width {
			t.Errorf("%q needs %.0f px but has %.0f: it is drawn past its cell", note.Text, note.MinSize().Width, note.Size().Width)
		}
		if note.Position().X+note.Size().Width > button.Position().X {
			t.Errorf("%q runs under its button (%.0f > %.0f)", note.Text, note.Position().X+note.Size().Width, button.Position().X)
		}
		if !strings.Contains(note.Text, "contoh.id — ") {
			t.Errorf("the note %q is not the translated demo line", note.Text)
		}
	}
	if rows != 2 {
		t.Fatalf("%d demo rows, want 2", rows)
	}
}
