package payslip

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// fortyYears is one card with 480 months (January 1986 to December 2025)
// of credits and payslips, one employment and forty 1721-A1 slips; every
// tenth month is not credited, every seventh paid late, and the payslip's
// wage runs ahead of the reported one, so every check has work.
func fortyYears() Input {
	in := Input{Member: oneCard(kpjA), AsOf: day(2026, 3, 1),
		Employments: []member.Employment{{KPJ: kpjA, Employer: "PT Maju Jaya", Start: day(1986, 1, 6)}}}
	in.Member.BirthDate = day(1966, 1, 1)
	var rows []member.MonthContribution
	for i := 0; i < 480; i++ {
		p := member.Month(1986+i/12, time.Month(i%12+1))
		wage := int64(1_000_000 + i*20_000)
		c := rates.Compute(p, wage, 1)
		paid := day(p.Year(), p.Month(), 1).AddDate(0, 1, 10)
		if i%7 == 0 {
			paid = paid.AddDate(0, 2, 0)
		}
		if i%10 != 0 {
			rows = append(rows, row(kpjA, p, wage, c.JHTEmployer, c.JHTWorker, c.JPEmployer, c.JPWorker, paid))
		}
		s := slip(kpjA, p, wage+100_000, rates.Pct(wage+100_000, 200), rates.Pct(min(wage+100_000, max(rates.JPWageCap(p), 0)), 100))
		in.Payslips = append(in.Payslips, s)
		if i%12 == 11 {
			in.A1 = append(in.A1, member.A1Deduction{Year: p.Year(), KPJ: kpjA, Amount: member.Rupiah(12 * c.Worker())})
		}
	}
	in.Contributions = byYear(rows...)
	return in
}

// BenchmarkRun_FortyYears: every check over 480 months and 480 payslips
// (the target: at most 50 ms).
func BenchmarkRun_FortyYears(b *testing.B) {
	in := fortyYears()
	if r := Run(in); len(r.Findings) < 5 {
		b.Fatalf("the benchmark's data fires %d kinds, want at least 5", len(r.Findings))
	}
	b.ReportAllocs()
	for b.Loop() {
		Run(in)
	}
}
