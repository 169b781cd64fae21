package sandbox

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// querier is what both *sql.DB and *sql.Tx offer, so read helpers work
// inside and outside a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// contribRow is one stored month of dues on one card.
type contribRow struct {
	KPJ, EmployerName, PaidDate string
	Period                      time.Time
	rates.Contribution
}

// loadContributions returns a card's months, oldest first.
func loadContributions(ctx context.Context, q querier, kpj string) ([]contribRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.kpj, k.employer_name, c.period, c.reported_wage, c.jht_employer,
		c.jht_worker, c.jp_employer, c.jp_worker, c.jkk, c.jkm, c.jkp, c.paid_date
		FROM contributions c JOIN cards k ON k.kpj = c.kpj WHERE c.kpj = ? ORDER BY c.period`, kpj)
	if err != nil {
		return nil, fmt.Errorf("query contributions: %w", err)
	}
	defer rows.Close()
	var out []contribRow
	for rows.Next() {
		var r contribRow
		var period string
		if err := rows.Scan(&r.KPJ, &r.EmployerName, &period, &r.Wage, &r.JHTEmployer, &r.JHTWorker,
			&r.JPEmployer, &r.JPWorker, &r.JKK, &r.JKM, &r.JKP, &r.PaidDate); err != nil {
			return nil, fmt.Errorf("scan contribution: %w", err)
		}
		if r.Period, err = time.Parse("2006-01", period); err != nil {
			return nil, fmt.Errorf("contribution period %q: %w", period, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read contributions: %w", err)
	}
	return out, nil
}

// yearBalance is one year of a card's JHT account.
type yearBalance struct {
	Year           int
	EmployerShare  int64
	WorkerShare    int64
	Development    int64
	ClosingBalance int64
}

// jhtHistory rolls a card's JHT account forward year by year up to asOf.
// Development for a year is the year's return on the opening balance plus,
// since dues arrive through the year, half of the year's dues; the year of
// asOf earns only the months before asOf. This mid-year convention is a
// sandbox simplification of BPJS's monthly crediting.
func jhtHistory(rows []contribRow, asOf time.Time) []yearBalance {
	if len(rows) == 0 {
		return nil
	}
	byYear := map[int]*yearBalance{}
	for _, r := range rows {
		if r.Period.Year() > asOf.Year() {
			continue
		}
		y := byYear[r.Period.Year()]
		if y == nil {
			y = &yearBalance{Year: r.Period.Year()}
			byYear[y.Year] = y
		}
		y.EmployerShare += r.JHTEmployer
		y.WorkerShare += r.JHTWorker
	}
	var out []yearBalance
	var opening int64
	for year := rows[0].Period.Year(); year <= asOf.Year(); year++ {
		y := yearBalance{Year: year}
		if b := byYear[year]; b != nil {
			y = *b
		}
		months := int64(12)
		if year == asOf.Year() {
			months = int64(asOf.Month()) - 1
		}
		base := opening + (y.EmployerShare+y.WorkerShare)/2
		y.Development = (base*jhtReturns[year]*months + 60000) / 120000
		y.ClosingBalance = opening + y.EmployerShare + y.WorkerShare + y.Development
		opening = y.ClosingBalance
		out = append(out, y)
	}
	return out
}
