// Package pension is the arithmetic of Jaminan Pensiun (JP) from the
// member's own contributions: the months paid toward the 180 a monthly
// pension needs, the pension age by birth year, an estimated first-year
// monthly pension clamped to the year's minimum and maximum, the lump sum
// paid instead below 180 months, and the rule that JP is not paid on
// resignation. Every rule carries its Citation; where only a secondary
// source confirms a figure or an article number, it says so. It never
// imports Fyne.
package pension

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Citation is the source of a rule, as the screen shows it.
type Citation struct {
	Text      string
	Secondary bool // confirmed only by a secondary source (the press, a legal database)
}

// The citations.
var (
	// Pasal 15 as quoted in full by hrd-forum.com: 56 at first, 57 from 1
	// January 2019, then one more year every three years up to 65.
	CiteAge = Citation{Text: "PP 45/2015 Pasal 15"}
	// Pasal 17(2)–(3), quoted in full by hrd-forum.com: 1% × masa iur/12 ×
	// the average indexed yearly wage/12.
	CiteFormula = Citation{Text: "PP 45/2015 Pasal 17 ayat (2)–(3)"}
	// The wage counted is capped (rates.CiteJPCap).
	CiteCap = Citation{Text: rates.CiteJPCap}
	// The minimum and maximum, Rp300.000 and Rp3.600.000 at first (ayat 1
	// and 2), adjusted every year by the previous year's general inflation
	// (ayat 3): quoted as Pasal 18 by krishand.com (an HR vendor's note of
	// BPJS Ketenagakerjaan's 2016 letter) and the press (Sulselsatu, 7
	// January 2025). A review of our rules named Pasal 19–20; the texts we
	// read say Pasal 18.
	CiteBounds = Citation{Text: "PP 45/2015 Pasal 18 ayat (1)–(3)", Secondary: true}
	// The published figures: 2023's Rp383.400 and Rp4.598.100, BPJS
	// Ketenagakerjaan's as Kontan reported them (we did not find the
	// article in our stored pages; the figures are the review's). The
	// years after are ours: the year before's figure × (1 + its BPS
	// inflation), rounded up to Rp100 (the way the published figures are
	// said to be rounded; not confirmed).
	CitePublishedBounds = Citation{Text: "BPJS Ketenagakerjaan, manfaat pensiun minimum dan maksimum 2023 (diberitakan Kontan)", Secondary: true}
	// A monthly pension needs a masa iur of at least 15 years (180 months);
	// below it the member gets the contributions and their returns at
	// once. The press states the 180 months; Permenaker 29/2015 Pasal 26
	// (read on pasal.id) refers to its Pasal 14 for the lump sum.
	CiteMinimum = Citation{Text: "PP 45/2015 jo. Permenaker 29/2015 Pasal 14", Secondary: true}
	// JP is paid on reaching the pension age, permanent total disability or
	// death (the definition of Manfaat Pensiun), never on resignation.
	CiteNotOnResign = Citation{Text: "PP 45/2015 Pasal 1 angka 2", Secondary: true}
	// JP is for wage earners (Penerima Upah); a self-employed member
	// (Bukan Penerima Upah) joins JKK and JKM and may join JHT, and a
	// migrant worker (PMI) has the programs of the migrant-worker rules;
	// neither joins JP. Read in secondary sources (BPJS Ketenagakerjaan's
	// BPU FAQ as reposted by its agents; Perdir 22/PERDIR.02/072022 on
	// membership names the BPU and PMI technical rules).
	CiteNotInJP = Citation{Text: "PP 45/2015 (peserta JP: pekerja penerima upah); Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022", Secondary: true}
	// Inflation: BPS's December-on-December figures.
	CiteInflation = Citation{Text: "BPS, inflasi tahunan (Desember ke Desember)"}
)

// MinimumMonths is the masa iur a monthly pension needs.
const MinimumMonths = 180

// Bounds of the first pension, the first year (CiteBounds).
const (
	FirstMin  int64 = 300_000
	FirstMax  int64 = 3_600_000
	FirstYear       = 2015
)

// Inflation is one year's inflation, December on December.
type Inflation struct {
	Year int
	BP   int64 // basis points of a percent
	// Checked is true where we read the figure in a report of BPS's release
	// for this build; the others are BPS's figures as commonly cited, not
	// re-checked, and the screen says so.
	Checked bool
}

// InflationChain is every year since JP began. 2020, 2022, 2023, 2024
// and 2025 were read in reports of BPS's releases (2 January 2025: 1,57%
// for 2024, 2,61% for 2023, 5,51% for 2022; 1,68% for 2020; 5 January
// 2026: 2,92% for 2025, December 2025 on December 2024, BPS's press
// release 2527 as TVRI, Antara and GoodStats reported it). A year missing
// here is not indexed (factor 1), which the screen says.
var InflationChain = []Inflation{
	{2015, 335, false},
	{2016, 302, false},
	{2017, 361, false},
	{2018, 313, false},
	{2019, 272, false},
	{2020, 168, true},
	{2021, 187, false},
	{2022, 551, true},
	{2023, 261, true},
	{2024, 157, true},
	{2025, 292, true},
}

// inflationBP is a year's inflation, and whether the chain has it.
func inflationBP(year int) (int64, bool) {
	for _, in := range InflationChain {
		if in.Year == year {
			return in.BP, true
		}
	}
	return 0, false
}

// IndexFactor is the factor (in millionths) that brings rupiah of year
// from into rupiah of year to: the product of (1 + inflation) of the years
// from .. to-1. Years the chain lacks count as 0%.
func IndexFactor(from, to int) int64 {
	f := int64(1_000_000)
	for y := from; y < to; y++ {
		bp, _ := inflationBP(y)
		f = f * (10000 + bp) / 10000
	}
	return f
}

// Bounds are a year's minimum and maximum first pension.
type Bounds struct {
	Year     int
	Min, Max int64
	// Published: the figures BPJS Ketenagakerjaan published for the year
	// (2015's in the regulation, 2023's as the press reported them).
	Published bool
	// Indexed: our figures. From PublishedYear on, the last published
	// figures raised every year by the year before's inflation and
	// rounded up to Rp100 (NextBound); before it, the first ones indexed
	// by the chain and rounded down, an estimate with nothing to check it.
	Indexed bool
	// Missing lists the years whose inflation the chain lacks.
	Missing []int
}

// The last published bounds (CitePublishedBounds).
const (
	PublishedYear       = 2023
	PublishedMin  int64 = 383_400
	PublishedMax  int64 = 4_598_100
)

// NextBound is a bound raised by a year's inflation and rounded up to
// Rp100: prev × (10000 + bp) / 10000, up to the next multiple of 100.
func NextBound(prev, bp int64) int64 {
	return (prev*(10000+bp) + 999_999) / 1_000_000 * 100
}

// BoundsFor is a year's bounds: the published ones where they exist, and
// from the last published year on, each year's raised by the year
// before's inflation (PP 45/2015 Pasal 18 ayat 3, CiteBounds).
func BoundsFor(year int) Bounds {
	b := Bounds{Year: year, Min: FirstMin, Max: FirstMax}
	switch {
	case year <= FirstYear:
		b.Published = true
		return b
	case year < PublishedYear:
		f := IndexFactor(FirstYear, year)
		b.Min = FirstMin * f / 1_000_000 / 100 * 100
		b.Max = FirstMax * f / 1_000_000 / 100 * 100
		b.Indexed = true
		for y := FirstYear; y < year; y++ {
			if _, ok := inflationBP(y); !ok {
				b.Missing = append(b.Missing, y)
			}
		}
		return b
	}
	b.Min, b.Max, b.Published = PublishedMin, PublishedMax, year == PublishedYear
	for y := PublishedYear; y < year; y++ {
		bp, ok := inflationBP(y)
		if !ok {
			b.Missing = append(b.Missing, y)
			continue
		}
		b.Min, b.Max, b.Indexed = NextBound(b.Min, bp), NextBound(b.Max, bp), true
	}
	return b
}

// AgeInForce is the pension age in force in a calendar year (Pasal 15): 56
// until 2018, 57 from 2019, one more every three years, at most 65 (from
// 2043).
func AgeInForce(year int) int {
	if year < 2019 {
		return 56
	}
	return min(65, 57+(year-2019)/3)
}

// PensionAge is the age at which a member born on birth reaches the
// pension age: the first age that is at least the age in force in the year
// the member turns it. It returns the age and that birthday.
func PensionAge(birth time.Time) (int, time.Time) {
	for age := 56; age < 65; age++ {
		if age >= AgeInForce(birth.Year()+age) {
			return age, birth.AddDate(age, 0, 0)
		}
	}
	return 65, birth.AddDate(65, 0, 0)
}

// Input is what the estimate reads.
type Input struct {
	// Segment is the member's (member.Member.Segment): a self-employed
	// (BPU) or migrant (PMI) member cannot join JP.
	Segment   string
	BirthDate time.Time
	Months    []member.MonthContribution // every year's
	Today     time.Time
}

// Estimate is the JP picture.
type Estimate struct {
	// NotInJP: the member's segment has no JP ("BPU" or "PMI"; "" when
	// it has). The months and estimate still describe any JP paid on
	// earlier wage-earner cards.
	NotInJP     string
	Months      int // masa iur so far: distinct months with a JP contribution
	Remaining   int // months still needed for 180 (0 when reached)
	PensionAge  int
	PensionDate time.Time
	Paid        int64 // JP contributions so far (employer + worker), current rupiah
	LastWage    int64 // the last month's wage counted (capped)

	// AverageWage is the average capped wage, each month indexed to
	// today's year by inflation.
	AverageWage int64
	// Now is the first monthly pension on today's masa iur (if it already
	// reaches 180), in today's rupiah, before clamping; NowClamped after.
	Now, NowClamped int64
	// Contributing: the last contribution is recent, so the member is
	// assumed to go on paying on LastWage until the pension age.
	Contributing bool
	// MonthsAtPension and AtPension: the masa iur and the monthly pension
	// (today's rupiah, wage kept at LastWage) at the pension age if the
	// member goes on contributing; AtPensionClamped after clamping. Zero
	// when not Contributing.
	MonthsAtPension             int
	AtPension, AtPensionClamped int64
	ReachesMinimumOn            time.Time // the month 180 is reached if contributing
	Bounds                      Bounds
}

// monthly is 1% × months/12 × average (PP 45/2015 Pasal 17(2)).
func monthly(months int, average int64) int64 { return average * int64(months) / 1200 }

func clamp(v int64, b Bounds) int64 { return max(b.Min, min(b.Max, v)) }

// recentMonths: a last contribution this many months before today counts
// as still contributing.
const recentMonths = 3

// Estimate works the rules out.
func EstimateFor(in Input) Estimate {
	e := Estimate{Bounds: BoundsFor(in.Today.Year())}
	if in.Segment == "BPU" || in.Segment == "PMI" {
		e.NotInJP = in.Segment
	}
	e.PensionAge, e.PensionDate = PensionAge(in.BirthDate)

	wages := map[time.Time]int64{} // month → capped wage; one per month across cards
	for _, m := range in.Months {
		if m.JP <= 0 {
			continue
		}
		e.Paid += int64(m.JP)
		p := time.Date(m.Period.Year(), m.Period.Month(), 1, 0, 0, 0, 0, time.UTC)
		w := min(int64(m.ReportedWage), rates.JPWageCap(p))
		wages[p] = max(wages[p], w)
	}
	periods := make([]time.Time, 0, len(wages))
	for p := range wages {
		periods = append(periods, p)
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].Before(periods[j]) })
	e.Months = len(periods)
	e.Remaining = max(0, MinimumMonths-e.Months)
	if e.Months == 0 {
		return e
	}
	var sum int64
	for _, p := range periods {
		sum += wages[p] * IndexFactor(p.Year(), in.Today.Year()) / 1_000_000
	}
	e.AverageWage = sum / int64(e.Months)
	last := periods[len(periods)-1]
	e.LastWage = wages[last]
	if e.Months >= MinimumMonths {
		e.Now = monthly(e.Months, e.AverageWage)
		e.NowClamped = clamp(e.Now, e.Bounds)
	}

	cutoff := time.Date(in.Today.Year(), in.Today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -recentMonths, 0)
	if last.Before(cutoff) || e.NotInJP != "" {
		return e
	}
	e.Contributing = true
	// Months after the last one, up to the month before the pension
	// birthday's month.
	end := time.Date(e.PensionDate.Year(), e.PensionDate.Month(), 1, 0, 0, 0, 0, time.UTC)
	future := 0
	for p := last.AddDate(0, 1, 0); p.Before(end); p = p.AddDate(0, 1, 0) {
		future++
		if e.Months+future == MinimumMonths {
			e.ReachesMinimumOn = p
		}
	}
	if e.Months >= MinimumMonths {
		e.ReachesMinimumOn = periods[MinimumMonths-1]
	}
	e.MonthsAtPension = e.Months + future
	avg := (sum + e.LastWage*int64(future)) / int64(e.MonthsAtPension)
	if e.MonthsAtPension >= MinimumMonths {
		e.AtPension = monthly(e.MonthsAtPension, avg)
		e.AtPensionClamped = clamp(e.AtPension, e.Bounds)
	}
	return e
}
