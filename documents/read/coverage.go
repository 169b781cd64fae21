package read

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
)

// Span is a run of months, first and last included (firsts of months).
type Span struct{ From, To time.Time }

// coverage is, per card, the months the documents speak for: a statement
// speaks for its whole year (a month it does not list was not paid), a
// JMO list for its months from the first to the last it lists. A month no
// document speaks for is unknown, not unpaid: the member gave the
// statements of 2024–2026, not those before.
func coverage(b documents.Bundle) map[string][]Span {
	kinds := map[string]documents.Kind{}
	months := map[string]map[int]bool{}
	cover := func(kpj string, from, to int) {
		if months[kpj] == nil {
			months[kpj] = map[int]bool{}
		}
		for i := from; i <= to; i++ {
			months[kpj][i] = true
		}
	}
	for _, d := range b.Documents {
		kinds[d.SHA256] = d.Kind
		if d.Kind == documents.KindStatement && d.KPJ != "" && d.Year > 0 {
			cover(d.KPJ, member.MonthIndex(member.Month(d.Year, time.January)), member.MonthIndex(member.Month(d.Year, time.December)))
		}
	}
	type key struct{ sha, kpj string }
	lists := map[key][2]int{}
	for _, c := range b.Months {
		if c.Source == nil || kinds[c.Source.SHA256] == documents.KindStatement {
			continue
		}
		k, i := key{c.Source.SHA256, c.KPJ}, member.MonthIndex(c.Period)
		r, ok := lists[k]
		if !ok {
			r = [2]int{i, i}
		}
		lists[k] = [2]int{min(r[0], i), max(r[1], i)}
	}
	for k, r := range lists {
		cover(k.kpj, r[0], r[1])
	}
	// Months a reader gave without a source speak for themselves.
	for _, c := range b.Months {
		if c.Source == nil {
			i := member.MonthIndex(c.Period)
			cover(c.KPJ, i, i)
		}
	}
	out := map[string][]Span{}
	for kpj, set := range months {
		idx := make([]int, 0, len(set))
		for i := range set {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		for j, i := range idx {
			if j > 0 && i == idx[j-1]+1 {
				out[kpj][len(out[kpj])-1].To = fromIndex(i)
				continue
			}
			out[kpj] = append(out[kpj], Span{From: fromIndex(i), To: fromIndex(i)})
		}
	}
	return out
}

func fromIndex(i int) time.Time { return member.Month(i/12, time.Month(i%12+1)) }

// Audit runs the audit (rules/audit) over the months the documents speak
// for (Model.Coverage): each card's runs of covered months are audited
// as if the card had been open only then, so a year whose statement was
// not given is not "missing", and the reports of a card's runs are joined
// into one. A card no contribution document speaks for is not audited (it
// is listed, with nothing due). The app's book calls this instead of
// audit.Run.
func Audit(md Model) audit.Report {
	return AuditCovered(audit.Input{Member: md.Member, Contributions: md.Contributions, AsOf: md.AsOf}, md.Coverage)
}

// AuditCovered is Audit over the audit's own input and the coverage (the
// app holds these, not a Model): cov[kpj] are the card's covered runs.
func AuditCovered(in audit.Input, cov map[string][]Span) audit.Report {
	rep := audit.Report{AsOf: in.AsOf}
	for _, card := range in.Member.Cards {
		cr := audit.CardReport{KPJ: card.KPJ, Employer: card.EmployerName, Open: card.Closed.IsZero()}
		spans := cov[card.KPJ]
		for i, s := range spans {
			part := card
			if s.From.After(part.Opened) || i > 0 {
				part.Opened = s.From
			}
			if i < len(spans)-1 {
				part.Closed, part.Status = s.To.AddDate(0, 1, -1), "nonaktif"
			}
			m := in.Member
			m.Cards = []member.KPJCard{part}
			sub := audit.Run(audit.Input{Member: m, Contributions: within(in.Contributions, card.KPJ, s), AsOf: in.AsOf}).Cards[0]
			if i == 0 {
				cr.First, cr.FirstPaid = sub.First, sub.FirstPaid
			}
			if cr.FirstPaid.IsZero() {
				cr.FirstPaid = sub.FirstPaid
			}
			cr.Last = sub.Last
			if !sub.LastPaid.IsZero() {
				cr.LastPaid = sub.LastPaid
			}
			cr.MonthsDue += sub.MonthsDue
			cr.MonthsPaid += sub.MonthsPaid
			cr.OnTime += sub.OnTime
			cr.Findings = append(cr.Findings, sub.Findings...)
			cr.Reliefs = append(cr.Reliefs, sub.Reliefs...)
		}
		rep.Cards = append(rep.Cards, cr)
	}
	return rep
}

// within is a card's months inside a span, by year: the audit of one run
// sees no month of another (it would count the years between as unpaid,
// and a late month twice).
func within(all map[int]member.Contributions, kpj string, s Span) map[int]member.Contributions {
	out := map[int]member.Contributions{}
	for y, c := range all {
		var months []member.MonthContribution
		for _, m := range c.Months {
			if m.KPJ == kpj && !m.Period.Before(s.From) && !m.Period.After(s.To) {
				months = append(months, m)
			}
		}
		if len(months) > 0 {
			c.Months = months
			out[y] = c
		}
	}
	return out
}

// covered reports whether any card's documents speak for month.
func covered(cov map[string][]Span, month time.Time) bool {
	for _, spans := range cov {
		for _, s := range spans {
			if !month.Before(s.From) && !month.After(s.To) {
				return true
			}
		}
	}
	return false
}

// PayslipCheck runs the payslip checks (rules/payslip) over the months
// the documents speak for, as Audit does: a payslip of a month no
// statement or JMO list covers has nothing to be compared with (its
// deduction is not "not paid in"), a job is checked for missing months
// only where the documents cover it, and a 1721-A1 only for a year they
// cover. The app's book calls this instead of payslip.Run.
func PayslipCheck(md Model) payslip.Report {
	return PayslipCheckCovered(payslip.Input{Member: md.Member, Contributions: md.Contributions, Payslips: md.Payslips,
		Employments: md.Employment, A1: md.A1, AsOf: md.AsOf}, md.Coverage)
}

// PayslipCheckCovered is PayslipCheck over the payslip checks' own input
// and the coverage (the app holds these, not a Model).
func PayslipCheckCovered(all payslip.Input, cov map[string][]Span) payslip.Report {
	in := payslip.Input{Member: all.Member, Contributions: all.Contributions, AsOf: all.AsOf}
	for _, p := range all.Payslips {
		if covered(cov, member.MonthOf(p.Period)) {
			in.Payslips = append(in.Payslips, p)
		}
	}
	for _, e := range all.Employments {
		spans := cov[e.KPJ]
		if e.KPJ == "" {
			for _, s := range cov {
				spans = append(spans, s...)
			}
		}
		for _, s := range spans {
			part := e
			if part.Start.IsZero() || part.Start.Before(s.From) {
				part.Start = s.From
			}
			if end := s.To.AddDate(0, 1, -1); part.End.IsZero() || part.End.After(end) {
				part.End = end
				if !e.End.IsZero() && !e.End.After(end) {
					part.End = e.End
				}
			}
			if part.End.Before(part.Start) {
				continue
			}
			in.Employments = append(in.Employments, part)
		}
	}
	for _, a := range all.A1 {
		for m := time.January; m <= time.December; m++ {
			if covered(cov, member.Month(a.Year, m)) {
				in.A1 = append(in.A1, a)
				break
			}
		}
	}
	return payslip.Run(in)
}
