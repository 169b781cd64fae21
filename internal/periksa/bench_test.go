package periksa

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// fortyYears is an invented member's forty yearly statements (480 months)
// and 480 payslips, each year a bundle of its own as File gives them.
func fortyYears() []documents.Bundle {
	var out []documents.Bundle
	for y := 1986; y < 2026; y++ {
		src := documents.SourceOf("stmt.pdf", []byte{byte(y), byte(y >> 8)})
		b := documents.Bundle{Documents: []documents.Document{{Kind: documents.KindStatement, File: src.File, SHA256: src.SHA256,
			Year: y, KPJ: kpj, PrintedAt: day(y+1, time.January, 10), TotalsChecked: true}},
			Identity: documents.Identity{Name: "Rina Contoh", BirthDate: day(1966, time.February, 3)},
			Cards:    []member.KPJCard{{KPJ: kpj, EmployerName: "PT Contoh Makmur"}}}
		wage := int64(1_000_000 + (y-1986)*150_000)
		for mo := time.January; mo <= time.December; mo++ {
			s := src
			s.Line = int(mo)
			b.Months = append(b.Months, member.MonthContribution{Period: member.Month(y, mo), KPJ: kpj, EmployerName: "PT Contoh Makmur",
				ReportedWage: member.Rupiah(wage), JHTEmployer: member.Rupiah(wage * 37 / 1000), JHTWorker: member.Rupiah(wage / 50),
				JPEmployer: member.Rupiah(wage / 50), JPWorker: member.Rupiah(wage / 100), PaidDate: day(y, mo, 28), Source: &s})
			b.Payslips = append(b.Payslips, member.Payslip{Period: member.Month(y, mo), Employer: "PT Contoh Makmur",
				BasicWage: member.Rupiah(wage + 200_000), DeductJHT: member.Rupiah((wage + 200_000) / 50), DeductJP: member.Rupiah((wage + 200_000) / 100), Source: s})
		}
		b.Balances = []member.BalanceAccount{{KPJ: kpj, AsOf: day(y+1, time.January, 10), History: []member.YearBalance{{Year: y, Closing: member.Rupiah(wage * 12)}}}}
		out = append(out, b)
	}
	return out
}

// BenchmarkPeriksa_FortyYears: merging forty years of documents, the
// model, every check and the rights (what periksa does after reading).
// The target for all checks over 480 months and 480 payslips is
// 50 ms.
func BenchmarkPeriksa_FortyYears(b *testing.B) {
	years := fortyYears()
	today := day(2026, time.December, 7)
	b.ReportAllocs()
	for b.Loop() {
		merged, err := read.Merge(years...)
		if err != nil {
			b.Fatal(err)
		}
		r := Build(merged, read.ModelOf(merged, today), today, member.ID)
		if len(r.Findings) == 0 {
			b.Fatal("no findings: the payslip wage is above the reported one every month")
		}
	}
}
