package login

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// The password prompt: the focus is in the password entry, Enter
// submits, the entry never keeps the password, a wrong one says so, and
// a wait after repeated ones is counted down with Buka disabled.
func TestUnlockView_FocusEnterWrongPasswordAndWait(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := NewUnlockView(func(func()) {}) // ticks are driven by the test
	t.Cleanup(v.Stop)
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	var got []string
	v.OnSubmit = func(pw string) { got = append(got, pw) }
	v.Reset("b•••@contoh.id", time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC))
	v.Focus(w.Canvas())
	if w.Canvas().Focused() != v.password {
		t.Fatal("the password entry does not have the focus")
	}
	if !strings.Contains(v.account.Text, "b•••@contoh.id") || !strings.Contains(v.account.Text, "2026") {
		t.Errorf("account line %q", v.account.Text)
	}
	if !v.submit.Disabled() {
		t.Fatal("Buka is enabled with no password")
	}
	test.Type(v.password, "Sandbox#2026")
	v.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 1 || got[0] != "Sandbox#2026" || v.password.Text != "" {
		t.Fatalf("Enter submitted %q, the entry keeps %q", got, v.password.Text)
	}
	v.SetBusy(true)
	test.Type(v.password, "x")
	v.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 1 {
		t.Fatal("a second attempt went out while the first is checked")
	}
	v.SetBusy(false)
	v.ShowWrong(time.Time{})
	if !strings.Contains(v.message.Text, "tidak membuka") || v.password.Text != "" {
		t.Fatalf("wrong password: message %q, entry %q", v.message.Text, v.password.Text)
	}
	now := time.Now()
	v.now = func() time.Time { return now }
	v.ShowWrong(now.Add(4 * time.Second))
	test.Type(v.password, "Sandbox#2026")
	if !v.submit.Disabled() || !strings.Contains(v.message.Text, "detik") {
		t.Fatalf("during the wait: submit disabled %v, message %q", v.submit.Disabled(), v.message.Text)
	}
	now = now.Add(5 * time.Second)
	v.tick()
	if v.submit.Disabled() {
		t.Fatal("Buka stays disabled after the wait")
	}
}

// The cached accounts are listed masked, with their "as of" date; a
// locked one says so; the login view never names the member.
func TestLoginView_OfflineAccountsMaskedAndLocked(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	at := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	var opened int64
	v.OnOffline = func(ref int64, masked string, asOf time.Time) { opened = ref }
	v.SetOfflineAccounts([]cache.AccountSummary{{Ref: 7, Masked: "b•••@contoh.id", FetchedAt: at}, {Ref: 9, Masked: "•••6789", FetchedAt: at, Locked: true}})
	texts := strings.Join(uitest.Texts(v.Content()), " | ")
	if !strings.Contains(texts, "Lihat offline: b•••@contoh.id") || !strings.Contains(texts, "Terkunci: •••6789") {
		t.Fatalf("offline list: %s", texts)
	}
	b := uitest.Button(t, v.Content(), "Terkunci: •••6789 (per 30 November 2026 15.00 WIB)")
	test.Tap(b)
	if opened != 9 {
		t.Fatalf("tapping the locked account opened %d", opened)
	}
}

// Without a keyring "remember me" is off and says why; when the keyring
// answers again it is offered again.
func TestLoginView_RememberUnavailableSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1"})
	v.SetIdentifier("budi@contoh.id", true)
	v.SetRememberUnavailable("Ingat saya tidak tersedia: tidak ada keyring.")
	if !v.remember.Disabled() || v.remember.Checked || !v.rememberNo.Visible() {
		t.Fatalf("remember: disabled %v, checked %v, reason shown %v", v.remember.Disabled(), v.remember.Checked, v.rememberNo.Visible())
	}
	v.SetIdentifier("budi@contoh.id", true)
	if v.remember.Checked {
		t.Fatal("remember me ticked while unavailable")
	}
	v.SetRememberUnavailable("")
	if v.remember.Disabled() || v.rememberNo.Visible() {
		t.Fatal("remember me not offered again")
	}
}
