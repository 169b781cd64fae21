package dashboard

import (
	"context"
	"reflect"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
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

// sharedAudit is the audit of the data on screen, with the payslip checks
// beside it (audittab.Checks).
type sharedAudit struct {
	input  audit.Input // what report audits; no Contributions: nothing to audit
	slips  payslip.Input
	report audit.Report
	found  payslip.Report // rules/payslip's findings, less what report lists
	ready  bool           // report is in
	seq    int            // bumps with every audit started, and with Clear
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
	in, slips := audittab.Input(data), audittab.PayslipInput(data)
	if d.audited.input.Contributions != nil && reflect.DeepEqual(d.audited.input, in) && reflect.DeepEqual(d.audited.slips, slips) {
		return // the same data: its report (in, or on its way) stands
	}
	prev := d.audited
	d.audited = sharedAudit{input: in, slips: slips, seq: prev.seq + 1}
	if prev.input.Contributions != nil && reflect.DeepEqual(prev.input, in) {
		// Only the member's payslips changed: what is on screen stays
		// until the new checks are in (no empty Temuan in between).
		d.audited.report, d.audited.found, d.audited.ready = prev.report, prev.found, prev.ready
	}
	seq, cov := d.audited.seq, data.Coverage
	async.Run(d.runner, auditTimeout, func(context.Context) (audittab.Checks, error) {
		r := audittab.RunAudit(runAudit, in, cov)
		return audittab.Checks{Audit: r, Payslip: audittab.RunPayslip(slips, r, cov)}, nil
	}, func(c audittab.Checks, _ error) {
		if d.audited.seq != seq {
			return // newer data, or Clear
		}
		d.audited.report, d.audited.found, d.audited.ready = c.Audit, c.Payslip, true
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
	p := audittab.NewProblems(audittab.Checks{Audit: *r, Payslip: d.audited.found}, d.data, part.Clock())
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

// checks is the shared audit with the payslip checks, nil while on its
// way.
func (d *Dashboard) checks() *audittab.Checks {
	if !d.audited.ready {
		return nil
	}
	return &audittab.Checks{Audit: d.audited.report, Payslip: d.audited.found}
}

// keepPayslips takes the payslips month by month the member changed in
// Upah saya into the data on screen, checks them again (off the UI
// goroutine: Ringkasan, Temuan and the kit count what they find) and
// hands them to the shell (OnPayslips); false if nobody keeps them.
func (d *Dashboard) keepPayslips(ps []member.Payslip) bool {
	d.data.Payslips = ps
	d.startAudit(d.data)
	if d.OnPayslips == nil {
		return false
	}
	d.OnPayslips(ps)
	return true
}

// SetPayslipSaved tells the member what became of the payslip wages they
// changed (OnPayslip): saved in the encrypted cache, kept only for the
// session (the offline cache is off), or not saved (err).
func (d *Dashboard) SetPayslipSaved(saved bool, err error) { d.audit.SetPayslipSaved(saved, err) }

// PayslipStatus is what Upah saya says of the member's last change ("" when
// it says nothing).
func (d *Dashboard) PayslipStatus() string { return d.audit.PayslipStatus() }
