// Package payslip runs the checks that only a member's own payslips (and
// employment facts and 1721-A1 tax slips) make possible, card by card,
// against what reached the card (the contributions month by month, from
// the server or read from BPJSTK statements):
//
//   - dipotong tapi tidak disetor: a JHT or JP deduction on the payslip and
//     no credit on the card, or a smaller worker's share than deducted;
//   - wrong shares: credited shares that are not 3.7% + 2% (JHT) and 2% + 1%
//     (JP, on the wage up to the year's cap) of the reported wage;
//   - JP deducted above 1% of the wage up to the cap; JKK or JKM deducted
//     from the worker (the employer pays them);
//   - the wage under-reported: the payslip's basic wage plus fixed
//     allowances against the reported wage, and what the gap costs
//     (audit.CompareWage, the "Upah saya" comparison);
//   - deducted but deposited late (Tgl Setor after the deadline), with the
//     employer's fine (audit.LateFine); months with no credit while employed
//     (member.Employment) or paid (a payslip);
//   - the yearly 1721-A1 cross-check.
//
// Every finding carries its rule and citation in both languages, marked
// when only a secondary source was read (rules.go). Amounts are whole
// rupiah. The package reads only the member model, imports no Fyne and does
// no I/O; the audit (rules/audit) runs beside it on the same data for the
// checks that need no payslip.
package payslip

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// Kind is what a finding is about.
type Kind string

// The kinds, in the order the screen lists them.
const (
	// KindNotDeposited: the payslip shows a JHT or JP deduction and less
	// (or nothing) reached the card as the worker's share.
	KindNotDeposited Kind = "not_deposited"
	// KindMissing: months with no credit on the card while the member was
	// employed (member.Employment) or was paid (a payslip).
	KindMissing Kind = "missing_employed"
	// KindWageUnder: the payslip's wage (basic plus fixed allowances)
	// above the wage reported to BPJSTK.
	KindWageUnder Kind = "wage_under_reported"
	// KindWrongShare: credited shares that depart from the rates of the
	// reported wage.
	KindWrongShare Kind = "wrong_share"
	// KindJPAboveCap: JP deducted above 1% of the wage up to the JP cap.
	KindJPAboveCap Kind = "jp_above_cap"
	// KindEmployerShare: JKK or JKM deducted from the worker.
	KindEmployerShare Kind = "employer_share_deducted"
	// KindLateDeposit: a month deducted from the pay and deposited after
	// the deadline.
	KindLateDeposit Kind = "late_deposit"
	// KindA1Mismatch: the 1721-A1's JHT/JP deduction above what reached
	// the card that year (or unlike the payslips' deductions).
	KindA1Mismatch Kind = "a1_mismatch"
)

// Kinds lists every kind in the screen's order.
var Kinds = []Kind{KindNotDeposited, KindMissing, KindWageUnder, KindWrongShare, KindJPAboveCap,
	KindEmployerShare, KindLateDeposit, KindA1Mismatch}

// Share names one of the four contribution shares.
type Share string

// The shares a card is credited with.
const (
	JHTEmployer Share = "jht_employer"
	JHTWorker   Share = "jht_worker"
	JPEmployer  Share = "jp_employer"
	JPWorker    Share = "jp_worker"
)

// ShareDiff is one share of one month that departs from its rate.
type ShareDiff struct {
	Share              Share
	Expected, Credited int64
}

// Month is one month of a finding. What Payslip, Card and Due hold
// depends on the kind:
//
//   - KindNotDeposited: Payslip the JHT+JP deduction, Card the worker's
//     shares credited, Amount the difference (JP deducted above its
//     lawful most is KindJPAboveCap's and left out of it);
//   - KindMissing: Payslip the deduction (0 without a payslip), Due the JHT
//     and JP the month should carry at Wage, Amount = Due;
//   - KindWageUnder: Payslip the payslip's wage, Card the reported wage,
//     Amount the JHT and JP the gap did not carry (Gap has the rest);
//   - KindWrongShare: Due and Card the four shares' sums, Shares each share
//     that departs, Amount the shortfall;
//   - KindJPAboveCap: Payslip the JP deducted, Due 1% of the capped wage,
//     Amount the excess;
//   - KindEmployerShare: Payslip the JKK+JKM deducted, Amount the same;
//   - KindLateDeposit: Payslip the deduction, Late the deadline, payment
//     and fine, Amount the fine;
//   - KindA1Mismatch: Month is January of the year; Due the A1's amount,
//     Card the worker's shares credited that year, Payslip the payslips'
//     deductions that year (0 with none), Amount Due − Card when positive.
type Month struct {
	Month              time.Time
	Payslip, Card, Due int64
	Wage               int64 // the wage the month was computed on, where one was
	Amount             int64
	Shares             []ShareDiff
	Late               *audit.LateMonth
	// Source and CardSource: where the payslip's and the card's figures
	// came from (nil when typed in or fetched from the server).
	Source, CardSource *member.Source
}

// Finding is one departure from the rules on one card.
type Finding struct {
	Kind          Kind
	KPJ, Employer string
	Months        []Month // oldest first
	Amount        int64   // the sum of the months' Amount
	// Gap is the wage comparison behind KindWageUnder (JHT now and at 56,
	// JP, JKP).
	Gap *audit.Gap
	// Year is KindA1Mismatch's tax year.
	Year int
}

// Rule is the finding's rule and citation.
func (f Finding) Rule() Rule { return rules[f.Kind] }

// From and To are the first and last month concerned.
func (f Finding) From() time.Time { return f.Months[0].Month }

// To is the last month concerned.
func (f Finding) To() time.Time { return f.Months[len(f.Months)-1].Month }

// Input is what the checks read.
type Input struct {
	Member member.Member
	// Contributions by year, as memberdata holds them (or a statement
	// reader produces them).
	Contributions map[int]member.Contributions
	Payslips      []member.Payslip
	Employments   []member.Employment
	A1            []member.A1Deduction
	// AsOf is when the data was true: a month whose deadline has not
	// passed by then is not yet owed.
	AsOf time.Time
}

// Report is every finding, and the payslips no card could be found for.
type Report struct {
	AsOf     time.Time
	Findings []Finding
	// Unmatched payslips name no card and no employer the member's cards
	// or employments know, while several cards were open: the screen asks
	// the member which card they belong to.
	Unmatched []member.Payslip
}

// Total is the sum of the findings' amounts of one kind.
func (r Report) Total(k Kind) int64 {
	var n int64
	for _, f := range r.Findings {
		if f.Kind == k {
			n += f.Amount
		}
	}
	return n
}

// Run checks every card the member's data knows.
func Run(in Input) Report {
	ix := index(in)
	rep := Report{AsOf: in.AsOf, Unmatched: ix.unmatched}
	lastDue := audit.LastDue(in.AsOf)
	for _, c := range ix.cards {
		rep.Findings = append(rep.Findings, checkCard(c, in, lastDue)...)
	}
	order := map[Kind]int{}
	for i, k := range Kinds {
		order[k] = i
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool { return order[rep.Findings[i].Kind] < order[rep.Findings[j].Kind] })
	return rep
}

func checkCard(c *card, in Input, lastDue time.Time) []Finding {
	var out []Finding
	add := func(f Finding) {
		if len(f.Months) == 0 {
			return
		}
		f.KPJ, f.Employer = c.kpj, c.employer
		for _, m := range f.Months {
			f.Amount += m.Amount
		}
		out = append(out, f)
	}
	add(notDeposited(c, lastDue))
	add(missing(c, lastDue))
	add(wageUnder(c, in.Member.BirthDate, in.AsOf))
	add(wrongShares(c))
	add(jpAboveCap(c))
	add(employerShare(c))
	add(lateDeposits(c))
	for _, f := range a1Mismatches(c) {
		add(f)
	}
	return out
}
