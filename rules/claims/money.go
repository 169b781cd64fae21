package claims

import (
	"time"
)

// Channel is where a JHT claim can be filed.
type Channel int

// The channels.
const (
	// JMO is the Jamsostek Mobile app: fully digital, for balances up to
	// the JMO limit.
	JMO Channel = iota
	// LapakAsik is "Pelayanan Tanpa Kontak Fisik", the website
	// lapakasik.bpjsketenagakerjaan.go.id, on working days.
	LapakAsik
	// Branch is a BPJS Ketenagakerjaan branch office.
	Branch
)

// JMOLimit is the highest balance JMO takes a claim for since May 2025;
// JMOLimitBefore is the limit until then (CiteChannel).
const (
	JMOLimit       int64 = 15_000_000
	JMOLimitBefore int64 = 10_000_000
)

// JMOLimitFrom is when the JMO limit rose to Rp15 juta.
var JMOLimitFrom = time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC)

// JMOLimitOn is the JMO limit in force on a day.
func JMOLimitOn(day time.Time) int64 {
	if day.Before(JMOLimitFrom) {
		return JMOLimitBefore
	}
	return JMOLimit
}

// Channels returns where a claim of amount can be filed on day: JMO (as
// well as Lapak Asik and a branch) up to the JMO limit, otherwise Lapak
// Asik or a branch.
func Channels(amount int64, day time.Time) []Channel {
	if amount <= JMOLimitOn(day) {
		return []Channel{JMO, LapakAsik, Branch}
	}
	return []Channel{LapakAsik, Branch}
}

// ChannelAllowed reports whether a claim of amount could have been filed
// through ch on day.
func ChannelAllowed(ch Channel, amount int64, day time.Time) bool {
	for _, c := range Channels(amount, day) {
		if c == ch {
			return true
		}
	}
	return false
}

// The payout times in working days, from the day the documents are
// declared complete (CitePayout).
const (
	PayoutFastDays = 1
	PayoutSlowDays = 5
	// PayoutFastLimit is the threshold BPJS Ketenagakerjaan gave for the
	// one-day payout (2024, and still on its page as CNN Indonesia quoted
	// it in December 2025).
	PayoutFastLimit int64 = 10_000_000
)

// Payout is how long a claim of some amount takes to be paid.
type Payout struct {
	MinDays, MaxDays int // working days; MinDays == MaxDays unless disputed
	// Disputed is true for amounts above Rp10 juta up to the JMO limit:
	// JMO has taken them since May 2025, but the one-day promise we could
	// read still names Rp10 juta. The screen shows "1–5 hari kerja" and
	// the app counts the five when it decides a claim is late.
	Disputed bool
}

// PayoutDays is the payout time for a claim of amount.
func PayoutDays(amount int64) Payout {
	switch {
	case amount <= PayoutFastLimit:
		return Payout{MinDays: PayoutFastDays, MaxDays: PayoutFastDays}
	case amount <= JMOLimit:
		return Payout{MinDays: PayoutFastDays, MaxDays: PayoutSlowDays, Disputed: true}
	default:
		return Payout{MinDays: PayoutSlowDays, MaxDays: PayoutSlowDays}
	}
}

// AddWorkingDays returns the end of the n-th working day (Monday to
// Friday) after from's day, at midnight starting the next day, in from's
// location. National holidays are not known to the app and count as
// working days, which errs towards calling a claim late a day or two
// early; the screen says so.
func AddWorkingDays(from time.Time, n int) time.Time {
	d := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, from.Location())
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d.AddDate(0, 0, 1)
}

// WorkingDaysBetween counts the working days after from's day up to and
// including to's day.
func WorkingDaysBetween(from, to time.Time) int {
	a := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, from.Location())
	b := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, from.Location())
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// Tax thresholds (CiteTax, CiteBrackets).
const (
	// LumpSumFreeUpTo is the part of a JHT paid at once taxed at 0%; the
	// part above is taxed at LumpSumBP, final.
	LumpSumFreeUpTo int64 = 50_000_000
	LumpSumBP       int64 = 500
	// NPWPAbove: above this balance the claim asks for an NPWP (the
	// press, quoting BPJS Ketenagakerjaan; CiteDocuments).
	NPWPAbove int64 = 50_000_000
)

// LumpSumTax is the final tax on a JHT of amount paid at once: 0% up to
// Rp50 juta and 5% of the part above.
func LumpSumTax(amount int64) int64 {
	if amount <= LumpSumFreeUpTo {
		return 0
	}
	return (amount - LumpSumFreeUpTo) * LumpSumBP / 10000
}

// bracket is one layer of UU PPh Pasal 17(1)a.
type bracket struct {
	upTo int64 // 0: no upper bound
	bp   int64
}

var brackets = []bracket{
	{60_000_000, 500},
	{250_000_000, 1500},
	{500_000_000, 2500},
	{5_000_000_000, 3000},
	{0, 3500},
}

// BracketTax is the income tax on amount at the rates of UU PPh Pasal
// 17(1)a as amended by UU HPP (5% up to Rp60 juta, 15% to Rp250 juta, 25%
// to Rp500 juta, 30% to Rp5 miliar, 35% above), the rates that apply to a
// JHT payment more than two calendar years after the first part was paid.
// It taxes the amount alone, as if it were the year's only income: an
// estimate of the effect, not the member's tax return.
func BracketTax(amount int64) int64 {
	var tax, from int64
	for _, b := range brackets {
		if amount <= from {
			break
		}
		top := amount
		if b.upTo != 0 && b.upTo < top {
			top = b.upTo
		}
		tax += (top - from) * b.bp / 10000
		from = b.upTo
		if b.upTo == 0 {
			break
		}
	}
	return tax
}

// TwoYearWindowEnd is the last day the rest of a JHT can be paid with the
// final lump-sum rates after a first part was paid on first: the end of
// the next calendar year (two calendar years in all).
func TwoYearWindowEnd(first time.Time) time.Time {
	return time.Date(first.Year()+1, time.December, 31, 0, 0, 0, 0, first.Location())
}
