package shell

import (
	"context"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

func TestSettings_LoginHistoryMarksThisSession(t *testing.T) {
	h := newHarness(t)
	// An earlier login from another client...
	other, err := service.New(h.demo.Profile, service.WithUserAgent("Other phone"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Login(context.Background(), "budi@contoh.id", sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	// ...then this one.
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.c.openSettings(screenDashboard)
	h.waitFor("the login history", func() bool { return len(h.c.loginLog.Logins()) > 0 })

	logins := h.c.loginLog.Logins()
	if len(logins) < 2 {
		t.Fatalf("%d logins, want the two", len(logins))
	}
	current := 0
	for _, l := range logins {
		if l.Current {
			current++
		}
	}
	if current != 1 || !logins[0].Current {
		t.Errorf("current marks: %d, newest current %v", current, logins[0].Current)
	}
	if logins[1].ClientName != "Other phone" {
		t.Errorf("earlier login's client %q", logins[1].ClientName)
	}
	for _, want := range []string{"Riwayat login", "Sesi ini", "Other phone", i18n.FormatDateTime(logins[1].At), logins[1].IP} {
		if !h.contains(want) {
			t.Errorf("Settings does not show %q", want)
		}
	}
}

func TestSettings_LoginHistoryNeedsASession(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.c.openSettings(screenLogin)
	h.drain()
	if !h.contains("Riwayat login hanya tersedia saat online") || len(h.c.loginLog.Logins()) != 0 {
		t.Fatal("logged out, the login history does not say it needs a session")
	}
}
