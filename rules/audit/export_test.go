package audit

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// TestLateFine is KindLate's arithmetic as other rules call it:
//
//	January 2025: deadline Saturday 15 February → Monday 17 February; paid
//	  20 March: 17 March < 20 March, 2 months; 462.000 × 2% × 2 = 18.480
//	September 2020 (PP 49/2020): deadline Friday 30 October; paid 2
//	  November: 1 month at 0,5%: 100.000 × 0,5% = 500
//	on the deadline day itself: no fine
func TestLateFine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		month, paid time.Time
		dues        int64
		n           int
		fine        int64
	}{
		{m(2025, time.January), day(2025, time.March, 20), 462_000, 2, 18_480},
		{m(2020, time.September), day(2020, time.November, 2), 100_000, 1, 500},
		{m(2025, time.January), day(2025, time.February, 17), 462_000, 0, 0},
	} {
		if n, fine := LateFine(c.month, c.paid, c.dues); n != c.n || fine != c.fine {
			t.Errorf("LateFine(%s, %s) = %d, %d; want %d, %d", c.month.Format("2006-01"), c.paid.Format(time.DateOnly), n, fine, c.n, c.fine)
		}
	}
	// March 2025's deadline is Tuesday 15 April: on that day it is not
	// yet past, the next day it is.
	if got := LastDue(day(2025, time.April, 15)); !got.Equal(m(2025, time.February)) {
		t.Errorf("LastDue(15 April 2025) = %s, want February", got.Format("2006-01"))
	}
	if got := LastDue(day(2025, time.April, 16)); !got.Equal(m(2025, time.March)) {
		t.Errorf("LastDue(16 April 2025) = %s, want March", got.Format("2006-01"))
	}
}

// TestDues_APrintoutsMonthCountsJKKAndJKMAtTheirLeast: a statement shows
// JHT and JP only. Wage 4.000.000 in March 2025: JHT 228.000 (5,7%), JP
// 120.000 (3%); JKK at class 1, 0,24% = 9.600; JKM 0,30% = 12.000; dues
// 369.600, not the 348.000 the printout's columns add up to. A month with
// its own total keeps it; one with no total adds its four parts.
func TestDues_APrintoutsMonthCountsJKKAndJKMAtTheirLeast(t *testing.T) {
	t.Parallel()
	printed := member.MonthContribution{Period: m(2025, time.March), ReportedWage: 4_000_000, JHT: 228_000, JP: 120_000, Total: 348_000, OnlyJHTJP: true}
	if got := Dues(printed); got != 369_600 {
		t.Errorf("printout's month: %d, want 369.600", got)
	}
	served := printed
	served.OnlyJHTJP, served.JKK, served.JKM, served.Total = false, 35_600, 12_000, 395_600
	if got := Dues(served); got != 395_600 {
		t.Errorf("server's month: %d, want its total 395.600", got)
	}
	served.Total = 0
	if got := Dues(served); got != 395_600 {
		t.Errorf("no total: %d, want 228.000 + 120.000 + 35.600 + 12.000 = 395.600", got)
	}
}

// TestReliefs_APrintoutCannotShowTheCOVIDReliefUsed: August 2020 to
// January 2021 read from printouts have no JKM column; the months are
// labelled as PP 49/2020's, but "applied" would be read from a JKM of 0
// that only means "not shown".
func TestReliefs_APrintoutCannotShowTheCOVIDReliefUsed(t *testing.T) {
	t.Parallel()
	var rows []member.MonthContribution
	for p := m(2020, time.August); !p.After(m(2021, time.January)); p = p.AddDate(0, 1, 0) {
		r := row("E", p, 4_000_000, 148_000, 80_000, 80_000, 40_000, 0, 0, p.AddDate(0, 1, 9))
		r.OnlyJHTJP = true
		rows = append(rows, r)
	}
	mem := member.Member{Cards: []member.KPJCard{{KPJ: "E", Opened: day(2020, time.August, 1), Closed: day(2021, time.January, 31)}}}
	rel := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: day(2025, time.November, 1)}).Reliefs()
	if len(rel) != 1 || rel[0].Kind != ReliefCOVID || len(rel[0].Months) != 6 || rel[0].Applied {
		t.Errorf("reliefs %+v: want PP 49/2020's six months, not marked applied", rel)
	}
	// The same months as the server gives them (JKM 0 would mean the
	// relief): applied.
	for i := range rows {
		rows[i].OnlyJHTJP = false
	}
	if rel := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: day(2025, time.November, 1)}).Reliefs(); len(rel) != 1 || !rel[0].Applied {
		t.Errorf("server months: %+v, want applied", rel)
	}
}
