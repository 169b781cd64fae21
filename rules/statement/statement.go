// Package statement writes a member's JHT balance and contribution history
// for a chosen period as a CSV file and a PDF document ("Unduh rincian").
//
// It works from data already held (fresh or cached), never from the network,
// and never imports Fyne: the UI hands it the data and writes the bytes.
// Both outputs are in Indonesian, the language of the member's official
// statements; amounts are whole rupiah.
package statement

import (
	"errors"
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Input is what a statement is built from.
type Input struct {
	Member        member.Member
	Balance       member.Balance
	Contributions map[int]member.Contributions // by year
	// From and To bound the period by month, both included; only their
	// year and month count.
	From, To    time.Time
	GeneratedAt time.Time // when the file is made
	AsOf        time.Time // when the data was true (fetched)
}

// ErrEmptyPeriod is a period whose end comes before its start.
var ErrEmptyPeriod = errors.New("statement: period ends before it starts")

// Zone is Jakarta time, in which instants are written.
var Zone = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		return loc
	}
	return time.FixedZone("WIB", 7*3600)
}()

// Months returns the contributions inside the period, oldest first (and by
// KPJ within a month).
func (in Input) Months() []member.MonthContribution {
	lo, hi := member.MonthIndex(in.From), member.MonthIndex(in.To)
	var out []member.MonthContribution
	for _, c := range in.Contributions {
		for _, m := range c.Months {
			if i := member.MonthIndex(m.Period); i >= lo && i <= hi {
				out = append(out, m)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Period.Equal(out[j].Period) {
			return out[i].Period.Before(out[j].Period)
		}
		return out[i].KPJ < out[j].KPJ
	})
	return out
}

// Totals sums the months inside the period.
func (in Input) Totals() member.ContributionTotals {
	var t member.ContributionTotals
	for _, m := range in.Months() {
		t.ReportedWage += m.ReportedWage
		t.JHT += m.JHT
		t.JP += m.JP
		t.JKK += m.JKK
		t.JKM += m.JKM
		t.JKP += m.JKP
		t.Total += m.Total
	}
	return t
}

func (in Input) check() error {
	if member.MonthIndex(in.To) < member.MonthIndex(in.From) {
		return ErrEmptyPeriod
	}
	return nil
}

// Range is the first and last month with contributions in data, for the
// period picker; ok is false when there are none.
func Range(contributions map[int]member.Contributions) (first, last time.Time, ok bool) {
	for _, c := range contributions {
		for _, m := range c.Months {
			if !ok || m.Period.Before(first) {
				first = m.Period
			}
			if !ok || m.Period.After(last) {
				last = m.Period
			}
			ok = true
		}
	}
	return first, last, ok
}

func formatMonth(t time.Time) string { return member.FormatMonth(member.ID, t) }

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return member.FormatDate(member.ID, t)
}

func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	t = t.In(Zone)
	return formatDate(t) + " " + t.Format("15.04") + " WIB"
}

// kpjs lists the member's KPJ numbers, from the profile or the balance.
func (in Input) kpjs() []string {
	var out []string
	for _, c := range in.Member.Cards {
		out = append(out, c.KPJ)
	}
	if len(out) == 0 {
		for _, a := range in.Balance.Accounts {
			out = append(out, a.KPJ)
		}
	}
	return out
}
