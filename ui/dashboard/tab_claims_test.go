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

// BPJS Ketenagakerjaan writes a claim's description and its notes in
// Indonesian. In Indonesian they show as written; in English the heading
// names the program's claim first and the server's words are quoted, with a
// line that says whose words they are.
func TestClaims_ServerWordsQuotedInEnglish(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	cl := data.Claims[0]
	if cl.Type == "" || len(cl.Timeline) == 0 || cl.Timeline[0].Note == "" {
		t.Fatalf("Siti's claim has no description or note: %+v", cl)
	}
	for _, tc := range []struct {
		code, title, note, verbatim string
	}{
		{"id", cl.Type, cl.Timeline[0].Note, "ditulis oleh BPJS Ketenagakerjaan"},
		{"en", "JHT claim: “" + cl.Type + "”", "“" + cl.Timeline[0].Note + "”", "BPJS Ketenagakerjaan's own words, in Indonesian"},
	} {
		d, _ := newTestDashboard(t)
		uitest.SetLanguage(t, tc.code)
		d.SetData(data)
		d.tabs.Select(d.item("dashboard.tab.claims"))
		d.claims.list.Select(0)
		if d.claims.title.Text != tc.title {
			t.Errorf("%s: the heading is %q, want %q", tc.code, d.claims.title.Text, tc.title)
		}
		for _, want := range []string{tc.note, tc.verbatim} {
			if !uitest.Contains(d.claims.detail, want) {
				t.Errorf("%s: the detail lacks %q:\n%s", tc.code, want, strings.Join(uitest.Texts(d.claims.detail), "|"))
			}
		}
	}
}
