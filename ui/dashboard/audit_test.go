package dashboard

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
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
	d, w := newTestDashboard(t)
	rudi := dashDemoMember(t, "rudi@contoh.id")
	d.SetData(rudi)
	d.tabs.Select(d.item("audit.tab")) // both the notice and the tab are filled
	if shown, _ := noticeShown(t, d); d.auditReport() != nil || shown || auditHeadline(t, d) != "" {
		t.Fatal("the audit was applied before the UI loop ran its result")
	}
	awaitAudit(t, d)
	if runs.Load() != 1 {
		t.Fatalf("audit ran %d times for one SetData, want once", runs.Load())
	}
	if shown, _ := noticeShown(t, d); !shown || !strings.HasPrefix(auditHeadline(t, d), "Kami menemukan 3 hal") {
		t.Fatalf("the report is not on both: notice %v, headline %q", shown, auditHeadline(t, d))
	}
	d.SetData(rudi) // the same data, e.g. after a language switch
	if shown, _ := noticeShown(t, d); runs.Load() != 1 || d.auditReport() == nil || !shown {
		t.Fatalf("the same data audited again (%d runs) or its report dropped", runs.Load())
	}
	d.ShowActionKit()
	kit := w.Canvas().Overlays().Top()
	if kit == nil {
		t.Fatal("no action kit")
	}
	for _, f := range d.auditReport().Findings() {
		if f.Employer == "" || !slices.ContainsFunc(dashTexts(t, kit), func(s string) bool { return strings.HasSuffix(s, " — "+f.Employer) }) {
			t.Fatalf("the action kit does not list the shared report's findings: %q", dashTexts(t, kit))
		}
	}
	if n := strings.Count(strings.Join(dashTexts(t, kit), "\n"), "• "); n != 3 {
		t.Fatalf("the kit lists %d findings, the report 3", n)
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
	if shown, text := noticeShown(t, d); shown || len(d.auditReport().Findings()) != 0 {
		t.Fatalf("Rudi's findings shown over Budi's data: %q", text)
	}

	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	d.Clear()
	dashQueues[d].WaitFor("the audit", func() bool { return runs.Load() == 3 })
	dashQueues[d].Drain()
	if shown, _ := noticeShown(t, d); d.auditReport() != nil || shown || auditHeadline(t, d) != "" {
		t.Fatal("an audit finished after Clear was applied")
	}
}

// Rudi's findings: the Ringkasan says so and leads to Periksa iuran (the
// tab's own texts: package audittab's tests).
func TestAuditNotice_RudisFindingsLeadToTheTab(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	if shown, text := noticeShown(t, d); !shown || !strings.Contains(text, "menemukan 3 hal") {
		t.Fatalf("summary notice %q (visible %v)", text, shown)
	}
	test.Tap(uitest.Button(t, d.summary.audit.Content(), lang.L("audit.notice.open")))
	if d.tabs.Selected() != d.item("audit.tab") {
		t.Fatal("the notice's button does not open Periksa iuran")
	}
	if want := "Kami menemukan 3 hal yang perlu Anda periksa pada iuran Anda."; auditHeadline(t, d) != want {
		t.Errorf("headline %q", auditHeadline(t, d))
	}
}

// Budi's employers paid every month on time: the Ringkasan says nothing.
func TestAuditNotice_BudiHasNoFindings(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "budi@contoh.id"))
	if shown, text := noticeShown(t, d); shown {
		t.Errorf("summary notice shown: %q", text)
	}
}

func TestAuditTab_TitledInEnglish(t *testing.T) {
	d, _ := newTestDashboard(t)
	uitest.SetLanguage(t, "en")
	setAudited(t, d, dashDemoMember(t, "wulan@contoh.id"))
	if d.item("audit.tab").Text != "Check contributions" {
		t.Errorf("tab %q", d.item("audit.tab").Text)
	}
}

// While the history is on its way (SetSummary) the audit says nothing.
func TestAuditNotice_HiddenWhileTheHistoryLoads(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetSummary(dashDemoMember(t, "rudi@contoh.id"))
	if shown, _ := noticeShown(t, d); shown {
		t.Error("notice shown without the history")
	}
	d.Clear()
	if shown, _ := noticeShown(t, d); shown || auditHeadline(t, d) != "" {
		t.Error("Clear left the audit")
	}
}

// Upah saya's wages join the data on screen and go to the shell; with
// nobody to keep them, the tab says they are not saved.
func TestDashboard_PayslipWagesGoToTheShell(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	wages := []member.PayslipWage{{From: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 6_500_000}}
	if d.keepPayslip(wages) || len(d.data.Payslip) != 1 {
		t.Fatalf("without OnPayslip: kept %v", d.data.Payslip)
	}
	var got [][]member.PayslipWage
	d.OnPayslip = func(w []member.PayslipWage) { got = append(got, w) }
	if !d.keepPayslip(nil) || len(got) != 1 || len(got[0]) != 0 || len(d.data.Payslip) != 0 {
		t.Fatalf("OnPayslip got %+v, data %+v", got, d.data.Payslip)
	}
	d.SetPayslipSaved(true, nil)
	if d.PayslipStatus() != "Disimpan terenkripsi di komputer ini." {
		t.Errorf("status %q", d.PayslipStatus())
	}
}
