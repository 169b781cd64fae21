package shell

import (
	"reflect"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// Upah saya through the real shell and application layer: the wage the
// member types on the dashboard is kept with the account's data (and its
// encrypted cache), and the dashboard hears it was saved.
func TestPayslip_TypedOnTheDashboardIsKeptByTheApp(t *testing.T) {
	h := newHarness(t)
	h.login("rudi@contoh.id", sandbox.DemoPassword, false)
	h.waitDashboard()
	h.waitFor("the refresh done", func() bool { return !h.c.refreshing && !h.c.dash.HistoryPending() })
	wages := []member.PayslipWage{{From: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 6_500_000}}
	h.c.dash.OnPayslip(wages)
	h.waitFor("the payslip wage kept", func() bool {
		d := h.c.app.Data()
		return d != nil && reflect.DeepEqual(d.Payslip, wages)
	})
	h.waitFor("the dashboard told", func() bool { return h.c.dash.PayslipStatus() == "Disimpan terenkripsi di komputer ini." })
}
