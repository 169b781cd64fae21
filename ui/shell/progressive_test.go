package shell

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// slowHistory delays the contribution history's next answer by d.
func (h *harness) slowHistory(d time.Duration) {
	h.t.Helper()
	if err := faults.Arm(h.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me/contributions/history", Latency: d, Times: 1}); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { _ = faults.Arm(h.srv) })
}

func (h *harness) tab(key string) {
	h.t.Helper()
	test.Tap(uitest.Button(h.t, h.screen(), lang.L(key)))
}

// yearOptions are the years the Iuran tab offers, nil when it has no year
// picker on screen (it waits for the history).
func (h *harness) yearOptions() []string {
	s := uitest.Find(h.screen(), func(*widget.Select) bool { return true })
	if s == nil {
		return nil
	}
	return s.Options
}

// The member's own balance, asked of the sandbox with a client of the test's own.
func (h *harness) serverBalance(identifier string) member.Rupiah {
	h.t.Helper()
	c, err := service.New(h.demo.Profile)
	if err != nil {
		h.t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if _, err := c.Login(ctx, identifier, sandbox.DemoPassword, false); err != nil {
		h.t.Fatal(err)
	}
	b, err := c.Balance(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	return b.Total
}

// After Masuk the dashboard shows as soon as the summary is in: the
// Ringkasan with the balance, and the Iuran tab with the history's
// progress (no year, no table) until the history arrives, then its years.
func TestProgressive_SummaryFirstThenHistory(t *testing.T) {
	h := newHarness(t)
	balance := i18n.FormatRupiah(h.serverBalance("budi@contoh.id"))
	h.slowHistory(3 * time.Second) // long enough for the checks under load and -race
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitFor("the summary on the dashboard", func() bool {
		return h.c.current == screenDashboard && h.c.dash.HistoryPending()
	})
	if !h.contains(balance) {
		t.Fatalf("the Ringkasan does not show the balance %s", balance)
	}
	if h.c.app.Data() != nil {
		t.Fatal("the application layer holds data before the refresh is whole")
	}
	h.tab("dashboard.tab.contributions")
	if !h.contains(lang.L("dashboard.history.loading")) || h.yearOptions() != nil {
		t.Fatal("the Iuran tab does not wait for the history")
	}
	h.tab("simulation.tab")
	if !h.contains(lang.L("dashboard.history.loading")) {
		t.Fatal("the Simulasi tab, built from the wages, does not wait for the history")
	}
	h.tab("dashboard.tab.contributions")
	h.waitDashboard()
	if h.c.dash.HistoryPending() || h.contains(lang.L("dashboard.history.loading")) {
		t.Fatal("still waiting after the refresh")
	}
	if got := h.yearOptions(); len(got) != 16 || got[0] != "2026" {
		t.Fatalf("years offered: %v", got)
	}
}

// Older data on screen, then a refresh whose summary differs: while its
// history is on its way, no tab shows the older data (the history tabs
// wait); when it is in, only the new data is shown. A refresh cancelled
// at that point brings the older data back whole.
func TestProgressive_OldDataNeverBesideNew(t *testing.T) {
	h := newHarness(t)
	h.login("budi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	fresh := *h.c.app.Data()

	old := staleCopy(fresh)
	show := func() {
		if !h.c.app.UseCached(h.c.app.Epoch(), old) {
			t.Fatal("the older data was not taken")
		}
		h.c.dash.SetData(old)
		h.drain() // the tabs not on screen are filled on later turns
	}
	show()
	h.tab("dashboard.tab.contributions")
	if got := h.yearOptions(); !slices.Contains(got, "2009") {
		t.Fatalf("the older data's year 2009 is not offered: %v\n%s", got, h.q.Screen())
	}

	for _, cancel := range []bool{false, true} {
		// Cancelled, the history must still be on its way when Cancel comes.
		latency := 3 * time.Second
		if cancel {
			latency = time.Minute
		}
		h.slowHistory(latency)
		h.c.startRefresh()
		h.waitFor("the new summary", func() bool { return h.c.dash.HistoryPending() })
		if h.yearOptions() != nil || !h.contains(lang.L("dashboard.history.loading")) {
			t.Fatal("the Iuran tab shows years beside the new summary")
		}
		h.tab("dashboard.tab.summary")
		if !h.contains(i18n.FormatRupiah(fresh.Balance.Total)) || h.contains(i18n.FormatRupiah(old.Balance.Total)) {
			t.Fatalf("the Ringkasan does not show the new balance %s alone:\n%s", i18n.FormatRupiah(fresh.Balance.Total), h.q.Screen())
		}
		h.tab("dashboard.tab.contributions")
		if cancel {
			h.c.app.CancelRefresh()
			h.waitFor("the cancelled refresh", func() bool { return !h.c.refreshing })
			if h.c.dash.HistoryPending() || !slices.Contains(h.yearOptions(), "2009") {
				t.Fatal("the older data did not come back whole after the cancel")
			}
			h.tab("dashboard.tab.summary")
			if !h.contains(i18n.FormatRupiah(old.Balance.Total)) {
				t.Fatal("the Ringkasan kept the cancelled refresh's balance beside the older history")
			}
			continue
		}
		h.waitDashboard()
		if got := h.yearOptions(); slices.Contains(got, "2009") || len(got) != 16 {
			t.Fatalf("after the refresh the years are %v", got)
		}
		show()
	}
}

// staleCopy is data as an older refresh could have left it: another
// balance and a year the server no longer lists.
func staleCopy(d memberdata.Data) memberdata.Data {
	old := d
	old.Balance.Total += 1_000_000
	old.Contributions = maps.Clone(d.Contributions)
	year := d.Contributions[2011]
	year.Year = 2009
	old.Contributions[2009] = year
	return old
}
