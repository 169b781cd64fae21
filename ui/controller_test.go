package ui

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// sandboxBalance asks the sandbox directly, with a client of the test's own.
func sandboxBalance(t *testing.T, demo DemoServer, identifier string) service.Balance {
	t.Helper()
	client, err := service.New(demo.Profile)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()
	if _, err := client.Login(ctx, identifier, sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	b, err := client.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLogin_DashboardShowsBudiBalanceAsSandboxComputed(t *testing.T) {
	h := newHarness(t)
	want := sandboxBalance(t, h.demo, "budi@contoh.id")

	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()

	if h.c.data.Balance.Total != want.Total {
		t.Fatalf("dashboard data total %d, sandbox computed %d", h.c.data.Balance.Total, want.Total)
	}
	if !screenContains(h.c, FormatRupiah(want.Total)) {
		t.Fatalf("the screen does not show %s:\n%v", FormatRupiah(want.Total), visibleTexts(h.c.win.Content()))
	}
	if !screenContains(h.c, "Budi Santoso") {
		t.Fatal("the member's name is not shown")
	}
	if h.c.data.Offline {
		t.Fatal("data after a login is marked offline")
	}
	if len(h.c.data.Contributions) < 10 {
		t.Fatalf("only %d contribution years fetched; Budi has 15", len(h.c.data.Contributions))
	}
	if h.c.login.password.Text != "" {
		t.Fatal("the password entry still holds the password after login")
	}
}

func TestLogin_WrongPasswordSaysWhatToDo(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", "not-the-password", false)
	h.waitFor("the error sentence", func() bool { return h.c.login.message.Visible() })
	if !strings.Contains(h.c.login.message.Text, "salah") || !strings.Contains(h.c.login.message.Text, "percobaan") {
		t.Fatalf("message %q does not say the password was wrong and how many tries are left", h.c.login.message.Text)
	}
	if h.c.current != screenLogin {
		t.Fatal("left the login view after a wrong password")
	}
}

func TestLogin_LockoutCountsDownAndUnlocks(t *testing.T) {
	h := newHarness(t, withSandboxOptions(sandbox.WithLockout(2, time.Minute, 90*time.Second)))
	l := h.c.login
	for attempt := 0; !l.lockedUntil.After(time.Now()); attempt++ {
		if attempt == 4 {
			t.Fatal("no lockout after 4 wrong passwords with a limit of 2")
		}
		h.login("budi@contoh.id", "wrong-password-1", false)
		h.waitFor("the answer", func() bool { return !l.busyNow && l.message.Visible() })
	}
	if !strings.Contains(l.message.Text, "menit") {
		t.Fatalf("lockout message %q has no countdown", l.message.Text)
	}
	test.Type(l.password, sandbox.DemoPassword)
	if !l.submit.Disabled() {
		t.Fatal("Masuk is enabled during the lockout")
	}
	first := l.message.Text
	l.now = func() time.Time { return time.Now().Add(30 * time.Second) }
	l.tickCountdown()
	if l.message.Text == first {
		t.Fatal("the countdown did not move")
	}
	l.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	l.tickCountdown()
	if l.submit.Disabled() {
		t.Fatal("Masuk stays disabled after the lockout ended")
	}
}

func TestLogin_SitiWithTOTP(t *testing.T) {
	h := newHarness(t)
	h.login("siti@contoh.id", sandbox.DemoPassword, false)
	h.waitFor("the 2FA step", func() bool { return h.c.current == screenMFA })
	if !strings.Contains(h.c.mfaView().attempts.Text, "5") {
		t.Fatalf("attempts shown: %q", h.c.mfaView().attempts.Text)
	}

	// A wrong code first: the attempts go down and the view stays.
	test.Type(h.c.mfaView().code, "000000")
	test.Tap(h.c.mfaView().submit)
	h.waitFor("the wrong-code message", func() bool { return h.c.mfaView().message.Visible() })
	if h.c.current != screenMFA {
		t.Fatal("a wrong code left the 2FA step")
	}

	code, err := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Pasted with a space, as authenticator apps often show it.
	test.Type(h.c.mfaView().code, code[:3]+" "+code[3:])
	if h.c.mfaView().code.Text != code {
		t.Fatalf("code entry holds %q, want %q", h.c.mfaView().code.Text, code)
	}
	test.Tap(h.c.mfaView().submit)
	h.waitDashboard()
	if !screenContains(h.c, "Siti Rahayu") {
		t.Fatal("Siti's dashboard does not show her name")
	}
}

func TestLogin_WrongPinNeverEnablesPasswordAndSendsNothing(t *testing.T) {
	wrong := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return base64.StdEncoding.EncodeToString(sum[:])
	}
	h := newHarness(t, withProfile(func(d DemoServer) service.Profile {
		p := d.Profile
		p.Pins = []string{wrong("a"), wrong("b")}
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(error); !ok {
		t.Fatalf("a wrong pin was accepted: %v", h.c.verifyResult)
	}
	l := h.c.login
	if !l.password.Disabled() || !l.identifier.Disabled() || !l.submit.Disabled() {
		t.Fatal("the login form is enabled for a refused server")
	}
	if !screenContains(h.c, "tidak ada yang dikirim") {
		t.Fatalf("the refusal does not say nothing was sent: %v", visibleTexts(h.c.win.Content()))
	}
	if got := h.srv.Stats().Total; got != 0 {
		t.Fatalf("the server saw %d requests", got)
	}
}

func TestOffline_RememberedAccountOpensCachedDashboardWithoutNetwork(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	fetched := h.c.data.FetchedAt
	total := h.c.data.Balance.Total

	// The app closes; the server becomes unreachable; the app opens again.
	h.drain()
	h.c.shutdown()
	h.ts.Close()
	h.c = h.newController()
	h.waitFor("the cached dashboard", func() bool { return h.c.current == screenDashboard && h.c.data != nil })
	if !h.c.data.Offline {
		t.Fatal("cached data is not marked offline")
	}
	if !h.c.data.FetchedAt.Equal(fetched) || h.c.data.Balance.Total != total {
		t.Fatalf("cached data differs: fetched %v/%v, total %d/%d", h.c.data.FetchedAt, fetched, h.c.data.Balance.Total, total)
	}
	if !screenContains(h.c, FormatRupiah(total)) {
		t.Fatal("the cached balance is not on screen")
	}
	if !screenContains(h.c, "Offline") {
		t.Fatalf("no offline badge: %v", visibleTexts(h.c.win.Content()))
	}
}

func TestStartup_RememberedAccountOpensOnItsDashboard(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	h.drain()
	h.c.shutdown()

	// However slow the keyring is here, wait for it: this test is about
	// what the first screen is, not about the time limit.
	defer func(d time.Duration) { startupWait = d }(startupWait)
	startupWait = time.Minute
	h.c = h.newController()
	// Nothing queued has run yet: this is the screen the window opens with.
	if h.c.current != screenDashboard || h.c.data == nil || !h.c.data.Offline {
		t.Fatalf("first screen %v, data %v: want the cached dashboard", screenNames[h.c.current], h.c.data != nil)
	}
	if h.c.login != nil {
		t.Fatal("the login view was built before the dashboard's first frame")
	}
	// The login view, built when needed, has the account filled in.
	h.waitFor("the session resumed", func() bool { return h.c.data != nil && !h.c.data.Offline })
	h.c.lock()
	if h.c.current != screenLogin || h.c.login.identifier.Text != "budi@contoh.id" || !h.c.login.remember.Checked {
		t.Fatalf("after lock: screen %v, identifier %q", screenNames[h.c.current], h.c.login.identifier.Text)
	}
}

func TestOffline_LoginViewOffersCachedAccount(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.c.logout()
	h.waitFor("the logout and the offline account", func() bool {
		return h.c.current == screenLogin && len(h.c.login.offline.Objects) > 0 &&
			strings.Contains(h.c.login.message.Text, "keluar")
	})
	before := h.srv.Stats().Total
	h.c.openOffline("budi@contoh.id")
	h.waitFor("the offline dashboard", func() bool { return h.c.current == screenDashboard && h.c.data != nil })
	if !h.c.data.Offline {
		t.Fatal("not marked offline")
	}
	h.drain()
	if after := h.srv.Stats().Total; after != before {
		t.Fatalf("the offline view made %d requests", after-before)
	}
}

func TestAutoLock_DropsDataAndReturnsToLogin(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.c.idle.SetTimeout(50 * time.Millisecond)
	h.c.idle.Reset()
	h.waitFor("the auto-lock", func() bool { return h.c.current == screenLogin })
	if h.c.data != nil {
		t.Fatal("member data kept in memory after the lock")
	}
	if h.c.client != nil {
		if _, ok := h.c.client.Session(); ok {
			t.Fatal("the new client holds a session after the lock")
		}
	}
	if !strings.Contains(h.c.login.message.Text, "Terkunci") {
		t.Fatalf("lock message %q", h.c.login.message.Text)
	}
	if h.c.dashView().name.Text != "" {
		t.Fatalf("the dashboard still holds the name %q", h.c.dashView().name.Text)
	}
}

func TestLanguage_SwitchChangesVisibleText(t *testing.T) {
	h := newHarness(t)
	t.Cleanup(func() { _ = SetLanguage(DefaultLanguage) })
	h.waitVerified()
	if !screenContains(h.c, "Masuk ke akun BPJS Ketenagakerjaan Anda") {
		t.Fatalf("Indonesian heading missing: %v", visibleTexts(h.c.win.Content()))
	}
	h.c.changeLanguage("en")
	h.c.show(screenLogin)
	if !screenContains(h.c, "Log in to your BPJS Ketenagakerjaan account") {
		t.Fatalf("English heading missing after the switch: %v", visibleTexts(h.c.win.Content()))
	}
	if !screenContains(h.c, "Certificate verified") {
		t.Fatal("the verified panel was not re-applied in English")
	}
}

func TestRegister_DewiThenLoginFilledIn(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.c.show(screenRegister)
	h.c.submitRegistration(service.Registration{
		NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC),
		Email:     "dewi@contoh.id", Phone: "081234567890", Password: "Kopi-Pagi#Bali-2026",
	})
	h.waitFor("the login view after registration", func() bool { return h.c.current == screenLogin })
	if h.c.login.identifier.Text != "dewi@contoh.id" {
		t.Fatalf("identifier %q not filled in", h.c.login.identifier.Text)
	}
	h.login("dewi@contoh.id", "Kopi-Pagi#Bali-2026", false)
	h.waitDashboard()
	if !screenContains(h.c, "Dewi Lestari") {
		t.Fatal("Dewi's dashboard does not show her name")
	}
}
