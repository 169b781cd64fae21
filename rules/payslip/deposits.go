package payslip

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// maxSpanMonths bounds how far back an employment is walked (a typed
// start in year 1 would otherwise walk twenty thousand years).
const maxSpanMonths = 100 * 12

// lateDeposits: months the payslip shows deducted (JHT or JP) whose
// deposit (Tgl Setor, PaidDate) came after the deadline: the worker's own
// money sat with the employer. The deadline and fine are the audit's
// (audit.LateFine); the audit's KindLate lists every late month of the
// card, this one those the payslips prove were deducted.
func lateDeposits(c *card) Finding {
	f := Finding{Kind: KindLateDeposit}
	for _, i := range c.months(c.payslips) {
		p := c.payslips[i]
		cr := c.credits[i]
		if cr == nil || cr.paid.IsZero() || p.DeductJHT+p.DeductJP <= 0 {
			continue
		}
		n, fine := audit.LateFine(p.Period, cr.paid, cr.dues())
		if n == 0 {
			continue
		}
		dl := audit.Deadline(p.Period)
		days := int(cr.paid.Sub(dl).Hours() / 24)
		lm := &audit.LateMonth{Month: p.Period, Deadline: dl, Paid: cr.paid, DaysLate: days, MonthsLate: n,
			Dues: cr.dues(), Fine: fine, MaybeHoliday: days <= audit.HolidayGraceDays}
		f.Months = append(f.Months, Month{Month: p.Period, Payslip: int64(p.DeductJHT + p.DeductJP), Card: cr.worker(),
			Amount: fine, Late: lm, Source: srcOf(p), CardSource: cr.source})
	}
	return f
}

// missing: months already owed with no credit on the card while an
// employment on it covers them (its start and end months counted) or a
// payslip shows a wage or a deduction. Each month's JHT and JP are
// computed on its payslip's wage, else on the last wage known before it
// (reported or on a payslip); the deduction the payslip shows is kept, so
// the screen can say the same month is also "dipotong tapi tidak
// disetor".
func missing(c *card, lastDue time.Time) Finding {
	f := Finding{Kind: KindMissing}
	end := member.MonthIndex(lastDue)
	want := map[int]bool{}
	for _, e := range c.employments {
		if e.Start.IsZero() {
			continue
		}
		lo, hi := member.MonthIndex(e.Start), end
		if !e.End.IsZero() {
			hi = min(hi, member.MonthIndex(e.End))
		}
		lo = max(lo, end-maxSpanMonths)
		for i := lo; i <= hi; i++ {
			want[i] = true
		}
	}
	for i, p := range c.payslips {
		if i <= end && (p.Wage() > 0 || p.DeductJHT+p.DeductJP > 0) {
			want[i] = true
		}
	}
	var months []int
	for i := range want {
		if c.credits[i] == nil {
			months = append(months, i)
		}
	}
	if len(months) == 0 {
		return f
	}
	sort.Ints(months)
	// The wages known, month by month, to carry the last one forward.
	type wageAt struct {
		i    int
		wage int64
	}
	var known []wageAt
	for i, cr := range c.credits {
		if cr.wage > 0 {
			known = append(known, wageAt{i, cr.wage})
		}
	}
	for i, p := range c.payslips {
		if p.Wage() > 0 {
			known = append(known, wageAt{i, int64(p.Wage())})
		}
	}
	sort.Slice(known, func(a, b int) bool { return known[a].i < known[b].i })
	k := 0
	var last int64
	for _, i := range months {
		for k < len(known) && known[k].i <= i {
			last = known[k].wage
			k++
		}
		m := Month{Month: fromIndex(i), Wage: last}
		if p, ok := c.payslips[i]; ok {
			m.Payslip, m.Source = int64(p.DeductJHT+p.DeductJP), srcOf(p)
		}
		if last > 0 {
			due := rates.Compute(m.Month, last, 0)
			m.Due = due.JHT() + due.JP()
			m.Amount = m.Due
		}
		f.Months = append(f.Months, m)
	}
	return f
}

// a1Mismatches: each 1721-A1 whose JHT/JP deduction exceeds the worker's
// shares credited to the card that year, or differs from what the year's
// payslips deducted (when there are payslips that year), by more than
// A1TolerancePerMonth for every month of the year that has a credit or a
// payslip.
func a1Mismatches(c *card) []Finding {
	var out []Finding
	for _, a := range c.a1 {
		var credited, deducted, months int64
		for mo := time.January; mo <= time.December; mo++ {
			i := member.MonthIndex(member.Month(a.Year, mo))
			cr, hasCr := c.credits[i]
			p, hasP := c.payslips[i]
			if hasCr {
				credited += cr.worker()
			}
			if hasP {
				deducted += int64(p.DeductJHT + p.DeductJP)
			}
			if hasCr || hasP {
				months++
			}
		}
		tol := A1TolerancePerMonth * max(months, 1)
		amount := int64(a.Amount)
		short := amount - credited
		unlikeSlips := deducted > 0 && (amount-deducted > tol || deducted-amount > tol)
		if short <= tol && !unlikeSlips {
			continue
		}
		m := Month{Month: member.Month(a.Year, time.January), Due: amount, Card: credited, Payslip: deducted}
		if short > tol {
			m.Amount = short
		}
		if a.Source != (member.Source{}) {
			s := a.Source
			m.Source = &s
		}
		out = append(out, Finding{Kind: KindA1Mismatch, Year: a.Year, Months: []Month{m}})
	}
	return out
}

// wageUnder compares, month by month, the payslip's wage with the wage
// reported on the card, with the audit's "Upah saya" comparison
// (audit.CompareWage): each payslip is one month's entry, and only the
// months that have both a payslip and a credit are compared (a month
// without a credit is KindMissing).
func wageUnder(c *card, birth, asOf time.Time) Finding {
	f := Finding{Kind: KindWageUnder}
	var steps []member.PayslipWage
	contrib := map[int]member.Contributions{}
	for _, i := range c.months(c.payslips) {
		p := c.payslips[i]
		cr := c.credits[i]
		if p.Wage() <= 0 || cr == nil {
			continue
		}
		steps = append(steps, member.PayslipWage{From: p.Period, Wage: int64(p.Wage())})
		y := contrib[p.Period.Year()]
		y.Year = p.Period.Year()
		y.Months = append(y.Months, member.MonthContribution{Period: p.Period, KPJ: c.kpj, ReportedWage: member.Rupiah(cr.wage),
			JHTWorker: member.Rupiah(cr.jhtW), JPWorker: member.Rupiah(cr.jpW)})
		contrib[y.Year] = y
	}
	if len(steps) == 0 {
		return f
	}
	g := audit.CompareWage(audit.GapInput{Contributions: contrib, Payslip: steps, BirthDate: birth, Today: asOf})
	if g.MonthsUnder == 0 {
		return f
	}
	for _, gm := range g.Months {
		if gm.Gap <= 0 {
			continue
		}
		i := member.MonthIndex(gm.Month)
		f.Months = append(f.Months, Month{Month: gm.Month, Payslip: gm.Payslip, Card: gm.Reported, Wage: gm.Payslip,
			Amount: gm.JHT + gm.JP, Source: srcOf(c.payslips[i]), CardSource: c.credits[i].source})
	}
	f.Gap = &g
	return f
}
