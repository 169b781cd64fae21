package pension

import (
	"reflect"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestAgeInForce(t *testing.T) {
	t.Parallel()
	for year, want := range map[int]int{2015: 56, 2018: 56, 2019: 57, 2021: 57, 2022: 58, 2025: 59, 2028: 60, 2042: 64, 2043: 65, 2060: 65} {
		if got := AgeInForce(year); got != want {
			t.Errorf("AgeInForce(%d) = %d, want %d", year, got, want)
		}
	}
}

func TestPensionAge(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		birth time.Time
		age   int
		on    time.Time
	}{
		{day(1960, time.May, 1), 56, day(2016, time.May, 1)},     // 56 in 2016, the age then
		{day(1963, time.March, 5), 57, day(2020, time.March, 5)}, // 56 in 2019 is too young (57); 57 in 2020
		{day(1966, time.July, 1), 58, day(2024, time.July, 1)},   // 56 in 2022 (58), 57 in 2023 (58), 58 in 2024
		{day(1970, time.January, 9), 60, day(2030, time.January, 9)},
		{day(1985, time.August, 17), 65, day(2050, time.August, 17)}, // Budi: 65 is in force long before
		{day(1990, time.March, 12), 65, day(2055, time.March, 12)},   // Siti
	} {
		age, on := PensionAge(tc.birth)
		if age != tc.age || !on.Equal(tc.on) {
			t.Errorf("born %s: %d on %s, want %d on %s", tc.birth.Format(time.DateOnly), age, on.Format(time.DateOnly), tc.age, tc.on.Format(time.DateOnly))
		}
	}
}

func TestIndexAndBounds(t *testing.T) {
	t.Parallel()
	// 2022 → 2024: 1,0551 × 1,0261, in millionths, truncated at each step.
	if f := IndexFactor(2022, 2024); f != 1_082_638 {
		t.Errorf("IndexFactor(2022, 2024) = %d", f)
	}
	// 2025: BPS's 2,92%.
	if f := IndexFactor(2025, 2026); f != 1_029_200 {
		t.Errorf("IndexFactor(2025, 2026) = %d", f)
	}
	if f := IndexFactor(2026, 2030); f != 1_000_000 {
		t.Errorf("years missing from the chain must not index: %d", f)
	}
	if b := BoundsFor(2015); b.Min != 300_000 || b.Max != 3_600_000 || b.Indexed || !b.Published {
		t.Errorf("2015 %+v", b)
	}
	// 2016 (before the published 2023 figures, our estimate): 300.000 ×
	// 1,0335 = 310.050 → Rp310.000 (down); 3.600.000 × 1,0335 = 3.720.600.
	if b := BoundsFor(2016); b.Min != 310_000 || b.Max != 3_720_600 || !b.Indexed || b.Published {
		t.Errorf("2016 %+v", b)
	}
	for _, c := range []struct {
		year               int
		min, max           int64
		published, indexed bool
		missing            []int
	}{
		// Published (BPJS Ketenagakerjaan, quoted by Kontan).
		{2023, 383_400, 4_598_100, true, false, nil},
		// 2024: × 1,0261 (2023): 383.400 → 393.406,74 → 393.500;
		// 4.598.100 → 4.718.110,41 → 4.718.200 (up to Rp100).
		{2024, 393_500, 4_718_200, false, true, nil},
		// 2025: × 1,0157 (2024): 393.500 → 399.677,95 → 399.700;
		// 4.718.200 → 4.792.275,74 → 4.792.300.
		{2025, 399_700, 4_792_300, false, true, nil},
		// 2026: × 1,0292 (2025): 399.700 → 411.371,24 → 411.400;
		// 4.792.300 → 4.932.235,16 → 4.932.300.
		{2026, 411_400, 4_932_300, false, true, nil},
		// 2028: 2026's inflation is not in the chain yet (nor 2027's).
		{2028, 411_400, 4_932_300, false, true, []int{2026, 2027}},
	} {
		b := BoundsFor(c.year)
		if b.Min != c.min || b.Max != c.max || b.Published != c.published || b.Indexed != c.indexed || !reflect.DeepEqual(b.Missing, c.missing) {
			t.Errorf("%d: %+v", c.year, b)
		}
	}
	// Rounding up, not to the nearest: 100 × 1,0001 = 100,01 → 200.
	if NextBound(100, 1) != 200 || NextBound(1_000, 0) != 1_000 {
		t.Errorf("NextBound %d %d", NextBound(100, 1), NextBound(1_000, 0))
	}
}

// months returns n consecutive months of wage from first, on one card.
func months(first time.Time, n int, wage int64) []member.MonthContribution {
	out := make([]member.MonthContribution, n)
	for i := range out {
		out[i] = member.MonthContribution{Period: first.AddDate(0, i, 0), KPJ: "1", ReportedWage: member.Rupiah(wage), JP: member.Rupiah(wage * 3 / 100)}
	}
	return out
}

func TestEstimate(t *testing.T) {
	t.Parallel()
	t.Run("180 months of Rp5 juta from 2026, still contributing in January 2041", func(t *testing.T) {
		e := EstimateFor(Input{BirthDate: day(1980, time.June, 1), Months: months(day(2026, time.January, 1), 180, 5_000_000), Today: day(2041, time.January, 15)})
		// 1% × 180/12 × 5.000.000 = 750.000 (no inflation figures after 2025: no indexing).
		if e.Months != 180 || e.Remaining != 0 || e.AverageWage != 5_000_000 || e.Now != 750_000 || e.NowClamped != 750_000 {
			t.Fatalf("%+v", e)
		}
		// Pension at 65 on 1 June 2045: 53 more months (Jan 2041 – May 2045),
		// 233 in all: 5.000.000 × 233 / 1200 = 970.833,33 → 970.833.
		if !e.Contributing || e.MonthsAtPension != 233 || e.AtPension != 970_833 || e.PensionAge != 65 {
			t.Errorf("at pension %+v", e)
		}
		if !e.ReachesMinimumOn.Equal(day(2040, time.December, 1)) {
			t.Errorf("180th month %v", e.ReachesMinimumOn)
		}
	})
	t.Run("2025 wages are indexed by 2,92%", func(t *testing.T) {
		// One month of Rp5 juta in March 2025, seen in 2026: 5.000.000 ×
		// 1,0292 = 5.146.000.
		e := EstimateFor(Input{BirthDate: day(1990, time.March, 12), Months: months(day(2025, time.March, 1), 1, 5_000_000), Today: day(2026, time.November, 16)})
		if e.AverageWage != 5_146_000 {
			t.Errorf("average %d", e.AverageWage)
		}
	})
	t.Run("a self-employed member cannot join JP", func(t *testing.T) {
		e := EstimateFor(Input{Segment: "BPU", BirthDate: day(1990, time.March, 12), Today: day(2026, time.November, 16)})
		if e.NotInJP != "BPU" || e.Months != 0 || e.Contributing {
			t.Errorf("%+v", e)
		}
		if e := EstimateFor(Input{Segment: "PU", BirthDate: day(1990, time.March, 12), Today: day(2026, time.November, 16)}); e.NotInJP != "" {
			t.Errorf("PU %+v", e)
		}
	})
	t.Run("the cap and indexing: Rp20 juta in June 2022 and June 2024", func(t *testing.T) {
		ms := append(months(day(2022, time.June, 1), 1, 20_000_000), months(day(2024, time.June, 1), 1, 20_000_000)...)
		e := EstimateFor(Input{BirthDate: day(1990, time.March, 12), Months: ms, Today: day(2024, time.August, 1)})
		// 2022: capped at 9.077.600, × 1,082638 = 9.827.754; 2024: capped at
		// 10.042.300; average 9.935.027.
		if e.AverageWage != 9_935_027 || e.LastWage != 10_042_300 || e.Months != 2 || e.Remaining != 178 {
			t.Errorf("%+v", e)
		}
		if e.Now != 0 || e.AtPension == 0 {
			t.Errorf("under 180 months: now %d; contributing until 2055: at pension %d", e.Now, e.AtPension)
		}
	})
	t.Run("two cards in the same month count once; months without JP do not count", func(t *testing.T) {
		ms := months(day(2020, time.January, 1), 12, 4_000_000)
		ms = append(ms, months(day(2020, time.June, 1), 3, 2_000_000)...)
		ms = append(ms, member.MonthContribution{Period: day(2015, time.June, 1), ReportedWage: 3_000_000})
		e := EstimateFor(Input{BirthDate: day(1990, time.March, 12), Months: ms, Today: day(2026, time.November, 16)})
		if e.Months != 12 || e.Contributing {
			t.Errorf("months %d contributing %v", e.Months, e.Contributing)
		}
		// 12 × 120.000 + 3 × 60.000.
		if e.Paid != 1_620_000 {
			t.Errorf("paid %d", e.Paid)
		}
	})
	t.Run("a small wage is raised to the minimum", func(t *testing.T) {
		e := EstimateFor(Input{BirthDate: day(1980, time.June, 1), Months: months(day(2026, time.January, 1), 180, 1_000_000), Today: day(2041, time.January, 15)})
		// 1% × 15 × 1.000.000 = 150.000, below the 2041 minimum (2026's
		// 411.400, no inflation known after 2025).
		if e.Now != 150_000 || e.NowClamped != e.Bounds.Min || e.Bounds.Min != 411_400 {
			t.Errorf("now %d clamped %d bounds %+v", e.Now, e.NowClamped, e.Bounds)
		}
	})
}
