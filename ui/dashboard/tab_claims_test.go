package dashboard

import (
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// atClock fixes the dashboard's today for one test.
func atClock(t *testing.T, now time.Time) { fixtures.AtClock(t, now) }

// The sandbox's reference day, a Monday.
var sandboxToday = fixtures.Today

func TestClaims_SitiClaimPastPayoutTimeIsFlagged(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)

	// Taken up on Monday 2 November: five working days end on Monday 9.
	atClock(t, time.Date(2026, time.November, 9, 15, 0, 0, 0, time.UTC))
	d.SetData(data)
	d.claims.list.Select(0)
	if d.claims.lateBox.Visible() {
		t.Fatalf("flagged on the last day of the payout time: %q", d.claims.late.Text)
	}

	atClock(t, sandboxToday)
	d.SetData(data)
	d.claims.list.UnselectAll()
	d.claims.list.Select(0)
	if !d.claims.lateBox.Visible() {
		t.Fatal("a claim 10 working days in process is not flagged")
	}
	for _, want := range []string{"melewati waktu pencairan", "2 November 2026", "paling lama 5 hari kerja, yaitu sampai 9 November 2026",
		"Sudah 10 hari kerja", "layanan 175", "KLM-2026-0048213", "pengaduan di JMO", "sumber sekunder"} {
		if !strings.Contains(d.claims.late.Text, want) {
			t.Errorf("the flag lacks %q:\n%s", want, d.claims.late.Text)
		}
	}
	d.tabs.Select(d.item("dashboard.tab.claims"))
	if !uitest.Contains(d.Content(), "Diproses · terlambat") {
		t.Errorf("the list does not mark the claim late:\n%s", strings.Join(uitest.Texts(d.Content()), "|"))
	}
	d.Clear()
	if d.claims.lateBox.Visible() || d.claims.late.Text != "" {
		t.Error("Clear left the flag")
	}
}
