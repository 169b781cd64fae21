package sandbox

import (
	"time"
)

// The contribution rules themselves (rates, JP and JKP caps, program start
// dates) live in the rates package; the sandbox applies them to its seeded
// history with rates.Compute.

// jhtReturns holds the yearly JHT development rate in basis points. They
// are sandbox figures in the range of the yields BPJS Ketenagakerjaan has
// announced (about 5–10% a year, falling over the decade), plausible and
// fixed, except where a source confirms the declared figure:
//   - 2016: 7,19%, as BPJS Ketenagakerjaan's president director Agus
//     Susanto announced it on 7 February 2017 (Pasardana, Semarak; a
//     secondary source quoting the announcement).
//
// We found no source for the other years, so they stay sandbox figures.
var jhtReturns = map[int]int64{
	2009: 1020, 2010: 980, 2011: 950, 2012: 850, 2013: 860, 2014: 900,
	2015: 820, 2016: 719, 2017: 770, 2018: 670, 2019: 610, 2020: 560,
	2021: 560, 2022: 510, 2023: 610, 2024: 610, 2025: 620, 2026: 600,
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
