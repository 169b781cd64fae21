package rates

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// The JP wage cap. PP 45/2015 Pasal 29: the wage JP contributions are
// computed on is capped, at Rp7.000.000 in 2015 (ayat 1 and 2); every year
// BPJS Ketenagakerjaan multiplies the cap by 1 plus the previous year's
// annual GDP growth (ayat 3) and announces it within a month of the GDP
// figure (ayat 4). BPS publishes the growth in early February, so each new
// cap applies from March. BPJS Ketenagakerjaan's announcements round the
// result down to a multiple of Rp100 (the regulation does not say how to
// round; every announced cap since 2016 matches rounding down).

// GDPGrowth is one year's annual GDP growth, as BPS announced it.
type GDPGrowth struct {
	Year int
	// BP is the growth in basis points of a percent (502 = 5.02%).
	BP int64
	// Source is the BPS release. The release numbers are given where we
	// read them; the figures themselves are checked by the table test,
	// which rebuilds every announced cap from them.
	Source string
}

// GDPChain is the growth of each year from 2015 on, the factor of the cap
// that applies from March of the next year.
var GDPChain = []GDPGrowth{
	{2015, 479, "BPS, Berita Resmi Statistik, Februari 2016"},
	{2016, 502, "BPS, Berita Resmi Statistik, Februari 2017"},
	{2017, 507, "BPS, Berita Resmi Statistik, Februari 2018"},
	{2018, 517, "BPS, Berita Resmi Statistik, Februari 2019"},
	{2019, 502, "BPS, BRS No. 17/02/Th. XXIV, 5 Februari 2020"},
	{2020, -207, "BPS, Berita Resmi Statistik, Februari 2021"},
	{2021, 369, "BPS, Berita Resmi Statistik, Februari 2022"},
	{2022, 531, "BPS, Berita Resmi Statistik, Februari 2023"},
	{2023, 505, "BPS, BRS No. 13/02/Th. XXVII, 5 Februari 2024"},
	{2024, 503, "BPS, Berita Resmi Statistik, Februari 2025"},
	{2025, 511, "BPS, 5 Februari 2026 (as reported in the press)"},
}

// NextJPCap applies PP 45/2015 Pasal 29(3) once: the previous cap times
// (1 + growth), rounded down to Rp100.
func NextJPCap(prev, growthBP int64) int64 {
	return prev * (10000 + growthBP) / 10000 / 100 * 100
}

// JPCapStep is one cap and the month it applies from, until the next step.
type JPCapStep struct {
	From time.Time
	Cap  int64
}

// jpCaps is the cap series as BPJS Ketenagakerjaan announced it. The
// table test rebuilds it from GDPChain with NextJPCap.
var jpCaps = []JPCapStep{
	{member.Month(2015, time.July), 7_000_000},
	{member.Month(2016, time.March), 7_335_300},
	{member.Month(2017, time.March), 7_703_500},
	{member.Month(2018, time.March), 8_094_000},
	{member.Month(2019, time.March), 8_512_400},
	{member.Month(2020, time.March), 8_939_700},
	{member.Month(2021, time.March), 8_754_600}, // 2020's growth was negative: the cap fell
	{member.Month(2022, time.March), 9_077_600},
	{member.Month(2023, time.March), 9_559_600},
	{member.Month(2024, time.March), 10_042_300},
	{member.Month(2025, time.March), 10_547_400},
	{member.Month(2026, time.March), 11_086_300},
}

// JPCaps returns a copy of the cap series, oldest first.
func JPCaps() []JPCapStep { return append([]JPCapStep(nil), jpCaps...) }

// JPWageCap returns the JP wage cap in force for a month, or 0 before JP
// existed (July 2015).
func JPWageCap(month time.Time) int64 {
	var c int64
	for _, e := range jpCaps {
		if !month.Before(e.From) {
			c = e.Cap
		}
	}
	return c
}
