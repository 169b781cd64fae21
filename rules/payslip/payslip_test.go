package payslip

import (
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// The fixtures are invented: KPJ 11000000001 at "PT Maju Jaya" (no real
// person, card or employer).
const kpjA, kpjB = "11000000001", "11000000002"

func mo(y int, m time.Month) time.Time { return member.Month(y, m) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// row is one month on a card, shares given whole.
func row(kpj string, p time.Time, wage, jhtE, jhtW, jpE, jpW int64, paid time.Time) member.MonthContribution {
	r := member.MonthContribution{Period: p, KPJ: kpj, EmployerName: "PT Maju Jaya", ReportedWage: member.Rupiah(wage),
		JHTEmployer: member.Rupiah(jhtE), JHTWorker: member.Rupiah(jhtW), JPEmployer: member.Rupiah(jpE), JPWorker: member.Rupiah(jpW), PaidDate: paid}
	r.JHT, r.JP = r.JHTEmployer+r.JHTWorker, r.JPEmployer+r.JPWorker
	return r
}

func slip(kpj string, p time.Time, basic, jht, jp int64) member.Payslip {
	return member.Payslip{Period: p, KPJ: kpj, Employer: "PT Maju Jaya", BasicWage: member.Rupiah(basic),
		DeductJHT: member.Rupiah(jht), DeductJP: member.Rupiah(jp), Source: member.Source{File: "slip.csv", SHA256: "ab", Line: 2}}
}

func byYear(rows ...member.MonthContribution) map[int]member.Contributions {
	out := map[int]member.Contributions{}
	for _, r := range rows {
		c := out[r.Period.Year()]
		c.Year = r.Period.Year()
		c.Months = append(c.Months, r)
		out[c.Year] = c
	}
	return out
}

func oneCard(kpj string) member.Member {
	return member.Member{FullName: "Rina Contoh", Cards: []member.KPJCard{{KPJ: kpj, EmployerName: "PT Maju Jaya"}}}
}

func only(t *testing.T, r Report, k Kind) Finding {
	t.Helper()
	var got []Finding
	for _, f := range r.Findings {
		if f.Kind == k {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d findings of kind %s, want 1: %+v", len(got), k, r.Findings)
	}
	return got[0]
}

func none(t *testing.T, r Report, k Kind) {
	t.Helper()
	for _, f := range r.Findings {
		if f.Kind == k {
			t.Errorf("unexpected %s finding: %+v", k, f)
		}
	}
}

type wantMonth struct {
	month                      time.Time
	payslip, card, due, amount int64
}

func checkMonths(t *testing.T, f Finding, want []wantMonth, total int64) {
	t.Helper()
	if len(f.Months) != len(want) {
		t.Fatalf("%s: %d months, want %d: %+v", f.Kind, len(f.Months), len(want), f.Months)
	}
	for i, w := range want {
		g := f.Months[i]
		if !g.Month.Equal(w.month) || g.Payslip != w.payslip || g.Card != w.card || g.Due != w.due || g.Amount != w.amount {
			t.Errorf("%s month %d: got %s payslip %d card %d due %d amount %d, want %s %d %d %d %d", f.Kind, i,
				g.Month.Format("2006-01"), g.Payslip, g.Card, g.Due, g.Amount, w.month.Format("2006-01"), w.payslip, w.card, w.due, w.amount)
		}
	}
	if f.Amount != total {
		t.Errorf("%s total %d, want %d", f.Kind, f.Amount, total)
	}
}

// TestNotDeposited: a payslip of Rp5.000.000 deducts JHT 2% = 100.000 and
// JP 1% = 50.000, 150.000 a month.
//
//	Jan 2025 credited 100.000 + 50.000            → nothing
//	Feb 2025 no credit                            → 150.000
//	Mar 2025 credited 100.000, no JP              → 150.000 − 100.000 = 50.000
//	Apr 2025 credited 99.999 + 50.000 (rounding)  → 1 ≤ Rp1 × 2 shares: nothing
//	May 2025 credited 99.997 + 50.000             → 3 > 2: 3
//	Jun 2025 no credit, but its deadline (15 July) is after the as-of date
//	         (10 July 2025)                       → not owed yet
//	total 150.000 + 50.000 + 3 = 200.003
func TestNotDeposited(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, time.July, 10),
		Contributions: byYear(
			row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 2, 10)),
			row(kpjA, mo(2025, 3), 5_000_000, 185_000, 100_000, 0, 0, day(2025, 4, 10)),
			row(kpjA, mo(2025, 4), 5_000_000, 185_000, 99_999, 100_000, 50_000, day(2025, 5, 10)),
			row(kpjA, mo(2025, 5), 5_000_000, 185_000, 99_997, 100_000, 50_000, day(2025, 6, 10)),
		)}
	for m := time.January; m <= time.June; m++ {
		in.Payslips = append(in.Payslips, slip(kpjA, mo(2025, m), 5_000_000, 100_000, 50_000))
	}
	r := Run(in)
	f := only(t, r, KindNotDeposited)
	checkMonths(t, f, []wantMonth{
		{mo(2025, 2), 150_000, 0, 0, 150_000},
		{mo(2025, 3), 150_000, 100_000, 0, 50_000},
		{mo(2025, 5), 150_000, 149_997, 0, 3},
	}, 200_003)
	if f.KPJ != kpjA || f.Employer != "PT Maju Jaya" {
		t.Errorf("card %q %q", f.KPJ, f.Employer)
	}
	if s := f.Months[0].Source; s == nil || s.File != "slip.csv" || s.Line != 2 {
		t.Errorf("the payslip's source is lost: %+v", s)
	}
	if r.Total(KindNotDeposited) != 200_003 {
		t.Errorf("Report.Total %d", r.Total(KindNotDeposited))
	}
}

// TestWrongShares: the shares credited against the rates of the reported
// wage (rates.Compute, half up).
//
//	Jan 2025 5.000.000: 185.000/100.000/100.000/50.000 exact   → nothing
//	Feb 2025 JHT employer 184.999 (Rp1 off)                     → nothing
//	Mar 2025 JHT employer 150.000 (3% instead of 3,7%)          → short 185.000 − 150.000 = 35.000
//	Apr 2025 12.000.000, JP on the whole wage: 240.000/120.000; the cap
//	         is 10.547.400 (from March 2025): 2% = 210.948, 1% = 105.474
//	                                                            → two shares too high, short 0
//	May 2025 5.000.000 + Rapel 1.000.000, shares on 6.000.000
//	         (222.000/120.000/120.000/60.000)                   → either base is right: nothing
//	Jun 2025 JHT only, no JP (the audit's "JHT without JP")    → JP not checked: nothing
//	Sep 2020 4.000.000, JP at 1% of its due (PP 49/2020)        → JP not checked; JHT 148.000/80.000 exact
func TestWrongShares(t *testing.T) {
	t.Parallel()
	backPay := row(kpjA, mo(2025, 5), 5_000_000, 222_000, 120_000, 120_000, 60_000, time.Time{})
	backPay.BackPay = 1_000_000
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 12, 1), Contributions: byYear(
		row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, time.Time{}),
		row(kpjA, mo(2025, 2), 5_000_000, 184_999, 100_000, 100_000, 50_000, time.Time{}),
		row(kpjA, mo(2025, 3), 5_000_000, 150_000, 100_000, 100_000, 50_000, time.Time{}),
		row(kpjA, mo(2025, 4), 12_000_000, 444_000, 240_000, 240_000, 120_000, time.Time{}),
		backPay,
		row(kpjA, mo(2025, 6), 5_000_000, 185_000, 100_000, 0, 0, time.Time{}),
		row(kpjA, mo(2020, 9), 4_000_000, 148_000, 80_000, 800, 400, time.Time{}),
	)}
	f := only(t, Run(in), KindWrongShare)
	checkMonths(t, f, []wantMonth{
		{mo(2025, 3), 0, 150_000 + 100_000 + 100_000 + 50_000, 435_000, 35_000},
		{mo(2025, 4), 0, 444_000 + 240_000 + 240_000 + 120_000, 444_000 + 240_000 + 210_948 + 105_474, 0},
	}, 35_000)
	if d := f.Months[0].Shares; len(d) != 1 || d[0] != (ShareDiff{JHTEmployer, 185_000, 150_000}) {
		t.Errorf("March shares %+v", d)
	}
	if d := f.Months[1].Shares; len(d) != 2 || d[0] != (ShareDiff{JPEmployer, 210_948, 240_000}) || d[1] != (ShareDiff{JPWorker, 105_474, 120_000}) {
		t.Errorf("April shares %+v", d)
	}
}

// TestJPAboveCap: JP may take at most 1% of the payslip's wage up to the
// month's cap.
//
//	Apr 2025 wage 12.000.000, JP 120.000; cap 10.547.400 → 1% = 105.474: 14.526 too much
//	May 2025 wage 12.000.000, JP 105.475                  → Rp1: rounding
//	Jun 2025 wage 4.000.000, JP 40.000                    → exactly 1%
//	Jun 2015 wage 3.000.000, JP 30.000, before JP began   → all 30.000
//	total 14.526 + 30.000 = 44.526
func TestJPAboveCap(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 12, 1), Payslips: []member.Payslip{
		slip(kpjA, mo(2025, 4), 12_000_000, 240_000, 120_000),
		slip(kpjA, mo(2025, 5), 12_000_000, 240_000, 105_475),
		slip(kpjA, mo(2025, 6), 4_000_000, 80_000, 40_000),
		slip(kpjA, mo(2015, 6), 3_000_000, 60_000, 30_000),
	}}
	f := only(t, Run(in), KindJPAboveCap)
	checkMonths(t, f, []wantMonth{
		{mo(2015, 6), 30_000, 0, 0, 30_000},
		{mo(2025, 4), 120_000, 0, 105_474, 14_526},
	}, 44_526)

	// The excess is not also "not paid in": April credited at the cap
	// (JHT 240.000 + JP 105.474) owes the card nothing; June 2015's JP is
	// all excess, so only its JHT 60.000 counts; May (Rp1 over: rounding)
	// and June 2025 have no credit and count whole.
	//	60.000 + (240.000 + 105.475) + (80.000 + 40.000) = 525.475
	in.Contributions = byYear(row(kpjA, mo(2025, 4), 12_000_000, 444_000, 240_000, 210_948, 105_474, day(2025, 5, 10)))
	checkMonths(t, only(t, Run(in), KindNotDeposited), []wantMonth{
		{mo(2015, 6), 90_000, 0, 0, 60_000},
		{mo(2025, 5), 345_475, 0, 0, 345_475},
		{mo(2025, 6), 120_000, 0, 0, 120_000},
	}, 525_475)
	if led := Ledger(in, kpjA, mo(2025, 4), mo(2025, 4)); len(led) != 1 || led[0].Gap != 0 || led[0].JPExcess != 14_526 {
		t.Errorf("April's ledger %+v", led)
	}
}

// TestEmployerShareDeducted: JKK 0,24% of 5.000.000 = 12.000 in January,
// JKM 0,3% = 15.000 in February, nothing in March: 27.000 to refund.
func TestEmployerShareDeducted(t *testing.T) {
	t.Parallel()
	jan, feb, mar := slip(kpjA, mo(2025, 1), 5_000_000, 100_000, 50_000), slip(kpjA, mo(2025, 2), 5_000_000, 100_000, 50_000),
		slip(kpjA, mo(2025, 3), 5_000_000, 100_000, 50_000)
	jan.DeductJKK, feb.DeductJKM = 12_000, 15_000
	f := only(t, Run(Input{Member: oneCard(kpjA), AsOf: day(2025, 12, 1), Payslips: []member.Payslip{jan, feb, mar}}), KindEmployerShare)
	checkMonths(t, f, []wantMonth{{mo(2025, 1), 12_000, 0, 0, 12_000}, {mo(2025, 2), 15_000, 0, 0, 15_000}}, 27_000)
}

// TestLateDeposit: deducted months paid in after the deadline, fined as the
// audit fines them (2% of the dues for every month begun).
//
//	Jan 2025: deadline 15 Feb 2025 is a Saturday → Monday 17 Feb; paid 20 Mar:
//	          17 Mar < 20 Mar → 2 months, 31 days; dues 462.000 (JHT 285.000,
//	          JP 150.000, JKK 12.000, JKM 15.000): fine 462.000 × 2% × 2 = 18.480
//	Feb 2025: deadline 15 Mar (Saturday) → 17 Mar; paid 17 Mar: on time
//	Mar 2025: deadline Tuesday 15 Apr; paid 17 Apr: 1 month, 2 days (maybe a
//	          holiday); no total on the card: dues JHT + JP = 435.000, fine 8.700
//	Apr 2025: paid late but no payslip: the audit's KindLate, not this
//	total 18.480 + 8.700 = 27.180
func TestLateDeposit(t *testing.T) {
	t.Parallel()
	jan := row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 3, 20))
	jan.JKK, jan.JKM = 12_000, 15_000
	jan.Total = jan.JHT + jan.JP + jan.JKK + jan.JKM
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 12, 1), Contributions: byYear(jan,
		row(kpjA, mo(2025, 2), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 3, 17)),
		row(kpjA, mo(2025, 3), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 4, 17)),
		row(kpjA, mo(2025, 4), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 8, 1)),
	)}
	for m := time.January; m <= time.March; m++ {
		in.Payslips = append(in.Payslips, slip(kpjA, mo(2025, m), 5_000_000, 100_000, 50_000))
	}
	f := only(t, Run(in), KindLateDeposit)
	checkMonths(t, f, []wantMonth{{mo(2025, 1), 150_000, 150_000, 0, 18_480}, {mo(2025, 3), 150_000, 150_000, 0, 8_700}}, 27_180)
	l0, l1 := f.Months[0].Late, f.Months[1].Late
	if !l0.Deadline.Equal(day(2025, 2, 17)) || l0.MonthsLate != 2 || l0.DaysLate != 31 || l0.Dues != 462_000 || l0.MaybeHoliday {
		t.Errorf("January: %+v", *l0)
	}
	if !l1.Deadline.Equal(day(2025, 4, 15)) || l1.MonthsLate != 1 || l1.DaysLate != 2 || l1.Dues != 435_000 || !l1.MaybeHoliday {
		t.Errorf("March: %+v", *l1)
	}
}

// TestMissingWhileEmployed: employed from 20 November 2024, still; as of 20
// April 2025 the newest month owed is March 2025 (deadline Tuesday 15
// April). Credits in November 2024 and January 2025 at 5.000.000; a payslip
// of 5.500.000 in February 2025 (JHT 110.000 + JP 55.000 deducted) and in
// April 2025 (not owed yet).
//
//	Dec 2024 at the last wage 5.000.000: JHT 5,7% 285.000 + JP 3% 150.000 = 435.000
//	Feb 2025 at its payslip's 5.500.000: 313.500 + 165.000 = 478.500
//	Mar 2025 at the last known wage, February's payslip: 478.500
//	total 435.000 + 478.500 + 478.500 = 1.392.000
func TestMissingWhileEmployed(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 4, 20),
		Employments: []member.Employment{{KPJ: kpjA, Employer: "PT Maju Jaya", Start: day(2024, 11, 20)}},
		Contributions: byYear(
			row(kpjA, mo(2024, 11), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2024, 12, 10)),
			row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 2, 10)),
		),
		Payslips: []member.Payslip{slip(kpjA, mo(2025, 2), 5_500_000, 110_000, 55_000), slip(kpjA, mo(2025, 4), 5_500_000, 110_000, 55_000)},
	}
	r := Run(in)
	f := only(t, r, KindMissing)
	checkMonths(t, f, []wantMonth{
		{mo(2024, 12), 0, 0, 435_000, 435_000},
		{mo(2025, 2), 165_000, 0, 478_500, 478_500},
		{mo(2025, 3), 0, 0, 478_500, 478_500},
	}, 1_392_000)
	// February is also deducted but not deposited.
	checkMonths(t, only(t, r, KindNotDeposited), []wantMonth{{mo(2025, 2), 165_000, 0, 0, 165_000}}, 165_000)

	// The employment ended on 31 January 2025: only December is missing.
	in.Employments[0].End, in.Employments[0].Reason = day(2025, 1, 31), member.EndResign
	in.Payslips = nil
	checkMonths(t, only(t, Run(in), KindMissing), []wantMonth{{mo(2024, 12), 0, 0, 435_000, 435_000}}, 435_000)
}

// TestWageUnderReported: payslips of basic 5.000.000 + fixed allowances
// 1.000.000 = 6.000.000 (overtime 2.000.000 is not part of the base) in
// January–March 2025, reported at 4.000.000 (worker shares credited 80.000
// + 40.000).
//
//	gap a month 2.000.000: JHT 5,7% = 114.000, JP 3% = 60.000 (both under the
//	cap), 174.000 a month, 522.000 in three months;
//	worker's share on the real wage 120.000 + 60.000 = 180.000 − 120.000 credited = 60.000 a month;
//	JKP 60% of min(wage, 5.000.000): 3.000.000 vs 2.400.000, × 6 months = 3.600.000
func TestWageUnderReported(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 4, 20)}
	in.Member.BirthDate = day(1990, 5, 1)
	var rows []member.MonthContribution
	for m := time.January; m <= time.March; m++ {
		rows = append(rows, row(kpjA, mo(2025, m), 4_000_000, 148_000, 80_000, 80_000, 40_000, day(2025, m+1, 10)))
		p := slip(kpjA, mo(2025, m), 5_000_000, 120_000, 60_000)
		p.FixedAllowances, p.OtherIncome = 1_000_000, 2_000_000
		in.Payslips = append(in.Payslips, p)
	}
	in.Contributions = byYear(rows...)
	f := only(t, Run(in), KindWageUnder)
	checkMonths(t, f, []wantMonth{
		{mo(2025, 1), 6_000_000, 4_000_000, 0, 174_000},
		{mo(2025, 2), 6_000_000, 4_000_000, 0, 174_000},
		{mo(2025, 3), 6_000_000, 4_000_000, 0, 174_000},
	}, 522_000)
	g := f.Gap
	if g == nil || g.Gap != 6_000_000 || g.JHT != 342_000 || g.JP != 180_000 || g.WorkerDeducted != 180_000 || g.JKPLoss != 3_600_000 {
		t.Fatalf("gap %+v", g)
	}
	if g.JHTAt56 <= g.JHT || g.RetireOn.IsZero() {
		t.Errorf("JHT at retirement %d (on %s) should grow past %d", g.JHTAt56, g.RetireOn, g.JHT)
	}
	// The payslip's deduction equals the share credited on 4.000.000?
	// No: 180.000 deducted, 120.000 credited: also not deposited.
	checkMonths(t, only(t, Run(in), KindNotDeposited), []wantMonth{
		{mo(2025, 1), 180_000, 120_000, 0, 60_000}, {mo(2025, 2), 180_000, 120_000, 0, 60_000}, {mo(2025, 3), 180_000, 120_000, 0, 60_000},
	}, 180_000)
}

// TestA1CrossCheck: twelve months of 2024 credited with worker shares of
// 100.000 + 50.000 = 1.800.000; the tolerance is Rp2 × 12 months = 24.
func TestA1CrossCheck(t *testing.T) {
	t.Parallel()
	var rows []member.MonthContribution
	var slips []member.Payslip
	for m := time.January; m <= time.December; m++ {
		rows = append(rows, row(kpjA, mo(2024, m), 5_000_000, 185_000, 100_000, 100_000, 50_000, time.Time{}))
		slips = append(slips, slip(kpjA, mo(2024, m), 5_000_000, 110_000, 50_000)) // 160.000 a month
	}
	for _, tc := range []struct {
		name    string
		a1      int64
		slips   bool
		found   bool
		payslip int64
		amount  int64
	}{
		{"equal", 1_800_000, false, false, 0, 0},
		{"within Rp24", 1_800_020, false, false, 0, 0},
		{"A1 above the card: 2.100.000 − 1.800.000", 2_100_000, false, true, 0, 300_000},
		{"payslips 160.000 × 12 = 1.920.000 unlike the A1", 1_800_000, true, true, 1_920_000, 0},
		{"A1 and payslips agree, the card is short 120.000", 1_920_000, true, true, 1_920_000, 120_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Member: oneCard(kpjA), AsOf: day(2025, 6, 1), Contributions: byYear(rows...),
				A1: []member.A1Deduction{{Year: 2024, Employer: "PT. MAJU JAYA, Tbk", Amount: member.Rupiah(tc.a1)}}}
			if tc.slips {
				in.Payslips = slips
			}
			r := Run(in)
			if !tc.found {
				none(t, r, KindA1Mismatch)
				return
			}
			f := only(t, r, KindA1Mismatch)
			if f.Year != 2024 {
				t.Errorf("year %d", f.Year)
			}
			checkMonths(t, f, []wantMonth{{mo(2024, 1), tc.payslip, 1_800_000, tc.a1, tc.amount}}, tc.amount)
		})
	}
}

// TestMatchingPayslipsToCards: by card number, by employer name written
// differently, by the one card open in the month; otherwise unmatched.
func TestMatchingPayslipsToCards(t *testing.T) {
	t.Parallel()
	mem := member.Member{Cards: []member.KPJCard{{KPJ: kpjA, EmployerName: "PT Maju Jaya"}, {KPJ: kpjB, EmployerName: "CV Sinar Baru"}}}
	in := Input{Member: mem, AsOf: day(2025, 12, 1),
		Contributions: byYear(row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, time.Time{}),
			row(kpjB, mo(2025, 3), 5_000_000, 185_000, 100_000, 100_000, 50_000, time.Time{})),
		Employments: []member.Employment{{Employer: "Sinar Baru", Start: day(2025, 3, 1)}},
	}
	named := slip("", mo(2025, 1), 5_000_000, 100_000, 50_000)
	named.Employer = "MAJU JAYA, PT."
	named.DeductJKK = 1
	byMonth := slip("", mo(2025, 2), 5_000_000, 100_000, 50_000)
	byMonth.Employer = "Toko Lain"
	byMonth.DeductJKK = 2
	in.Payslips = []member.Payslip{named, byMonth}
	r := Run(in)
	// January goes to Maju Jaya by its name written otherwise. February
	// names an employer no card knows, and no card shows work then (Maju
	// Jaya's credit is January's, Sinar Baru's employment starts in
	// March): the member is asked.
	f := only(t, r, KindEmployerShare)
	if f.KPJ != kpjA || len(f.Months) != 1 || f.Amount != 1 {
		t.Errorf("by name: %+v", f)
	}
	if len(r.Unmatched) != 1 || !r.Unmatched[0].Period.Equal(mo(2025, 2)) {
		t.Errorf("unmatched %+v", r.Unmatched)
	}

	// In April only Sinar Baru's employment (matched to its card by name)
	// shows work: the payslip goes there.
	in.Payslips = []member.Payslip{byMonth}
	in.Payslips[0].Period = mo(2025, 4)
	r = Run(in)
	f = only(t, r, KindEmployerShare)
	if f.KPJ != kpjB || len(r.Unmatched) != 0 {
		t.Errorf("by month: %+v, unmatched %d", f, len(r.Unmatched))
	}
	// Two cards working in a month and an unknown employer: unmatched.
	in.Contributions = byYear(row(kpjA, mo(2025, 4), 5_000_000, 185_000, 100_000, 100_000, 50_000, time.Time{}))
	r = Run(in)
	if len(r.Unmatched) != 1 {
		t.Errorf("unmatched %d, want 1", len(r.Unmatched))
	}
	none(t, r, KindEmployerShare)
}

func TestNormalizeEmployer(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"PT. Maju Jaya, Tbk": "majujaya", "MAJU JAYA PT": "majujaya", "CV Sinar-Baru 2": "sinarbaru2",
		"PT Persero Abadi": "abadi", "": "",
	} {
		if got := NormalizeEmployer(in); got != want {
			t.Errorf("NormalizeEmployer(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEveryKindHasItsRuleInBothLanguages: every kind's rule and citation
// exists in Indonesian and English, the citation names the article, and a
// secondary source says so in both.
func TestEveryKindHasItsRuleInBothLanguages(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds {
		r := Finding{Kind: k}.Rule()
		id, en := r.Text(member.ID), r.Text(member.EN)
		if id == "" || en == "" || id == en {
			t.Errorf("%s: rule text %q / %q", k, id, en)
		}
		cid, cen := r.Citation(member.ID), r.Citation(member.EN)
		// Every citation names a regulation; an article in Indonesian is
		// an Article in English (the deadline's is named by regulation
		// only, as the audit's).
		if !strings.Contains(cid, "PP ") && !strings.Contains(cid, "UU ") || strings.Contains(cen, "Pasal") ||
			strings.Contains(cid, "Pasal") != strings.Contains(cen, "Article") {
			t.Errorf("%s: citation %q / %q", k, cid, cen)
		}
		if r.Secondary != strings.Contains(cid, "sumber sekunder") || r.Secondary != strings.Contains(cen, "secondary source") {
			t.Errorf("%s: secondary %v not said: %q / %q", k, r.Secondary, cid, cen)
		}
		if k.Title(member.ID) == k.Title(member.EN) || k.Title(member.ID) == string(k) {
			t.Errorf("%s: title", k)
		}
	}
	if !strings.Contains(RuleNotDeposited.Cite, "Pasal 19") || !strings.Contains(RuleNotDeposited.Cite, "Pasal 55") {
		t.Errorf("deducted-not-paid cites %q", RuleNotDeposited.Cite)
	}
}

// TestSummaries: each finding's sentence names its months and money in
// both languages.
func TestSummaries(t *testing.T) {
	t.Parallel()
	f := Finding{Kind: KindNotDeposited, KPJ: kpjA, Amount: 200_003,
		Months: []Month{{Month: mo(2025, 2)}, {Month: mo(2025, 3)}, {Month: mo(2025, 5)}}}
	if got, want := f.Summary(member.ID), "Rp 200.003 dipotong dari upah Anda untuk JHT dan JP pada Februari–Maret 2025, Mei 2025 (3 bulan) tidak sampai ke kartu 11000000001."; got != want {
		t.Errorf("ID:\n got %q\nwant %q", got, want)
	}
	if got, want := f.Summary(member.EN), "Rp 200.003 deducted from your wage for JHT and JP in February–March 2025, May 2025 (3 months) did not reach card 11000000001."; got != want {
		t.Errorf("EN:\n got %q\nwant %q", got, want)
	}
	for _, k := range Kinds {
		f := Finding{Kind: k, Amount: 1234, Year: 2024, Months: []Month{{Month: mo(2024, 1), Due: 5, Card: 4}}, Gap: nil}
		id, en := f.Summary(member.ID), f.Summary(member.EN)
		if id == en || id == string(k) || !strings.Contains(id, "2024") || !strings.Contains(en, "2024") {
			t.Errorf("%s: %q / %q", k, id, en)
		}
	}
}

// TestLedger: TestNotDeposited's months side by side; the gaps add up to
// the finding's 200.003, June (not owed on 10 July 2025) has none.
func TestLedger(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, time.July, 10),
		Contributions: byYear(
			row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 2, 10)),
			row(kpjA, mo(2025, 3), 5_000_000, 185_000, 100_000, 0, 0, day(2025, 4, 10)),
			row(kpjA, mo(2025, 4), 5_000_000, 185_000, 99_999, 100_000, 50_000, day(2025, 5, 10)),
			row(kpjA, mo(2025, 5), 5_000_000, 185_000, 99_997, 100_000, 50_000, day(2025, 6, 10)),
		)}
	in.Member.Cards[0].NPP = "12345678"
	for m := time.January; m <= time.June; m++ {
		in.Payslips = append(in.Payslips, slip(kpjA, mo(2025, m), 5_000_000, 100_000, 50_000))
	}
	led := Ledger(in, kpjA, time.Time{}, time.Time{})
	want := []struct {
		deducted, credited, gap int64
		notYetDue               bool
	}{
		{150_000, 150_000, 0, false}, {150_000, 0, 150_000, false}, {150_000, 100_000, 50_000, false},
		{150_000, 149_999, 0, false}, {150_000, 149_997, 3, false}, {150_000, 0, 0, true},
	}
	if len(led) != len(want) {
		t.Fatalf("%d months, want %d", len(led), len(want))
	}
	var sum int64
	for i, w := range want {
		g := led[i]
		if !g.Month.Equal(mo(2025, time.Month(i+1))) || g.Deducted != w.deducted || g.Credited != w.credited || g.Gap != w.gap || g.NotYetDue != w.notYetDue {
			t.Errorf("month %d: %+v, want %+v", i+1, g, w)
		}
		sum += g.Gap
	}
	if sum != Run(in).Total(KindNotDeposited) || sum != 200_003 {
		t.Errorf("the ledger's gaps add to %d, the finding's total is %d", sum, Run(in).Total(KindNotDeposited))
	}
	if got := Ledger(in, kpjA, mo(2025, 2), mo(2025, 3)); len(got) != 2 || !got[0].Month.Equal(mo(2025, 2)) {
		t.Errorf("February–March: %+v", got)
	}
	if got := Ledger(in, kpjB, time.Time{}, time.Time{}); got != nil {
		t.Errorf("an unknown card has a ledger: %+v", got)
	}
	if got := Cards(in); len(got) != 1 || got[0] != (CardInfo{kpjA, "PT Maju Jaya", "12345678"}) {
		t.Errorf("Cards %+v", got)
	}
}
