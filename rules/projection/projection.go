// Package projection is the arithmetic of "Simulasi JHT": where a member's
// JHT balance may stand at the retirement age if contributions, wage growth
// and returns carry on as assumed, and whether the partial withdrawal
// (10% or 30% of the balance) is already open to them.
//
// The rules, from PP 46/2015 on the JHT programme as amended by PP 60/2015,
// and Permenaker 19/2015 (now Permenaker 4/2022):
//   - the JHT contribution is 5.7% of the reported wage (3.7% employer,
//     2% worker), PP 46/2015 art. 16;
//   - the balance is paid out at 56, the retirement age, PP 46/2015 art. 26
//     jo. PP 60/2015;
//   - after at least 10 years of membership a member may draw once either
//     up to 10% of the balance (preparing for retirement) or up to 30%
//     (housing), PP 46/2015 Pasal 22 (PP 60/2015 amended only Pasal 26).
//
// The model is deliberately simple and says so on screen: yearly steps;
// each year the balance earns the return rate, then twelve months of
// contributions on that year's wage are credited at its end (they earn
// nothing in the year they are paid, which errs on the low side); the wage
// grows once a year after each step. Months left over after the whole
// years earn a pro-rata simple return and their contributions. Amounts are
// rounded to whole rupiah after each step. It never imports Fyne.
package projection

import (
	"errors"
	"math"
	"time"
)

// Rules and the defaults the screen states.
const (
	ContributionRate  = 0.057 // JHT: 3.7% employer + 2% worker
	RetirementAge     = 56
	PartialAfterYears = 10   // years of membership before a partial withdrawal
	PartialRetirement = 0.10 // share of the balance for retirement preparation
	PartialHousing    = 0.30 // share of the balance for housing
	DefaultWageGrowth = 0.05 // a year
	DefaultReturnRate = 0.06 // a year
	maxRate           = 1.0  // 100% a year: anything above is a typo

	// The same shares in whole percent, for the rupiah arithmetic.
	partialRetirementPct = 10
	partialHousingPct    = 30
)

// Params are the simulation's inputs.
type Params struct {
	Balance     int64     // current JHT balance, rupiah
	MonthlyWage int64     // reported wage now, rupiah a month
	WageGrowth  float64   // yearly, 0.05 = 5%
	ReturnRate  float64   // yearly, 0.06 = 6%
	BirthDate   time.Time // the member's
	MemberSince time.Time // first membership
	Today       time.Time
}

// Year is one step of the projection.
type Year struct {
	Age           int   // the member's age at the end of the step
	Months        int   // 12, or fewer for the last partial step
	Wage          int64 // monthly wage during the step
	Contributions int64
	Returns       int64
	Closing       int64
}

// Result is the projection.
type Result struct {
	RetireOn      time.Time // the 56th birthday
	Months        int       // months until then (0 when already reached)
	Balance       int64     // projected balance at 56
	Contributions int64     // paid in until then
	Returns       int64     // earned until then
	Years         []Year

	MembershipYears int       // whole years of membership today
	PartialOpen     bool      // 10% / 30% withdrawal already possible
	PartialFrom     time.Time // when it opens (MemberSince + 10 years)
	Partial10       int64     // 10% of today's balance
	Partial30       int64     // 30% of today's balance
}

// Input errors.
var (
	ErrNegative  = errors.New("projection: negative amount")
	ErrRate      = errors.New("projection: rate out of range")
	ErrBirthDate = errors.New("projection: birth date missing or in the future")
)

// monthsBetween counts whole months from a to b (0 if b is before a).
func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return max(m, 0)
}

// Project runs the simulation.
func Project(p Params) (Result, error) {
	if p.Balance < 0 || p.MonthlyWage < 0 {
		return Result{}, ErrNegative
	}
	for _, r := range []float64{p.WageGrowth, p.ReturnRate} {
		if math.IsNaN(r) || r < -0.5 || r > maxRate {
			return Result{}, ErrRate
		}
	}
	if p.BirthDate.IsZero() || p.BirthDate.After(p.Today) {
		return Result{}, ErrBirthDate
	}
	res := Result{RetireOn: p.BirthDate.AddDate(RetirementAge, 0, 0)}
	res.Months = monthsBetween(p.Today, res.RetireOn)

	bal := float64(p.Balance)
	wage := float64(p.MonthlyWage)
	age := RetirementAge - int(math.Ceil(float64(res.Months)/12))
	for left := res.Months; left > 0; {
		n := min(left, 12)
		ret := math.Round(bal * p.ReturnRate * float64(n) / 12)
		contrib := math.Round(float64(n) * math.Round(wage) * ContributionRate)
		bal += ret + contrib
		if n == 12 {
			age++
		}
		res.Years = append(res.Years, Year{Age: age, Months: n, Wage: int64(math.Round(wage)),
			Contributions: int64(contrib), Returns: int64(ret), Closing: int64(bal)})
		res.Contributions += int64(contrib)
		res.Returns += int64(ret)
		left -= n
		wage *= 1 + p.WageGrowth
	}
	if len(res.Years) > 0 {
		res.Years[len(res.Years)-1].Age = RetirementAge
	}
	res.Balance = int64(bal)

	if !p.MemberSince.IsZero() {
		res.MembershipYears = monthsBetween(p.MemberSince, p.Today) / 12
		res.PartialFrom = p.MemberSince.AddDate(PartialAfterYears, 0, 0)
		res.PartialOpen = !p.Today.Before(res.PartialFrom)
	}
	// Whole rupiah rounded down, as rules/claims (Hak saya) computes the
	// same withdrawal: one figure on both screens (the 30% of Rp
	// 125.403.842 is Rp 37.621.152, not 37.621.153).
	res.Partial10 = int64(p.Balance) * partialRetirementPct / 100
	res.Partial30 = int64(p.Balance) * partialHousingPct / 100
	return res, nil
}
