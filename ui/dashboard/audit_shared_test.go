package dashboard

import (
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// countAudits counts the audits run from here on.
func countAudits(t *testing.T) *atomic.Int32 {
	runs := new(atomic.Int32)
	runAudit = func(in audit.Input) audit.Report { runs.Add(1); return audit.Run(in) }
	t.Cleanup(func() { runAudit = audit.Run })
	return runs
}

// The audit runs once per data change, off the UI goroutine: nothing shows
// it until the UI loop applies its report, which the Ringkasan's notice and
// Periksa iuran share; the same data again (a language switch) reuses it.
func TestAudit_OncePerDataOffTheUIGoroutineShared(t *testing.T) {
	runs := countAudits(t)
	d, _ := newTestDashboard(t)
	rudi := dashDemoMember(t, "rudi@contoh.id")
	d.SetData(rudi)
	d.tabs.Select(d.item("audit.tab")) // both the notice and the tab are filled
	if d.auditReport() != nil || d.summary.audit.box.Visible() || d.audit.headline.Text != "" {
		t.Fatal("the audit was applied before the UI loop ran its result")
	}
	awaitAudit(t, d)
	if runs.Load() != 1 {
		t.Fatalf("audit ran %d times for one SetData, want once", runs.Load())
	}
	if !d.summary.audit.box.Visible() || !strings.HasPrefix(d.audit.headline.Text, "Kami menemukan 3 hal") {
		t.Fatalf("the report is not on both: notice %v, headline %q", d.summary.audit.box.Visible(), d.audit.headline.Text)
	}
	d.SetData(rudi) // the same data, e.g. after a language switch
	if runs.Load() != 1 || d.auditReport() == nil || !d.summary.audit.box.Visible() {
		t.Fatalf("the same data audited again (%d runs) or its report dropped", runs.Load())
	}
	d.ShowActionKit()
	if d.kit == nil || len(d.kit.report.Findings()) != 3 {
		t.Fatal("the action kit does not read the shared report")
	}
}

// A report of data no longer on screen is dropped: newer data's report
// wins, and after Clear (lock, logout) nothing lands.
func TestAudit_StaleReportsAreDropped(t *testing.T) {
	runs := countAudits(t)
	d, _ := newTestDashboard(t)
	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	d.SetData(dashDemoMember(t, "budi@contoh.id")) // before Rudi's report came
	awaitAudit(t, d)
	dashQueues[d].WaitFor("both audits", func() bool { return runs.Load() == 2 })
	dashQueues[d].Drain()
	if d.summary.audit.box.Visible() || len(d.auditReport().Findings()) != 0 {
		t.Fatalf("Rudi's findings shown over Budi's data: %q", d.summary.audit.text.Text)
	}

	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	d.Clear()
	dashQueues[d].WaitFor("the audit", func() bool { return runs.Load() == 3 })
	dashQueues[d].Drain()
	if d.auditReport() != nil || d.summary.audit.box.Visible() || d.audit.headline.Text != "" {
		t.Fatal("an audit finished after Clear was applied")
	}
}
