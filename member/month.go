package member

import (
	"strconv"
	"time"
)

// Month is the first day of a month, UTC: the way every contribution
// period is held.
func Month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// MonthOf is the month t falls in (its calendar date, not moved between
// zones).
func MonthOf(t time.Time) time.Time { return Month(t.Year(), t.Month()) }

// MonthIndex numbers months in a row (January of year 0 is 0), so that
// consecutive months differ by one.
func MonthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// Lang is a language month names are written in.
type Lang string

// The app's languages.
const (
	ID Lang = "id"
	EN Lang = "en"
)

var monthNames = map[Lang][12]string{
	ID: {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// MonthName is the month's name: "Agustus" / "August". A language other
// than English is written in Indonesian.
func MonthName(l Lang, m time.Month) string {
	if l != EN {
		l = ID
	}
	return monthNames[l][m-1]
}

// FormatMonth writes a period: "Maret 2026" / "March 2026".
func FormatMonth(l Lang, t time.Time) string {
	return MonthName(l, t.Month()) + " " + strconv.Itoa(t.Year())
}

// FormatDate writes a calendar date: "17 Agustus 2026" / "17 August 2026".
func FormatDate(l Lang, t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + FormatMonth(l, t)
}
