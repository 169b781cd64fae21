package claims

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Late is a JHT claim still open after its payout time.
type Late struct {
	Claim   member.Claim
	Start   time.Time // when the payout time began (see ClaimDue)
	Due     time.Time // the payout time's end
	Payout  Payout
	Working int // working days since Start, up to today
}

// ClaimDue is when an open JHT claim should have been paid: PayoutDays'
// maximum in working days after the first "diproses" event (the office
// took the documents up), or after submission when there is none. BPJS
// Ketenagakerjaan counts from the day the documents are declared complete,
// which the data does not say, so Due is an estimate. ok is false for a
// claim that is not an open JHT claim.
func ClaimDue(cl member.Claim) (start, due time.Time, p Payout, ok bool) {
	if cl.Program != "JHT" || (cl.Status != "diajukan" && cl.Status != "diproses") {
		return time.Time{}, time.Time{}, Payout{}, false
	}
	start = cl.Submitted
	for _, e := range cl.Timeline {
		if e.Status == "diproses" {
			start = e.At
			break
		}
	}
	p = PayoutDays(int64(cl.Amount))
	return start, AddWorkingDays(start, p.MaxDays), p, true
}

// IsLate reports whether an open JHT claim is past its payout time today.
func IsLate(cl member.Claim, today time.Time) (Late, bool) {
	start, due, p, ok := ClaimDue(cl)
	if !ok || today.Before(due) {
		return Late{}, false
	}
	return Late{Claim: cl, Start: start, Due: due, Payout: p, Working: WorkingDaysBetween(start, today)}, true
}

// LateClaims lists the open JHT claims past their payout time today.
func LateClaims(claims []member.Claim, today time.Time) []Late {
	var out []Late
	for _, cl := range claims {
		if l, ok := IsLate(cl, today); ok {
			out = append(out, l)
		}
	}
	return out
}
