package shell

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// A member without internet never gets past the server check, yet the
// SMS helper is there for them.
func TestLogin_SMSHelperWorksWithTheServerUnreachable(t *testing.T) {
	h := newHarness(t, withProfile(func(d app.DemoServer) service.Profile {
		p := d.Profile
		p.BaseURL = "https://127.0.0.1:1" // nothing listens there
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(error); !ok {
		t.Fatalf("an unreachable server was verified: %v", h.c.verifyResult)
	}
	link := uitest.Button(t, h.screen(), lang.L("sms.loginLink"))
	if link.Disabled() {
		t.Fatal("the SMS 2757 link is not offered")
	}
	test.Tap(link)
	top := h.c.win.Canvas().Overlays().Top()
	if top == nil || !uitest.Contains(top, "SALDO") || !uitest.Contains(top, "2757") {
		t.Fatal("the SMS helper did not open")
	}
}
