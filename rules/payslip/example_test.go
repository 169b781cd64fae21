package payslip_test

import (
	"fmt"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
)

// An invented member: January 2026 was deducted and credited, February
// deducted and never credited, and February's payslip also took JKK.
func ExampleRun() {
	jan, feb := member.Month(2026, time.January), member.Month(2026, time.February)
	slip := func(p time.Time) member.Payslip {
		return member.Payslip{Period: p, KPJ: "11000000001", BasicWage: 4_000_000, DeductJHT: 80_000, DeductJP: 40_000}
	}
	febSlip := slip(feb)
	febSlip.DeductJKK = 9_600
	in := payslip.Input{
		Member: member.Member{Cards: []member.KPJCard{{KPJ: "11000000001", EmployerName: "PT Contoh Sejahtera"}}},
		Contributions: map[int]member.Contributions{2026: {Year: 2026, Months: []member.MonthContribution{{
			Period: jan, KPJ: "11000000001", ReportedWage: 4_000_000,
			JHTEmployer: 148_000, JHTWorker: 80_000, JPEmployer: 80_000, JPWorker: 40_000,
			PaidDate: time.Date(2026, time.February, 10, 0, 0, 0, 0, time.UTC)}}}},
		Payslips: []member.Payslip{slip(jan), febSlip},
		AsOf:     time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC),
	}
	for _, f := range payslip.Run(in).Findings {
		fmt.Println(f.Kind, f.KPJ, f.From().Format("2006-01"), f.Amount)
		fmt.Println(" ", f.Summary(member.EN))
		fmt.Println(" ", f.Rule().Citation(member.ID))
	}
	// Output:
	// not_deposited 11000000001 2026-02 120000
	//   Rp 120.000 deducted from your wage for JHT and JP in February 2026 (1 month) did not reach card 11000000001.
	//   UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55
	// missing_employed 11000000001 2026-02 348000
	//   No contributions for February 2026 (1 month) although you worked or were paid; the JHT and JP due are about Rp 348.000.
	//   UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55
	// employer_share_deducted 11000000001 2026-02 9600
	//   JKK/JKM contributions were deducted from your wage in February 2026 (1 month): Rp 9.600 to be refunded.
	//   UU 40/2004 Pasal 34 ayat (1) dan Pasal 46 ayat (1); PP 44/2015 Pasal 16 dan 18 (sumber sekunder; nomor pasal belum dicek pada teks resmi)
}
