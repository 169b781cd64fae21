package rates

import "time"

// Contribution is one month's dues on one card.
type Contribution struct {
	Wage                   int64
	JHTEmployer, JHTWorker int64
	JPEmployer, JPWorker   int64
	JKK, JKM, JKP          int64
}

// JHT is the month's JHT total.
func (c Contribution) JHT() int64 { return c.JHTEmployer + c.JHTWorker }

// JP is the month's JP total.
func (c Contribution) JP() int64 { return c.JPEmployer + c.JPWorker }

// Worker is what the employer deducts from the wage: the worker's JHT and
// JP shares.
func (c Contribution) Worker() int64 { return c.JHTWorker + c.JPWorker }

// Total is what employer and worker actually pay; JKP is excluded because it
// is government- and recomposition-funded (see JKPBP).
func (c Contribution) Total() int64 { return c.JHT() + c.JP() + c.JKK + c.JKM }

// Compute applies the rules to one month's wage on a card of the given JKK
// risk class. JP is due from JPStart on the wage up to the month's cap; JKP
// is computed from JKPStart on the wage up to JKPWageCap.
func Compute(month time.Time, wage int64, riskClass int) Contribution {
	c := Contribution{
		Wage:        wage,
		JHTEmployer: Pct(wage, JHTEmployerBP),
		JHTWorker:   Pct(wage, JHTWorkerBP),
		JKK:         Pct(wage, JKKBP(riskClass)),
		JKM:         Pct(wage, JKMBP),
	}
	if !month.Before(JPStart) {
		base := min(wage, JPWageCap(month))
		c.JPEmployer = Pct(base, JPEmployerBP)
		c.JPWorker = Pct(base, JPWorkerBP)
	}
	if bp := JKPRateBP(month); bp > 0 {
		c.JKP = Pct(min(wage, JKPWageCap), bp)
	}
	return c
}
