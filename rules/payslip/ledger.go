package payslip

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// LedgerMonth is one month of one card side by side: what the payslip
// deducted for JHT and JP, what reached the card as the worker's shares,
// and the gap KindNotDeposited counts (0 within rounding, and for a month
// not yet owed on the as-of date). The evidence pack's table is made of
// these.
type LedgerMonth struct {
	Month                   time.Time
	HasPayslip, HasCredit   bool
	DeductedJHT, DeductedJP int64
	CreditedJHT, CreditedJP int64 // the worker's shares credited
	Deducted, Credited, Gap int64
	JPExcess                int64     // JP deducted above its lawful most (KindJPAboveCap): not in Gap
	Paid                    time.Time // the deposit's date (Tgl Setor), zero when unknown
	NotYetDue               bool      // the month's deadline had not passed on the as-of date
	Source, CardSource      *member.Source
}

// CardInfo names a card the data knows and its employer.
type CardInfo struct {
	KPJ, Employer, NPP string
}

// Cards lists the cards the data knows (the member's, then any other a
// contribution, an employment or a payslip names), with the employer's
// NPP where a card or an employment gives it.
func Cards(in Input) []CardInfo {
	ix := index(in)
	out := make([]CardInfo, 0, len(ix.cards))
	for _, c := range ix.cards {
		ci := CardInfo{KPJ: c.kpj, Employer: c.employer}
		for _, k := range in.Member.Cards {
			if k.KPJ == c.kpj && k.NPP != "" {
				ci.NPP = k.NPP
			}
		}
		for _, e := range c.employments {
			if ci.NPP == "" && e.NPP != "" {
				ci.NPP = e.NPP
			}
		}
		out = append(out, ci)
	}
	return out
}

// Ledger is one card's months from..to (both included; zero bounds: every
// month the card has a payslip or a credit in), oldest first, each month
// that has a payslip or a credit.
func Ledger(in Input, kpj string, from, to time.Time) []LedgerMonth {
	ix := index(in)
	var c *card
	for _, k := range ix.cards {
		if k.kpj == kpj {
			c = k
		}
	}
	if c == nil {
		return nil
	}
	lastDue := member.MonthIndex(audit.LastDue(in.AsOf))
	seen := map[int]bool{}
	for i := range c.payslips {
		seen[i] = true
	}
	for i := range c.credits {
		seen[i] = true
	}
	var out []LedgerMonth
	for _, i := range sortedKeys(seen) {
		m := fromIndex(i)
		if !from.IsZero() && m.Before(member.MonthOf(from)) || !to.IsZero() && m.After(member.MonthOf(to)) {
			continue
		}
		lm := LedgerMonth{Month: m, NotYetDue: i > lastDue}
		p, hasP := c.payslips[i]
		cr := c.credits[i]
		if hasP {
			lm.HasPayslip, lm.DeductedJHT, lm.DeductedJP, lm.Source = true, int64(p.DeductJHT), int64(p.DeductJP), srcOf(p)
			lm.JPExcess = jpExcess(p)
		}
		if cr != nil {
			lm.HasCredit, lm.CreditedJHT, lm.CreditedJP, lm.Paid, lm.CardSource = true, cr.jhtW, cr.jpW, cr.paid, cr.source
		}
		lm.Deducted, lm.Credited = lm.DeductedJHT+lm.DeductedJP, lm.CreditedJHT+lm.CreditedJP
		if hasP && !lm.NotYetDue {
			lm.Gap = shortfall(p, cr)
		}
		out = append(out, lm)
	}
	return out
}

// shortfall is what a payslip deducted for JHT and JP beyond the worker's
// shares the card carries (all of it with no credit), 0 within
// ShareTolerance a deducted share. JP deducted above its lawful most
// (jpExcess) counts only up to it: the excess is KindJPAboveCap's, not
// money owed to the card.
func shortfall(p member.Payslip, cr *credit) int64 {
	ded := int64(p.DeductJHT+p.DeductJP) - jpExcess(p)
	var got int64
	if cr != nil {
		got = cr.worker()
	}
	var tol int64
	for _, d := range []member.Rupiah{p.DeductJHT, p.DeductJP} {
		if d > 0 {
			tol += ShareTolerance
		}
	}
	if ded-got > tol {
		return ded - got
	}
	return 0
}

// jpExcess is the JP a payslip deducted above 1% of its wage up to the
// month's JP cap (all of it before July 2015), when that is more than
// ShareTolerance; 0 when the payslip gives no wage to judge by.
func jpExcess(p member.Payslip) int64 {
	wage := int64(p.Wage())
	if p.DeductJP <= 0 || wage <= 0 {
		return 0
	}
	allowed := rates.Pct(min(wage, rates.JPWageCap(p.Period)), rates.JPWorkerBP)
	if d := int64(p.DeductJP) - allowed; d > ShareTolerance {
		return d
	}
	return 0
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for i := range m {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}
