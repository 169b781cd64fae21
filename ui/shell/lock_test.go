package shell

// The lock (issue 14): what it closes, what it drops, what it persists.

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	smstext "github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/sms"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// Dialogs open at the lock (the statement export, the SMS helper with the
// member's NIK) close with it.
func TestLock_DialogsOpenAtTheLockClose(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.c.dashView().ShowStatementDialog()
	sms.Show(h.c.win, smstext.Registration{NIK: "3174051708850003", KPJ: "18012345678"})
	if n := len(h.c.win.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("%d overlays open before the lock, want 2", n)
	}
	h.c.lock()
	if n := len(h.c.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d overlays still open after the lock", n)
	}
	if h.c.current != screenLogin {
		t.Fatal("not on the login view after the lock")
	}
}

// A refresh waiting for the server when the member locks: its late
// result does not bring the data back to the screen or to memory.
func TestLock_RefreshInFlightDoesNotRestoreTheData(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	if err := faults.Arm(h.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me", Latency: 500 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = faults.Arm(h.srv) })
	h.srv.ResetStats()
	h.c.startRefresh()
	h.waitFor("the refresh to reach the server", func() bool { return h.srv.Stats().Total > 0 })
	h.c.lock()
	time.Sleep(700 * time.Millisecond) // the held answers arrive
	h.drain()
	if h.c.app.Data() != nil || h.c.current != screenLogin {
		t.Fatalf("data back after the lock (screen %s)", screenNames[h.c.current])
	}
	if strings.Contains(h.dashTexts(), "Budi Santoso") {
		t.Fatal("the dashboard holds the member's name again")
	}
}

// A lock holds across a restart, for a remembered account too: the next
// start shows the login view saying so, no dashboard, nothing decrypted;
// the password opens the data again.
func TestLock_RestartNeedsThePasswordRememberedToo(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	h.c.lock()
	h.waitVerified()
	h.restart(h.keys, h.log)
	if h.c.current == screenDashboard || h.c.app.Data() != nil {
		t.Fatal("the remembered account opened on its dashboard after a lock")
	}
	h.waitVerified()
	h.waitFor("the locked sentence", func() bool {
		return h.contains(lang.L("login.lock.restarted"))
	})
	if !h.contains("b•••@contoh.id") || h.contains("Budi Santoso") {
		t.Fatalf("login view: %v", h.screenTexts())
	}
	h.openOfflineWithPassword(sandbox.DemoPassword)
	if !h.contains(i18n.FormatRupiah(h.c.app.Data().Balance.Total)) {
		t.Fatal("no balance after the password")
	}
	// The session goes on from the restored refresh token.
	h.waitFor("the session resumed", func() bool { d := h.c.app.Data(); return d != nil && !d.Offline })
}

// The idle lock counts wall-clock time: a laptop that slept past the
// limit (Go's monotonic timers stood still) wakes up locked.
func TestAutoLock_AfterASleepByTheWallClock(t *testing.T) {
	h := newHarness(t)
	clk := &testClock{t: time.Now()}
	h.now = clk.now
	h.restart(h.keys, h.log)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	if h.c.idle.check() {
		t.Fatal("locked at once")
	}
	clk.add(4 * time.Minute)
	if h.c.idle.check() {
		t.Fatal("locked before the 5-minute limit")
	}
	clk.add(2 * time.Minute) // asleep: no tick, no activity
	if !h.c.idle.check() {
		t.Fatal("not locked 6 minutes (by the wall clock) after the last activity")
	}
	h.waitFor("the auto-lock", func() bool { return h.c.current == screenLogin })
	if h.c.app.Data() != nil {
		t.Fatal("data kept after the idle lock")
	}
}

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// The lock is a lock screen: who is locked, the password focused, "Bukan
// Anda? Keluar", and nothing of the login page (register, SMS 2757, the
// demo list); the password logs the same account in again, on Ringkasan.
func TestLock_ALockScreenWithThePasswordFocused(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.c.lock()
	h.waitVerified()
	if h.c.current != screenLogin || !h.c.login.Locked() {
		t.Fatalf("screen %s, locked %v", screenNames[h.c.current], h.c.login.Locked())
	}
	for _, gone := range []string{lang.L("login.register"), lang.L("sms.loginLink"), lang.L("login.demo.title"), lang.L("login.title")} {
		if h.contains(gone) {
			t.Errorf("the lock screen shows %q", gone)
		}
	}
	for _, shown := range []string{lang.L("login.locked.title"), "budi@contoh.id", lang.L("login.lock.manual"), lang.L("login.locked.notMe")} {
		if !h.contains(shown) {
			t.Errorf("the lock screen lacks %q: %q", shown, h.screenTexts())
		}
	}
	pw := h.passwordEntry()
	if h.c.win.Canvas().Focused() != pw {
		t.Fatalf("focused %T, want the password", h.c.win.Canvas().Focused())
	}
	test.Type(pw, sandbox.DemoPassword)
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitDashboard()
	if !h.contains("Budi Santoso") || h.c.dash.SelectedTab() != "dashboard.tab.summary" {
		t.Fatalf("not back on Budi's Ringkasan: %s", h.c.dash.SelectedTab())
	}
	h.c.lock()
	test.Tap(uitest.Button(t, h.screen(), lang.L("login.locked.notMe")))
	if h.c.login.Locked() || !h.contains(lang.L("login.register")) || h.identifierEntry().Text != "" {
		t.Fatalf("'not you' left the lock screen up: %q", h.screenTexts())
	}
}
