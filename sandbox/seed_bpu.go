package sandbox

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// The self-employed member (Bukan Penerima Upah, BPU), so that a new user
// sees how the app treats a member with no employer, and a lay-off in the
// middle of a month:
//
//   - Eko Prasetyo worked at a furniture maker in Yogyakarta (an industry
//     of PP 7/2025, over 50 workers: JKK halved from February 2025 to
//     January 2026, PP 36/2025 Pasal 10A's extension included) from March
//     2019 until he was laid off on Friday 14 August 2026. August was not
//     paid: the month of a lay-off need not be (PP 6/2025 Pasal 19), and
//     his JKP claim window runs to 14 February 2027.
//   - Since September 2026 he drives an online motorcycle taxi and pays
//     his own dues as a BPU member on a declared income of Rp3.000.000:
//     JKK 1% and JKM Rp6.800 a month, and JHT 2% (he chose it); no JP,
//     no JKP. These are the BPU rates as BPJS Ketenagakerjaan publishes
//     them (Permenaker 5/2021, read in secondary sources only).
//     September was paid on the 5th, October on the 20th, after the 15th
//     of the same month (no fine for a BPU member).

// BPU dues (sandbox figures; see above).
const (
	bpuJKKBP   = 100 // 1% of the declared income
	bpuJKM     = 6_800
	bpuJHTBP   = 200 // 2%, paid by the member
	bpuIncome  = 3_000_000
	bpuCardKPJ = "26089012345"
)

// bpuContribution is a self-employed member's month.
func bpuContribution(income int64) rates.Contribution {
	return rates.Contribution{Wage: income, JHTWorker: rates.Pct(income, bpuJHTBP), JKK: rates.Pct(income, bpuJKKBP), JKM: bpuJKM}
}

var bpuDemoMembers = []seedMember{
	{
		nik: "3471051006880007", name: "Eko Prasetyo", birth: "1988-06-10", segment: "BPU",
		status: "aktif", statusSince: "2026-09-01", memberSince: "2019-03-01",
		jobs: []seedJob{
			// UMK Kota Yogyakarta 2019: Rp1.846.400.
			{kpj: "19078901234", employer: "PT Mataram Mebel Jaya", npp: "19034567", risk: 2,
				from: month(2019, time.March), to: month(2026, time.July), wage: 2_100_000, raiseBP: 600, closed: "2026-08-14",
				irregular: irregular{padatKarya: true}},
			{kpj: bpuCardKPJ, employer: "Bukan Penerima Upah (mandiri)", risk: 1, // the schema wants a class; a BPU pays 1% whatever it is
				from: month(2026, time.September), to: month(2026, time.October), wage: bpuIncome,
				irregular: irregular{bpu: true, paid: map[string]string{"2026-09": "2026-09-05", "2026-10": "2026-10-20"}}},
		},
		account: &seedAccount{email: "eko@contoh.id", phone: "081227654321"},
	},
}

func init() { demoMembers = append(demoMembers, bpuDemoMembers...) }
