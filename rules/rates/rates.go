// Package rates holds the contribution rules of the five BPJS
// Ketenagakerjaan programs for wage earners (Penerima Upah): the rates, the
// JP and JKP wage caps, when each program began, and the regulation behind
// each, as a citation the app can show where the rule decides something.
//
// Rates are in basis points of a percent (1 = 0.01%) so all arithmetic stays
// in integers and rounding is explicit. The package is Fyne-free; the sandbox,
// the audit and the benefit rules all read it.
package rates

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Rates in basis points of the month's wage (basic wage plus fixed
// allowances).
const (
	// JHT: 5.7%, 3.7% paid by the employer and 2% deducted from the wage.
	JHTEmployerBP = 370
	JHTWorkerBP   = 200
	// JP: 3%, 2% paid by the employer and 1% deducted from the wage, on the
	// wage up to the JP wage cap.
	JPEmployerBP = 200
	JPWorkerBP   = 100
	// JKM: 0.30%, paid by the employer.
	JKMBP = 30
	// JKP: 0.46% until January 2025, 0.36% since February 2025, on the wage
	// up to JKPWageCap. It is funded by the central government plus a
	// recomposition of JKK (and until PP 6/2025 of JKM), never by an extra
	// charge on employer or worker.
	JKPBeforeBP = 46
	JKPBP       = 36
	// JKP benefit: 60% of the wage (capped at JKPWageCap) for six months,
	// since PP 6/2025 (before: 45% for three months, then 25% for three).
	JKPBenefitBP = 6000
)

// JKPWageCap is the highest wage JKP contributions and benefits are
// computed on.
const JKPWageCap int64 = 5_000_000

// JPInitialCap is the JP wage cap JP started with in July 2015.
const JPInitialCap int64 = 7_000_000

var (
	// JPStart is the first month of JP contributions.
	JPStart = member.Month(2015, time.July)
	// JKPStart is the first month of JKP (PP 37/2021, from February 2021).
	JKPStart = member.Month(2021, time.February)
	// JKPReducedFrom is when PP 6/2025 lowered the JKP rate to 0.36%.
	JKPReducedFrom = member.Month(2025, time.February)
)

// Citations, for code comments and for the screen.
const (
	CiteJHT        = "PP 46/2015 Pasal 16"
	CiteJP         = "PP 45/2015 Pasal 28"
	CiteJPCap      = "PP 45/2015 Pasal 29"
	CiteJPStart    = "PP 45/2015 (berlaku 1 Juli 2015)"
	CiteJKK        = "PP 44/2015 Pasal 16 ayat (1)"
	CiteJKM        = "PP 44/2015 Pasal 18"
	CiteJKP        = "PP 37/2021 Pasal 11 jo. PP 6/2025"
	CiteJKPCap     = "PP 37/2021 Pasal 12"
	CiteJKPBenefit = "PP 37/2021 Pasal 21 jo. PP 6/2025"
	// CiteGDP is where the growth figures behind the JP cap come from.
	CiteGDP = "BPS, Berita Resmi Statistik pertumbuhan ekonomi (Februari tiap tahun)"
)

// jkkBP maps the JKK risk class (1 very low to 5 very high) to basis
// points: 0.24, 0.54, 0.89, 1.27 and 1.74% (PP 44/2015 Pasal 16 ayat (1);
// Lampiran I only groups the kinds of business into the five classes).
var jkkBP = [...]int64{1: 24, 2: 54, 3: 89, 4: 127, 5: 174}

// JKKBP returns the JKK rate of a risk class in basis points, or 0 for a
// class that does not exist.
func JKKBP(class int) int64 {
	if class < 1 || class >= len(jkkBP) {
		return 0
	}
	return jkkBP[class]
}

// JKPRateBP returns the JKP rate in force in a month, or 0 before JKP.
func JKPRateBP(month time.Time) int64 {
	switch {
	case month.Before(JKPStart):
		return 0
	case month.Before(JKPReducedFrom):
		return JKPBeforeBP
	default:
		return JKPBP
	}
}

// Pct applies a basis-point rate, rounding half up to whole rupiah as the
// contribution slips do.
func Pct(wage, bp int64) int64 { return (wage*bp + 5000) / 10000 }

// AddMonths adds n calendar months, keeping to the last day of a shorter
// month: 31 January + 1 month is 28 February (29 in a leap year), where
// Go's AddDate would give 3 March. The rules count every "month after" a
// date this way (the JHT wait, the JKP claim window).
func AddMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location()).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
