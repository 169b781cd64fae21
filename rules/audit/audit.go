package audit

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Kind is what a finding is about.
type Kind string

// The kinds of findings, in the order the screen lists them.
const (
	// KindMissing: months with nothing paid while the card was open.
	KindMissing Kind = "missing"
	// KindLagging: the card is open but the newest paid month is older
	// than the newest month already due.
	KindLagging Kind = "lagging"
	// KindLate: months paid after the deadline.
	KindLate Kind = "late"
	// KindNoJP: JHT paid without JP from July 2015.
	KindNoJP Kind = "no_jp"
	// KindWageFlat: the same reported wage for WageFlatMonths or more.
	KindWageFlat Kind = "wage_flat"
	// KindWageDrop: the reported wage fell from one month to the next.
	KindWageDrop Kind = "wage_drop"
)

var kindOrder = map[Kind]int{KindMissing: 0, KindLagging: 1, KindLate: 2, KindNoJP: 3, KindWageFlat: 4, KindWageDrop: 5}

// LateMonth is one month paid after its deadline.
type LateMonth struct {
	Month, Deadline, Paid time.Time
	DaysLate              int
	MonthsLate            int   // months of delay the fine counts
	Dues                  int64 // the month's dues (JHT, JP, JKK, JKM; Dues says how, for a printout's month)
	Fine                  int64 // the employer's fine: dues × rate × months late
	MaybeHoliday          bool  // within HolidayGraceDays: on time if the 15th was a holiday
}

// Finding is one departure from the rules on one card.
type Finding struct {
	Kind          Kind
	KPJ, Employer string
	// Months are the months concerned, oldest first (for KindWageFlat the
	// first and last month of the run; for KindWageDrop the month the wage
	// fell in).
	Months []time.Time
	// Late holds one entry per month for KindLate.
	Late []LateMonth
	// Wage and PrevWage: the run's wage (KindWageFlat), the wage before
	// and after the drop (KindWageDrop), the last wage reported before
	// the gap (KindMissing, KindLagging).
	Wage, PrevWage int64
	// Amount is the finding's money: for missing and lagging months the
	// JHT and JP those months would have carried at the last reported wage;
	// for KindNoJP the JP not paid (3% of the wage up to the cap); for
	// KindLate the fines (the employer's, not the member's).
	Amount int64
	// WorkerShare is the part of Amount deducted from the member's own
	// wage (2% JHT, 1% JP), where the finding has one.
	WorkerShare int64
	Cite        string
	Source      Source
}

// ReliefKind names a contribution relief.
type ReliefKind string

// The reliefs the audit knows.
const (
	// ReliefCOVID: PP 49/2020, August 2020 to January 2021.
	ReliefCOVID ReliefKind = "covid"
	// ReliefPadatKarya: PP 7/2025, 50% off JKK in six industries.
	ReliefPadatKarya ReliefKind = "padat_karya"
)

// Relief is a run of months on a card under a contribution relief: they
// are labelled, not flagged.
type Relief struct {
	Kind          ReliefKind
	KPJ, Employer string
	Months        []time.Time
	// Applied says the dues show the relief was used (JKK and JKM at 1%,
	// or JKK at half); JPDeferred that JP was paid at less than its due
	// (PP 49/2020's deferral).
	Applied, JPDeferred bool
	// Extension: the PP 7/2025 months PP 36/2025 added (August 2025 to
	// January 2026).
	Extension bool
	Cite      string
	Source    Source
}

// CardReport is the audit of one card.
type CardReport struct {
	KPJ, Employer string
	Open          bool
	// First and Last are the first and last months the card should carry
	// (opened to closed, or to the newest month already due); FirstPaid
	// and LastPaid those that do.
	First, Last, FirstPaid, LastPaid time.Time
	MonthsDue, MonthsPaid, OnTime    int
	Findings                         []Finding
	Reliefs                          []Relief
	// SelfPaid: the member pays his own dues (a BPU or PMI member, see
	// SelfPaid): there is no employer, so no findings; Unpaid are the
	// months due and not paid, the member's own (CiteSelfPaid), and
	// Lapsed says the last SelfPaidLapseMonths or more of them run to
	// the newest month due.
	SelfPaid bool
	Unpaid   []time.Time
	Lapsed   bool
}

// Report is the whole audit.
type Report struct {
	AsOf  time.Time
	Cards []CardReport
}

// Findings lists every card's findings, in the screen's order.
func (r Report) Findings() []Finding {
	var out []Finding
	for _, c := range r.Cards {
		out = append(out, c.Findings...)
	}
	sort.SliceStable(out, func(i, j int) bool { return kindOrder[out[i].Kind] < kindOrder[out[j].Kind] })
	return out
}

// Reliefs lists every card's relief months.
func (r Report) Reliefs() []Relief {
	var out []Relief
	for _, c := range r.Cards {
		out = append(out, c.Reliefs...)
	}
	return out
}

// Input is what the audit reads.
type Input struct {
	Member member.Member
	// Contributions by year, as memberdata holds them.
	Contributions map[int]member.Contributions
	// AsOf is when the data was true (the balance date, or when it was
	// fetched): months whose deadline has not passed by then are not due.
	AsOf time.Time
}

// Run audits every card of the member.
func Run(in Input) Report {
	byCard := map[string][]member.MonthContribution{}
	for _, c := range in.Contributions {
		for _, m := range c.Months {
			m.Period = member.Month(m.Period.Year(), m.Period.Month())
			byCard[m.KPJ] = append(byCard[m.KPJ], m)
		}
	}
	rep := Report{AsOf: in.AsOf}
	for _, card := range in.Member.Cards {
		months := byCard[card.KPJ]
		sort.Slice(months, func(i, j int) bool { return months[i].Period.Before(months[j].Period) })
		// The segment is today's: it describes the open card; a closed
		// card of a self-paid member is earlier employment, audited as
		// an employer's.
		if SelfPaid(in.Member.Segment) && card.Closed.IsZero() {
			rep.Cards = append(rep.Cards, selfPaidCard(card, months, in.Member.Segment, in.AsOf))
			continue
		}
		rep.Cards = append(rep.Cards, auditCard(card, months, in.Member.BirthDate, in.AsOf))
	}
	return rep
}

// lastDue is the newest month whose deadline has passed by asOf.
func lastDue(asOf time.Time) time.Time { return lastDueFor("", asOf) }

func lastDueFor(segment string, asOf time.Time) time.Time {
	m := member.Month(asOf.Year(), asOf.Month())
	for !DeadlineFor(segment, m).Before(asOf) {
		m = m.AddDate(0, -1, 0)
	}
	return m
}

// selfPaidCard is a self-paid card: the months due (to the newest whose
// deadline of the 15th passed), those paid, on time, and the member's own
// months unpaid. No finding: there is no employer to hold to the rules.
func selfPaidCard(card member.KPJCard, months []member.MonthContribution, segment string, asOf time.Time) CardReport {
	cr := CardReport{KPJ: card.KPJ, Employer: card.EmployerName, Open: card.Closed.IsZero(), SelfPaid: true}
	cr.First = member.MonthOf(card.Opened)
	cr.Last = lastDueFor(segment, asOf)
	if !cr.Open {
		cr.Last = member.MonthOf(card.Closed)
	}
	paid := map[int]bool{}
	for _, m := range months {
		paid[member.MonthIndex(m.Period)] = true
		if cr.FirstPaid.IsZero() {
			cr.FirstPaid = m.Period
		}
		cr.LastPaid = m.Period
		if !m.PaidDate.IsZero() && !m.PaidDate.After(DeadlineFor(segment, m.Period)) && !m.Period.After(cr.Last) {
			cr.OnTime++
		}
	}
	if card.Opened.IsZero() || cr.Last.Before(cr.First) {
		return cr
	}
	cr.MonthsDue = member.MonthIndex(cr.Last) - member.MonthIndex(cr.First) + 1
	run := 0
	for i := member.MonthIndex(cr.First); i <= member.MonthIndex(cr.Last); i++ {
		if paid[i] {
			cr.MonthsPaid++
			run = 0
			continue
		}
		cr.Unpaid = append(cr.Unpaid, fromIndex(i))
		run++
	}
	cr.Lapsed = cr.Open && run >= SelfPaidLapseMonths
	return cr
}

func auditCard(card member.KPJCard, months []member.MonthContribution, birth, asOf time.Time) CardReport {
	cr := CardReport{KPJ: card.KPJ, Employer: card.EmployerName, Open: card.Closed.IsZero()}
	cr.First = member.Month(card.Opened.Year(), card.Opened.Month())
	if cr.Open {
		cr.Last = lastDue(asOf)
	} else {
		cr.Last = member.Month(card.Closed.Year(), card.Closed.Month())
	}
	if len(months) > 0 {
		cr.FirstPaid, cr.LastPaid = months[0].Period, months[len(months)-1].Period
	}
	// A card closed before its month's last day (a lay-off in the middle
	// of a month) with that month unpaid: the month is not held against
	// the employer. It may owe dues on the part-month wage, which the data
	// cannot tell; JKP does not need the month either (jkp, PP 6/2025
	// Pasal 19).
	if !cr.Open && card.Closed.AddDate(0, 0, 1).Month() == card.Closed.Month() && cr.LastPaid.Before(cr.Last) {
		cr.Last = cr.Last.AddDate(0, -1, 0)
	}
	if len(months) > 0 {
		if card.Opened.IsZero() || cr.FirstPaid.Before(cr.First) {
			cr.First = cr.FirstPaid
		}
	}
	if cr.First.IsZero() || cr.Last.Before(cr.First) {
		return cr
	}
	cr.MonthsDue = member.MonthIndex(cr.Last) - member.MonthIndex(cr.First) + 1
	f := func(k Kind, cite string) Finding {
		return Finding{Kind: k, KPJ: card.KPJ, Employer: card.EmployerName, Cite: cite}
	}

	paid := map[int]member.MonthContribution{}
	for _, m := range months {
		paid[member.MonthIndex(m.Period)] = m
	}
	for i := range paid {
		if i >= member.MonthIndex(cr.First) && i <= member.MonthIndex(cr.Last) {
			cr.MonthsPaid++
		}
	}

	// Missing months inside the paid span, and the months after the last
	// paid one (lagging) or before the first (missing too).
	missing := f(KindMissing, CiteDuty)
	lagging := f(KindLagging, CiteDuty)
	var prev *member.MonthContribution
	for i := member.MonthIndex(cr.First); i <= member.MonthIndex(cr.Last); i++ {
		if m, ok := paid[i]; ok {
			prev = &m
			continue
		}
		target := &missing
		if cr.LastPaid.IsZero() || i > member.MonthIndex(cr.LastPaid) {
			target = &lagging
		}
		target.Months = append(target.Months, fromIndex(i))
		if prev != nil {
			c := rates.Compute(fromIndex(i), int64(prev.ReportedWage), 0)
			target.Amount += c.JHT() + c.JP()
			target.WorkerShare += c.Worker()
			target.Wage = int64(prev.ReportedWage)
		}
	}
	for _, x := range []Finding{missing, lagging} {
		if len(x.Months) > 0 {
			cr.Findings = append(cr.Findings, x)
		}
	}

	// Late months.
	late := f(KindLate, CiteDeadline)
	late.Source = SourceSecondary
	for _, m := range months {
		if m.PaidDate.IsZero() {
			continue
		}
		dl := Deadline(m.Period)
		n := monthsLate(dl, m.PaidDate)
		if n == 0 {
			if !m.Period.After(cr.Last) {
				cr.OnTime++
			}
			continue
		}
		days := int(m.PaidDate.Sub(dl).Hours() / 24)
		dues := Dues(m)
		lm := LateMonth{Month: m.Period, Deadline: dl, Paid: m.PaidDate, DaysLate: days, MonthsLate: n,
			Dues: dues, Fine: dues * fineBP(m.Period) * int64(n) / 10000, MaybeHoliday: days <= HolidayGraceDays}
		late.Late = append(late.Late, lm)
		late.Months = append(late.Months, m.Period)
		late.Amount += lm.Fine
	}
	if len(late.Late) > 0 {
		cr.Findings = append(cr.Findings, late)
	}

	// JHT without JP.
	noJP := f(KindNoJP, CiteJP)
	for _, m := range months {
		if m.Period.Before(rates.JPStart) || m.JHT <= 0 || m.JP > 0 {
			continue
		}
		if !birth.IsZero() && m.Period.Year()-birth.Year() >= pensionAge(m.Period.Year()) {
			continue
		}
		base := min(int64(m.ReportedWage), rates.JPWageCap(m.Period))
		noJP.Months = append(noJP.Months, m.Period)
		noJP.Amount += rates.Pct(base, rates.JPEmployerBP) + rates.Pct(base, rates.JPWorkerBP)
		noJP.WorkerShare += rates.Pct(base, rates.JPWorkerBP)
		noJP.Wage = int64(m.ReportedWage)
	}
	if len(noJP.Months) > 0 {
		cr.Findings = append(cr.Findings, noJP)
	}

	cr.Findings = append(cr.Findings, wageFindings(card, months)...)
	cr.Reliefs = reliefs(card, months)
	return cr
}

// wageFindings: runs of one reported wage for WageFlatMonths months or
// more (consecutive months), and every month the wage fell.
func wageFindings(card member.KPJCard, months []member.MonthContribution) []Finding {
	var out []Finding
	flush := func(run []member.MonthContribution) {
		if len(run) >= WageFlatMonths {
			out = append(out, Finding{Kind: KindWageFlat, KPJ: card.KPJ, Employer: card.EmployerName,
				Months: []time.Time{run[0].Period, run[len(run)-1].Period}, Wage: int64(run[0].ReportedWage), Cite: CiteWage})
		}
	}
	start := 0
	for i := 1; i <= len(months); i++ {
		if i < len(months) && months[i].ReportedWage == months[start].ReportedWage &&
			member.MonthIndex(months[i].Period) == member.MonthIndex(months[i-1].Period)+1 {
			continue
		}
		flush(months[start:i])
		start = i
	}
	for i := 1; i < len(months); i++ {
		if months[i].ReportedWage < months[i-1].ReportedWage {
			out = append(out, Finding{Kind: KindWageDrop, KPJ: card.KPJ, Employer: card.EmployerName,
				Months: []time.Time{months[i].Period}, Wage: int64(months[i].ReportedWage),
				PrevWage: int64(months[i-1].ReportedWage), Cite: CiteWage})
		}
	}
	return out
}

// reliefs labels the card's months inside a relief window. PP 49/2020's
// window is labelled whenever the card has months in it (its deadline
// applied to every employer); PP 7/2025's only where the JKK paid is half a
// class rate, since it covered six industries only.
func reliefs(card member.KPJCard, months []member.MonthContribution) []Relief {
	covid := Relief{Kind: ReliefCOVID, KPJ: card.KPJ, Employer: card.EmployerName, Cite: CiteCOVID}
	pk := Relief{Kind: ReliefPadatKarya, KPJ: card.KPJ, Employer: card.EmployerName, Cite: CitePadatKarya}
	pkExt := pk
	pkExt.Cite, pkExt.Source, pkExt.Extension = CitePadatKaryaExt, SourceSecondary, true
	for _, m := range months {
		wage := int64(m.ReportedWage)
		if rates.InCOVIDRelief(m.Period) {
			covid.Months = append(covid.Months, m.Period)
			// A printout shows no JKM: whether the relief was used is not
			// known from it.
			if !m.OnlyJHTJP && int64(m.JKM)*2 < rates.Pct(wage, rates.JKMBP) {
				covid.Applied = true
			}
			if due := rates.Compute(m.Period, wage, 0); int64(m.JP)*2 < due.JP() {
				covid.JPDeferred = true
			}
			continue
		}
		if in, _ := rates.InPadatKarya(m.Period); in && halfJKK(wage, int64(m.JKK)) {
			r := &pk
			if rates.InPadatKaryaExtension(m.Period) {
				r = &pkExt
			}
			r.Months = append(r.Months, m.Period)
			r.Applied = true
		}
	}
	var out []Relief
	for _, r := range []Relief{covid, pk, pkExt} {
		if len(r.Months) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// halfJKK reports whether jkk is half of some risk class's JKK on wage
// (within a rupiah of rounding).
func halfJKK(wage, jkk int64) bool {
	for class := 1; class <= 5; class++ {
		if d := jkk - rates.HalfJKK(wage, class); d >= -1 && d <= 1 && jkk > 0 {
			return true
		}
	}
	return false
}
