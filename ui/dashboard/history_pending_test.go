package dashboard

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// SetSummary shows the new summary and puts every history tab on hold,
// with its progress, whichever tab is on screen; SetData brings them back
// with the new data; a tab chosen before its fill came shows the new data
// at once, never the previous.
func TestDashboard_SummaryHoldsTheHistoryTabs(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, w := newTestDashboard(t)
	var held []func() // the tabs not on screen wait for a later turn
	d.SetLater(func(fs []func()) { held = append(held, fs...) })
	d.SetData(data)
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	for _, f := range held {
		f()
	}
	held = nil
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	if len(d.contributions.years) == 0 {
		t.Fatal("no years after SetData")
	}

	summary := data
	summary.Balance.Total += 7
	summary.Contributions = nil
	d.SetSummary(summary)
	if !d.HistoryPending() {
		t.Fatal("not pending after SetSummary")
	}
	screen := strings.Join(dashTexts(t, w.Content()), " | ")
	if !strings.Contains(screen, lang.L("dashboard.history.loading")) || !strings.Contains(screen, lang.L("dashboard.history.waiting")) {
		t.Fatalf("the Iuran tab does not wait: %s", screen)
	}
	d.SetHistoryProgress(5, 16)
	screen = strings.Join(dashTexts(t, w.Content()), " | ")
	if want := lang.L("dashboard.history.progress", map[string]any{"Years": 5, "Total": 16}); !strings.Contains(screen, want) {
		t.Fatalf("no progress %q: %s", want, screen)
	}
	if d.pending.bar.Value != 5 || d.pending.bar.Max != 16 {
		t.Fatalf("bar %v of %v", d.pending.bar.Value, d.pending.bar.Max)
	}
	d.tabs.Select(d.item("simulation.tab"))
	if !slices.Contains(dashTexts(t, w.Content()), lang.L("dashboard.history.loading")) {
		t.Fatal("the Simulasi tab does not wait")
	}
	for _, item := range []*container.TabItem{d.item("rights.tab"), d.item("audit.tab")} {
		d.tabs.Select(item)
		if !slices.Contains(dashTexts(t, w.Content()), lang.L("dashboard.history.loading")) {
			t.Fatalf("the %s tab, built from the contributions, does not wait", item.Text)
		}
	}
	d.tabs.Select(d.item("dashboard.tab.summary")) // before its later fill ran: filled as it shows
	if got := d.summary.balance.Text; got != i18n.FormatRupiah(summary.Balance.Total) {
		t.Fatalf("the Ringkasan shows %q, not the new balance", got)
	}
	d.ShowStatementDialog() // no statement of half the data
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Fatal("a statement dialog opened while the history was pending")
	}

	d.SetData(data)
	if d.HistoryPending() {
		t.Fatal("still pending after SetData")
	}
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	if slices.Contains(dashTexts(t, w.Content()), lang.L("dashboard.history.loading")) || len(d.contributions.years) != 16 {
		t.Fatalf("the Iuran tab is not back: %d years", len(d.contributions.years))
	}
	d.SetSummary(summary)
	d.Clear()
	if d.HistoryPending() || d.item("dashboard.tab.contributions").Content != d.contributions.content {
		t.Fatal("Clear left the history tabs on hold")
	}
}
