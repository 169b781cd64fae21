package shell

// Security tests through the shell (docs/SECURITY.md): the real shell and
// application layer, the real sandbox over TLS with its fault injection and
// a real cache file, as in harness_test.go. The tests about the keyring
// itself are in security_testenv_test.go.

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// cachedSnapshot reads an account's snapshot through the app's cache.
func (h *harness) cachedSnapshot(account string) (cache.Snapshot, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store := h.c.app.Cache(ctx)
	if store == nil {
		return cache.Snapshot{}, errors.New("no cache")
	}
	key, _, err := store.FindByPassword(ctx, h.c.app.ProfileName(), account, sandbox.DemoPassword)
	if err != nil {
		return cache.Snapshot{}, err
	}
	return store.Load(ctx, h.c.app.ProfileName(), account, key)
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
	h.waitFor("the refresh to end", func() bool { return !h.c.refreshing })
	_ = faults.Arm(h.srv)
}

func (h *harness) notice() string { return h.c.dashView().Notice() }

// The server dies while a refresh waits for it: the screen keeps the data
// it had and says the refresh failed and how old the data is; the cached
// snapshot is exactly what it was.
func TestFault_ServerDiesMidRefresh_CacheUntouchedAndSaid(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	shown := h.c.app.Data()
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
		return h.srv.Stats().ByRoute["GET /v1/me/contributions/history"] > 0
	})
	// The server dies: its connections drop and nothing listens any more.
	h.ts.CloseClientConnections()
	h.ts.Close()
	h.waitFor("the failed refresh", func() bool { return !h.c.refreshing })

	if !sameData(h.c.app.Data(), shown) || h.c.current != screenDashboard {
		t.Fatal("the data on screen was replaced or the dashboard left after a failed refresh")
	}
	if !h.contains(i18n.FormatRupiah(shown.Balance.Total)) {
		t.Fatal("the balance left the screen")
	}
	notice := h.notice()
	if !strings.Contains(notice, i18n.Describe(service.ErrOffline)) || !strings.Contains(notice, i18n.FormatDateTime(shown.FetchedAt)) {
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
			"cekbpjstk/internal/memberdata.Fetch", "cekbpjstk/internal/app.(*App).Refresh",
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
	shown := h.c.app.Data()
	before, err := h.cachedSnapshot("budi@contoh.id")
	if err != nil {
		t.Fatal(err)
	}
	h.drain()
	h.c.app.CloseIdleConnections() // idle connections are not a leak
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
	h.waitFor("the slow request", func() bool { return h.srv.Stats().ByRoute["GET /v1/me/contributions/history"] > 0 })
	cancelButton, refreshButton := h.iconButton(theme.CancelIcon()), h.iconButton(theme.ViewRefreshIcon())
	if cancelButton == nil || refreshButton == nil || !refreshButton.Disabled() {
		t.Fatal("no Cancel while refreshing")
	}
	start := time.Now()
	test.Tap(cancelButton)
	h.waitFor("the cancelled refresh", func() bool { return !h.c.refreshing })
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Cancel took %v", took)
	}
	if !sameData(h.c.app.Data(), shown) {
		t.Fatal("Cancel replaced the data on screen")
	}
	if n := h.notice(); !strings.Contains(n, i18n.Describe(context.Canceled)) {
		t.Errorf("notice %q does not say the refresh was cancelled", n)
	}
	if h.iconButton(theme.CancelIcon()) != nil || refreshButton.Disabled() {
		t.Error("Cancel still shown, or Refresh still disabled, after the cancel")
	}
	if after, err := h.cachedSnapshot("budi@contoh.id"); err != nil || !sameSnapshot(before, after) {
		t.Fatalf("the cached snapshot changed after a cancelled refresh (err %v)", err)
	}

	h.c.app.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for len(projectGoroutines()) > 0 || runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 8<<20)
			t.Fatalf("%d goroutines now, %d before the refresh; refresh goroutines still running:\n%s\n\nall:\n%s",
				runtime.NumGoroutine(), baseline, strings.Join(projectGoroutines(), "\n\n"), buf[:runtime.Stack(buf, true)])
		}
		h.drain()
		h.c.app.CloseIdleConnections() // the cancelled stream's connection turns idle a moment later
		time.Sleep(50 * time.Millisecond)
	}
}

// Hostile or broken answers in a refresh: a clear sentence, the old data
// stays, and nothing reaches the cache — no partial snapshot.
func TestFault_MalformedDataClearErrorNoPartialWrite(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	shown := h.c.app.Data()
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
			if !sameData(h.c.app.Data(), shown) {
				t.Fatal("the data on screen was replaced")
			}
			if n := h.notice(); !strings.Contains(n, i18n.Describe(tc.want)) {
				t.Errorf("notice %q, want it to contain %q", n, i18n.Describe(tc.want))
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
			return h.c.current == screenLoading && !h.c.refreshing && h.c.loadingPage().back.Visible()
		})
		if got := h.c.loadingPage().message.Text; got != i18n.Describe(service.ErrBadResponse) {
			t.Errorf("loading page says %q", got)
		}
		if h.c.app.Data() != nil {
			t.Error("partial data kept in memory")
		}
		if _, err := h.cachedSnapshot("budi@contoh.id"); !errors.Is(err, cache.ErrNotFound) {
			t.Errorf("cache after a failed first load: %v, want ErrNotFound", err)
		}
	})
}

// sameData reports whether two member data are the same refresh's.
func sameData(a, b *memberdata.Data) bool {
	return a != nil && b != nil && a.Identifier == b.Identifier && a.FetchedAt.Equal(b.FetchedAt) &&
		a.Balance.Total == b.Balance.Total && a.Offline == b.Offline
}

// iconButton is the visible dashboard button with that icon, or nil.
func (h *harness) iconButton(icon fyne.Resource) *widget.Button {
	return uitest.Find(h.screen(), func(b *widget.Button) bool {
		return b.Icon != nil && b.Icon.Name() == icon.Name()
	})
}
