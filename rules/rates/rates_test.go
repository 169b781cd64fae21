package rates

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// TestJPCapsFromGDPChain rebuilds every JP wage cap since 2015 from
// Rp7.000.000 and BPS's growth figures with PP 45/2015 Pasal 29(3), and
// checks them against the announced series. Hand check of the two years the
// old sandbox had swapped:
//
//	2020: 8.512.400 × 1,0502 = 8.939.722,48 → Rp8.939.700
//	2021: 8.939.700 × 0,9793 = 8.754.648,21 → Rp8.754.600
func TestJPCapsFromGDPChain(t *testing.T) {
	t.Parallel()
	caps := JPCaps()
	if len(caps) != len(GDPChain)+1 {
		t.Fatalf("%d caps for %d growth years", len(caps), len(GDPChain))
	}
	if caps[0].From != JPStart || caps[0].Cap != JPInitialCap {
		t.Fatalf("first cap %+v", caps[0])
	}
	prev := JPInitialCap
	for i, g := range GDPChain {
		want := NextJPCap(prev, g.BP)
		step := caps[i+1]
		if step.Cap != want {
			t.Errorf("cap from %s = %d, GDP chain gives %d (growth %d bp in %d)", step.From.Format("2006-01"), step.Cap, want, g.BP, g.Year)
		}
		if step.From != member.Month(g.Year+1, time.March) {
			t.Errorf("cap %d applies from %s, want March %d", i+1, step.From.Format("2006-01"), g.Year+1)
		}
		if g.Source == "" {
			t.Errorf("growth %d has no source", g.Year)
		}
		prev = want
	}
	for _, c := range []struct {
		prev, bp, want int64
	}{
		{8_512_400, 502, 8_939_700},
		{8_939_700, -207, 8_754_600},
		{7_000_000, 479, 7_335_300}, // exact: no rounding
		{10_547_400, 511, 11_086_300},
	} {
		if got := NextJPCap(c.prev, c.bp); got != c.want {
			t.Errorf("NextJPCap(%d, %d) = %d, want %d", c.prev, c.bp, got, c.want)
		}
	}
}

func TestJPWageCap(t *testing.T) {
	t.Parallel()
	cases := map[string]int64{
		"2015-06": 0,
		"2015-07": 7_000_000,
		"2016-02": 7_000_000,
		"2016-03": 7_335_300,
		"2020-02": 8_512_400,
		"2020-03": 8_939_700,
		"2021-02": 8_939_700,
		"2021-03": 8_754_600,
		"2022-03": 9_077_600,
		"2024-12": 10_042_300,
		"2025-03": 10_547_400,
		"2026-02": 10_547_400,
		"2026-03": 11_086_300,
		"2026-10": 11_086_300,
	}
	for p, want := range cases {
		period, err := time.Parse("2006-01", p)
		if err != nil {
			t.Fatal(err)
		}
		if got := JPWageCap(period); got != want {
			t.Errorf("JPWageCap(%s) = %d, want %d", p, got, want)
		}
	}
}

func TestCompute_RatesAndRounding(t *testing.T) {
	t.Parallel()
	p := member.Month(2026, time.May)
	c := Compute(p, 4_999_999, 5)
	// 4.999.999 × 3.7% = 184.999,963 → 185.000; × 2% = 99.999,98 → 100.000
	// × 1.74% = 86.999,98 → 87.000; × 0.3% = 14.999,997 → 15.000;
	// JKP 0.36% = 17.999,996 → 18.000.
	want := Contribution{Wage: 4_999_999, JHTEmployer: 185_000, JHTWorker: 100_000, JPEmployer: 100_000, JPWorker: 50_000,
		JKK: 87_000, JKM: 15_000, JKP: 18_000}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if got := c.Total(); got != 185_000+100_000+100_000+50_000+87_000+15_000 {
		t.Errorf("Total %d", got)
	}
	if got := c.Worker(); got != 150_000 {
		t.Errorf("Worker %d", got)
	}
	for class, bp := range map[int]int64{1: 24, 2: 54, 3: 89, 4: 127, 5: 174} {
		if got := Compute(p, 10_000_000, class).JKK; got != 10_000_000*bp/10_000 {
			t.Errorf("class %d JKK %d", class, got)
		}
	}
	if JKKBP(0) != 0 || JKKBP(6) != 0 {
		t.Error("a risk class outside 1-5 has a rate")
	}
	// The JKP base is capped at Rp5.000.000 and the JP base at the JP cap:
	// 11.086.300 × 2% = 221.726, × 1% = 110.863.
	c = Compute(p, 20_000_000, 1)
	if c.JKP != 18_000 || c.JPEmployer != 221_726 || c.JPWorker != 110_863 {
		t.Errorf("capped: %+v", c)
	}
	// March 2020: JP base 8.939.700 → 178.794 + 89.397; no JKP yet.
	c = Compute(member.Month(2020, time.March), 10_000_000, 1)
	if c.JPEmployer != 178_794 || c.JPWorker != 89_397 || c.JKP != 0 {
		t.Errorf("March 2020: %+v", c)
	}
	// Before July 2015 there is no JP; January 2025 still has JKP at 0.46%.
	if c := Compute(member.Month(2015, time.June), 5_000_000, 1); c.JP() != 0 {
		t.Errorf("JP before July 2015: %+v", c)
	}
	if c := Compute(member.Month(2025, time.January), 5_000_000, 1); c.JKP != 23_000 {
		t.Errorf("JKP January 2025 = %d, want 23.000", c.JKP)
	}
}

func TestReliefWindows(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		month             time.Time
		covid, pk, pkFirm bool
	}{
		// PP 36/2025 Pasal 10A confirms August 2025 to January 2026.
		{member.Month(2020, time.July), false, false, false},
		{member.Month(2020, time.August), true, false, false},
		{member.Month(2021, time.January), true, false, false},
		{member.Month(2021, time.February), false, false, false},
		{member.Month(2025, time.January), false, false, false},
		{member.Month(2025, time.February), false, true, true},
		{member.Month(2025, time.July), false, true, true},
		{member.Month(2025, time.August), false, true, true}, // PP 36/2025's extension
		{member.Month(2026, time.January), false, true, true},
		{member.Month(2026, time.February), false, false, false},
	} {
		in, firm := InPadatKarya(c.month)
		if InCOVIDRelief(c.month) != c.covid || in != c.pk || firm != c.pkFirm {
			t.Errorf("%s: covid %v, padat karya %v confirmed %v", c.month.Format("2006-01"), InCOVIDRelief(c.month), in, firm)
		}
	}
	// 6.154.000 × 0,89% / 2 = 27.385,3 → 27.385; 4.000.000 × 0,24% / 2 = 4.800.
	if HalfJKK(6_154_000, 3) != 27_385 || HalfJKK(4_000_000, 1) != 4_800 {
		t.Errorf("HalfJKK %d %d", HalfJKK(6_154_000, 3), HalfJKK(4_000_000, 1))
	}
	for m, want := range map[time.Time]bool{
		member.Month(2025, time.July): false, member.Month(2025, time.August): true,
		member.Month(2026, time.January): true, member.Month(2026, time.February): false,
	} {
		if InPadatKaryaExtension(m) != want {
			t.Errorf("extension %s", m.Format("2006-01"))
		}
	}
	if len(PadatKaryaIndustries) != 6 {
		t.Error("PP 7/2025 names six industries")
	}
}

func TestAddMonths(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{day(2026, time.January, 31), 1, day(2026, time.February, 28)}, // AddDate: 3 March
		{day(2028, time.January, 31), 1, day(2028, time.February, 29)}, // a leap year
		{day(2025, time.May, 31), 6, day(2025, time.November, 30)},     // AddDate: 1 December
		{day(2024, time.November, 30), 3, day(2025, time.February, 28)},
		{day(2026, time.March, 15), 1, day(2026, time.April, 15)},
		{day(2026, time.December, 31), 2, day(2027, time.February, 28)},
	} {
		if got := AddMonths(c.from, c.n); !got.Equal(c.want) {
			t.Errorf("%s + %d = %s, want %s", c.from.Format(time.DateOnly), c.n, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}
