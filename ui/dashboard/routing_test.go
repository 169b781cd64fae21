package dashboard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// A new session (Clear: logout, lock, account switch) opens on Ringkasan
// with Periksa iuran back on its findings, not where the last member left
// it (Budi on Periksa iuran › Upah saya; Siti then opened there).
func TestRouting_ClearOpensOnRingkasanWithSubTabsReset(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "budi@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	d.audit.ShowWage()
	if d.SelectedTab() != "audit.tab" || d.audit.Showing() != "wage" {
		t.Fatalf("set-up: on %s › %s", d.SelectedTab(), d.audit.Showing())
	}
	d.Clear()
	if d.SelectedTab() != "dashboard.tab.summary" {
		t.Fatalf("after Clear the dashboard is on %s, want Ringkasan", d.SelectedTab())
	}
	setAudited(t, d, dashDemoMember(t, "siti@contoh.id"))
	if d.SelectedTab() != "dashboard.tab.summary" {
		t.Fatalf("the next account opens on %s", d.SelectedTab())
	}
	d.tabs.Select(d.item("audit.tab"))
	if d.audit.Showing() != "check" {
		t.Fatalf("Periksa iuran reopened on %q, want the findings", d.audit.Showing())
	}
}

// The notice's "Lihat" opens the findings it counts, even when Periksa
// iuran was left on Upah saya (Rudi's notice opened a payslip form).
func TestRouting_NoticeOpensTheFindingsNotUpahSaya(t *testing.T) {
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	d.audit.ShowWage()
	d.tabs.Select(d.item("dashboard.tab.summary"))
	test.Tap(uitest.Button(t, d.summary.audit.Content(), lang.L("audit.notice.open")))
	if d.SelectedTab() != "audit.tab" || d.audit.Showing() != "check" {
		t.Fatalf("Lihat opened %s › %s, want Periksa iuran › the findings", d.SelectedTab(), d.audit.Showing())
	}
}

// Kunci's icon is the padlock, not the crossed eye that hides the KPJ.
func TestMenu_KunciIsThePadlock(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetData(dashDemoMember(t, "budi@contoh.id"))
	for _, it := range d.menu.Items {
		if it.Label == lang.L("dashboard.lock") {
			if it.Icon.Name() == theme.VisibilityOffIcon().Name() || !strings.Contains(it.Icon.Name(), "lock") {
				t.Errorf("Kunci's icon is %q", it.Icon.Name())
			}
			return
		}
	}
	t.Fatal("no Kunci in the menu")
}
