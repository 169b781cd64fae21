package dashboard

import (
	"slices"
	"strings"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// Rudi's June 2026 was never paid, February and March were paid late and
// nothing came since August: Iuran shows every month of the period, June
// and September as rows marked as such (not Mei running on to Juli), the
// late months with their days late, and the chart marks June and
// September too.
func TestIuran_EveryMonthOfThePeriodMissingAndLateMarked(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	c := d.contributions
	c.yearSelect.SetSelected("2026")
	var months []string
	for i := range c.rows {
		months = append(months, c.cellText(i, colPeriod))
	}
	want := []string{"Januari 2026", "Februari 2026", "Maret 2026", "April 2026", "Mei 2026", "Juni 2026", "Juli 2026",
		"Agustus 2026", "September 2026"}
	if !slices.Equal(months, want) {
		t.Fatalf("rows %q, want %q", months, want)
	}
	for _, row := range []int{5, 8} {
		if c.rows[row].C != nil || c.cellText(row, colPaid) != "Tidak ada iuran tercatat" || c.cellImportance(row, colPeriod) == 0 {
			t.Errorf("%s is not marked missing: %q", months[row], c.cellText(row, colPaid))
		}
	}
	if got := c.cellText(1, colPaid); got != "20 Mei 2026 · terlambat 65 hari" {
		t.Errorf("February paid %q", got)
	}
	if got := c.cellText(2, colPaid); got != "20 Mei 2026 · terlambat 35 hari" {
		t.Errorf("March paid %q", got)
	}
	if got := c.cellText(0, colPaid); strings.Contains(got, "terlambat") {
		t.Errorf("January marked late: %q", got)
	}
	if !strings.Contains(c.summary.Text, "2 bulan tanpa iuran tercatat") {
		t.Errorf("summary %q", c.summary.Text)
	}
	var missing []string
	for i, m := range c.chart.Missing {
		if m {
			missing = append(missing, c.chart.Labels[i])
		}
	}
	if !slices.Equal(missing, []string{"Jun", "Sep"}) || len(c.chart.Labels) != 9 {
		t.Errorf("chart labels %q, missing %q", c.chart.Labels, missing)
	}
}

// At the default width the month and its total stay in view, however far
// the table is scrolled sideways.
func TestIuran_MonthAndTotalInViewAtTheDefaultWidth(t *testing.T) {
	d, w := newTestDashboard(t)
	w.Resize(MinWindowSize)
	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	c := d.contributions
	c.yearSelect.SetSelected("2026")
	c.table.ScrollToTrailing()
	c.table.ScrollToTop()
	texts := uitest.Texts(c.table)
	for _, want := range []string{"Periode", "Total", "Januari 2026", "JKP"} {
		if !slices.Contains(texts, want) {
			t.Errorf("scrolled to the right, %q is out of view: %q", want, texts)
		}
	}
}
