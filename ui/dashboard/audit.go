package dashboard

import (
	"context"
	"reflect"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/audittab"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
)

// The audit (package audit) of the data on screen is computed once per
// data change, off the UI goroutine, and shared: the Ringkasan's notice
// and Periksa iuran both show this one report. Until it is in they show
// no findings (the notice is hidden, the tab's check is empty); a report
// of data no longer on screen is dropped.

// auditTimeout bounds one audit (it takes milliseconds).
const auditTimeout = time.Minute

// runAudit is audit.Run; tests count its calls.
var runAudit = audit.Run

// sharedAudit is the audit of the data on screen.
type sharedAudit struct {
	input  audit.Input // what report audits; no Contributions: nothing to audit
	report audit.Report
	ready  bool // report is in
	seq    int  // bumps with every audit started, and with Clear
}

// SetRunner sets how the dashboard computes off the UI goroutine: the
// runner's Do applies results (nil: fyne.Do) and its Epoch, if set, drops
// a result whose session ended. The shell passes its session runner;
// tests a queue they drain.
func (d *Dashboard) SetRunner(r async.Runner) { d.runner = r }

// startAudit audits data off the UI goroutine, unless the report on screen
// already audits the same input (SetData again after a language switch).
// A summary without its history (SetSummary) has nothing to audit.
func (d *Dashboard) startAudit(data memberdata.Data) {
	if data.Contributions == nil {
		d.audited = sharedAudit{ready: true, seq: d.audited.seq + 1}
		return
	}
	in := audittab.Input(data)
	if d.audited.input.Contributions != nil && reflect.DeepEqual(d.audited.input, in) {
		return // the same data: its report (in, or on its way) stands
	}
	d.audited = sharedAudit{input: in, seq: d.audited.seq + 1}
	seq := d.audited.seq
	async.Run(d.runner, auditTimeout, func(context.Context) (audit.Report, error) {
		return runAudit(in), nil
	}, func(r audit.Report, _ error) {
		if d.audited.seq != seq {
			return // newer data, or Clear
		}
		d.audited.report, d.audited.ready = r, true
		d.showAudit()
	})
}

// auditReport is the shared report, nil while it is on its way.
func (d *Dashboard) auditReport() *audit.Report {
	if !d.audited.ready {
		return nil
	}
	return &d.audited.report
}

// problems is what is wrong for the data on screen (the report's findings,
// the payslip gap, the late claims), nil while the report is on its way:
// Ringkasan's notice, the status badge, Temuan and the kit all count these.
func (d *Dashboard) problems() *audittab.Problems {
	r := d.auditReport()
	if r == nil {
		return nil
	}
	p := audittab.NewProblems(*r, d.data, part.Clock())
	return &p
}

// showAudit hands the report that just came in to the tabs that show it
// and are filled already; the others take it as they are filled.
func (d *Dashboard) showAudit() {
	d.applyStatus()
	for _, t := range d.tabList {
		if _, waiting := d.unfilled[t.item]; !waiting && t.setAudit != nil {
			t.setAudit(d.auditReport())
		}
	}
}

// clearAudit forgets the report and drops one on its way (Clear).
func (d *Dashboard) clearAudit() {
	d.audited = sharedAudit{seq: d.audited.seq + 1}
}

// ShowActionKit opens Periksa iuran's action kit over the audit of the
// data on screen, once the report is in (the kit's button shows with it).
func (d *Dashboard) ShowActionKit() {
	if !d.hasData || d.HistoryPending() || d.auditReport() == nil {
		return
	}
	d.fillNow(d.item("audit.tab")) // the kit reads the tab's payslip gap (built when first shown)
	d.audit.ShowKit()
}

// keepPayslip takes the payslip wages the member changed in Upah saya
// into the data on screen and hands them to the shell (OnPayslip); false
// if nobody keeps them.
func (d *Dashboard) keepPayslip(wages []member.PayslipWage) bool {
	d.data.Payslip = wages
	d.showAudit() // the gap counts on Ringkasan too
	if d.OnPayslip == nil {
		return false
	}
	d.OnPayslip(wages)
	return true
}

// SetPayslipSaved tells the member what became of the payslip wages they
// changed (OnPayslip): saved in the encrypted cache, kept only for the
// session (the offline cache is off), or not saved (err).
func (d *Dashboard) SetPayslipSaved(saved bool, err error) { d.audit.SetPayslipSaved(saved, err) }

// PayslipStatus is what Upah saya says of the member's last change ("" when
// it says nothing).
func (d *Dashboard) PayslipStatus() string { return d.audit.PayslipStatus() }
