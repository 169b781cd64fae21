package ui

// Security tests through the UI layer (docs/SECURITY.md): the real
// controller, the real sandbox over TLS with its fault injection, a real
// cache file and the real keyring, as in harness_test.go.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// replaceController shuts the harness's first app instance down once it has
// settled and starts another on the same data dir, with the keyring and log
// given (the harness's own newController uses the plain keyring and discards
// the log).
func (h *harness) replaceController(keys cache.KeyStore, log io.Writer) {
	h.t.Helper()
	old := h.c
	h.waitFor("the first instance to settle", func() bool {
		select {
		case <-old.cacheReady.done:
			return old.verifyResult != nil
		default:
			return false
		}
	})
	old.shutdown()
	h.drain()
	demo := h.demo
	c := newController(Params{
		App:       h.app,
		Version:   "test",
		DataDir:   h.dataDir,
		Keys:      keys,
		ForceDemo: true,
		StartDemo: func(context.Context) (DemoServer, error) { return demo, nil },
		Logger:    slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Do:        func(f func()) { h.queue <- f },
	})
	h.t.Cleanup(func() { h.drain(); c.shutdown() })
	h.c = c
}

// cachedSnapshot reads an account's snapshot through the controller's cache.
func (h *harness) cachedSnapshot(account string) (cache.Snapshot, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store := h.c.cacheReady.wait(ctx)
	if store == nil {
		return cache.Snapshot{}, errors.New("no cache")
	}
	return store.Load(ctx, h.c.profileName(), account)
}

func sameSnapshot(a, b cache.Snapshot) bool {
	if a.Label != b.Label || !a.SavedAt.Equal(b.SavedAt) || len(a.Parts) != len(b.Parts) {
		return false
	}
	for p, e := range a.Parts {
		f, ok := b.Parts[p]
		if !ok || !bytes.Equal(e.Data, f.Data) || !e.FetchedAt.Equal(f.FetchedAt) {
			return false
		}
	}
	return true
}

// refreshWithFault runs one refresh against a server armed with fault and
// waits until the controller has applied its outcome.
func (h *harness) refreshWithFault(fault faults.Fault) {
	h.t.Helper()
	if err := faults.Arm(h.srv, fault); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { _ = faults.Arm(h.srv) })
	h.c.startRefresh()
	h.waitFor("the refresh to end", func() bool { return h.c.refresh == nil })
	_ = faults.Arm(h.srv)
}

func (h *harness) notice() string {
	if !h.c.dashView().noticeBox.Visible() {
		return ""
	}
	return h.c.dashView().notice.Text
}

// The server dies while a refresh waits for it: the screen keeps the data
// it had and says the refresh failed and how old the data is; the cached
// snapshot is exactly what it was.
func TestFault_ServerDiesMidRefresh_CacheUntouchedAndSaid(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	shown := h.c.data
	before, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil {
		t.Fatalf("no snapshot after the first refresh: %v", err)
	}

	if err := faults.Arm(h.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me/contributions", Latency: time.Minute}); err != nil {
		t.Fatal(err)
	}
	h.srv.ResetStats()
	h.c.startRefresh()
	h.waitFor("the refresh to reach the server", func() bool {
		return h.srv.Stats().ByRoute["GET /v1/me/contributions"] > 0
	})
	// The server dies: its connections drop and nothing listens any more.
	h.ts.CloseClientConnections()
	h.ts.Close()
	h.waitFor("the failed refresh", func() bool { return h.c.refresh == nil })

	if h.c.data != shown || h.c.current != screenDashboard {
		t.Fatal("the data on screen was replaced or the dashboard left after a failed refresh")
	}
	if !screenContains(h.c, FormatRupiah(shown.Balance.Total)) {
		t.Fatal("the balance left the screen")
	}
	notice := h.notice()
	if !strings.Contains(notice, describeError(service.ErrOffline)) || !strings.Contains(notice, FormatDateTime(shown.FetchedAt)) {
		t.Fatalf("notice %q does not say the server is unreachable and how old the data is", notice)
	}
	after, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil || !sameSnapshot(before, after) {
		t.Fatalf("the cached snapshot changed after a failed refresh (err %v)", err)
	}
}

// projectGoroutines returns the stacks of goroutines doing a refresh's
// work: the controller's refresh, the client, and the sandbox handler
// holding the slow answer.
func projectGoroutines() []string {
	buf := make([]byte, 8<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		for _, marker := range []string{
			"cekbpjstk/ui.fetchMemberData", "cekbpjstk/ui.(*controller).startRefresh",
			"cekbpjstk/service.(*Client).", "cekbpjstk/sandbox/faults.(*Set).Wrap",
		} {
			if strings.Contains(g, marker) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// settledGoroutines waits until the goroutine count has not moved for a
// while (idle connections and finished tests wind down) and returns it.
func settledGoroutines() int {
	n := runtime.NumGoroutine()
	for stable, tries := 0, 0; stable < 4 && tries < 60; tries++ {
		time.Sleep(50 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			stable++
		} else {
			n, stable = m, 0
		}
	}
	return n
}

// A slow server: Cancel ends the refresh at once, keeps the data and the
// cache, and leaves no goroutine of the refresh behind.
func TestFault_SlowServerCancelLeavesNoGoroutine(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	shown := h.c.data
	before, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil {
		t.Fatal(err)
	}
	h.drain()
	h.c.client.Close() // idle connections are not a leak
	baseline := settledGoroutines()
	if g := projectGoroutines(); len(g) != 0 {
		t.Fatalf("refresh goroutines before the test:\n%s", strings.Join(g, "\n\n"))
	}

	if err := faults.Arm(h.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me/contributions", Latency: time.Minute}); err != nil {
		t.Fatal(err)
	}
	defer faults.Arm(h.srv)
	h.srv.ResetStats()
	h.c.startRefresh()
	h.waitFor("the slow request", func() bool { return h.srv.Stats().ByRoute["GET /v1/me/contributions"] > 0 })
	d := h.c.dashView()
	if !d.cancelButton.Visible() || !d.refreshButton.Disabled() {
		t.Fatal("no Cancel while refreshing")
	}
	start := time.Now()
	test.Tap(d.cancelButton)
	h.waitFor("the cancelled refresh", func() bool { return h.c.refresh == nil })
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Cancel took %v", took)
	}
	if h.c.data != shown {
		t.Fatal("Cancel replaced the data on screen")
	}
	if n := h.notice(); !strings.Contains(n, describeError(context.Canceled)) {
		t.Errorf("notice %q does not say the refresh was cancelled", n)
	}
	if d.cancelButton.Visible() || d.refreshButton.Disabled() {
		t.Error("Cancel still shown, or Refresh still disabled, after the cancel")
	}
	if after, err := h.cachedSnapshot("budi@contoh.id"); err != nil || !sameSnapshot(before, after) {
		t.Fatalf("the cached snapshot changed after a cancelled refresh (err %v)", err)
	}

	h.c.client.Close()
	deadline := time.Now().Add(5 * time.Second)
	for len(projectGoroutines()) > 0 || runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 8<<20)
			t.Fatalf("%d goroutines now, %d before the refresh; refresh goroutines still running:\n%s\n\nall:\n%s",
				runtime.NumGoroutine(), baseline, strings.Join(projectGoroutines(), "\n\n"), buf[:runtime.Stack(buf, true)])
		}
		h.drain()
		h.c.client.Close() // the cancelled stream's connection turns idle a moment later
		time.Sleep(50 * time.Millisecond)
	}
}

// Hostile or broken answers in a refresh: a clear sentence, the old data
// stays, and nothing reaches the cache — no partial snapshot.
func TestFault_MalformedDataClearErrorNoPartialWrite(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	shown := h.c.data
	before, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		fault faults.Fault
		want  error
	}{
		// Contributions come last: every other part was already fetched.
		{"malformed contributions", faults.Fault{Method: "GET", PathPrefix: "/v1/me/contributions", Malformed: true}, service.ErrBadResponse},
		{"malformed balance", faults.Fault{Method: "GET", PathPrefix: "/v1/me/balance", Malformed: true}, service.ErrBadResponse},
		{"oversized claims", faults.Fault{Method: "GET", PathPrefix: "/v1/me/claims", OversizedBytes: service.MaxResponseBytes + 1<<20}, service.ErrResponseTooLarge},
		{"gzip bomb card", faults.Fault{Method: "GET", PathPrefix: "/v1/me/card", GzipBombBytes: service.MaxResponseBytes + 1<<20}, service.ErrResponseTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.refreshWithFault(tc.fault)
			if h.c.data != shown {
				t.Fatal("the data on screen was replaced")
			}
			if n := h.notice(); !strings.Contains(n, describeError(tc.want)) {
				t.Errorf("notice %q, want it to contain %q", n, describeError(tc.want))
			}
			if after, err := h.cachedSnapshot("budi@contoh.id"); err != nil || !sameSnapshot(before, after) {
				t.Fatalf("the cached snapshot changed (err %v)", err)
			}
		})
	}
	t.Run("first load", func(t *testing.T) {
		h := newHarness(t, withSandboxOptions(faults.With(
			faults.Fault{Method: "GET", PathPrefix: "/v1/me/balance", Malformed: true})))
		h.login("budi@contoh.id", sandbox.DemoPassword, false)
		h.waitFor("the loading error", func() bool {
			return h.c.current == screenLoading && h.c.refresh == nil && h.c.loadingPage().back.Visible()
		})
		if got := h.c.loadingPage().message.Text; got != describeError(service.ErrBadResponse) {
			t.Errorf("loading page says %q", got)
		}
		if h.c.data != nil {
			t.Error("partial data kept in memory")
		}
		if _, err := h.cachedSnapshot("budi@contoh.id"); !errors.Is(err, cache.ErrNotFound) {
			t.Errorf("cache after a failed first load: %v, want ErrNotFound", err)
		}
	})
}

// vanishingKeys is the OS keyring until vanish is called; from then on every
// call fails as a keyring that went away (daemon gone, collection locked)
// fails. The real keyring is not locked here: that would break every other
// test sharing the session's D-Bus keyring; keystore's own tests lock a
// private one (TestStore_LockedCollectionIsReportedWithoutPrompt).
type vanishingKeys struct {
	inner cache.KeyStore
	gone  atomic.Bool
	calls atomic.Int64
}

func (k *vanishingKeys) vanish() { k.gone.Store(true) }

func (k *vanishingKeys) err() error {
	k.calls.Add(1)
	return fmt.Errorf("%w: test: the keyring went away", keystore.ErrUnavailable)
}

func (k *vanishingKeys) Get(ctx context.Context, account, purpose string) (string, error) {
	if k.gone.Load() {
		return "", k.err()
	}
	return k.inner.Get(ctx, account, purpose)
}

func (k *vanishingKeys) Set(ctx context.Context, account, purpose, secret string) error {
	if k.gone.Load() {
		return k.err()
	}
	return k.inner.Set(ctx, account, purpose, secret)
}

func (k *vanishingKeys) Delete(ctx context.Context, account, purpose string) error {
	if k.gone.Load() {
		return k.err()
	}
	return k.inner.Delete(ctx, account, purpose)
}

// The keyring disappears mid-session: the session and its data go on, the
// snapshot sealed before is not lost, the next start says offline viewing
// is off instead of writing anything unprotected, and nothing on disk is
// plaintext.
func TestFault_KeyringVanishesMidSession(t *testing.T) {
	h := newHarness(t)
	keys := &vanishingKeys{inner: h.keys}
	var log syncBuffer
	h.replaceController(keys, &log)
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	before, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil {
		t.Fatal(err)
	}

	keys.vanish()
	h.c.startRefresh()
	h.waitDashboard()
	if n := h.notice(); n != "" && !strings.Contains(n, describeError(cache.ErrNoKeyring)) {
		t.Errorf("refresh without a keyring: notice %q", n)
	}
	if !screenContains(h.c, "Budi Santoso") {
		t.Fatal("the member's data left the screen when the keyring went away")
	}

	// The app starts again while the keyring is still gone.
	h.replaceController(keys, &log)
	h.waitVerified()
	if h.c.current != screenLogin || h.c.data != nil {
		t.Fatal("a start without a keyring showed cached data")
	}
	if len(h.c.login.offline.Objects) != 0 {
		t.Fatal("offline accounts offered without the key to open them")
	}
	h.login("budi@contoh.id", sandbox.DemoPassword, true)
	h.waitDashboard()
	if n := h.notice(); !strings.Contains(n, describeError(cache.ErrNoKeyring)) {
		t.Fatalf("no clear message that offline viewing is off: notice %q", n)
	}
	if keys.calls.Load() == 0 {
		t.Fatal("the vanished keyring was never asked; the test proves nothing")
	}

	// The keyring comes back: the snapshot sealed before is still there.
	h.c.shutdown()
	h.drain()
	keys.gone.Store(false)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store, _, err := cache.Open(ctx, cache.Params{Dir: h.dataDir, Keys: h.keys})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	after, err := store.Load(ctx, ProfileDemo, "budi@contoh.id")
	if err != nil {
		t.Fatalf("the snapshot was lost: %v", err)
	}
	if after.Label != before.Label || after.SavedAt.Before(before.SavedAt) {
		t.Fatalf("snapshot %q saved %v, before %q saved %v", after.Label, after.SavedAt, before.Label, before.SavedAt)
	}
	if hits := scanForSecrets([]string{h.dataDir}, memberSecrets()); len(hits) != 0 {
		t.Fatalf("plaintext on disk:\n%s", strings.Join(hits, "\n"))
	}
}

// syncBuffer collects the app's log from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// memberSecrets are the demo members' secrets and personal data.
func memberSecrets() []string {
	return []string{
		sandbox.DemoPassword, sandbox.SitiTOTPSecret, dewiPassword,
		"3174051708850003", "3273015203900001", "5171044407950004", // NIKs
		"18012345678", "19023456789", "21045678901", // KPJs
		"Budi Santoso", "Siti Rahayu", "Dewi Lestari",
		"Bearer",
	}
}

// scanForSecrets reads every file under roots and reports each secret found
// in it, compared case-insensitively, as is and hex-encoded.
func scanForSecrets(roots []string, secrets []string) []string {
	var hits []string
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					hits = append(hits, fmt.Sprintf("%s: unreadable: %v", path, err))
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			b, err := os.ReadFile(path) // #nosec G304 -- the test scans its own temp dirs
			if err != nil {
				hits = append(hits, fmt.Sprintf("%s: unreadable: %v", path, err))
				return nil
			}
			hits = append(hits, secretsIn(path, b, secrets)...)
			return nil
		})
	}
	return hits
}

func secretsIn(where string, b []byte, secrets []string) []string {
	var hits []string
	lower := bytes.ToLower(b)
	for _, s := range secrets {
		if s == "" {
			continue
		}
		if bytes.Contains(lower, bytes.ToLower([]byte(s))) || bytes.Contains(lower, []byte(fmt.Sprintf("%x", s))) {
			hits = append(hits, fmt.Sprintf("%s contains %q", where, s))
		}
	}
	return hits
}

// After a full session — register, log in with 2FA and "remember me",
// refresh, export a statement, lock, log in again, log out — no password, token, TOTP secret,
// NIK, KPJ or member name is in plaintext in the data dir, the app's
// storage and preferences, HOME, the log, or anything created in the temp
// dir; only in the statements saved where the member chose. The keyring is where the refresh token and data key belong and is
// not scanned. See docs/SECURITY.md for what this does not cover.
func TestSecretScan_FullSessionLeavesNoPlaintextSecret(t *testing.T) {
	t.Run("the scanner finds a planted secret", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o700); err != nil {
			t.Fatal(err)
		}
		blob := append([]byte("SQLite format 3\x00\x01\x02"), []byte("..siti rahayu..")...)
		if err := os.WriteFile(filepath.Join(dir, "a", "b", "cache.db-wal"), blob, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "hex.txt"), fmt.Appendf(nil, "k=%x", "3174051708850003"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "clean"), []byte("nothing here"), 0o600); err != nil {
			t.Fatal(err)
		}
		hits := scanForSecrets([]string{dir}, memberSecrets())
		if len(hits) != 2 {
			t.Fatalf("planted 2 secrets, scanner reported %d: %v", len(hits), hits)
		}
		if got := secretsIn("log", []byte("msg=x token=Bearer abc"), memberSecrets()); len(got) != 1 {
			t.Fatalf("scanner missed a token in a log line: %v", got)
		}
	})

	home, tmp := t.TempDir(), t.TempDir()
	exports := t.TempDir() // where the member saves statements: they hold member data by design
	h := newHarness(t)
	keys := &vanishingKeys{inner: h.keys}
	var log syncBuffer
	h.replaceController(keys, &log)
	// Everything the app may create from here on lands in these.
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	t.Setenv("TMPDIR", tmp)

	// Dewi registers through the form, as a member would.
	h.waitVerified()
	h.c.show(screenRegister)
	rv := h.c.registerView()
	dewiForm().fill(rv)
	if rv.submitButton.Disabled() {
		t.Fatal("Daftar is disabled for Dewi's valid form")
	}
	test.Tap(rv.submitButton)
	h.waitFor("the login view after registration", func() bool { return h.c.current == screenLogin })
	if rv.password.Text != "" || rv.confirm.Text != "" || rv.nik.Text != "" {
		t.Error("the registration form still holds the password or the NIK")
	}

	// Siti logs in with her password and TOTP code, remembered.
	h.login("siti@contoh.id", sandbox.DemoPassword, true)
	h.waitFor("the 2FA step", func() bool { return h.c.current == screenMFA })
	if h.c.login.password.Text != "" {
		t.Error("the password entry still holds the password at the 2FA step")
	}
	code, err := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	test.Type(h.c.mfaView().code, code)
	test.Tap(h.c.mfaView().submit)
	h.waitDashboard()
	h.c.startRefresh()
	h.waitDashboard()
	ctx := context.Background()
	refreshToken, err := h.keys.Get(ctx, "siti@contoh.id", service.TokenPurpose)
	if err != nil || len(refreshToken) < 32 {
		t.Fatalf("no remembered refresh token in the keyring to look for (%v)", err)
	}
	dataKey, err := h.keys.Get(ctx, cache.KeyAccount, cache.KeyPurpose)
	if err != nil {
		t.Fatalf("no data key in the keyring to look for: %v", err)
	}

	// Siti exports her statement, as PDF and as CSV, to the folder she chose.
	st := newStatementDialog(h.c.dashView(), *h.c.data)
	for _, format := range []string{formatPDF, formatCSV} {
		st.format.SetSelected(format)
		if !st.check() {
			t.Fatalf("the statement dialog refuses its default period (%s)", format)
		}
		f, err := os.Create(filepath.Join(exports, st.fileName()))
		if err != nil {
			t.Fatal(err)
		}
		if err := writeStatement(f, st.input(), format); err != nil {
			t.Fatalf("export %s: %v", format, err)
		}
	}
	if hits := scanForSecrets([]string{exports}, []string{"Siti Rahayu", "19023456789"}); len(hits) == 0 {
		t.Fatal("the exported statements hold neither the member's name nor her KPJ: the export proves nothing")
	}

	// Lock drops the session and the decrypted data; log in again, log out.
	h.c.lock()
	if h.c.data != nil || h.c.dashView().name.Text != "" {
		t.Error("decrypted data kept after the lock")
	}
	h.waitVerified()
	h.login("siti@contoh.id", sandbox.DemoPassword, true)
	h.waitFor("the 2FA step", func() bool { return h.c.current == screenMFA })
	next, _ := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now().Add(30*time.Second))
	test.Type(h.c.mfaView().code, next)
	test.Tap(h.c.mfaView().submit)
	h.waitDashboard()
	old := h.c.client
	h.c.logout()
	h.waitFor("the logout", func() bool {
		return h.c.current == screenLogin && strings.Contains(h.c.login.message.Text, "keluar")
	})
	if _, ok := old.Session(); ok {
		t.Error("the logged-out client still holds a session")
	}
	if h.c.data != nil || h.c.dashView().name.Text != "" {
		t.Error("decrypted data kept after logout")
	}
	h.c.shutdown()
	h.drain()

	secrets := append(memberSecrets(), refreshToken, dataKey, "dewi@contoh.id", "siti@contoh.id")
	roots := []string{h.dataDir, home, tmp}
	if root := h.app.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		roots = append(roots, root.Path())
	}
	hits := scanForSecrets(roots, secrets)
	if out := log.String(); !strings.Contains(out, "logged in") {
		t.Fatalf("the captured log is too quiet to prove anything:\n%s", out)
	} else {
		hits = append(hits, secretsIn("the log", []byte(out), secrets)...)
	}
	prefs := h.app.Preferences()
	for _, key := range []string{KeyLanguage, KeyTheme, KeyServerProfile, KeyCustomURL, KeyCustomPins, KeyCustomDomains} {
		hits = append(hits, secretsIn("preference "+key, []byte(prefs.String(key)), secrets)...)
	}
	if len(hits) != 0 {
		t.Fatalf("plaintext secrets after a full session:\n%s", strings.Join(hits, "\n"))
	}
	var files int
	_ = filepath.WalkDir(h.dataDir, func(_ string, d fs.DirEntry, _ error) error {
		if d != nil && d.Type().IsRegular() {
			files++
		}
		return nil
	})
	if files == 0 {
		t.Fatal("the data dir is empty: the scan proves nothing")
	}
	t.Logf("scanned %d roots (%d files in the data dir) and %d bytes of log", len(roots), files, len(log.String()))
}
