package claims

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
)

// Partial is the partial withdrawal (CitePartial): once, after at least 10
// years of membership, up to 10% of the balance for other needs in
// preparing for retirement or up to 30% for housing.
type Partial struct {
	State    State         // Ready, Blocked (Blockers) or Paid/InProcess (Used)
	Blockers []Blocker     // TooShort, AlreadyUsed, NotActive
	From     time.Time     // MemberSince + 10 years
	Years    int           // whole years of membership today
	Used     *member.Claim // the partial withdrawal already claimed, if any

	Balance    int64 // today's total JHT balance
	Amount10   int64
	Amount30   int64
	Tax10      int64 // final tax on the 10% paid now (0 up to Rp50 juta)
	Tax30      int64
	WindowEnd  time.Time // if taken today: the end of the two-calendar-year window
	RestTax10  int64     // tax on the rest after 10%, paid within the window (final, combined)
	RestLate10 int64     // the same rest paid after the window (Pasal 17 rates, an estimate)

	Documents10, Documents30 []Document
}

// assessPartial applies the partial withdrawal rules.
func assessPartial(in Input) Partial {
	p := Partial{Balance: int64(in.Balance.Total)}
	if !in.Member.MemberSince.IsZero() {
		p.From = in.Member.MemberSince.AddDate(projection.PartialAfterYears, 0, 0)
		p.Years = yearsBetween(in.Member.MemberSince, in.Today)
	}
	p.Amount10 = p.Balance * 10 / 100
	p.Amount30 = p.Balance * 30 / 100
	p.Tax10, p.Tax30 = LumpSumTax(p.Amount10), LumpSumTax(p.Amount30)
	p.WindowEnd = TwoYearWindowEnd(in.Today)
	rest := p.Balance - p.Amount10
	p.RestTax10 = LumpSumTax(p.Balance) - LumpSumTax(p.Amount10)
	p.RestLate10 = BracketTax(rest)
	p.Documents10 = []Document{DocCard, DocKTP, DocStillWorking, DocBankBook}
	p.Documents30 = []Document{DocCard, DocKTP, DocStillWorking, DocHousing, DocBankBook}
	if p.Amount30 > NPWPAbove {
		p.Documents30 = append(p.Documents30, DocNPWP)
	}
	if p.Amount10 > NPWPAbove {
		p.Documents10 = append(p.Documents10, DocNPWP)
	}

	if used := UsedPartial(in.Claims); used != nil {
		p.Used = used
		if used.Status == "selesai" {
			p.State = Paid
		} else {
			p.State = InProcess
		}
		p.Blockers = []Blocker{AlreadyUsed}
		return p
	}
	if p.From.IsZero() || in.Today.Before(p.From) {
		p.Blockers = append(p.Blockers, TooShort)
	}
	if in.Member.Status != "aktif" {
		p.Blockers = append(p.Blockers, NotActive)
	}
	if len(p.Blockers) > 0 {
		p.State = Blocked
	}
	return p
}

// UsedPartial is the partial withdrawal already claimed and not refused,
// or nil: it may be taken once.
func UsedPartial(claims []member.Claim) *member.Claim {
	for i := range claims {
		if IsPartial(claims[i]) && claims[i].Status != "ditolak" {
			return &claims[i]
		}
	}
	return nil
}
