package projection

import (
	"errors"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The cases are worked by hand in the comments; Project must agree to the
// rupiah.
func TestProject_HandComputed(t *testing.T) {
	t.Parallel()
	today := date(2026, time.March, 1)
	tests := []struct {
		name                      string
		p                         Params
		months                    int
		balance, contrib, returns int64
	}{
		{
			// Two years to go, no growth, no return:
			// contributions 12 × 5.000.000 × 5,7% = 3.420.000 a year;
			// 10.000.000 + 2 × 3.420.000 = 16.840.000.
			name:   "two years, flat",
			p:      Params{Balance: 10_000_000, MonthlyWage: 5_000_000, BirthDate: date(1972, time.March, 1), Today: today},
			months: 24, balance: 16_840_000, contrib: 6_840_000, returns: 0,
		},
		{
			// Two years, 10% wage growth, 6% return:
			// year 1: 100.000.000 × 6% = 6.000.000 returns;
			//         12 × 10.000.000 × 5,7% = 6.840.000 contributions;
			//         closing 112.840.000; the wage grows to 11.000.000.
			// year 2: 112.840.000 × 6% = 6.770.400 returns;
			//         12 × 11.000.000 × 5,7% = 7.524.000 contributions;
			//         closing 112.840.000 + 6.770.400 + 7.524.000 = 127.134.400.
			name:   "two years, growth and return",
			p:      Params{Balance: 100_000_000, MonthlyWage: 10_000_000, WageGrowth: 0.10, ReturnRate: 0.06, BirthDate: date(1972, time.March, 1), Today: today},
			months: 24, balance: 127_134_400, contrib: 14_364_000, returns: 12_770_400,
		},
		{
			// A year and a half (born 1 Sept 1971, 56 on 1 Sept 2027), 6% return:
			// year 1: 10.000.000 × 6% = 600.000; + 3.420.000 → 14.020.000.
			// 6 months: 14.020.000 × 6% × 6/12 = 420.600;
			//           6 × 5.000.000 × 5,7% = 1.710.000 → 16.150.600.
			name:   "a year and six months",
			p:      Params{Balance: 10_000_000, MonthlyWage: 5_000_000, ReturnRate: 0.06, BirthDate: date(1971, time.September, 1), Today: today},
			months: 18, balance: 16_150_600, contrib: 5_130_000, returns: 1_020_600,
		},
		{
			// Already 56: nothing is added.
			name:   "past retirement age",
			p:      Params{Balance: 50_000_000, MonthlyWage: 5_000_000, ReturnRate: 0.06, BirthDate: date(1960, time.January, 1), Today: today},
			months: 0, balance: 50_000_000,
		},
		{
			// 56 on 15 April 2026: from 1 March that is one whole month
			// (15 March → 15 April would be the second). 1 month:
			// 0 × … returns; 1 × 4.000.000 × 5,7% = 228.000.
			name:   "one month, no balance",
			p:      Params{MonthlyWage: 4_000_000, ReturnRate: 0.06, BirthDate: date(1970, time.April, 15), Today: today},
			months: 1, balance: 228_000, contrib: 228_000,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Project(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if r.Months != tt.months || r.Balance != tt.balance || r.Contributions != tt.contrib || r.Returns != tt.returns {
				t.Fatalf("months %d balance %d contrib %d returns %d; want %d %d %d %d",
					r.Months, r.Balance, r.Contributions, r.Returns, tt.months, tt.balance, tt.contrib, tt.returns)
			}
			if r.Balance != tt.p.Balance+r.Contributions+r.Returns {
				t.Errorf("balance is not opening + contributions + returns")
			}
			if len(r.Years) > 0 && (r.Years[len(r.Years)-1].Closing != r.Balance || r.Years[len(r.Years)-1].Age != RetirementAge) {
				t.Errorf("last step %+v", r.Years[len(r.Years)-1])
			}
		})
	}
}

func TestProject_PartialWithdrawalAfterTenYears(t *testing.T) {
	t.Parallel()
	base := Params{Balance: 120_000_000, MonthlyWage: 5_000_000, BirthDate: date(1985, time.May, 5), Today: date(2026, time.March, 1)}
	tests := []struct {
		since time.Time
		open  bool
		years int
	}{
		{date(2011, time.June, 1), true, 14},
		{date(2016, time.March, 1), true, 10}, // ten years to the day
		{date(2016, time.March, 2), false, 9}, // a day short
		{date(2023, time.January, 1), false, 3},
	}
	for _, tt := range tests {
		p := base
		p.MemberSince = tt.since
		r, err := Project(p)
		if err != nil {
			t.Fatal(err)
		}
		if r.PartialOpen != tt.open || r.MembershipYears != tt.years || !r.PartialFrom.Equal(tt.since.AddDate(10, 0, 0)) {
			t.Errorf("since %s: open %v years %d from %s", tt.since.Format("2006-01-02"), r.PartialOpen, r.MembershipYears, r.PartialFrom)
		}
		// 10% and 30% of 120.000.000.
		if r.Partial10 != 12_000_000 || r.Partial30 != 36_000_000 {
			t.Errorf("partial %d / %d", r.Partial10, r.Partial30)
		}
	}
}

func TestProject_RefusesBadInput(t *testing.T) {
	t.Parallel()
	today := date(2026, time.March, 1)
	ok := Params{Balance: 1, MonthlyWage: 1, BirthDate: date(1990, 1, 1), Today: today}
	bad := map[string]struct {
		mut  func(*Params)
		want error
	}{
		"negative balance": {func(p *Params) { p.Balance = -1 }, ErrNegative},
		"return 150%":      {func(p *Params) { p.ReturnRate = 1.5 }, ErrRate},
		"no birth date":    {func(p *Params) { p.BirthDate = time.Time{} }, ErrBirthDate},
		"born tomorrow":    {func(p *Params) { p.BirthDate = today.AddDate(0, 0, 1) }, ErrBirthDate},
	}
	for name, tt := range bad {
		p := ok
		tt.mut(&p)
		if _, err := Project(p); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tt.want)
		}
	}
}

// The partial withdrawal is rounded down to the rupiah, as rules/claims
// (Hak saya) computes it: the 30% of Rp 125.403.842 was Rp 37.621.153 in
// Simulasi and Rp 37.621.152 in Hak saya.
func TestProject_PartialRoundsAsHakSaya(t *testing.T) {
	r, err := Project(Params{Balance: 125_403_842, MonthlyWage: 5_000_000, BirthDate: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		MemberSince: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), Today: time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// 125.403.842 × 10% = 12.540.384,2; × 30% = 37.621.152,6.
	if r.Partial10 != 12_540_384 || r.Partial30 != 37_621_152 {
		t.Errorf("partial %d / %d, want 12540384 / 37621152", r.Partial10, r.Partial30)
	}
}
