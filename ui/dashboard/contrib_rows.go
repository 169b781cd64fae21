package dashboard

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/audittab"
)

// contribRow is one row of Iuran: a month's contribution on one card, or
// a month of the period with none recorded (C nil), so a gap shows as a
// row marked as such instead of Mei running on to Juli.
type contribRow struct {
	Month time.Time
	C     *member.MonthContribution
	// DaysLate: paid this many days after the month's deadline (the 15th
	// of the next month; audit.Deadline), 0 when on time.
	DaysLate int
}

// contribPeriod is the months the member's contributions should cover:
// from the first month recorded to the newest month already due (the
// audit's cut-off, audit.LastDue) while a card is open, else to the last
// month recorded.
func contribPeriod(data memberdata.Data) (first, last time.Time, ok bool) {
	for _, c := range data.Contributions {
		for _, m := range c.Months {
			p := member.Month(m.Period.Year(), m.Period.Month())
			if !ok || p.Before(first) {
				first = p
			}
			if !ok || p.After(last) {
				last = p
			}
			ok = true
		}
	}
	if !ok {
		return first, last, false
	}
	for _, card := range data.Member.Cards {
		if card.Closed.IsZero() {
			if due := audit.LastDue(audittab.AsOf(data)); due.After(last) {
				last = due
			}
			break
		}
	}
	return first, last, true
}

// contribRows are year's rows: every month of the period in that year,
// oldest first, each month's contributions by card as recorded, a month
// with none as one row without a contribution.
func contribRows(data memberdata.Data, year int) []contribRow {
	first, last, ok := contribPeriod(data)
	if !ok {
		return nil
	}
	byMonth := map[time.Month][]member.MonthContribution{}
	for _, m := range data.Contributions[year].Months {
		byMonth[m.Period.Month()] = append(byMonth[m.Period.Month()], m)
	}
	var rows []contribRow
	for mo := time.January; mo <= time.December; mo++ {
		month := member.Month(year, mo)
		cs := byMonth[mo]
		if len(cs) == 0 {
			if !month.Before(first) && !month.After(last) {
				rows = append(rows, contribRow{Month: month})
			}
			continue
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].KPJ < cs[j].KPJ })
		for i := range cs {
			c := cs[i]
			rows = append(rows, contribRow{Month: month, C: &c, DaysLate: daysLate(month, c.PaidDate)})
		}
	}
	return rows
}

// daysLate is how many days after month's deadline paid falls, 0 when on
// time or unknown.
func daysLate(month, paid time.Time) int {
	if paid.IsZero() {
		return 0
	}
	deadline := audit.Deadline(month)
	p := time.Date(paid.Year(), paid.Month(), paid.Day(), 0, 0, 0, 0, time.UTC)
	d := time.Date(deadline.Year(), deadline.Month(), deadline.Day(), 0, 0, 0, 0, time.UTC)
	if !p.After(d) {
		return 0
	}
	return int(p.Sub(d).Hours() / 24)
}

// missingCount is how many of rows are months without a contribution.
func missingCount(rows []contribRow) int {
	n := 0
	for _, r := range rows {
		if r.C == nil {
			n++
		}
	}
	return n
}
