package sandbox

import (
	"context"
	"net/http"
	"slices"
	"strconv"
)

// History paging (GET /v1/me/contributions/history): a page holds whole
// years, newest first, and at most limit months unless one year alone has
// more (a member with several cards at once); next_to then names the year
// to ask for next. The default fits 50 years of one card, so nearly every
// member's whole history is one answer.
const (
	historyDefaultLimit = 600
	historyMaxLimit     = 1000
)

// memberContributions is every month of every card of a member, oldest
// first (then by KPJ), and the years that have any, ascending.
func (s *Server) memberContributions(ctx context.Context, memberID int64) ([]contribRow, []int, error) {
	cards, err := loadCards(ctx, s.db, memberID)
	if err != nil {
		return nil, nil, err
	}
	var all []contribRow
	for _, c := range cards {
		rows, err := loadContributions(ctx, s.db, c.kpj)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, rows...)
	}
	slices.SortFunc(all, func(a, b contribRow) int {
		if c := a.Period.Compare(b.Period); c != 0 {
			return c
		}
		return compareStrings(a.KPJ, b.KPJ)
	})
	years := []int{}
	for _, row := range all {
		if y := row.Period.Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return all, years, nil
}

// contributionYear is one year of rows with its totals.
func contributionYear(all []contribRow, year int) contributionYearJSON {
	out := contributionYearJSON{Year: year, Months: []contributionMonthJSON{}}
	for _, row := range all {
		if row.Period.Year() != year {
			continue
		}
		m := contributionMonthJSON{
			Period: row.Period.Format("2006-01"), KPJ: row.KPJ, EmployerName: row.EmployerName,
			ReportedWage: row.Wage, JHTEmployer: row.JHTEmployer, JHTWorker: row.JHTWorker, JHT: row.JHT(),
			JPEmployer: row.JPEmployer, JPWorker: row.JPWorker, JP: row.JP(),
			JKK: row.JKK, JKM: row.JKM, JKP: row.JKP, Total: row.Total(), PaidDate: row.PaidDate,
		}
		out.Months = append(out.Months, m)
		t := &out.Totals
		t.ReportedWage += m.ReportedWage
		t.JHT += m.JHT
		t.JP += m.JP
		t.JKK += m.JKK
		t.JKM += m.JKM
		t.JKP += m.JKP
		t.Total += m.Total
	}
	return out
}

// yearParam reads an optional four-digit year query parameter.
func yearParam(r *http.Request, name string) (year int, ok bool) {
	q := r.URL.Query()
	if !q.Has(name) {
		return 0, true
	}
	v := q.Get(name)
	if !reYear.MatchString(v) {
		return 0, false
	}
	year, _ = strconv.Atoi(v)
	return year, true
}

func (s *Server) handleContributionHistory(w http.ResponseWriter, r *http.Request, sess session) {
	from, okFrom := yearParam(r, "from")
	to, okTo := yearParam(r, "to")
	var bad []FieldError
	if !okFrom {
		bad = append(bad, FieldError{Field: "from", Code: "format", Message: "must be YYYY"})
	}
	if !okTo {
		bad = append(bad, FieldError{Field: "to", Code: "format", Message: "must be YYYY"})
	}
	limit := historyDefaultLimit
	if q := r.URL.Query(); q.Has("limit") {
		n, err := strconv.Atoi(q.Get("limit"))
		if err != nil || n < 1 || n > historyMaxLimit {
			bad = append(bad, FieldError{Field: "limit", Code: "format", Message: "must be 1 to 1000"})
		}
		limit = n
	}
	if len(bad) == 0 && from != 0 && to != 0 && from > to {
		bad = append(bad, FieldError{Field: "from", Code: "format", Message: "must not be after to"})
	}
	if len(bad) > 0 {
		writeProblem(w, badRequest("The history parameters are invalid.", bad...))
		return
	}
	all, years, err := s.memberContributions(r.Context(), sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := contributionHistoryResponse{AvailableYears: years, Years: []contributionYearJSON{}}
	months := 0
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		if (to != 0 && y > to) || (from != 0 && y < from) {
			continue
		}
		cy := contributionYear(all, y)
		if len(resp.Years) > 0 && months+len(cy.Months) > limit {
			next := y
			resp.NextTo = &next
			break
		}
		months += len(cy.Months)
		resp.Years = append(resp.Years, cy)
	}
	writeMemberJSON(w, r, sess, resp)
}
