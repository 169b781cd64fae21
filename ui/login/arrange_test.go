package login

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// onWindow reports whether o lies wholly inside the window's canvas, where
// the member sees it without scrolling.
func onWindow(w fyne.Window, o fyne.CanvasObject) bool {
	if !o.Visible() {
		return false
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size, win := o.Size(), w.Canvas().Size()
	return pos.X >= 0 && pos.Y >= 0 && pos.X+size.Width <= win.Width+0.5 && pos.Y+size.Height <= win.Height+0.5 && size.Height > 0
}

func below(a, b fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	return d.AbsolutePositionForObject(a).Y >= d.AbsolutePositionForObject(b).Y+b.Size().Height
}

// With the server unreachable and no keyring, the offline accounts (the one
// way in) come before the identity panel's refusal, the "remember me"
// notice, the links and the demo list, and are on screen, as is Masuk, in
// the smallest window the shell opens (1024×520, less the title row of its
// own), in a narrow one where the aside goes under the form, and in the
// smallest (742×368, 1366×768 at 175 %), where the form goes compact, as
// it does in a wide window too short for it (1100×300, the member's resize).
func TestLoginView_OfflineAccountsBeforeSecondaryNotices(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	for _, size := range []fyne.Size{fyne.NewSize(1024, 520), fyne.NewSize(1034, 524), fyne.NewSize(700, 900), fyne.NewSize(742, 368), fyne.NewSize(1100, 300)} {
		v := New(nil)
		v.SetDemoAccounts([]DemoAccount{{Identifier: "budi@contoh.id", Password: "pw", Note: "login.demo.note.budi"}})
		v.SetOfflineAccounts([]cache.AccountSummary{
			{Ref: 1, Masked: "bu***@contoh.id", FetchedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)},
			{Ref: 2, Masked: "si***@contoh.id", FetchedAt: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC), Locked: true},
		})
		v.SetRememberUnavailable("Ingat saya tidak tersedia: tidak ada keyring sistem yang menjawab. Data offline Anda tetap bisa dibuka dengan kata sandi.")
		w := test.NewWindow(v.Content())
		w.Resize(size)
		v.SetRefused("127.0.0.1", errors.New("dial tcp 127.0.0.1:8443: connect: connection refused"))
		w.Canvas().Refresh(v.Content())
		accounts := offlineButtons(v)
		if len(accounts) != 2 {
			t.Fatalf("%v: %d offline buttons, want 2", size, len(accounts))
		}
		// The smallest window has room for the first account only (the
		// aside scrolls to the next).
		short := size.Height < 400
		for i, b := range accounts {
			if !onWindow(w, b) && (i == 0 || !short) {
				t.Errorf("%v, server unreachable: the offline account %q is not on screen", size, b.Text)
			}
		}
		if v.compact != short {
			t.Errorf("%v: the form is compact: %v, want %v", size, v.compact, short)
		}
		if short && v.identifier.Position().Y != 0 {
			t.Errorf("%v: compact, the identifier's label is not beside it", size)
		}
		last := accounts[len(accounts)-1]
		for name, o := range map[string]fyne.CanvasObject{"identity": v.identity, "remember me notice": v.rememberNo, "register link": v.register, "SMS link": v.sms, "demo list": v.demoCard} {
			if !below(o, last) {
				t.Errorf("%v, server unreachable: the %s comes before the offline accounts", size, name)
			}
		}
		if !onWindow(w, v.submit) {
			t.Errorf("%v: Masuk is not on screen", size)
		}

		// Verified: beside the form, the identity leads again; under it (a
		// narrow window, where only the aside's top shows) the accounts
		// still lead. Either way they come before the notices.
		v.SetVerified(service.SecurityReport{Host: "127.0.0.1", PinRole: "primary", PinSHA256: "abc"})
		w.Canvas().Refresh(v.Content())
		stacked := size.Width < 1000
		if !stacked && !below(accounts[0], v.identity) {
			t.Errorf("%v, verified: the offline accounts come before the server's identity", size)
		}
		if stacked && !below(v.identity, last) {
			t.Errorf("%v, verified, aside under the form: the server's identity comes before the offline accounts", size)
		}
		if stacked && !onWindow(w, accounts[0]) {
			t.Errorf("%v, verified: the first offline account %q is not on screen", size, accounts[0].Text)
		}
		if !below(v.rememberNo, last) || !below(v.demoCard, last) {
			t.Errorf("%v, verified: a notice comes before the offline accounts", size)
		}
		if size.Width > 1000 && !short { // beside the form, under the server's identity
			for _, b := range accounts {
				if !onWindow(w, b) {
					t.Errorf("%v, verified: the offline account %q is not on screen", size, b.Text)
				}
			}
		}
		if !onWindow(w, v.submit) {
			t.Errorf("%v, verified: Masuk is not on screen", size)
		}
		w.Close()
	}
}

func offlineButtons(v *View) []*widget.Button {
	var out []*widget.Button
	for _, o := range v.offline.Objects {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b)
		}
	}
	return out
}

// The lock screen in the smallest window (742×368, 1366×768 at 175 %),
// after the view was laid out unlocked at that size: the password, Masuk
// and "Bukan Anda? Keluar" are on screen, whole.
func TestLoginView_LockScreenFitsTheSmallestWindow(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := New(nil)
	v.SetOfflineAccounts([]cache.AccountSummary{{Ref: 1, Masked: "bu***@contoh.id", FetchedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Locked: true}})
	w := test.NewWindow(v.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(742, 368))
	v.SetVerified(service.SecurityReport{Host: "127.0.0.1", PinRole: "primary", PinSHA256: "abc"})
	w.Canvas().Refresh(v.Content())
	v.SetLocked("budi@contoh.id", "Terkunci setelah 15 menit tidak dipakai.")
	w.Canvas().Refresh(v.Content())
	for name, o := range map[string]fyne.CanvasObject{"the password": v.password, "Masuk": v.submit, "Bukan Anda? Keluar": v.lock.notMe} {
		if !onWindow(w, o) {
			t.Errorf("locked: %s at %v size %v is not on the %v window", name,
				fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size(), w.Canvas().Size())
		}
	}
	// Inside its scroll too: the form's scroll is as tall as its content.
	for _, s := range v.scrolls[:1] {
		if s.Size().Height+0.5 < s.Content.MinSize().Height && s.Size().Height+0.5 < w.Canvas().Size().Height-60 {
			t.Errorf("locked: the form's scroll is %v high, its content needs %v", s.Size().Height, s.Content.MinSize().Height)
		}
	}
}
