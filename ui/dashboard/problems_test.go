package dashboard

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// Rudi's employer has paid nothing since August: Ringkasan leads with
// that in plain words (not June's gap, the least urgent), and the header
// no longer shows a green "Aktif" over the arrears.
func TestProblems_RingkasanLeadsWithTheEmployerStoppingAndTheBadgeSaysArrears(t *testing.T) {
	d, _ := newTestDashboard(t)
	d.SetData(dashDemoMember(t, "rudi@contoh.id"))
	if text, warns := d.StatusBadge(); text != "Aktif" || warns {
		t.Fatalf("before the audit the badge is %q (warns %v)", text, warns)
	}
	awaitAudit(t, d)
	if lead := d.summary.audit.Lead(); lead != "Pemberi kerja Anda (PT Sumber Rejeki Plastindo) belum menyetor iuran sejak September 2026." {
		t.Errorf("lead %q", lead)
	}
	if text, warns := d.StatusBadge(); text != "Aktif · iuran menunggak" || !warns {
		t.Errorf("badge %q (warns %v), want the arrears in the warning colour", text, warns)
	}

	d.Clear()
	setAudited(t, d, dashDemoMember(t, "budi@contoh.id"))
	if text, warns := d.StatusBadge(); text != "Aktif" || warns {
		t.Errorf("Budi's badge %q (warns %v)", text, warns)
	}
}

// Siti's JHT claim is past its payout time: Ringkasan leads with it and
// leads to Klaim.
func TestProblems_SitisLateClaimLeadsRingkasan(t *testing.T) {
	atClock(t, sandboxToday)
	d, _ := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "siti@contoh.id"))
	shown, text := noticeShown(t, d)
	if lead := d.summary.audit.Lead(); !shown || !strings.HasPrefix(lead, "Klaim JHT Anda terlambat sejak 10 November 2026") {
		t.Fatalf("notice shown %v, lead %q (%s)", shown, lead, text)
	}
	if strings.Count(text, "KLM-2026-0048213") > 0 {
		t.Errorf("the only late claim is said twice: %q", text)
	}
	test.Tap(uitest.Button(t, d.summary.audit.Content(), lang.L("audit.notice.claims")))
	if d.SelectedTab() != "dashboard.tab.claims" {
		t.Errorf("Lihat klaim opened %s", d.SelectedTab())
	}
}

// A payslip wage typed in Upah saya is a finding like the others: Temuan,
// Ringkasan and the kit count and list it the same way (Wulan's gap was
// counted nowhere but Upah saya).
func TestProblems_PayslipGapCountedOnRingkasanTemuanAndTheKit(t *testing.T) {
	d, w := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	before := d.problems().Count()
	d.keepPayslip(nil) // nothing typed yet: no gap
	if d.problems().Count() != before {
		t.Fatalf("no payslip changed the count")
	}
	d.audit.ShowWage()
	entry := uitest.Entry(t, d.audit.Content(), lang.L("audit.wage.placeholder"))
	test.Type(entry, "6.500.000")
	test.Tap(uitest.Button(t, d.audit.Content(), lang.L("audit.wage.add")))
	p := d.problems()
	if p == nil || !p.HasGap() || p.Count() != before+1 {
		t.Fatalf("the gap is not counted: %+v", p)
	}
	want := p.Count()
	d.audit.ShowFindings()
	if head := auditHeadline(t, d); !strings.Contains(head, "menemukan 4 hal") || want != 4 {
		t.Errorf("Temuan headline %q, problems %d", head, want)
	}
	if !uitest.Contains(d.audit.Content(), "Upah dilaporkan lebih rendah dari slip gaji: 7 dari 7 bulan") ||
		!uitest.Contains(d.audit.Content(), "Januari 2022 – September 2026), 53 dibayar tepat waktu; 4 temuan.") {
		t.Errorf("Temuan does not list the gap: %q", dashTexts(t, d.audit.Content()))
	}
	d.tabs.Select(d.item("dashboard.tab.summary"))
	_, notice := noticeShown(t, d)
	if !strings.Contains(notice, "menemukan 4 hal") || !strings.Contains(notice, "Upah dilaporkan lebih rendah dari slip gaji") {
		t.Errorf("Ringkasan notice %q", notice)
	}
	d.ShowActionKit()
	kit := w.Canvas().Overlays().Top()
	lines := slices.DeleteFunc(dashTexts(t, kit), func(s string) bool { return !strings.HasPrefix(s, "• ") })
	if len(lines) != want || !strings.Contains(strings.Join(lines, "\n"), "slip gaji") {
		t.Errorf("the kit lists %d things, Temuan %d: %q", len(lines), want, lines)
	}
}

// Payslips month by month are checked off the UI goroutine with the audit
// and their findings counted once by Ringkasan, Temuan and the kit (Rudi's
// September deducted and not paid in, July's JKK deducted from him).
func TestProblems_PayslipFindingsCountedOnRingkasanTemuanAndTheKit(t *testing.T) {
	d, w := newTestDashboard(t)
	setAudited(t, d, dashDemoMember(t, "rudi@contoh.id"))
	d.tabs.Select(d.item("audit.tab"))
	before := d.problems().Count()
	var kept [][]member.Payslip
	d.OnPayslips = func(ps []member.Payslip) { kept = append(kept, ps) }
	if !d.keepPayslips(fixtures.RudiPayslips()) || len(kept) != 1 {
		t.Fatalf("payslips not handed on: %d", len(kept))
	}
	// Until the checks are in, what was shown stays.
	if p := d.problems(); p == nil || p.Count() != before {
		t.Fatalf("before the checks are in: %+v", p)
	}
	dashQueues[d].WaitFor("the payslip checks", func() bool { return len(d.problems().Payslip) == 2 })
	p := d.problems()
	if p.Count() != before+2 || p.Count() != 5 {
		t.Fatalf("counted %d, before %d", p.Count(), before)
	}
	if head := auditHeadline(t, d); !strings.Contains(head, "menemukan 5 hal") {
		t.Errorf("Temuan headline %q", head)
	}
	if !uitest.Contains(d.audit.Content(), "Dipotong tapi tidak disetor: September 2026") {
		t.Errorf("Temuan does not list the payslip finding: %q", dashTexts(t, d.audit.Content()))
	}
	d.tabs.Select(d.item("dashboard.tab.summary"))
	_, notice := noticeShown(t, d)
	if !strings.Contains(notice, "menemukan 5 hal") || !strings.Contains(notice, "Dipotong tapi tidak disetor: September 2026") {
		t.Errorf("Ringkasan notice %q", notice)
	}
	d.ShowActionKit()
	kit := w.Canvas().Overlays().Top()
	lines := slices.DeleteFunc(dashTexts(t, kit), func(s string) bool { return !strings.HasPrefix(s, "• ") })
	if len(lines) != 5 || !strings.Contains(strings.Join(lines, "\n"), "JKK/JKM dipotong dari upah: Juli 2026") {
		t.Errorf("the kit lists %d things, Temuan 5: %q", len(lines), lines)
	}
}
