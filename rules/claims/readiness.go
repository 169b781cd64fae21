package claims

import (
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Reason is a ground for claiming the JHT balance.
type Reason int

// The reasons, in the order the screen lists them.
const (
	Resignation      Reason = iota // mengundurkan diri
	Layoff                         // pemutusan hubungan kerja (PHK)
	RetirementAge                  // usia 56
	Disability                     // cacat total tetap
	LeavingIndonesia               // meninggalkan Indonesia untuk selama-lamanya
	Death                          // meninggal dunia: the heirs claim
)

// Reasons is every reason, in order.
var Reasons = []Reason{Resignation, Layoff, RetirementAge, Disability, LeavingIndonesia, Death}

// Cite is the rule behind a reason.
func (r Reason) Cite() Citation {
	switch r {
	case Resignation:
		return CiteResignation
	case Layoff:
		return CiteLayoff
	case RetirementAge:
		return CiteAge
	case Disability:
		return CiteDisability
	case LeavingIndonesia:
		return CiteLeaving
	default:
		return CiteDeath
	}
}

// State is how far a reason is from a claim.
type State int

// The states.
const (
	// Ready: the data shows nothing standing in the way.
	Ready State = iota
	// Waiting: the one-month wait has not passed; From is the first day.
	Waiting
	// Blocked: something in the data stands in the way (Blockers).
	Blocked
	// Depends: the reason rests on facts the app does not hold (a
	// doctor's statement, a death, a departure); the documents say what
	// is needed.
	Depends
	// InProcess: a claim on this card is being processed (Claim).
	InProcess
	// Paid: the balance of this card has been paid (Claim).
	Paid
)

// Blocker is what stands in the way of a reason.
type Blocker int

// The blockers.
const (
	// CardActive: the card is still active. Only the employer can report
	// it non-active (after the member has left), which a resignation or
	// PHK claim needs.
	CardActive Blocker = iota
	// WorkingAgain: another card is active, i.e. the member works again;
	// BPJS Ketenagakerjaan then asks for the cards to be merged instead
	// of a claim on the old one (CiteMerge; secondary).
	WorkingAgain
	// AgeNotReached: the member is younger than 56 (From is the birthday).
	AgeNotReached
	// TooShort: fewer than 10 years of membership (partial withdrawal).
	TooShort
	// AlreadyUsed: the partial withdrawal was used already; it is once.
	AlreadyUsed
	// NotActive: the partial withdrawal is for active members.
	NotActive
)

// Document is one paper a claim asks for.
type Document int

// The documents.
const (
	DocCard             Document = iota // Kartu peserta BPJS Ketenagakerjaan (KPJ)
	DocKTP                              // KTP or other identity
	DocKK                               // Kartu Keluarga
	DocResignLetter                     // keterangan pengunduran diri dari pemberi kerja
	DocPHKProof                         // bukti PHK
	DocBankBook                         // buku tabungan atas nama sendiri
	DocNPWP                             // NPWP (balance above Rp50 juta)
	DocDoctor                           // surat keterangan dokter: cacat total tetap
	DocPassport                         // paspor
	DocLeavingStatement                 // surat pernyataan tidak bekerja lagi di Indonesia / visa
	DocDeathCertificate                 // surat keterangan kematian
	DocHeirStatement                    // surat keterangan ahli waris
	DocHeirIdentity                     // KTP dan KK ahli waris
	DocHeirBankBook                     // buku tabungan ahli waris
	DocStillWorking                     // surat keterangan masih aktif bekerja
	DocHousing                          // dokumen kepemilikan rumah / perjanjian kredit (30%)
)

// Documents is the checklist for a reason on a balance (CiteDocuments and
// each reason's Citation).
func Documents(r Reason, balance int64) []Document {
	var docs []Document
	switch r {
	case Resignation:
		docs = []Document{DocCard, DocKTP, DocKK, DocResignLetter, DocBankBook}
	case Layoff:
		docs = []Document{DocCard, DocKTP, DocKK, DocPHKProof, DocBankBook}
	case RetirementAge:
		docs = []Document{DocCard, DocKTP, DocKK, DocBankBook}
	case Disability:
		docs = []Document{DocCard, DocKTP, DocKK, DocDoctor, DocBankBook}
	case LeavingIndonesia:
		docs = []Document{DocCard, DocPassport, DocLeavingStatement, DocBankBook}
	case Death:
		return []Document{DocCard, DocDeathCertificate, DocHeirStatement, DocHeirIdentity, DocHeirBankBook}
	}
	if balance > NPWPAbove {
		docs = append(docs, DocNPWP)
	}
	return docs
}

// Check is one reason on one card.
type Check struct {
	Reason   Reason
	State    State
	Blockers []Blocker
	From     time.Time // Waiting / AgeNotReached: the first day it opens
	Claim    *member.Claim
}

// TaxRule says how the tax on a card's balance was computed.
type TaxRule int

// The tax rules.
const (
	// TaxLumpSum: the final 0% / 5% on the balance paid at once.
	TaxLumpSum TaxRule = iota
	// TaxCombined: a partial withdrawal was paid within the last two
	// calendar years, so the rest is taxed together with it at the final
	// rates.
	TaxCombined
	// TaxBrackets: a partial withdrawal was paid more than two calendar
	// years ago, so the rest is taxed at the Pasal 17 rates (an estimate).
	TaxBrackets
)

// Card is one KPJ card's readiness.
type Card struct {
	KPJ, Employer string
	Active        bool
	Opened        time.Time
	Closed        time.Time // zero while active
	Balance       int64
	Channels      []Channel
	Payout        Payout
	Tax           int64
	TaxRule       TaxRule
	Checks        []Check // one per Reasons entry, same order
}

// Input is what the rules read: the member's data as fetched or cached.
type Input struct {
	Member  member.Member
	Balance member.Balance
	Claims  []member.Claim
	Today   time.Time
}

// Assessment is everything the rules found.
type Assessment struct {
	Age     int       // whole years today
	Turns56 time.Time // the 56th birthday
	Cards   []Card
	Partial Partial
	Late    []Late
	Merge   Merge
}

// WaitMonths is the wait after a resignation or PHK (CiteResignation,
// CiteLayoff).
const WaitMonths = 1

// Assess applies every rule to the member's data.
func Assess(in Input) Assessment {
	a := Assessment{
		Age:     yearsBetween(in.Member.BirthDate, in.Today),
		Turns56: in.Member.BirthDate.AddDate(projection.RetirementAge, 0, 0),
	}
	balances := map[string]int64{}
	for _, acc := range in.Balance.Accounts {
		balances[acc.KPJ] = int64(acc.Total)
	}
	activeCards := 0
	for _, c := range in.Member.Cards {
		if cardActive(c) {
			activeCards++
		}
	}
	a.Partial = assessPartial(in)
	for _, c := range in.Member.Cards {
		card := Card{KPJ: c.KPJ, Employer: c.EmployerName, Active: cardActive(c), Opened: c.Opened,
			Balance: balances[c.KPJ]}
		if !card.Active {
			card.Closed = c.Closed
		}
		card.Channels = Channels(card.Balance, in.Today)
		card.Payout = PayoutDays(card.Balance)
		card.Tax, card.TaxRule = balanceTax(card.Balance, a.Partial, in.Today)
		claim := cardClaim(in.Claims, c.KPJ)
		otherActive := activeCards - b2i(card.Active)
		for _, r := range Reasons {
			card.Checks = append(card.Checks, checkReason(r, card, claim, otherActive > 0, a, in.Today))
		}
		a.Cards = append(a.Cards, card)
	}
	a.Late = LateClaims(in.Claims, in.Today)
	a.Merge = assessMerge(in)
	return a
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func cardActive(c member.KPJCard) bool { return c.Status == "aktif" || c.Closed.IsZero() }

// checkReason decides one reason on one card.
func checkReason(r Reason, card Card, claim *member.Claim, otherActive bool, a Assessment, today time.Time) Check {
	ch := Check{Reason: r}
	if claim != nil {
		ch.Claim = claim
		if claim.Status == "selesai" {
			ch.State = Paid
		} else {
			ch.State = InProcess
		}
		return ch
	}
	switch r {
	case Resignation, Layoff:
		switch {
		case card.Active:
			ch.State, ch.Blockers = Blocked, []Blocker{CardActive}
		case today.Before(rates.AddMonths(card.Closed, WaitMonths)):
			// 31 January + 1 month is 28 February (rates.AddMonths).
			ch.State, ch.From = Waiting, rates.AddMonths(card.Closed, WaitMonths)
		case otherActive:
			ch.State, ch.Blockers = Blocked, []Blocker{WorkingAgain}
		default:
			ch.State = Ready
		}
	case RetirementAge:
		if today.Before(a.Turns56) {
			ch.State, ch.Blockers, ch.From = Blocked, []Blocker{AgeNotReached}, a.Turns56
		} else {
			ch.State = Ready
		}
	default:
		ch.State = Depends
	}
	return ch
}

// cardClaim is the card's full JHT claim not refused, newest first, or nil.
func cardClaim(claims []member.Claim, kpj string) *member.Claim {
	var found *member.Claim
	for i := range claims {
		cl := &claims[i]
		if cl.KPJ != kpj || cl.Program != "JHT" || cl.Status == "ditolak" || IsPartial(*cl) {
			continue
		}
		if found == nil || cl.Submitted.After(found.Submitted) {
			found = cl
		}
	}
	return found
}

// IsPartial reports whether a claim is a partial withdrawal (its type
// names "sebagian", 10% or 30%).
func IsPartial(cl member.Claim) bool {
	t := strings.ToLower(cl.Type)
	return cl.Program == "JHT" && (strings.Contains(t, "sebagian") || strings.Contains(t, "10%") || strings.Contains(t, "30%"))
}

// balanceTax is the tax on balance paid at once today, given the partial
// withdrawal already taken, if any.
func balanceTax(balance int64, p Partial, today time.Time) (int64, TaxRule) {
	if p.Used == nil || p.Used.Status != "selesai" {
		return LumpSumTax(balance), TaxLumpSum
	}
	paid := claimPaidOn(*p.Used)
	if !today.After(TwoYearWindowEnd(paid)) {
		first := int64(p.Used.Amount)
		return LumpSumTax(first+balance) - LumpSumTax(first), TaxCombined
	}
	return BracketTax(balance), TaxBrackets
}

// claimPaidOn is when a finished claim was paid: its last event, or the
// day it was filed.
func claimPaidOn(cl member.Claim) time.Time {
	if n := len(cl.Timeline); n > 0 {
		return cl.Timeline[n-1].At
	}
	return cl.Submitted
}

// yearsBetween counts whole years from a to b.
func yearsBetween(a, b time.Time) int {
	if a.IsZero() || b.Before(a) {
		return 0
	}
	y := b.Year() - a.Year()
	if b.Month() < a.Month() || (b.Month() == a.Month() && b.Day() < a.Day()) {
		y--
	}
	return y
}

// sortedCards returns the member's cards oldest first.
func sortedCards(cards []member.KPJCard) []member.KPJCard {
	out := append([]member.KPJCard(nil), cards...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Opened.Before(out[j].Opened) })
	return out
}
