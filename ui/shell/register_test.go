package shell

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// confirmDemoCodes waits for the codes page of a started registration,
// fills the codes in with the demo's button, as a tester of --demo does,
// and confirms them.
func (h *harness) confirmDemoCodes() {
	h.t.Helper()
	h.waitFor("the codes page", func() bool { return h.c.registerView().CodesShown() })
	uitest.Button(h.t, h.screen(), "Isi kode demo").OnTapped()
	uitest.Button(h.t, h.screen(), "Konfirmasi dan buat akun").OnTapped()
}

// In the demo the registration's second step shows the codes the sandbox
// sent; until they are confirmed, the new password opens nothing.
func TestRegister_DemoShowsTheSentCodesAndNoLoginBeforeThem(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.c.show(screenRegister)
	// As a tester of --demo does: Dewi's "Isi", the consent, Daftar.
	uitest.Button(t, h.screen(), "Isi").OnTapped()
	uitest.Find(h.screen(), func(c *widget.Check) bool { return true }).SetChecked(true)
	uitest.Button(t, h.screen(), "Daftar").OnTapped()
	h.waitFor("the codes page", func() bool { return h.c.registerView().CodesShown() })
	emailCode, smsCode := h.srv.LatestCode("email", "dewi@contoh.id"), h.srv.LatestCode("sms", "081337001122")
	if emailCode == "" || smsCode == "" {
		t.Fatal("the sandbox sent no codes")
	}
	if !h.contains("Email: "+emailCode+" · SMS: "+smsCode) || !h.contains("0813****1122") {
		t.Fatalf("the demo codes are not on the codes page: %v", uitest.Texts(h.screen()))
	}
	// Back to the form: the registration is abandoned, nothing exists.
	uitest.Button(t, h.screen(), "Ubah data saya").OnTapped()
	if h.c.registerView().CodesShown() {
		t.Fatal("still on the codes page")
	}
	if _, ok := h.c.app.PendingRegistration(); ok {
		t.Error("the abandoned registration is still pending")
	}
	h.c.show(screenLogin)
	h.login("dewi@contoh.id", sandbox.DemoRegistrationPassword, false)
	h.waitFor("the refusal", func() bool { return h.contains("Email/KPJ atau kata sandi salah") })
}
