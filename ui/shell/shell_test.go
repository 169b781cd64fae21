package shell

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// sandboxBalance asks the sandbox directly, with a client of the test's own.
func sandboxBalance(t *testing.T, demo app.DemoServer, identifier string) member.Balance {
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
	password := h.passwordEntry() // the login view, before it leaves the screen
	h.waitDashboard()

	data := h.c.app.Data()
	if data.Balance.Total != want.Total {
		t.Fatalf("dashboard data total %d, sandbox computed %d", data.Balance.Total, want.Total)
	}
	if !h.contains(i18n.FormatRupiah(want.Total)) {
		t.Fatalf("the screen does not show %s:\n%v", i18n.FormatRupiah(want.Total), uitest.Texts(h.screen()))
	}
	if !h.contains("Budi Santoso") {
		t.Fatal("the member's name is not shown")
	}
	if data.Offline {
		t.Fatal("data after a login is marked offline")
	}
	if len(data.Contributions) < 10 {
		t.Fatalf("only %d contribution years fetched; Budi has 15", len(data.Contributions))
	}
	if password.Text != "" {
		t.Fatal("the password entry still holds the password after login")
	}
}

func TestLogin_WrongPasswordSaysWhatToDo(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", "not-the-password", false)
	h.waitFor("the error sentence", func() bool { return h.c.login.HasMessage() })
	if !h.contains("salah") || !h.contains("percobaan") {
		t.Fatalf("the screen does not say the password was wrong and how many tries are left: %v", uitest.Texts(h.screen()))
	}
	if h.c.current != screenLogin {
		t.Fatal("left the login view after a wrong password")
	}
}

// The sandbox's lockout reaches the login view as a countdown that keeps
// Masuk disabled (the countdown itself: login.TestLoginView_LockoutCountsDownAndUnlocks).
func TestLogin_LockoutCountsDownAndUnlocks(t *testing.T) {
	h := newHarness(t, withSandboxOptions(sandbox.WithLockout(2, time.Minute, 90*time.Second)))
	paused := "Terlalu banyak percobaan gagal"
	for attempt := 0; !h.contains(paused); attempt++ {
		if attempt == 4 {
			t.Fatalf("no lockout after 4 wrong passwords with a limit of 2: %v", uitest.Texts(h.screen()))
		}
		h.login("budi@contoh.id", "wrong-password-1", false)
		h.waitFor("the answer", func() bool { return h.c.login.HasMessage() })
	}
	if !h.contains("menit") {
		t.Fatalf("lockout message has no countdown: %v", uitest.Texts(h.screen()))
	}
	test.Type(h.passwordEntry(), sandbox.DemoPassword)
	if !h.loginButton().Disabled() {
		t.Fatal("Masuk is enabled during the lockout")
	}
}

func TestLogin_SitiWithTOTP(t *testing.T) {
	h := newHarness(t)
	h.login("siti@contoh.id", sandbox.DemoPassword, false)
	h.waitFor("the 2FA step", func() bool { return h.c.current == screenMFA })
	if !h.contains(lang.L("login.attemptsLeft", map[string]any{"N": 5})) {
		t.Fatalf("attempts shown: %v", uitest.Texts(h.screen()))
	}

	// A wrong code first: the attempts go down and the view stays.
	h.enterCode("000000")
	h.waitFor("the wrong-code message", func() bool {
		return h.contains(lang.L("login.attemptsLeft", map[string]any{"N": 4})) && h.contains("Kode itu salah")
	})
	if h.c.current != screenMFA {
		t.Fatal("a wrong code left the 2FA step")
	}

	code, err := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Pasted with a space, as authenticator apps often show it.
	entry := uitest.Entry(t, h.screen(), "000000")
	test.Type(entry, code[:3]+" "+code[3:])
	if entry.Text != code {
		t.Fatalf("code entry holds %q, want %q", entry.Text, code)
	}
	test.Tap(uitest.Button(t, h.screen(), lang.L("login.mfa.submit")))
	h.waitDashboard()
	if !h.contains("Siti Rahayu") {
		t.Fatal("Siti's dashboard does not show her name")
	}
	if entry.Text != "" {
		t.Fatal("the spent code stays in the entry")
	}
}

func TestLogin_WrongPinNeverEnablesPasswordAndSendsNothing(t *testing.T) {
	wrong := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return base64.StdEncoding.EncodeToString(sum[:])
	}
	h := newHarness(t, withProfile(func(d app.DemoServer) service.Profile {
		p := d.Profile
		p.Pins = []string{wrong("a"), wrong("b")}
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(error); !ok {
		t.Fatalf("a wrong pin was accepted: %v", h.c.verifyResult)
	}
	if !h.passwordEntry().Disabled() || !h.identifierEntry().Disabled() || !h.loginButton().Disabled() {
		t.Fatal("the login form is enabled for a refused server")
	}
	if !h.contains("tidak ada yang dikirim") {
		t.Fatalf("the refusal does not say nothing was sent: %v", uitest.Texts(h.screen()))
	}
	if got := h.srv.Stats().Total; got != 0 {
		t.Fatalf("the server saw %d requests", got)
	}
}

func TestOffline_RememberedAccountOpensCachedDashboardWithoutNetwork(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	fetched := h.c.app.Data().FetchedAt
	total := h.c.app.Data().Balance.Total

	// The app closes; the server becomes unreachable; the app opens again.
	h.drain()
	h.c.shutdown()
	h.ts.Close()
	h.c = h.newShell(h.keys, h.log)
	h.waitFor("the cached dashboard", func() bool { return h.c.current == screenDashboard && h.c.app.Data() != nil })
	data := h.c.app.Data()
	if !data.Offline {
		t.Fatal("cached data is not marked offline")
	}
	if !data.FetchedAt.Equal(fetched) || data.Balance.Total != total {
		t.Fatalf("cached data differs: fetched %v/%v, total %d/%d", data.FetchedAt, fetched, data.Balance.Total, total)
	}
	if !h.contains(i18n.FormatRupiah(total)) {
		t.Fatal("the cached balance is not on screen")
	}
	if !h.contains("Offline") {
		t.Fatalf("no offline badge: %v", uitest.Texts(h.screen()))
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
	h.c = h.newShell(h.keys, h.log)
	// Nothing queued has run yet: this is the screen the window opens with.
	if data := h.c.app.Data(); h.c.current != screenDashboard || data == nil || !data.Offline {
		t.Fatalf("first screen %v, data %v: want the cached dashboard", screenNames[h.c.current], data != nil)
	}
	if h.c.login != nil {
		t.Fatal("the login view was built before the dashboard's first frame")
	}
	// The login view, built when needed, has the account filled in.
	h.waitFor("the session resumed", func() bool { d := h.c.app.Data(); return d != nil && !d.Offline })
	h.c.lock()
	if h.c.current != screenLogin || !h.c.login.Locked() || !h.contains("budi@contoh.id") || h.c.login.Identifier() != "budi@contoh.id" {
		t.Fatalf("after lock: screen %v, identifier %q", screenNames[h.c.current], h.c.login.Identifier())
	}
	// "Bukan Anda? Keluar" gives the form back, with remember me as it was.
	test.Tap(uitest.Button(t, h.screen(), lang.L("login.locked.notMe")))
	if h.c.login.Locked() || h.identifierEntry().Text != "" {
		t.Fatalf("after 'not you': locked %v, identifier %q", h.c.login.Locked(), h.identifierEntry().Text)
	}
}

// After a login without "remember me" and a restart, the login view lists
// the account masked; opening it asks for the password (focus in the
// entry, Enter submits) and shows nothing before it is right; a wrong one
// gets a sentence; the right one opens the data offline, with no request.
func TestOffline_AfterARestartAsksForThePassword(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	balance := i18n.FormatRupiah(h.c.app.Data().Balance.Total)
	h.restart(h.keys, h.log)
	h.waitVerified()
	offered := lang.L("login.offline.intro")
	h.waitFor("the offline account", func() bool { return h.c.current == screenLogin && h.contains(offered) })
	if h.contains("Budi Santoso") || !h.contains("b•••@contoh.id") {
		t.Fatalf("the login view names the member or shows no masked account: %v", uitest.Texts(h.screen()))
	}
	before := h.srv.Stats().Total
	h.tapOffline()
	h.waitFor("the password prompt", func() bool { return h.c.current == screenUnlock })
	if h.c.app.Data() != nil || strings.Contains(h.dashTexts(), "Budi Santoso") || h.contains(balance) {
		t.Fatal("data shown or in memory before the password")
	}
	entry := h.unlockEntry()
	if h.c.win.Canvas().Focused() != entry {
		t.Fatal("the focus is not in the password entry")
	}
	test.Type(entry, "Salah#2026")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the wrong-password sentence", func() bool {
		return h.contains(lang.L("login.unlock.wrong"))
	})
	if h.c.app.Data() != nil || h.c.current != screenUnlock {
		t.Fatal("a wrong password opened something")
	}
	test.Type(entry, sandbox.DemoPassword)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the offline dashboard", func() bool { return h.c.current == screenDashboard && h.c.app.Data() != nil })
	if !h.c.app.Data().Offline || !h.contains(balance) {
		t.Fatal("not the offline dashboard with the balance")
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
	if h.c.app.Data() != nil {
		t.Fatal("member data kept in memory after the lock")
	}
	if h.c.app.Online() {
		t.Fatal("a session is still open after the lock")
	}
	if !h.contains("Terkunci") {
		t.Fatalf("lock message: %v", uitest.Texts(h.screen()))
	}
	if strings.Contains(h.dashTexts(), "Budi Santoso") {
		t.Fatal("the dashboard still holds the member's name")
	}
}

func TestLanguage_SwitchChangesVisibleText(t *testing.T) {
	h := newHarness(t)
	t.Cleanup(func() { _ = i18n.SetLanguage(i18n.DefaultLanguage) })
	h.waitVerified()
	if !h.contains("Masuk ke akun BPJS Ketenagakerjaan Anda") {
		t.Fatalf("Indonesian heading missing: %v", uitest.Texts(h.screen()))
	}
	h.c.changeLanguage("en")
	h.c.show(screenLogin)
	if !h.contains("Log in to your BPJS Ketenagakerjaan account") {
		t.Fatalf("English heading missing after the switch: %v", uitest.Texts(h.screen()))
	}
	if !h.contains("Certificate verified") {
		t.Fatal("the verified panel was not re-applied in English")
	}
}

func TestRegister_DewiThenLoginFilledIn(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.c.show(screenRegister)
	h.c.registerView().OnSubmit(service.Registration{
		NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC),
		Email:     "dewi@contoh.id", Phone: "081337001122", Password: "Kopi-Pagi#Bali-2026",
	})
	h.confirmDemoCodes()
	h.waitFor("the login view after registration", func() bool { return h.c.current == screenLogin })
	if got := h.identifierEntry().Text; got != "dewi@contoh.id" {
		t.Fatalf("identifier %q not filled in", got)
	}
	h.login("dewi@contoh.id", "Kopi-Pagi#Bali-2026", false)
	h.waitDashboard()
	if !h.contains("Dewi Lestari") {
		t.Fatal("Dewi's dashboard does not show her name")
	}
}

// Registration before the server is verified says why nothing was sent.
func TestRegister_RefusedServerSendsNothingAndSaysWhy(t *testing.T) {
	h := newHarness(t, withProfile(func(d app.DemoServer) service.Profile {
		p := d.Profile
		p.AllowedDomains = []string{"bpjsketenagakerjaan.go.id"}
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	h.c.show(screenRegister)
	h.c.registerView().OnSubmit(service.Registration{Email: "dewi@contoh.id", Password: "Kopi-Pagi#Bali-2026"})
	h.waitFor("the refusal on the form", func() bool { return h.contains("Server tidak dapat diverifikasi") })
	if h.c.current != screenRegister || h.srv.Stats().ByRoute["POST /v1/register"] != 0 {
		t.Fatal("the registration left the form or reached the refused server")
	}
}
