package shell

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// Budi leaves Periksa iuran › Upah saya open and logs out; Rudi logs in on
// the same window and lands on his Ringkasan with its notice, and the
// notice's "Lihat" opens his findings, not Budi's last sub-tab.
func TestRouting_LogoutAnotherAccountOpensOnRingkasanAndLihatOnTheFindings(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	test.Tap(uitest.Button(t, h.screen(), lang.L("audit.tab")))
	inner := uitest.Find(h.screen(), func(*container.AppTabs) bool { return true })
	if inner == nil {
		t.Fatal("no Periksa iuran sub-tabs on screen")
	}
	inner.SelectIndex(1)
	if !h.contains(lang.L("audit.tab.wage")) || h.c.dash.SelectedTab() != "audit.tab" {
		t.Fatalf("set-up: Budi is not on Upah saya: %s", h.c.dash.SelectedTab())
	}

	h.c.logout() // the menu's "Keluar"
	h.waitFor("the login view", func() bool { return h.c.current == screenLogin })
	h.login("rudi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	if got := h.c.dash.SelectedTab(); got != "dashboard.tab.summary" {
		t.Fatalf("Rudi opened on %s, want Ringkasan", got)
	}
	open := lang.L("audit.notice.open")
	h.waitFor("Rudi's notice on Ringkasan", func() bool {
		return uitest.Find(h.screen(), func(b *widget.Button) bool { return b.Text == open }) != nil
	})
	test.Tap(uitest.Button(t, h.screen(), open))
	if got := h.c.dash.SelectedTab(); got != "audit.tab" {
		t.Fatalf("Lihat opened %s", got)
	}
	if !slicesHasPrefix(h.screenTexts(), "Kami menemukan") {
		t.Fatalf("Lihat did not open the findings: %q", h.screenTexts())
	}
}

func slicesHasPrefix(texts []string, prefix string) bool {
	for _, s := range texts {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// The 2FA step opens with the cursor in the code entry: digits typed at
// once are not lost.
func TestRouting_TwoFactorStepFocusesTheCode(t *testing.T) {
	h := newHarness(t)
	h.login("siti@contoh.id", sandbox.DemoPassword, false)
	h.waitFor("the 2FA step", func() bool { return h.c.current == screenMFA })
	if got, want := h.c.win.Canvas().Focused(), uitest.Entry(t, h.screen(), "000000"); got != want {
		t.Fatalf("focused %T, want the code entry", got)
	}
}
