package payslip

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

func fromIndex(i int) time.Time { return member.Month(i/12, time.Month(i%12+1)) }

func srcOf(p member.Payslip) *member.Source {
	if p.Source == (member.Source{}) {
		return nil
	}
	s := p.Source
	return &s
}

// notDeposited: every month already owed whose payslip deducts JHT or JP
// and whose card carries a smaller worker's share (nothing, when no credit
// reached it). One rupiah a deducted share is rounding.
func notDeposited(c *card, lastDue time.Time) Finding {
	f := Finding{Kind: KindNotDeposited}
	for _, i := range c.months(c.payslips) {
		p := c.payslips[i]
		ded := int64(p.DeductJHT + p.DeductJP)
		if ded <= 0 || p.Period.After(lastDue) {
			continue
		}
		var got int64
		var src *member.Source
		cr := c.credits[i]
		if cr != nil {
			got, src = cr.worker(), cr.source
		}
		if gap := shortfall(p, cr); gap > 0 {
			f.Months = append(f.Months, Month{Month: p.Period, Payslip: ded, Card: got, Wage: int64(p.Wage()),
				Amount: gap, Source: srcOf(p), CardSource: src})
		}
	}
	return f
}

// wrongShares: every credited month whose four shares are not the rates
// of its reported wage (JP on the wage up to the month's cap), beyond
// ShareTolerance a share. A Rapel month may carry its shares on the wage
// alone or on the wage plus the back pay: either is right. JP is not
// checked where the card shows none (the audit's "JHT without JP"), in PP
// 49/2020's months (99% of JP was deferred) or before July 2015.
func wrongShares(c *card) Finding {
	f := Finding{Kind: KindWrongShare}
	for _, i := range c.creditMonths() {
		cr := c.credits[i]
		if cr.wage <= 0 {
			continue
		}
		month := fromIndex(i)
		checkJP := cr.jpE+cr.jpW > 0 && !rates.InCOVIDRelief(month) && !month.Before(rates.JPStart)
		diffs, due := shareDiffs(month, cr.wage, cr, checkJP)
		if len(diffs) > 0 && cr.backPay > 0 {
			if d2, due2 := shareDiffs(month, cr.wage+cr.backPay, cr, checkJP); len(d2) == 0 {
				diffs, due = nil, due2
			}
		}
		if len(diffs) == 0 {
			continue
		}
		var short, card int64
		for _, d := range diffs {
			if d.Expected > d.Credited {
				short += d.Expected - d.Credited
			}
		}
		card = cr.jhtE + cr.jhtW
		if checkJP {
			card += cr.jpE + cr.jpW
		}
		f.Months = append(f.Months, Month{Month: month, Wage: cr.wage, Due: due, Card: card, Amount: short,
			Shares: diffs, CardSource: cr.source})
	}
	return f
}

func shareDiffs(month time.Time, wage int64, cr *credit, checkJP bool) ([]ShareDiff, int64) {
	due := rates.Compute(month, wage, 0)
	want := []ShareDiff{{JHTEmployer, due.JHTEmployer, cr.jhtE}, {JHTWorker, due.JHTWorker, cr.jhtW}}
	total := due.JHT()
	if checkJP {
		want = append(want, ShareDiff{JPEmployer, due.JPEmployer, cr.jpE}, ShareDiff{JPWorker, due.JPWorker, cr.jpW})
		total += due.JP()
	}
	var out []ShareDiff
	for _, d := range want {
		if d.Credited-d.Expected > ShareTolerance || d.Expected-d.Credited > ShareTolerance {
			out = append(out, d)
		}
	}
	return out, total
}

// jpAboveCap: a JP deduction above 1% of the payslip's wage up to the
// month's JP cap (any JP deduction before JP began in July 2015).
func jpAboveCap(c *card) Finding {
	f := Finding{Kind: KindJPAboveCap}
	for _, i := range c.months(c.payslips) {
		p := c.payslips[i]
		if d := jpExcess(p); d > 0 {
			f.Months = append(f.Months, Month{Month: p.Period, Payslip: int64(p.DeductJP), Due: int64(p.DeductJP) - d,
				Wage: int64(p.Wage()), Amount: d, Source: srcOf(p)})
		}
	}
	return f
}

// employerShare: any JKK or JKM deducted from the worker.
func employerShare(c *card) Finding {
	f := Finding{Kind: KindEmployerShare}
	for _, i := range c.months(c.payslips) {
		p := c.payslips[i]
		if d := int64(p.DeductJKK + p.DeductJKM); d > 0 {
			f.Months = append(f.Months, Month{Month: p.Period, Payslip: d, Wage: int64(p.Wage()), Amount: d, Source: srcOf(p)})
		}
	}
	return f
}
