package shell

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service"
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
	h.c.registerView().OnSubmit(service.Registration{
		NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC),
		Email:     "dewi@contoh.id", Phone: "+62 813 3700 1122", Password: "Kopi-Pagi#Bali-2026",
	})
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
	h.login("dewi@contoh.id", "Kopi-Pagi#Bali-2026", false)
	h.waitFor("the refusal", func() bool { return h.contains("Email/KPJ atau kata sandi salah") })
}
