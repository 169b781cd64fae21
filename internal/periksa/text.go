package periksa

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
)

// writeText prints the report for a person: the documents, then each card
// with its findings and JHT claim, then the findings about the member
// (the payslip wage), JP and JKP. Every finding says its rule and basis.
func writeText(w io.Writer, r Report, l member.Lang) {
	t := text[l]
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	rp := func(n int64) string { return member.Rupiah(n).Format() }
	day := func(s *string) string {
		if s == nil {
			return "-"
		}
		d, _ := time.Parse(time.DateOnly, *s)
		return member.FormatDate(l, d)
	}

	p("%s", t.title)
	p(t.asOf, day(r.AsOf), day(r.Today))
	p("")
	who := r.Member.Name
	if r.Member.BirthDate != nil {
		who += fmt.Sprintf(t.born, day(r.Member.BirthDate))
	}
	if who != "" {
		p(t.memberLine, who)
	}
	p(t.docs, len(r.Documents))
	for _, d := range r.Documents {
		what := t.docKind[d.Kind]
		if d.Year > 0 {
			what += fmt.Sprintf(" %d", d.Year)
		}
		if d.Card != "" {
			what += " KPJ " + d.Card
		}
		totals := t.totalsNo
		if d.TotalsChecked {
			totals = t.totalsOK
		}
		p(t.docLine+" (sha256 %s)", d.File, what, totals, d.SHA256[:min(12, len(d.SHA256))])
	}
	if len(r.Refused) > 0 {
		p(t.refused, len(r.Refused))
		for _, x := range r.Refused {
			p("  %s", x.Reason)
		}
	}
	for _, n := range r.Notes {
		p("%s", n)
	}

	for _, c := range r.Cards {
		p("")
		state := fmt.Sprintf(t.cardOpen, day(c.Opened))
		if c.Status != "aktif" {
			state = fmt.Sprintf(t.cardClosed, day(c.Closed))
		}
		p(t.card, c.KPJ, c.Employer, state)
		if c.Balance != nil {
			p("  "+t.balance, rp(*c.Balance), day(c.BalanceAsOf))
		}
		if c.MonthsDue > 0 {
			p("  "+t.monthsPaid, c.MonthsPaid, c.MonthsDue, c.OnTime)
		}
		var mine []Finding
		for _, f := range r.Findings {
			if f.Card == c.KPJ {
				mine = append(mine, f)
			}
		}
		writeFindings(w, mine, l)
		writeReliefs(w, r.Reliefs, c.KPJ, l)
		writeJHT(w, c, l)
	}
	var members []Finding
	for _, f := range r.Findings {
		if f.Card == "" {
			members = append(members, f)
		}
	}
	if len(members) > 0 {
		p("")
		writeFindings(w, members, l)
	}
	p("")
	writeJP(w, r.Rights.JP, l)
	p(t.rightsAsOf, day(r.Rights.AsOf))
	p("")
	writeJKP(w, r.Rights.JKP, l)
	p(t.rightsAsOf, day(r.Rights.AsOf))
}

func writeFindings(w io.Writer, fs []Finding, l member.Lang) {
	t := text[l]
	if len(fs) == 0 {
		fmt.Fprintf(w, "  %s\n", t.noFindings)
		return
	}
	fmt.Fprintf(w, "  "+t.findingsHead+"\n", len(fs))
	for _, f := range fs {
		fmt.Fprintf(w, "  - %s\n", f.Text)
		for _, m := range f.Late {
			month, _ := time.Parse("2006-01", m.Month)
			due, _ := time.Parse(time.DateOnly, m.Deadline)
			paid, _ := time.Parse(time.DateOnly, m.Paid)
			holiday := ""
			if m.MaybeHoliday {
				holiday = t.holiday
			}
			fmt.Fprintf(w, t.lateLine+"\n", member.FormatMonth(l, month), member.FormatDate(l, due), member.FormatDate(l, paid),
				m.DaysLate, member.Rupiah(m.Fine).Format(), holiday)
		}
		fmt.Fprintf(w, "    "+t.rule+"\n", f.Rule)
		basis := f.Citation
		switch f.CitationSource {
		case "secondary":
			basis += t.secondary
		case "unconfirmed":
			basis += t.unconfirmed
		}
		fmt.Fprintf(w, "    "+t.basis+"\n", basis)
	}
}

func writeReliefs(w io.Writer, rs []Relief, kpj string, l member.Lang) {
	t := text[l]
	head := false
	for _, r := range rs {
		if r.Card != kpj {
			continue
		}
		if !head {
			fmt.Fprintf(w, "  %s\n", t.reliefsHead)
			head = true
		}
		var months []time.Time
		for _, m := range r.Months {
			mt, _ := time.Parse("2006-01", m)
			months = append(months, mt)
		}
		fmt.Fprintf(w, "  "+t.reliefLine+"\n", audit.FormatMonths(l, months), r.Citation)
	}
}

func writeJHT(w io.Writer, c Card, l member.Lang) {
	t := text[l]
	fmt.Fprintf(w, "  %s\n", t.jhtHead)
	fmt.Fprintf(w, "  "+t.jhtBalance+"\n", member.Rupiah(c.JHT.Balance).Format(), member.Rupiah(c.JHT.Tax).Format())
	for _, r := range c.JHT.Reasons {
		if r.State == "depends" {
			continue // disability, leaving, death: the documents say nothing of them
		}
		line := t.reasons[r.Reason] + ": " + t.states[r.State]
		var why []string
		for _, b := range r.Blockers {
			why = append(why, t.blockers[b])
		}
		if len(why) > 0 {
			line += " — " + strings.Join(why, "; ")
		}
		if r.From != nil {
			d, _ := time.Parse(time.DateOnly, *r.From)
			line += fmt.Sprintf(t.jhtFrom, member.FormatDate(l, d))
		}
		sec := ""
		if r.Secondary {
			sec = t.secondary
		}
		fmt.Fprintf(w, "    %s [%s%s]\n", line, r.Citation, sec)
	}
}

func writeJP(w io.Writer, jp JP, l member.Lang) {
	t := text[l]
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("%s", t.jpHead)
	p(t.jpMonths, jp.Months, jp.MinimumMonths)
	if jp.PensionDate != nil {
		d, _ := time.Parse(time.DateOnly, *jp.PensionDate)
		p(t.jpAge, jp.PensionAge, member.FormatDate(l, d))
	}
	if jp.EstimateNow > 0 {
		p(t.jpNow, member.Rupiah(jp.EstimateNow).Format())
	} else {
		p(t.jpLumpSum, jp.MinimumMonths)
	}
	if jp.Contributing && jp.EstimateAtPension > 0 {
		p(t.jpAtPension, jp.MonthsAtPension, member.Rupiah(jp.EstimateAtPension).Format())
	}
	p("  "+t.basis, jp.Citation)
}

func writeJKP(w io.Writer, j JKP, l member.Lang) {
	t := text[l]
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	mark := func(ok bool) string {
		if ok {
			return t.yes
		}
		return t.no
	}
	p("%s", t.jkpHead)
	if j.Hypothetical && j.PHKMonth != nil {
		m, _ := time.Parse("2006-01", *j.PHKMonth)
		p(t.jkpIf, member.FormatMonth(l, m.AddDate(0, -1, 0)))
	} else if j.PHKDate != nil {
		d, _ := time.Parse(time.DateOnly, *j.PHKDate)
		p(t.jkpPast, member.FormatDate(l, d))
	}
	p(t.jkpMonths, mark(j.MeetsMonths), monthCount(l, j.PaidIn24))
	p(t.jkpConsecutive, mark(j.MeetsConsecutive), monthCount(l, j.Consecutive))
	var has []string
	for _, pr := range j.Programs {
		if pr.Has {
			has = append(has, pr.Code)
		}
	}
	p(t.jkpPrograms, mark(j.MeetsPrograms), strings.Join(has, ", "))
	if len(j.Arrears) > 0 {
		p(t.jkpArrears, monthCount(l, len(j.Arrears)), audit.Cite(l, jkp.CiteArrears.Text))
	}
	if j.Payer == "employer" {
		p("%s", t.jkpPayer)
	}
	if j.Eligible {
		p("%s", t.jkpEligible)
	} else {
		p("%s", t.jkpNotEligible)
	}
	p(t.jkpBenefit, member.Rupiah(j.BaseWage).Format(), member.Rupiah(j.Monthly).Format(), j.BenefitMonths, member.Rupiah(j.Total).Format())
	if j.ClaimBy != nil && !j.Hypothetical {
		d, _ := time.Parse(time.DateOnly, *j.ClaimBy)
		if j.WindowPassed {
			p(t.jkpWindowPassed, member.FormatDate(l, d))
		} else {
			p(t.jkpWindow, member.FormatDate(l, d))
		}
	}
	p("  "+t.basis, j.Citation)
}
