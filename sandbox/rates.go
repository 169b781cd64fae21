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
//   - 2011 and 2012: 10,10%, as BPJS Ketenagakerjaan's (then Jamsostek's)
//     announcements give them according to the review of our rules; we
//     found only a report that 2012's was "the highest in the world"
//     (Bengkulu Ekspress), not the figure.
//   - 2020: 5,63%, as BPJS Ketenagakerjaan's branch head Seto Tjahjono
//     announced it (Pikiran Rakyat, 28 January 2021). Sources differ:
//     Bisnis (31 May 2021) reports 5,59% from its finance director.
//
// The other years stay sandbox figures.
var jhtReturns = map[int]int64{
	2009: 1020, 2010: 980, 2011: 1010, 2012: 1010, 2013: 860, 2014: 900,
	2015: 820, 2016: 719, 2017: 770, 2018: 670, 2019: 610, 2020: 563,
	2021: 560, 2022: 510, 2023: 610, 2024: 610, 2025: 620, 2026: 600,
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
