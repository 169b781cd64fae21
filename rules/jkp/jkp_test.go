package jkp

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func paid(first time.Time, n int, wage int64) []member.MonthContribution {
	out := make([]member.MonthContribution, n)
	for i := range out {
		out[i] = member.MonthContribution{Period: first.AddDate(0, i, 0), ReportedWage: member.Rupiah(wage), Total: member.Rupiah(wage / 10)}
	}
	return out
}

func programs(codes ...string) []member.Program {
	out := make([]member.Program, len(codes))
	for i, c := range codes {
		out[i] = member.Program{Code: c, Status: "aktif"}
	}
	return out
}

var all = programs("JHT", "JKK", "JKM", "JP", "JKP")

func TestAssess(t *testing.T) {
	t.Parallel()
	today := day(2026, time.November, 16)
	active := member.Member{Status: "aktif", Programs: all}
	t.Run("active, 34 months in a row at Rp12 juta: eligible, 60% of the Rp5 juta cap", func(t *testing.T) {
		r := Assess(Input{Member: active, Months: paid(day(2024, time.January, 1), 34, 12_000_000), Today: today})
		if !r.Hypothetical || !r.PHKMonth.Equal(day(2026, time.November, 1)) || r.PaidIn24 != 24 || r.Consecutive != 34 || !r.Eligible {
			t.Fatalf("%+v", r)
		}
		// 60% × 5.000.000 = 3.000.000 a month, 18.000.000 for six.
		if r.BaseWage != 5_000_000 || r.Monthly != 3_000_000 || r.Total != 18_000_000 {
			t.Errorf("benefit %d %d %d", r.BaseWage, r.Monthly, r.Total)
		}
		if !r.ClaimBy.Equal(day(2027, time.May, 16)) || r.WindowPassed {
			t.Errorf("claim by %v passed %v", r.ClaimBy, r.WindowPassed)
		}
	})
	t.Run("today's month and the one before not paid yet: the PHK is after the last month paid", func(t *testing.T) {
		r := Assess(Input{Member: active, Months: paid(day(2024, time.January, 1), 34, 4_000_000), Today: day(2026, time.December, 1)})
		if !r.PHKMonth.Equal(day(2026, time.November, 1)) || r.Consecutive != 34 || !r.Eligible {
			t.Errorf("%+v", r)
		}
		// Three months behind is not current: the PHK stays in today's month.
		r = Assess(Input{Member: active, Months: paid(day(2024, time.January, 1), 34, 4_000_000), Today: day(2027, time.February, 1)})
		if !r.PHKMonth.Equal(day(2027, time.February, 1)) || r.Consecutive != 0 || r.Eligible {
			t.Errorf("three months behind %+v", r)
		}
	})
	t.Run("a new member with 3 months: not yet", func(t *testing.T) {
		r := Assess(Input{Member: active, Months: paid(day(2026, time.August, 1), 3, 5_400_000), Today: today})
		if r.Eligible || r.MeetsMonths || r.MeetsConsecutive || r.PaidIn24 != 3 || r.Monthly != 3_000_000 {
			t.Errorf("%+v", r)
		}
	})
	t.Run("12 months, a gap, then 6 in a row: eligible; 5 in a row: not", func(t *testing.T) {
		ms := append(paid(day(2025, time.January, 1), 12, 4_000_000), paid(day(2026, time.May, 1), 6, 4_000_000)...)
		r := Assess(Input{Member: active, Months: ms, Today: today})
		if r.PaidIn24 != 18 || r.Consecutive != 6 || !r.Eligible {
			t.Errorf("six in a row %+v", r)
		}
		// 60% × 4.000.000.
		if r.Monthly != 2_400_000 {
			t.Errorf("monthly %d", r.Monthly)
		}
		ms = append(paid(day(2025, time.January, 1), 12, 4_000_000), paid(day(2026, time.June, 1), 5, 4_000_000)...)
		if r := Assess(Input{Member: active, Months: ms, Today: today}); r.Consecutive != 5 || r.Eligible || !r.MeetsMonths {
			t.Errorf("five in a row %+v", r)
		}
	})
	t.Run("a program missing: JKK blocks, JP does not (small firms need not have it)", func(t *testing.T) {
		ms := paid(day(2024, time.January, 1), 34, 4_000_000)
		if r := Assess(Input{Member: member.Member{Status: "aktif", Programs: programs("JHT", "JKM", "JP")}, Months: ms, Today: today}); r.MeetsPrograms || r.Eligible {
			t.Errorf("without JKK %+v", r.Programs)
		}
		if r := Assess(Input{Member: member.Member{Status: "aktif", Programs: programs("JHT", "JKK", "JKM")}, Months: ms, Today: today}); !r.MeetsPrograms || !r.Eligible {
			t.Errorf("without JP %+v", r.Programs)
		}
	})
	t.Run("Siti: card closed 31 May 2025; the six months ran out on 30 November 2025", func(t *testing.T) {
		m := member.Member{Status: "nonaktif", Programs: all, Cards: []member.KPJCard{{KPJ: "1", Status: "nonaktif", Closed: day(2025, time.May, 31)}}}
		r := Assess(Input{Member: m, Months: paid(day(2019, time.February, 1), 76, 4_900_000), Today: today})
		if r.Hypothetical || !r.PHKMonth.Equal(day(2025, time.June, 1)) || r.PaidIn24 != 24 || r.Consecutive != 76 {
			t.Fatalf("%+v", r)
		}
		// 60% × 4.900.000 = 2.940.000; × 6 = 17.640.000.
		if r.Monthly != 2_940_000 || r.Total != 17_640_000 {
			t.Errorf("benefit %d %d", r.Monthly, r.Total)
		}
		if !r.ClaimBy.Equal(day(2025, time.November, 30)) || !r.WindowPassed {
			t.Errorf("claim by %v passed %v", r.ClaimBy, r.WindowPassed)
		}
	})
}
