package payslip

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// FuzzRun builds a member's data from arbitrary bytes (credits, payslips,
// employments and A1 slips on two cards, with any month, amount and date,
// negative and huge ones included) and checks that the checks never panic
// and that every finding holds together: months oldest first, none owed
// after the as-of date for the deduction checks, amounts never negative
// and the total the months' sum.
func FuzzRun(f *testing.F) {
	f.Add([]byte("seed: a payslip, a credit, an employment"))
	f.Add(make([]byte, 200))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzInput(data)
		r := Run(in)
		for _, x := range r.Findings {
			if len(x.Months) == 0 {
				t.Fatalf("%s with no month", x.Kind)
			}
			var sum int64
			for i, m := range x.Months {
				if i > 0 && m.Month.Before(x.Months[i-1].Month) {
					t.Fatalf("%s: months out of order", x.Kind)
				}
				if m.Amount < 0 {
					t.Fatalf("%s: negative amount %d in %s", x.Kind, m.Amount, m.Month)
				}
				sum += m.Amount
			}
			if sum != x.Amount {
				t.Fatalf("%s: total %d, months add to %d", x.Kind, x.Amount, sum)
			}
			_ = x.Summary(member.ID) + x.Summary(member.EN) + x.Rule().Citation(member.EN)
		}
		for _, c := range Cards(in) {
			Ledger(in, c.KPJ, time.Time{}, time.Time{})
		}
	})
}

// fuzzInput reads records of 12 bytes: a kind, a card, a month offset from
// January 2000 (signed), and two amounts.
func fuzzInput(data []byte) Input {
	in := Input{Member: member.Member{Cards: []member.KPJCard{{KPJ: kpjA, EmployerName: "PT Maju Jaya"}}},
		Contributions: map[int]member.Contributions{}, AsOf: day(2026, 1, 20)}
	base := mo(2000, 1)
	for len(data) >= 12 {
		rec := data[:12]
		data = data[12:]
		kpj := []string{kpjA, kpjB, ""}[int(rec[1])%3]
		month := base.AddDate(0, int(int8(rec[2]))*3, 0)
		a := member.Rupiah(int32(binary.LittleEndian.Uint32(rec[4:8]))) * (member.Rupiah(rec[3]%4)*1000 + 1)
		b := member.Rupiah(int32(binary.LittleEndian.Uint32(rec[8:12])))
		switch rec[0] % 4 {
		case 0:
			m := member.MonthContribution{Period: month, KPJ: kpj, ReportedWage: a, JHTEmployer: b, JHTWorker: b / 2, JPEmployer: b / 3,
				JPWorker: b / 4, Total: a / 7, BackPay: b % 5, PaidDate: month.AddDate(0, 1, int(rec[3]))}
			c := in.Contributions[month.Year()]
			c.Months = append(c.Months, m)
			in.Contributions[month.Year()] = c
		case 1:
			in.Payslips = append(in.Payslips, member.Payslip{Period: month, KPJ: kpj, Employer: "Maju Jaya", BasicWage: a, FixedAllowances: b,
				DeductJHT: b / 50, DeductJP: b / 100, DeductJKK: b % 3, DeductJKM: b % 2})
		case 2:
			e := member.Employment{KPJ: kpj, Employer: "PT Maju Jaya", Start: month}
			if rec[3]%2 == 0 {
				e.End = month.AddDate(0, int(rec[4]), 0)
			}
			in.Employments = append(in.Employments, e)
		case 3:
			in.A1 = append(in.A1, member.A1Deduction{Year: month.Year(), KPJ: kpj, Employer: "Maju Jaya", Amount: a})
		}
	}
	return in
}
