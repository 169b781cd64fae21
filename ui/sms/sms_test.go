package sms

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	smstext "github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// newTestWindow is a test window of the app's size, in Indonesian.
func newTestWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	if err := i18n.LoadTranslations("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.SetLanguage(i18n.DefaultLanguage) })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 720))
	return w
}

// budiProfile logs Budi in to a sandbox over TLS and returns his profile.
func budiProfile(t *testing.T) member.Member {
	t.Helper()
	client := uitest.SandboxClient(t)
	ctx := context.Background()
	if _, err := client.Login(ctx, "budi@contoh.id", sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	m, err := client.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSMSHelper_ComposesCopiesAndMakesTheQR(t *testing.T) {
	w := newTestWindow(t)
	h := newHelper(w, smstext.Registration{})
	if !h.regCopy.Disabled() || !h.balCopy.Disabled() || h.qr.Image != nil {
		t.Fatal("empty helper offers something to copy")
	}
	if h.regError.Visible() {
		t.Error("an empty form shows an error")
	}
	test.Type(h.nik, "5171044407950004")
	test.Type(h.name, "Dewi Lestari")
	test.Type(h.birth, "04-07-1995")
	test.Type(h.kpj, "21045678901")
	test.Type(h.email, "dewi@contoh.id")
	want := "DAFTAR SALDO#5171044407950004#DEWI LESTARI#04-07-1995#21045678901#dewi@contoh.id"
	if h.regText.Text != want || h.balText.Text != "SALDO 21045678901" {
		t.Fatalf("messages %q / %q", h.regText.Text, h.balText.Text)
	}
	test.Tap(h.regCopy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("clipboard %q", got)
	}
	test.Tap(h.balCopy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "SALDO 21045678901" {
		t.Errorf("clipboard %q", got)
	}
	if h.qr.Image == nil {
		t.Fatal("no QR code")
	}
	// A birth date that is not the NIK's gets a warning that explains it,
	// and the message is still composed with the date typed.
	if h.regWarn.Visible() {
		t.Errorf("a warning with the NIK's own date: %q", h.regWarn.Text)
	}
	h.birth.SetText("05-07-1995")
	if h.regCopy.Disabled() || h.regError.Visible() || h.regText.Text != strings.Replace(want, "04-07-1995", "05-07-1995", 1) {
		t.Errorf("mismatched birth date: copy enabled %v, error %q, message %q", !h.regCopy.Disabled(), h.regError.Text, h.regText.Text)
	}
	if !h.regWarn.Visible() || !strings.Contains(h.regWarn.Text, "4 Juli 1995") || !strings.Contains(h.regWarn.Text, "Dukcapil") {
		t.Errorf("mismatched birth date: warning %q", h.regWarn.Text)
	}
	if h.balCopy.Disabled() {
		t.Error("the balance request does not need the birth date")
	}
	w.SetContent(h.content)
	for _, want := range []string{"Telkomsel, Indosat, XL", "mungkin tidak lagi dijawab", "“sudah tidak relevan”",
		"Februari 2025", "aplikasi JMO", "layanan telepon 175", "kantor cabang", "salinan offline di aplikasi ini",
		"pengumuman aslinya tidak kami temukan"} {
		if !uitest.Contains(w.Content(), want) {
			t.Errorf("the helper does not say %q", want)
		}
	}
}

// The dashboard prefills the helper from the member's profile (the NIK is
// only held masked, so it stays for the member to type).
func TestSMSHelper_PrefilledFromTheMember(t *testing.T) {
	m := budiProfile(t)
	w := newTestWindow(t)
	kpj := ""
	for _, c := range m.Cards {
		if c.Status == "aktif" {
			kpj = c.KPJ
			break
		}
	}
	h := newHelper(w, smstext.Registration{FullName: m.FullName, BirthDate: m.BirthDate, KPJ: kpj, Email: m.Email})
	if h.name.Text != m.FullName || h.kpj.Text != "18012345678" || h.email.Text != m.Email || h.birth.Text != m.BirthDate.Format("02-01-2006") {
		t.Fatalf("prefill %q %q %q %q", h.name.Text, h.kpj.Text, h.email.Text, h.birth.Text)
	}
	if h.balText.Text != "SALDO 18012345678" || h.nik.Text != "" {
		t.Errorf("balance %q, nik %q", h.balText.Text, h.nik.Text)
	}
}

func TestShow_OpensTheHelperOverTheWindow(t *testing.T) {
	w := newTestWindow(t)
	Show(w, smstext.Registration{KPJ: "18012345678"})
	top := w.Canvas().Overlays().Top()
	if top == nil || !uitest.Contains(top, "SALDO 18012345678") || !uitest.Contains(top, "2757") {
		t.Fatal("the SMS helper did not open with the balance request")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape does not close the helper")
	}
}

// A copied message (NIK, KPJ, birth date) leaves the clipboard after a
// minute if it is still there, and the helper says so; something the
// member copied meanwhile stays.
func TestSMSHelper_ClipboardClearedAfterAMinute(t *testing.T) {
	w := newTestWindow(t)
	var pending []func()
	var waited []time.Duration
	clipboardTimer = func(d time.Duration, f func()) { waited, pending = append(waited, d), append(pending, f) }
	t.Cleanup(func() { clipboardTimer = func(d time.Duration, f func()) { time.AfterFunc(d, f) } })
	h := newHelper(w, smstext.Registration{KPJ: "18012345678"})
	cb := fyne.CurrentApp().Clipboard()
	test.Tap(h.balCopy)
	if cb.Content() != "SALDO 18012345678" {
		t.Fatalf("clipboard = %q", cb.Content())
	}
	if !strings.Contains(h.copied.Text, "60 detik") {
		t.Errorf("the helper does not say the clipboard is cleared: %q", h.copied.Text)
	}
	if len(pending) != 1 || waited[0] != time.Minute {
		t.Fatalf("clearing scheduled %d times, after %v", len(pending), waited)
	}
	pending[0]()
	if cb.Content() != "" {
		t.Fatalf("after a minute the clipboard still holds %q", cb.Content())
	}
	// Copied again, then the member copies something else: that stays.
	test.Tap(h.balCopy)
	cb.SetContent("alamat rumah")
	pending[1]()
	if cb.Content() != "alamat rumah" {
		t.Fatalf("the member's own clipboard was cleared: %q", cb.Content())
	}
}
