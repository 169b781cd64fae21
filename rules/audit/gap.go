package audit

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// MaxPayslipWage bounds what the member may type: a wage above Rp 1
// miliar a month is a typo.
const MaxPayslipWage int64 = 1_000_000_000

// NormalizePayslip sorts entries by month, keeps the last entry for a
// month and drops entries with no wage or an impossible one.
func NormalizePayslip(in []member.PayslipWage) []member.PayslipWage {
	byMonth := map[int]member.PayslipWage{}
	for _, p := range in {
		if p.Wage <= 0 || p.Wage > MaxPayslipWage || p.From.IsZero() {
			continue
		}
		p.From = member.Month(p.From.Year(), p.From.Month())
		byMonth[member.MonthIndex(p.From)] = p
	}
	out := make([]member.PayslipWage, 0, len(byMonth))
	for _, p := range byMonth {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out
}

// payslipAt is the payslip wage in force in a month, or 0 before the first
// entry.
func payslipAt(steps []member.PayslipWage, month time.Time) int64 {
	var w int64
	for _, s := range steps {
		if !month.Before(s.From) {
			w = s.Wage
		}
	}
	return w
}

// GapMonth is one month of the comparison.
type GapMonth struct {
	Month          time.Time
	Payslip        int64 // the wage on the payslip
	Reported       int64 // the wage the employer reported (all cards of the month)
	Gap            int64 // Payslip − Reported, 0 when the report is not lower
	JHT            int64 // 5.7% of the gap: JHT not credited
	JP             int64 // 3% of the gap under the JP cap
	WorkerDeducted int64 // the payslip's 2% + 1% on the real wage, minus the worker shares that reached the card
}

// Gap is the whole comparison and what it costs.
type Gap struct {
	Months []GapMonth
	// Totals over the months.
	Gap, JHT, JP, WorkerDeducted int64
	// MonthsUnder counts the months with a gap.
	MonthsUnder int
	// JKP: the monthly JKP cash benefit (60% of the wage up to Rp5 juta,
	// six months) on the payslip wage and on the reported wage of the
	// newest month; JKPLoss is six months of the difference.
	JKPPayslip, JKPReported, JKPLoss int64
	// JHTAt56 is what the JHT not credited so far, plus 5.7% of the
	// newest month's gap while it goes on, would grow to by the
	// retirement age with the Simulasi's default wage growth and return;
	// zero when the projection cannot run (no birth date, no gap).
	JHTAt56  int64
	RetireOn time.Time
}

// GapInput is what the comparison reads.
type GapInput struct {
	Contributions map[int]member.Contributions
	Payslip       []member.PayslipWage
	BirthDate     time.Time
	Today         time.Time // when the data was true
}

// jkpBenefit is the monthly JKP cash benefit on a wage (PP 37/2021 Pasal
// 21 jo. PP 6/2025): 60% of the wage up to JKPWageCap.
func jkpBenefit(wage int64) int64 { return rates.Pct(min(wage, rates.JKPWageCap), rates.JKPBenefitBP) }

// JKPMonths is how many months the JKP cash benefit is paid (PP 6/2025).
const JKPMonths = 6

// CompareWage compares, month by month, the payslip wage with the wage
// reported, from the first payslip entry on, over the months that carry a
// contribution (a month with none is the audit's "missing" finding).
func CompareWage(in GapInput) Gap {
	steps := NormalizePayslip(in.Payslip)
	var g Gap
	if len(steps) == 0 {
		return g
	}
	type month struct {
		reported, jhtWorker, jpWorker int64
	}
	byMonth := map[int]*month{}
	for _, c := range in.Contributions {
		for _, m := range c.Months {
			i := member.MonthIndex(m.Period)
			if byMonth[i] == nil {
				byMonth[i] = &month{}
			}
			byMonth[i].reported += int64(m.ReportedWage)
			byMonth[i].jhtWorker += int64(m.JHTWorker)
			byMonth[i].jpWorker += int64(m.JPWorker)
		}
	}
	idx := make([]int, 0, len(byMonth))
	for i := range byMonth {
		if i >= member.MonthIndex(steps[0].From) {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	for _, i := range idx {
		m := byMonth[i]
		p := fromIndex(i)
		pay := payslipAt(steps, p)
		gm := GapMonth{Month: p, Payslip: pay, Reported: m.reported}
		if pay > m.reported {
			gm.Gap = pay - m.reported
			gm.JHT = rates.Pct(gm.Gap, rates.JHTEmployerBP+rates.JHTWorkerBP)
			if cp := rates.JPWageCap(p); cp > 0 {
				gm.JP = rates.Pct(min(pay, cp)-min(m.reported, cp), rates.JPEmployerBP+rates.JPWorkerBP)
			}
			g.MonthsUnder++
		}
		// What a payslip shows deducted on the real wage (2% JHT, 1% JP up
		// to the cap), less what reached the card as the worker's share.
		// Only months with a gap count: elsewhere a rupiah of rounding is
		// no finding.
		should := rates.Compute(p, pay, 0).Worker()
		if d := should - m.jhtWorker - m.jpWorker; d > 0 && gm.Gap > 0 {
			gm.WorkerDeducted = d
		}
		g.Gap += gm.Gap
		g.JHT += gm.JHT
		g.JP += gm.JP
		g.WorkerDeducted += gm.WorkerDeducted
		g.Months = append(g.Months, gm)
	}
	if len(g.Months) == 0 {
		return g
	}
	last := g.Months[len(g.Months)-1]
	g.JKPPayslip, g.JKPReported = jkpBenefit(last.Payslip), jkpBenefit(last.Reported)
	if d := g.JKPPayslip - g.JKPReported; d > 0 {
		g.JKPLoss = d * JKPMonths
	}
	if g.JHT > 0 && !in.BirthDate.IsZero() {
		res, err := projection.Project(projection.Params{
			Balance: g.JHT, MonthlyWage: last.Gap,
			WageGrowth: projection.DefaultWageGrowth, ReturnRate: projection.DefaultReturnRate,
			BirthDate: in.BirthDate, Today: in.Today,
		})
		if err == nil {
			g.JHTAt56, g.RetireOn = res.Balance, res.RetireOn
		}
	}
	return g
}
