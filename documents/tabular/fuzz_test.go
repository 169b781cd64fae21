package tabular

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The fuzz targets hold each reader to its promises on any input: no panic,
// an error is a *documents.Problem naming the file in both languages, a
// bundle has at least one row, every figure keeps its source, and no
// amount is negative or above MaxAmount. Their seeds are under
// testdata/fuzz (run in every go test).

func checkRead(t *testing.T, name string, data []byte, b documents.Bundle, err error) {
	t.Helper()
	if err != nil {
		var p *documents.Problem
		if !errors.As(err, &p) || p.ID == "" || p.EN == "" || p.File != name || p.Code == "" {
			t.Fatalf("error %#v is not a whole problem", err)
		}
		return
	}
	if len(b.Documents) != 1 || b.Documents[0].Rows == 0 {
		t.Fatalf("a bundle without rows: %+v", b.Documents)
	}
	src := documents.SourceOf(name, data)
	ok := func(s member.Source) {
		if s.File != src.File || s.SHA256 != src.SHA256 || s.Line < 1 {
			t.Fatalf("source %+v", s)
		}
	}
	money := func(what string, rs ...member.Rupiah) {
		for _, r := range rs {
			if r < 0 || r > MaxAmount {
				t.Fatalf("%s: amount %d", what, r)
			}
		}
	}
	for _, p := range b.Payslips {
		ok(p.Source)
		money("payslip", p.BasicWage, p.FixedAllowances, p.OtherIncome, p.DeductJHT, p.DeductJP, p.DeductHealth,
			p.DeductJKK, p.DeductJKM, p.DeductTax)
		if p.Period.Day() != 1 {
			t.Fatalf("period %v", p.Period)
		}
	}
	for _, m := range b.Months {
		ok(*m.Source)
		money("month", m.ReportedWage, m.JHT, m.BackPay)
		if len(m.KPJ) != 11 {
			t.Fatalf("month's card %q", m.KPJ)
		}
	}
	for _, a := range b.Balances {
		ok(*a.Source)
		money("balance", a.Total, a.Development)
		if a.AsOf.IsZero() {
			t.Fatal("a balance without its date")
		}
	}
	for _, e := range b.Employment {
		ok(e.Source)
		if !e.End.IsZero() && e.End.Before(e.Start) {
			t.Fatalf("employment %+v", e)
		}
	}
	for _, a := range b.A1 {
		ok(a.Source)
		money("a1", a.Amount)
	}
	for _, r := range b.Refused {
		if r.Reason == nil || r.Reason.ID == "" || r.Reason.EN == "" || r.Source.Line < 1 {
			t.Fatalf("refused %+v", r)
		}
	}
}

func fuzzReader(f *testing.F, read func(string, []byte) (documents.Bundle, error), seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for name, tpl := range Templates() {
		f.Add(append(tpl, []byte(fmt.Sprintf("x;%s;1\n", name))...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := read("fuzz.csv", data)
		checkRead(t, "fuzz.csv", data, b, err)
	})
}

func FuzzReadPayslips(f *testing.F) {
	fuzzReader(f, ReadPayslips,
		"\uFEFFPeriode;Pemberi Kerja;Gaji Pokok;BPJS TK JHT 2%\r\n01-2025;PT A;\"4.000.000,00\";80.000\r\n",
		"Period,Basic salary,JHT\n2025-01,4000000,80000\n2025-01,4000000,-1\n")
}

func FuzzReadJMO(f *testing.F) {
	fuzzReader(f, ReadJMO,
		"KPJ 22056789012\nSaldo JHT Rp 28.123.456 per 30-11-2026\nOktober 2026  10-11-2026  Rp 5.955.000  Rp 339.435\n",
		"KPJ;Bulan;Iuran JHT\n22056789012;10-2026;339.435\n")
}

func FuzzReadEmployment(f *testing.F) {
	fuzzReader(f, ReadEmployment,
		"KPJ;Pemberi Kerja;Mulai Bekerja;Tanggal Berhenti;Alasan Berhenti\n22056789012;PT A;01-01-2022;31-08-2026;PHK\n",
		"Tahun;Iuran Pensiun\n2025;1.000.000\n")
}

func FuzzRead(f *testing.F) {
	fuzzReader(f, Read, "Periode\tGaji Pokok\n01-2025\t4.000.000\n", "\xff\xfeP\x00")
}
