package payslip

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/cekbpjstk/cekbpjstk/rules/audit"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// credit is what one card carries for one month (a statement may list a
// month twice, e.g. a Rapel row apart: they are added up).
type credit struct {
	wage, backPay        int64
	jhtE, jhtW, jpE, jpW int64
	total                int64
	paid                 time.Time // the latest deposit of the month
	source               *member.Source
}

func (c *credit) worker() int64 { return c.jhtW + c.jpW }

// dues is what the fine is counted on: the month's total (JHT, JP, JKK,
// JKM) as audit.Dues takes it (JKK and JKM at their least where the
// document shows JHT and JP only), or JHT + JP where nothing else is known.
func (c *credit) dues() int64 {
	if c.total > 0 {
		return c.total
	}
	return c.jhtE + c.jhtW + c.jpE + c.jpW
}

// card is everything known of one card.
type card struct {
	kpj, employer string
	credits       map[int]*credit
	payslips      map[int]member.Payslip // by month; a later payslip for a month replaces an earlier one (a corrected slip)
	employments   []member.Employment
	a1            []member.A1Deduction
}

func (c *card) months(m map[int]member.Payslip) []int {
	out := make([]int, 0, len(m))
	for i := range m {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

func (c *card) creditMonths() []int {
	out := make([]int, 0, len(c.credits))
	for i := range c.credits {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

type indexed struct {
	cards     []*card
	unmatched []member.Payslip
}

// NormalizeEmployer is the form employer names are matched in: lower case,
// letters and digits only, without the legal forms payrolls and BPJSTK
// write differently ("PT. Maju Jaya, Tbk" and "MAJU JAYA PT" are one).
func NormalizeEmployer(name string) string {
	fields := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	for _, f := range fields {
		switch f {
		case "pt", "cv", "tbk", "persero", "perseroan", "terbatas", "ud", "koperasi", "yayasan":
			continue
		}
		b.WriteString(f)
	}
	return b.String()
}

// MaxAmount bounds a figure the checks take: a negative amount, or one
// above Rp1 triliun, is no payslip's or statement's (the readers refuse
// such rows with a reason; here the row is left out, so no sum can
// overflow).
const MaxAmount member.Rupiah = 1_000_000_000_000

func plausible(amounts ...member.Rupiah) bool {
	for _, a := range amounts {
		if a < 0 || a > MaxAmount {
			return false
		}
	}
	return true
}

// index sorts the member's data by card: the cards of the member, then any
// other card a contribution, an employment or a payslip names.
func index(in Input) indexed {
	var ix indexed
	byKPJ := map[string]*card{}
	get := func(kpj, employer string) *card {
		if c := byKPJ[kpj]; c != nil {
			if c.employer == "" {
				c.employer = employer
			}
			return c
		}
		c := &card{kpj: kpj, employer: employer, credits: map[int]*credit{}, payslips: map[int]member.Payslip{}}
		byKPJ[kpj] = c
		ix.cards = append(ix.cards, c)
		return c
	}
	for _, c := range in.Member.Cards {
		get(c.KPJ, c.EmployerName)
	}
	years := make([]int, 0, len(in.Contributions))
	for y := range in.Contributions {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		for _, m := range in.Contributions[y].Months {
			if !plausible(m.ReportedWage, m.BackPay, m.JHTEmployer, m.JHTWorker, m.JPEmployer, m.JPWorker, m.Total) {
				continue
			}
			c := get(m.KPJ, m.EmployerName)
			i := member.MonthIndex(m.Period)
			cr := c.credits[i]
			if cr == nil {
				cr = &credit{}
				c.credits[i] = cr
			}
			cr.wage = max(cr.wage, int64(m.ReportedWage))
			cr.backPay += int64(m.BackPay)
			cr.jhtE += int64(m.JHTEmployer)
			cr.jhtW += int64(m.JHTWorker)
			cr.jpE += int64(m.JPEmployer)
			cr.jpW += int64(m.JPWorker)
			cr.total += audit.Dues(m)
			if m.PaidDate.After(cr.paid) {
				cr.paid = m.PaidDate
			}
			if cr.source == nil {
				cr.source = m.Source
			}
		}
	}
	for _, e := range in.Employments {
		if e.KPJ != "" {
			c := get(e.KPJ, e.Employer)
			c.employments = append(c.employments, e)
		}
	}
	// Employments without a card number, payslips and A1 slips are matched
	// by card number, then by employer, then by the one card open in the
	// month.
	for _, e := range in.Employments {
		if e.KPJ == "" {
			if c := ix.match("", e.Employer, e.Start); c != nil {
				c.employments = append(c.employments, e)
			}
		}
	}
	for _, p := range in.Payslips {
		if p.Period.IsZero() || !plausible(p.BasicWage, p.FixedAllowances, p.OtherIncome, p.DeductJHT, p.DeductJP,
			p.DeductHealth, p.DeductJKK, p.DeductJKM, p.DeductTax) {
			continue
		}
		p.Period = member.MonthOf(p.Period)
		c := ix.match(p.KPJ, p.Employer, p.Period)
		if c == nil && p.KPJ != "" {
			c = get(p.KPJ, p.Employer)
		}
		if c == nil {
			ix.unmatched = append(ix.unmatched, p)
			continue
		}
		c.payslips[member.MonthIndex(p.Period)] = p
	}
	for _, a := range in.A1 {
		if !plausible(a.Amount) || a.Year < 1 || a.Year > 9999 {
			continue
		}
		if c := ix.match(a.KPJ, a.Employer, member.Month(a.Year, time.December)); c != nil {
			c.a1 = append(c.a1, a)
		}
	}
	return ix
}

// match finds the card of a payslip (or an A1 slip, or an employment):
// the card it names; else the one card whose employer (the card's, or an
// employment's on it) has the same name; else, when exactly one card
// shows the member working in that month (an employment or a credit), that
// one; else, when the member has one card, that one.
func (ix *indexed) match(kpj, employer string, month time.Time) *card {
	if kpj != "" {
		for _, c := range ix.cards {
			if c.kpj == kpj {
				return c
			}
		}
		return nil
	}
	if n := NormalizeEmployer(employer); n != "" {
		var found *card
		for _, c := range ix.cards {
			same := NormalizeEmployer(c.employer) == n
			for _, e := range c.employments {
				same = same || NormalizeEmployer(e.Employer) == n
			}
			if same {
				if found != nil {
					found = nil // two cards at one employer: decide by the month
					break
				}
				found = c
			}
		}
		if found != nil {
			return found
		}
	}
	var active []*card
	i := member.MonthIndex(month)
	for _, c := range ix.cards {
		on := c.credits[i] != nil
		for _, e := range c.employments {
			on = on || employedIn(e, month)
		}
		if on {
			active = append(active, c)
		}
	}
	switch {
	case len(active) == 1:
		return active[0]
	case len(active) == 0 && len(ix.cards) == 1:
		return ix.cards[0]
	}
	return nil
}

// employedIn reports whether an employment covers a month: from the month
// it started to the month it ended, both counted.
func employedIn(e member.Employment, month time.Time) bool {
	if e.Start.IsZero() || month.Before(member.MonthOf(e.Start)) {
		return false
	}
	return e.End.IsZero() || !month.After(member.MonthOf(e.End))
}
