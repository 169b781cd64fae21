package audit

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
)

func TestCompareWage_HandComputed(t *testing.T) {
	t.Parallel()
	// Payslip Rp8.000.000 from January 2025; reported 6.000.000 for
	// January to March (JHT worker 2% 120.000, JP worker 1% 60.000).
	contrib := byYear(
		row("A", m(2025, time.January), 6_000_000, 222_000, 120_000, 120_000, 60_000, 14_400, 18_000, day(2025, time.February, 10)),
		row("A", m(2025, time.February), 6_000_000, 222_000, 120_000, 120_000, 60_000, 14_400, 18_000, day(2025, time.March, 10)),
		row("A", m(2025, time.March), 6_000_000, 222_000, 120_000, 120_000, 60_000, 14_400, 18_000, day(2025, time.April, 10)),
		row("A", m(2024, time.December), 6_000_000, 222_000, 120_000, 120_000, 60_000, 14_400, 18_000, day(2025, time.January, 10)),
	)
	in := GapInput{Contributions: contrib, Payslip: []member.PayslipWage{{From: day(2025, time.January, 20), Wage: 8_000_000}},
		BirthDate: day(1990, time.March, 12), Today: day(2025, time.April, 20)}
	g := CompareWage(in)
	// December 2024 comes before the payslip: not compared.
	if len(g.Months) != 3 || g.MonthsUnder != 3 {
		t.Fatalf("%d months, %d under", len(g.Months), g.MonthsUnder)
	}
	// A month: gap 2.000.000; JHT 5,7% = 114.000; JP 3% of 2.000.000
	// (both wages under the 10.042.300 / 10.547.400 caps) = 60.000; the
	// payslip's 3% of 8.000.000 = 240.000 less the 180.000 that reached
	// the card = 60.000.
	want := GapMonth{Month: m(2025, time.January), Payslip: 8_000_000, Reported: 6_000_000, Gap: 2_000_000, JHT: 114_000, JP: 60_000, WorkerDeducted: 60_000}
	if g.Months[0] != want {
		t.Errorf("got  %+v\nwant %+v", g.Months[0], want)
	}
	if g.Gap != 6_000_000 || g.JHT != 342_000 || g.JP != 180_000 || g.WorkerDeducted != 180_000 {
		t.Errorf("totals %+v", g)
	}
	// Both wages are above Rp5 juta: the JKP benefit is 60% of 5.000.000
	// = 3.000.000 either way.
	if g.JKPPayslip != 3_000_000 || g.JKPReported != 3_000_000 || g.JKPLoss != 0 {
		t.Errorf("JKP %d %d %d", g.JKPPayslip, g.JKPReported, g.JKPLoss)
	}
	// At 56 with the Simulasi's defaults: the projection of 342.000 plus
	// 114.000 a month, which must be more than what was missed so far.
	res, err := projection.Project(projection.Params{Balance: 342_000, MonthlyWage: 2_000_000,
		WageGrowth: projection.DefaultWageGrowth, ReturnRate: projection.DefaultReturnRate,
		BirthDate: in.BirthDate, Today: in.Today})
	if err != nil || g.JHTAt56 != res.Balance || g.JHTAt56 <= g.JHT || !g.RetireOn.Equal(day(2046, time.March, 12)) {
		t.Errorf("JHT at 56 = %d (projection %d, %v), retire %s", g.JHTAt56, res.Balance, err, g.RetireOn)
	}
}

func TestCompareWage_JKPUnderTheCapAndNoGap(t *testing.T) {
	t.Parallel()
	contrib := byYear(
		row("A", m(2026, time.May), 3_500_000, 129_500, 70_000, 70_000, 35_000, 8_400, 10_500, day(2026, time.June, 10)),
		row("A", m(2026, time.June), 4_500_000, 166_500, 90_000, 90_000, 45_000, 10_800, 13_500, day(2026, time.July, 10)),
	)
	g := CompareWage(GapInput{Contributions: contrib, Payslip: []member.PayslipWage{
		{From: m(2026, time.May), Wage: 4_500_000},
		{From: m(2026, time.June), Wage: 4_500_000},
		{From: m(2026, time.July), Wage: 0}, // dropped
	}, Today: day(2026, time.August, 1)})
	if len(g.Months) != 2 || g.MonthsUnder != 1 || g.Gap != 1_000_000 || g.JHT != 57_000 || g.JP != 30_000 || g.WorkerDeducted != 30_000 {
		t.Errorf("%+v", g)
	}
	// The newest month has no gap: JKP 60% of 4.500.000 = 2.700.000 both.
	if g.JKPPayslip != 2_700_000 || g.JKPLoss != 0 || g.JHTAt56 != 0 {
		t.Errorf("JKP %d loss %d at56 %d", g.JKPPayslip, g.JKPLoss, g.JHTAt56)
	}
	// With the newest month under-reported: 60% of 4.500.000 = 2.700.000
	// against 60% of 3.500.000 = 2.100.000, six months of 600.000.
	g = CompareWage(GapInput{Contributions: byYear(contrib[2026].Months[0]), Payslip: []member.PayslipWage{{From: m(2026, time.May), Wage: 4_500_000}}})
	if g.JKPPayslip != 2_700_000 || g.JKPReported != 2_100_000 || g.JKPLoss != 3_600_000 {
		t.Errorf("JKP %d %d %d", g.JKPPayslip, g.JKPReported, g.JKPLoss)
	}
}

func TestNormalizePayslip(t *testing.T) {
	t.Parallel()
	got := NormalizePayslip([]member.PayslipWage{
		{From: day(2026, time.March, 20), Wage: 6_000_000},
		{From: m(2026, time.January), Wage: 5_000_000},
		{From: m(2026, time.March), Wage: 6_500_000}, // same month: the later entry wins
		{From: m(2026, time.April), Wage: -1},
		{From: m(2026, time.May), Wage: MaxPayslipWage + 1},
		{Wage: 7_000_000},
	})
	if len(got) != 2 || got[0].Wage != 5_000_000 || got[1].Wage != 6_500_000 || !got[1].From.Equal(m(2026, time.March)) {
		t.Errorf("%+v", got)
	}
}
