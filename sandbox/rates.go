package sandbox

import "time"

// Contribution rules applied to the seeded history. Sources:
//   - JHT 5.7% of wage (3.7% employer, 2% worker): PP 46/2015 art. 16.
//   - JP 3% (2% employer, 1% worker) from July 2015, on wages capped at the
//     JP wage cap: PP 45/2015 art. 28 and 19. The cap starts at Rp7.000.000
//     and is raised every March by BPJS Ketenagakerjaan in line with GDP
//     growth (yearly announcements; e.g. Rp10.547.400 from March 2025,
//     Rp11.086.300 from March 2026).
//   - JKK by risk class, 0.24/0.54/0.89/1.27/1.74% of wage: PP 44/2015 annex I.
//   - JKM 0.30% of wage: PP 44/2015 art. 18.
//   - JKP from February 2021 on wages capped at Rp5.000.000: PP 37/2021.
//     0.46% until January 2025, 0.36% since February 2025 (PP 6/2025). It is
//     funded by the central government plus a recomposition of JKK (and until
//     PP 6/2025 of JKM), never by an extra employer charge, so it is reported
//     for information and not added to the month's total.
//
// Rates are in basis points of a percent (1 = 0.01%) so all arithmetic stays
// in integers and rounding is explicit.
const (
	bpJHTEmployer = 370
	bpJHTWorker   = 200
	bpJPEmployer  = 200
	bpJPWorker    = 100
	bpJKM         = 30
	bpJKPBefore   = 46
	bpJKP         = 36
	jkpWageCap    = 5_000_000
)

// jkkRates maps risk class (1–5) to basis points.
var jkkRates = [...]int64{1: 24, 2: 54, 3: 89, 4: 127, 5: 174}

var (
	jpStart  = month(2015, time.July)
	jkpStart = month(2021, time.February)
	// PP 6/2025 took effect in February 2025.
	jkpReducedFrom = month(2025, time.February)
)

// jpWageCaps is the JP wage cap series: each entry applies from its month
// until the next entry.
var jpWageCaps = []struct {
	from time.Time
	cap  int64
}{
	{month(2015, time.July), 7_000_000},
	{month(2016, time.March), 7_335_300},
	{month(2017, time.March), 7_703_500},
	{month(2018, time.March), 8_094_000},
	{month(2019, time.March), 8_512_400},
	{month(2020, time.March), 8_754_600},
	{month(2021, time.March), 8_939_700},
	{month(2022, time.March), 9_077_600},
	{month(2023, time.March), 9_559_600},
	{month(2024, time.March), 10_042_300},
	{month(2025, time.March), 10_547_400},
	{month(2026, time.March), 11_086_300},
}

// jhtReturns holds the yearly JHT development rate in basis points. These
// are sandbox figures in the range of the yields BPJS Ketenagakerjaan has
// announced (about 5–10% a year, falling over the decade); they are not
// official numbers and only need to be plausible and fixed.
var jhtReturns = map[int]int64{
	2009: 1020, 2010: 980, 2011: 950, 2012: 850, 2013: 860, 2014: 900,
	2015: 820, 2016: 750, 2017: 770, 2018: 670, 2019: 610, 2020: 560,
	2021: 560, 2022: 510, 2023: 610, 2024: 610, 2025: 620, 2026: 600,
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// JPWageCap returns the JP wage cap in force for the given month, or 0
// before JP existed.
func JPWageCap(period time.Time) int64 {
	var c int64
	for _, e := range jpWageCaps {
		if !period.Before(e.from) {
			c = e.cap
		}
	}
	return c
}

// pct applies a basis-point rate, rounding half up to whole rupiah as the
// contribution slips do.
func pct(wage, bp int64) int64 { return (wage*bp + 5000) / 10000 }

// Contribution is one month's computed dues on one card.
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

// Total is what employer and worker actually pay; JKP is excluded because it
// is government- and recomposition-funded (see the rate sources above).
func (c Contribution) Total() int64 { return c.JHT() + c.JP() + c.JKK + c.JKM }

// ComputeContribution applies the rules above to one month's reported wage.
func ComputeContribution(period time.Time, wage int64, riskClass int) Contribution {
	c := Contribution{
		Wage:        wage,
		JHTEmployer: pct(wage, bpJHTEmployer),
		JHTWorker:   pct(wage, bpJHTWorker),
		JKK:         pct(wage, jkkRates[riskClass]),
		JKM:         pct(wage, bpJKM),
	}
	if !period.Before(jpStart) {
		base := min(wage, JPWageCap(period))
		c.JPEmployer = pct(base, bpJPEmployer)
		c.JPWorker = pct(base, bpJPWorker)
	}
	if !period.Before(jkpStart) {
		rate := int64(bpJKP)
		if period.Before(jkpReducedFrom) {
			rate = bpJKPBefore
		}
		c.JKP = pct(min(wage, jkpWageCap), rate)
	}
	return c
}
