package login

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func abs(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// A login under way and its error move nothing: Masuk keeps its size and
// the links below it their places, so a click aimed at them lands there.
func TestLoginView_BusyAndAnErrorMoveNothing(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 900))
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1", PinRole: "primary", PinSHA256: "abc"})
	v.content.Refresh()
	size, register, sms := v.submit.Size(), abs(v.register), abs(v.sms)
	v.SetBusy(true)
	v.content.Refresh() // as the window lays out again on its next frame
	if v.submit.Size() != size {
		t.Errorf("Masuk went from %v to %v while busy", size, v.submit.Size())
	}
	v.SetBusy(false)
	v.ShowError(errors.New("x"))
	v.content.Refresh()
	if v.message.Text == "" {
		t.Fatal("no message shown")
	}
	if abs(v.register) != register || abs(v.sms) != sms || v.submit.Size() != size {
		t.Errorf("the error moved the form: register %v→%v, sms %v→%v", register, abs(v.register), sms, abs(v.sms))
	}
}

// "Anda telah keluar." is news of the last session: it goes when the
// member types again; a login error stays until the next attempt.
func TestLoginView_NewsGoesWhenTheMemberTypes(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1", PinRole: "primary", PinSHA256: "abc"})
	v.ShowInfo("Anda telah keluar.")
	v.SetIdentifier("budi@contoh.id", false) // the shell filling in: not the member
	if !v.HasMessage() {
		t.Fatal("filling the identifier in dropped the news")
	}
	test.Type(v.password, "x")
	if v.HasMessage() {
		t.Fatalf("the news stays while the member types: %q", v.message.Text)
	}
	v.ShowMessage("Kata sandi salah.")
	test.Type(v.password, "y")
	if v.message.Text != "Kata sandi salah." {
		t.Error("a problem went before the next attempt")
	}
	before := v.Attempts()
	v.OnSubmit = func(string, string, bool) {}
	test.Tap(v.submit)
	if v.Attempts() != before+1 {
		t.Error("an attempt not counted")
	}
}

// Two offline accounts listed after the view is on screen: the list is
// laid out below the SMS 2757 link, not drawn over it.
func TestLoginView_OfflineListDoesNotOverlapTheLinks(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 700))
	now := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	v.SetOfflineAccounts([]cache.AccountSummary{{Ref: 1, Masked: "b•••@contoh.id", FetchedAt: now}})
	v.SetOfflineAccounts([]cache.AccountSummary{{Ref: 1, Masked: "b•••@contoh.id", FetchedAt: now},
		{Ref: 2, Masked: "r•••@contoh.id", FetchedAt: now}})
	// The list comes before the link (arrange.go); either way neither is
	// drawn over the other.
	smsTop, smsBottom := abs(v.sms).Y, abs(v.sms).Y+v.sms.Size().Height
	listTop, listBottom := abs(v.offline).Y, abs(v.offline).Y+v.offline.Size().Height
	if listTop < smsBottom && smsTop < listBottom {
		t.Errorf("the offline list (%v–%v) and the SMS link (%v–%v) overlap", listTop, listBottom, smsTop, smsBottom)
	}
	if v.offline.Size().Height < v.offline.MinSize().Height {
		t.Errorf("the offline list has %v of the %v it needs", v.offline.Size().Height, v.offline.MinSize().Height)
	}
	for _, s := range v.scrolls {
		s.ScrollToBottom()
	}
	v.ScrollToTop()
	for i, s := range v.scrolls {
		if s.Offset.Y != 0 {
			t.Errorf("ScrollToTop left column %d at %v", i, s.Offset.Y)
		}
	}
}

// The 2FA step puts the cursor in the code entry, and back after a wrong
// code, so typed digits are never lost.
func TestMFAView_FocusInTheCode(t *testing.T) {
	test.NewTempApp(t)
	v := NewMFAView()
	w := test.NewWindow(v.Content())
	defer w.Close()
	v.Reset(5)
	v.Focus(w.Canvas())
	if w.Canvas().Focused() != v.code {
		t.Fatal("the code entry is not focused")
	}
	w.Canvas().Unfocus()
	v.ShowError(errors.New("x"))
	if w.Canvas().Focused() != v.code {
		t.Fatal("after a wrong code the entry is not focused")
	}
}

// The lock screen shows nothing but the lock: not even the keyring's note
// under "remember me", which comes back with the form.
func TestLoginView_LockScreenHidesTheKeyringNote(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetRememberUnavailable("no keyring")
	v.SetLocked("budi@contoh.id", "Terkunci.")
	if v.rememberNo.Visible() || v.register.Visible() || !v.lock.notMe.Visible() {
		t.Fatalf("lock screen: note %v, register %v, not-me %v", v.rememberNo.Visible(), v.register.Visible(), v.lock.notMe.Visible())
	}
	v.SetRememberUnavailable("still no keyring") // the keyring retry answers while locked
	if v.rememberNo.Visible() {
		t.Fatal("the note came back on the lock screen")
	}
	v.SetLocked("", "")
	if !v.rememberNo.Visible() || !v.register.Visible() {
		t.Fatal("the form did not come back whole")
	}
}
