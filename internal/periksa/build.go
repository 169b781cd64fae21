package periksa

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
	"github.com/cekbpjstk/cekbpjstk/rules/pension"
)

// Build runs every check on the documents, as the app runs them on server
// data: the audit as of the documents' date (ui/dashboard/audittab), the
// payslip checks (rules/payslip), and the rights as of today
// (ui/dashboard/rightstab).
func Build(b documents.Bundle, md read.Model, today time.Time, l member.Lang) Report {
	r := Report{Format: Format, Lang: string(l), Today: isoDate(today), AsOf: isoDate(md.AsOf),
		Member: memberOf(md), Findings: []Finding{}, Reliefs: []Relief{}, Notes: []string{}}
	r.Documents, r.Refused = docsAndRefused(b, l)
	if len(md.AssumedPrograms) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf(text[l].assumed, strings.Join(md.AssumedPrograms, ", "), read.CiteCompulsory))
	}

	r.Notes = append(r.Notes, coverageNotes(md, l)...)
	rep := read.Audit(md)
	for _, f := range rep.Findings() {
		r.Findings = append(r.Findings, auditFinding(f, l))
	}
	for _, rl := range rep.Reliefs() {
		r.Reliefs = append(r.Reliefs, Relief{Kind: string(rl.Kind), Card: rl.KPJ, Months: isoMonths(rl.Months), Applied: rl.Applied,
			Citation: audit.Cite(l, rl.Cite)})
	}
	// What only payslips, employment facts and 1721-A1 make possible
	// (rules/payslip): deducted but not paid in, wrong shares, JKK/JKM
	// deducted, the wage under-reported, late deposits, months missing
	// while employed, the 1721-A1 cross-check.
	// A month the audit lists as missing or lagging is listed once.
	pay := read.PayslipCheck(md).WithoutAudited(rep)
	for _, f := range pay.Findings {
		r.Findings = append(r.Findings, payslipFinding(f, l))
	}
	if len(pay.Unmatched) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf(text[l].unmatched, len(pay.Unmatched)))
	}

	months := allMonths(md)
	assessment := claimrules.Assess(claimrules.Input{Member: md.Member, Balance: md.Balance, Claims: md.Claims, Today: today})
	r.Cards = cards(md, rep, assessment, months, l)
	// JP and JKP count months: as of the documents' date, since a month
	// after it is unknown, not unpaid (the JKP rules count an open card's
	// unpaid months as the employer's arrears).
	r.Rights.AsOf = isoDate(md.AsOf)
	r.Rights.JP = jpOf(pension.EstimateFor(pension.Input{BirthDate: md.Member.BirthDate, Months: months, Today: md.AsOf}), l)
	r.Rights.JKP = jkpOf(jkp.Assess(jkp.Input{Member: md.Member, Months: months, Today: md.AsOf}), l)
	return r
}

// allMonths is every year's months, oldest first (as rightstab reads them).
func allMonths(md read.Model) []member.MonthContribution {
	years := make([]int, 0, len(md.Contributions))
	for y := range md.Contributions {
		years = append(years, y)
	}
	sort.Ints(years)
	var out []member.MonthContribution
	for _, y := range years {
		out = append(out, md.Contributions[y].Months...)
	}
	return out
}

func citationSource(s audit.Source) string {
	switch s {
	case audit.SourceSecondary:
		return "secondary"
	case audit.SourceUnconfirmed:
		return "unconfirmed"
	}
	return "text"
}

// auditFinding words one of the audit's findings.
func auditFinding(f audit.Finding, l member.Lang) Finding {
	out := Finding{Kind: string(f.Kind), Card: f.KPJ, Employer: f.Employer, Months: isoMonths(f.Months), Amount: f.Amount,
		WorkerShare: f.WorkerShare, Citation: audit.Cite(l, f.Cite), CitationSource: citationSource(f.Source)}
	if len(f.Months) > 0 {
		out.Period = isoMonth(f.Months[0])
	}
	w := text[l]
	k := w.kinds[out.Kind]
	out.Rule = k.rule
	rp := func(n int64) string { return member.Rupiah(n).Format() }
	months := audit.FormatMonths(l, f.Months)
	switch f.Kind {
	case audit.KindMissing, audit.KindNoJP:
		out.Text = fmt.Sprintf(k.title, months, monthCount(l, len(f.Months)), rp(f.Amount), rp(f.WorkerShare))
	case audit.KindLagging:
		out.Text = fmt.Sprintf(k.title, member.FormatMonth(l, f.Months[0].AddDate(0, -1, 0)), months, monthCount(l, len(f.Months)), rp(f.Amount))
	case audit.KindLate:
		out.Text = fmt.Sprintf(k.title, months, rp(f.Amount))
		for _, m := range f.Late {
			out.Late = append(out.Late, lateMonth(m))
		}
	case audit.KindWageFlat:
		n := member.MonthIndex(f.Months[1]) - member.MonthIndex(f.Months[0]) + 1
		out.Text = fmt.Sprintf(k.title, rp(f.Wage), monthCount(l, n), member.FormatMonth(l, f.Months[0])+"–"+member.FormatMonth(l, f.Months[1]))
	case audit.KindWageDrop:
		out.Text = fmt.Sprintf(k.title, rp(f.PrevWage), rp(f.Wage), months)
	default:
		out.Text = string(f.Kind)
	}
	return out
}

// workerKinds: the payslip findings whose amount came out of the
// member's own wage.
var workerKinds = map[payslip.Kind]bool{payslip.KindNotDeposited: true, payslip.KindJPAboveCap: true, payslip.KindEmployerShare: true}

// payslipFinding words one of rules/payslip's findings, with its months in
// rupiah.
func payslipFinding(f payslip.Finding, l member.Lang) Finding {
	rule := f.Rule()
	out := Finding{Kind: string(f.Kind), Card: f.KPJ, Employer: f.Employer, Period: isoMonth(f.From()), Months: []string{},
		Amount: f.Amount, Rule: rule.Text(l), Citation: rule.Cite, CitationSource: "text", Text: f.Summary(l), PerMonth: []MonthAmount{}}
	if l == member.EN {
		out.Citation = rule.CiteEN
	}
	if rule.Secondary {
		out.CitationSource = "secondary"
	}
	if workerKinds[f.Kind] {
		out.WorkerShare = f.Amount
	}
	for _, m := range f.Months {
		out.Months = append(out.Months, m.Month.Format("2006-01"))
		out.PerMonth = append(out.PerMonth, MonthAmount{Month: m.Month.Format("2006-01"), Payslip: m.Payslip, Card: m.Card,
			Due: m.Due, Wage: m.Wage, Amount: m.Amount})
		if lm := m.Late; lm != nil {
			out.Late = append(out.Late, lateMonth(*lm))
		}
	}
	if g := f.Gap; g != nil {
		for _, m := range g.Months {
			out.Gap = append(out.Gap, GapMonth{Month: m.Month.Format("2006-01"), Payslip: m.Payslip, Reported: m.Reported, Gap: m.Gap,
				JHT: m.JHT, JP: m.JP, WorkerDeducted: m.WorkerDeducted})
		}
	}
	return out
}

func lateMonth(m audit.LateMonth) LateMonth {
	return LateMonth{Month: m.Month.Format("2006-01"), Deadline: m.Deadline.Format(time.DateOnly), Paid: m.Paid.Format(time.DateOnly),
		DaysLate: m.DaysLate, MonthsLate: m.MonthsLate, Dues: m.Dues, Fine: m.Fine, MaybeHoliday: m.MaybeHoliday}
}

// coverageNotes say, for a card the documents do not cover from its
// opening to their date, which months were checked.
func coverageNotes(md read.Model, l member.Lang) []string {
	var out []string
	for _, c := range md.Member.Cards {
		spans := md.Coverage[c.KPJ]
		if len(spans) == 0 {
			out = append(out, fmt.Sprintf(text[l].uncovered, c.KPJ))
			continue
		}
		if len(spans) == 1 && !spans[0].From.After(member.MonthOf(c.Opened)) {
			continue
		}
		var runs []string
		for _, s := range spans {
			runs = append(runs, audit.FormatMonths(l, []time.Time{s.From})+"–"+member.FormatMonth(l, s.To))
		}
		out = append(out, fmt.Sprintf(text[l].covered, c.KPJ, strings.Join(runs, ", ")))
	}
	return out
}
