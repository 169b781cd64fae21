package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/service"
)

func screenContainsObj(o fyne.CanvasObject, text string) bool {
	return strings.Contains(strings.Join(visibleTexts(o), " "), text)
}

// A member without internet never gets past the server check, yet the
// SMS helper is there for them.
func TestLogin_SMSHelperWorksWithTheServerUnreachable(t *testing.T) {
	h := newHarness(t, withProfile(func(d DemoServer) service.Profile {
		p := d.Profile
		p.BaseURL = "https://127.0.0.1:1" // nothing listens there
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(error); !ok {
		t.Fatalf("an unreachable server was verified: %v", h.c.verifyResult)
	}
	l := h.c.login
	if !l.sms.Visible() || l.sms.Disabled() {
		t.Fatal("the SMS 2757 link is not offered")
	}
	test.Tap(l.sms)
	top := h.c.win.Canvas().Overlays().Top()
	if top == nil || !screenContainsObj(top, "SALDO") || !screenContainsObj(top, "2757") {
		t.Fatal("the SMS helper did not open")
	}
}
