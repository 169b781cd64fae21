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
		// On 1 February 2027 December's dues were due by 15 January: the PHK
		// is in January, and November and December, unpaid with no card
		// known to be open, break the run.
		r = Assess(Input{Member: active, Months: paid(day(2024, time.January, 1), 34, 4_000_000), Today: day(2027, time.February, 1)})
		if !r.PHKMonth.Equal(day(2027, time.January, 1)) || r.Consecutive != 0 || r.Eligible || len(r.Arrears) != 0 {
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
		// May 2025 was paid, so it counts; the run starts with JKP itself in
		// February 2021: 48 months to January 2025 + 4 = 52, not 76.
		if r.Hypothetical || !r.PHKMonth.Equal(day(2025, time.June, 1)) || r.PaidIn24 != 24 || r.Consecutive != 52 || r.Regime != RegimePP6 {
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

// open is a card open from opened (closed zero: still open).
func open(opened, closed time.Time) member.KPJCard {
	status := "aktif"
	if !closed.IsZero() {
		status = "nonaktif"
	}
	return member.KPJCard{KPJ: "1", Status: status, Opened: opened, Closed: closed}
}

// without drops the months listed from ms.
func without(ms []member.MonthContribution, drop ...time.Time) []member.MonthContribution {
	var out []member.MonthContribution
	for _, m := range ms {
		keep := true
		for _, d := range drop {
			if m.Period.Equal(d) {
				keep = false
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// TestAssess_EmployerInArrears: PP 6/2025 Pasal 39 and 39A. The months the
// employer owes count toward the conditions; the run of them decides who
// pays.
func TestAssess_EmployerInArrears(t *testing.T) {
	t.Parallel()
	today := day(2026, time.November, 16)
	jan22 := day(2022, time.January, 1)
	// Paid January 2022 to August 2026 (56 months) at Rp5,2 juta, card
	// still open.
	all56 := paid(jan22, 56, 5_200_000)
	for _, c := range []struct {
		name     string
		months   []member.MonthContribution
		today    time.Time
		arrears  int // months owed in the window
		run      int
		payer    Payer
		bankrupt bool
		consec   int
	}{
		// Rudi's case: June 2026 never paid, nothing since August. On 16
		// November 2026 (09.00) September (due 15 October) is owed;
		// October is due on Monday 16 November (the 15th is a Sunday), so
		// not yet owed, and the PHK month is October. Owed: June and
		// September, one in a row at most: BPJS pays. The run back from
		// September: 2022-01 … 2026-09 = 57 months, none breaking it.
		{"June and September owed", without(all56, day(2026, time.June, 1)), day(2026, time.November, 16).Add(9 * time.Hour), 2, 1, PayerBPJS, false, 57},
		// On 1 December October is owed too (16 November has passed):
		// September and October in a row, June alone: run 2; PHK in
		// November; 2022-01 … 2026-10 = 58 months.
		{"three owed, two in a row", without(all56, day(2026, time.June, 1)), day(2026, time.December, 1), 3, 2, PayerBPJS, false, 58},
		// Nothing since April 2026 (paid 2022-01 … 2026-04 = 52 months).
		// On 16 November 2026 at 17.00 October's deadline (that Monday)
		// has not ended, so the PHK month is October and May … September
		// are owed: 5 in a row, so the employer pays first; a bankrupt or
		// closed employer (≤ 6 months) leaves it to BPJS (Pasal 39A). The
		// run: 2022-01 … 2026-09 = 57 months.
		{"five in a row", paid(jan22, 52, 5_200_000), today.Add(17 * time.Hour), 5, 5, PayerEmployer, true, 57},
		// Nothing since January 2026 (paid 2022-01 … 2026-01 = 49); on 1
		// December February to October are owed: 9 in a row, above 6.
		{"nine in a row", paid(jan22, 49, 5_200_000), day(2026, time.December, 1), 9, 9, PayerEmployer, false, 58},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := member.Member{Status: "aktif", Programs: all, Cards: []member.KPJCard{open(jan22, time.Time{})}}
			r := Assess(Input{Member: m, Months: c.months, Today: c.today})
			if len(r.Arrears) != c.arrears || r.ArrearsRun != c.run || r.Payer != c.payer || r.BankruptCase != c.bankrupt || r.Consecutive != c.consec {
				t.Errorf("arrears %v run %d payer %d bankrupt %v consecutive %d", r.Arrears, r.ArrearsRun, r.Payer, r.BankruptCase, r.Consecutive)
			}
			if r.PaidIn24 != 24 || !r.Eligible {
				t.Errorf("owed months must count: 24 in 24, eligible; got %d %v", r.PaidIn24, r.Eligible)
			}
			// 60% × 5.200.000 capped at 5.000.000 = 3.000.000.
			if r.Monthly != 3_000_000 {
				t.Errorf("monthly %d", r.Monthly)
			}
		})
	}
	t.Run("no card known to be open: unpaid months are not the employer's arrears", func(t *testing.T) {
		r := Assess(Input{Member: member.Member{Status: "aktif", Programs: all}, Months: without(all56, day(2026, time.June, 1)), Today: day(2026, time.December, 1)})
		if len(r.Arrears) != 0 || r.Consecutive != 0 || r.Eligible {
			t.Errorf("%+v", r)
		}
	})
}

// TestAssess_MonthOfTheLayoff: PP 6/2025 Pasal 19 counts the months before
// the PHK; the month the PHK falls in need not be paid.
func TestAssess_MonthOfTheLayoff(t *testing.T) {
	t.Parallel()
	// Card opened March 2024, closed on 15 September 2026 (a lay-off in the
	// middle of the month); paid March 2024 to August 2026 = 30 months;
	// September, the PHK month, not paid.
	m := member.Member{Status: "nonaktif", Programs: all, Cards: []member.KPJCard{open(day(2024, time.March, 1), day(2026, time.September, 15))}}
	r := Assess(Input{Member: m, Months: paid(day(2024, time.March, 1), 30, 6_000_000), Today: day(2026, time.November, 16)})
	if r.Hypothetical || !r.PHKMonth.Equal(day(2026, time.September, 1)) || r.Consecutive != 30 || r.PaidIn24 != 24 || !r.Eligible || len(r.Arrears) != 0 {
		t.Fatalf("%+v", r)
	}
	// 15 September + 6 months = 15 March 2027.
	if !r.ClaimBy.Equal(day(2027, time.March, 15)) || r.WindowPassed {
		t.Errorf("claim by %v", r.ClaimBy)
	}
	// Had September been paid too, it counts: 31 in a row, PHK month October.
	r = Assess(Input{Member: m, Months: paid(day(2024, time.March, 1), 31, 6_000_000), Today: day(2026, time.November, 16)})
	if !r.PHKMonth.Equal(day(2026, time.October, 1)) || r.Consecutive != 31 {
		t.Errorf("September paid %+v", r)
	}
}

// TestAssess_BeforePP6 chooses the regulation by the day of the PHK.
func TestAssess_BeforePP6(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		closed                time.Time
		regime                Regime
		monthly, later, total int64
		claimBy               time.Time
	}{
		// 6 February 2025: PP 37/2021. Wage 4.000.000: 45% = 1.800.000 × 3
		// = 5.400.000; 25% = 1.000.000 × 3 = 3.000.000; 8.400.000 in all;
		// 3 months to claim: 6 May 2025.
		{day(2025, time.February, 6), RegimePP37, 1_800_000, 1_000_000, 8_400_000, day(2025, time.May, 6)},
		// 7 February 2025: PP 6/2025. 60% = 2.400.000 × 6 = 14.400.000; 6
		// months: 7 August 2025.
		{day(2025, time.February, 7), RegimePP6, 2_400_000, 2_400_000, 14_400_000, day(2025, time.August, 7)},
		// 30 November 2024 (PP 37): 30 November + 3 months = 28 February
		// 2025, clamped to the month's last day.
		{day(2024, time.November, 30), RegimePP37, 1_800_000, 1_000_000, 8_400_000, day(2025, time.February, 28)},
	} {
		m := member.Member{Status: "nonaktif", Programs: all, Cards: []member.KPJCard{open(day(2022, time.March, 1), c.closed)}}
		r := Assess(Input{Member: m, Months: paid(day(2022, time.March, 1), 24, 4_000_000), Today: day(2026, time.November, 16)})
		if r.Regime != c.regime || r.Monthly != c.monthly || r.Later != c.later || r.Total != c.total || !r.ClaimBy.Equal(c.claimBy) {
			t.Errorf("%v: regime %d %d/%d/%d by %v", c.closed, r.Regime, r.Monthly, r.Later, r.Total, r.ClaimBy)
		}
	}
}

// TestAssess_Coverage: segments, the age limit and JKP's start.
func TestAssess_Coverage(t *testing.T) {
	t.Parallel()
	today := day(2026, time.November, 16)
	ms := paid(day(2023, time.January, 1), 46, 4_000_000)
	for _, c := range []struct {
		name string
		m    member.Member
		want Coverage
		age  int
	}{
		{"BPU", member.Member{Status: "aktif", Segment: "BPU", Programs: all}, NotBPU, -1},
		{"PMI", member.Member{Status: "aktif", Segment: "PMI", Programs: all}, NotPMI, -1},
		// Born 10 March 1969, joined 1 March 2023: 53 (54 on 10 March).
		{"53 at registration", member.Member{Status: "aktif", Segment: "PU", Programs: all, BirthDate: day(1969, time.March, 10), MemberSince: day(2023, time.March, 1)}, Covered, 53},
		// Born 10 March 1969, joined 10 March 2023: 54.
		{"54 at registration", member.Member{Status: "aktif", Segment: "PU", Programs: all, BirthDate: day(1969, time.March, 10), MemberSince: day(2023, time.March, 10)}, NotTooOld, 54},
		// A member since 2010, born 1 June 1960: enrolled when JKP began,
		// 1 February 2021, at 60.
		{"enrolled at JKP's start", member.Member{Status: "aktif", Segment: "PU", Programs: all, BirthDate: day(1960, time.June, 1), MemberSince: day(2010, time.May, 1)}, NotTooOld, 60},
	} {
		r := Assess(Input{Member: c.m, Months: ms, Today: today})
		if r.Coverage != c.want || r.RegisteredAge != c.age || r.Eligible != (c.want == Covered) {
			t.Errorf("%s: coverage %d age %d eligible %v", c.name, r.Coverage, r.RegisteredAge, r.Eligible)
		}
	}
	// A self-employed member laid off by his last employer: the PHK on
	// that card still counts (he was a wage earner then). Card from
	// January 2023, closed 14 August 2026; BPU since September 2026 (paid
	// September and October on his own card, which opened after the PHK).
	bpu := member.Member{Status: "aktif", Segment: "BPU", Programs: programs("JHT", "JKK", "JKM"),
		Cards: []member.KPJCard{open(day(2023, time.January, 1), day(2026, time.August, 14)), open(day(2026, time.September, 1), time.Time{})}}
	own := append(paid(day(2023, time.January, 1), 43, 4_000_000), paid(day(2026, time.September, 1), 2, 3_000_000)...)
	for i := range own[:43] {
		own[i].JP = 120_000 // the employer's card carried JP
	}
	r := Assess(Input{Member: bpu, Months: own, Today: today})
	// January 2023 – July 2026 = 43 months in a row; August, the PHK
	// month, not paid and not needed; window 14 February 2027.
	if r.Hypothetical || r.Coverage != Covered || !r.SelfPaidNow || r.Consecutive != 43 || !r.Eligible ||
		!r.PHKMonth.Equal(day(2026, time.August, 1)) || !r.ClaimBy.Equal(day(2027, time.February, 14)) || r.LastWage != 4_000_000 {
		t.Errorf("BPU after a lay-off %+v", r)
	}
	// His member programs are BPU's (JHT, JKK, JKM); JP is read from the
	// months before the PHK.
	if p := r.Programs[3]; p.Code != "JP" || !p.Has {
		t.Errorf("JP before the PHK not seen: %+v", r.Programs)
	}
	// Months before February 2021 do not count: paid May 2019 to April
	// 2021 (24 months); a PHK in May 2021 counts only February to April.
	m := member.Member{Status: "nonaktif", Programs: all, Cards: []member.KPJCard{open(day(2019, time.May, 1), day(2021, time.April, 30))}}
	r = Assess(Input{Member: m, Months: paid(day(2019, time.May, 1), 24, 4_000_000), Today: today})
	if r.PaidIn24 != 3 || r.Consecutive != 3 || r.Eligible {
		t.Errorf("before JKP %+v", r)
	}
}

func TestAddMonths_ClampsToTheMonthsLastDay(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ from, want time.Time }{
		{day(2026, time.January, 31), day(2026, time.February, 28)},
		{day(2028, time.January, 31), day(2028, time.February, 29)},
		{day(2026, time.May, 31), day(2026, time.June, 30)},
		{day(2026, time.March, 15), day(2026, time.April, 15)},
	} {
		if got := AddMonths(c.from, 1); !got.Equal(c.want) {
			t.Errorf("%v + 1 month = %v, want %v", c.from, got, c.want)
		}
	}
}
