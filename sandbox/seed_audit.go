package sandbox

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// The seeded history's departures from the rules, so that a new user sees
// the audit (Periksa iuran) work in the demo: two members whose employers
// break the rules, and the contribution reliefs every seeded employer of
// the time had.
//
//   - PP 49/2020: every card with months from August 2020 to January 2021
//     pays JKK and JKM at 1% (the relief went to every employer paid up to
//     July 2020); Siti's textile firm also used the later deadline and paid
//     on the 25th of the next month.
//   - PP 7/2025: Siti's and Wulan's employers are textile and garment firms
//     of more than 50 workers, so their JKK is halved from February 2025,
//     to July 2025 under PP 7/2025 and to January 2026 under PP 36/2025
//     Pasal 10A (Siti's card closed in May 2025).
//   - Rudi Hartono's employer paid February and March 2026 together on
//     20 May 2026, never paid June 2026, and has paid nothing since August
//     2026 (September was due by 15 October).
//   - Wulan Sari's reported wage has not changed since January 2023, while
//     Semarang's minimum wage rose every year (UMK 2025: Rp3.454.827, above
//     the Rp3.430.000 reported).

// irregular holds a seeded job's departures from the regular pattern
// (every month paid on the 10th of the next, a raise every January).
type irregular struct {
	paid        map[string]string // period "2006-01" → the date it was paid
	skip        map[string]bool   // periods never paid
	freezeFrom  int               // no raise from this January on (0: raises every year)
	padatKarya  bool              // an employer in one of PP 7/2025's six industries
	covidPayDay int               // the day of the next month the PP 49/2020 months were paid (0: the 10th)
	bpu         bool              // the member's own card as a self-employed member (seed_bpu.go)
}

func (ir irregular) frozen(year int) bool { return ir.freezeFrom != 0 && year >= ir.freezeFrom }

func (ir irregular) skipped(p time.Time) bool { return ir.skip[p.Format("2006-01")] }

// paidOn is the irregular payment date of a month, or "".
func (ir irregular) paidOn(p time.Time) string {
	if d, ok := ir.paid[p.Format("2006-01")]; ok {
		return d
	}
	if ir.covidPayDay != 0 && rates.InCOVIDRelief(p) {
		next := p.AddDate(0, 1, 0)
		return time.Date(next.Year(), next.Month(), ir.covidPayDay, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	return ""
}

// seedContribution is a month's dues on a job: the rules (rates.Compute)
// with the reliefs of the time.
func seedContribution(j seedJob, p time.Time) rates.Contribution {
	if j.bpu {
		return bpuContribution(j.wage)
	}
	c := rates.Compute(p, seedWage(j, p), j.risk)
	if rates.InCOVIDRelief(p) {
		c.JKK = rates.Pct(c.JKK, rates.COVIDKeepBP)
		c.JKM = rates.Pct(c.JKM, rates.COVIDKeepBP)
	}
	if in, confirmed := rates.InPadatKarya(p); in && confirmed && j.padatKarya {
		c.JKK = rates.HalfJKK(c.Wage, j.risk)
	}
	return c
}

// auditDemoMembers are the audit's demo members. Wages are at or above the
// regional minimum wage of their city when the card opened.
var auditDemoMembers = []seedMember{
	{
		// A plastics factory in Cikarang (Kabupaten Bekasi, UMK 2022
		// Rp4.791.843) that fell behind in 2026.
		nik: "3216062109930005", name: "Rudi Hartono", birth: "1993-09-21",
		status: "aktif", statusSince: "2022-01-01", memberSince: "2022-01-01",
		jobs: []seedJob{
			{kpj: "22056789012", employer: "PT Sumber Rejeki Plastindo", npp: "22098765", risk: 3,
				from: month(2022, time.January), to: month(2026, time.August), wage: 4_900_000, raiseBP: 500,
				irregular: irregular{
					paid: map[string]string{"2026-02": "2026-05-20", "2026-03": "2026-05-20"},
					skip: map[string]bool{"2026-06": true},
				}},
		},
		account: &seedAccount{email: "rudi@contoh.id", phone: "081398765432"},
	},
	{
		// A garment maker in Semarang (UMK 2020 Rp2.715.000) that stopped
		// reporting raises after January 2023.
		nik: "3374105405970002", name: "Wulan Sari", birth: "1997-05-14",
		status: "aktif", statusSince: "2020-03-01", memberSince: "2020-03-01",
		jobs: []seedJob{
			{kpj: "20067890123", employer: "PT Sandang Makmur Semarang", npp: "20054321", risk: 2,
				from: month(2020, time.March), to: LastPeriod, wage: 2_800_000, raiseBP: 700,
				irregular: irregular{freezeFrom: 2024, padatKarya: true}},
		},
		account: &seedAccount{email: "wulan@contoh.id", phone: "085798761234"},
	},
}

func init() { demoMembers = append(demoMembers, auditDemoMembers...) }
