package demodocs_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/documents/tabular"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/internal/gen"
)

func tables() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range demodocs.Files() {
		if strings.HasSuffix(f.Name, ".csv") {
			out[f.Name] = f.Data
		}
	}
	return out
}

// TestTables_RegenerateToTheCommittedBytes: go generate, run on the
// sandbox's seeded data today, writes exactly the committed CSV files.
func TestTables_RegenerateToTheCommittedBytes(t *testing.T) {
	t.Parallel()
	fresh, err := gen.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	committed := tables()
	if len(fresh) != 4 || len(committed) != len(fresh) {
		t.Fatalf("%d generated, %d committed; want two years of payslips, the employment facts and a 1721-A1", len(fresh), len(committed))
	}
	for _, f := range fresh {
		if !bytes.Equal(committed[f.Name], f.Data) {
			t.Errorf("%s: the committed file differs from what go generate writes now", f.Name)
		}
	}
}

// TestTables_ReadBackWithWhatTheyPlant: each CSV is read whole (no row
// refused) as its kind, and against the 2026 printout the payslips show
// the three things planted: JHT and JP deducted in months never credited
// (June, September, October 2026), a JKK deduction from the worker, and a
// basic wage plus fixed allowances above the reported wage every month.
func TestTables_ReadBackWithWhatTheyPlant(t *testing.T) {
	t.Parallel()
	files := tables()
	var slips []member.Payslip
	for name, data := range files {
		b, err := tabular.Read(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(b.Refused) != 0 {
			t.Errorf("%s: refused %+v", name, b.Refused)
		}
		switch {
		case strings.Contains(name, "slip-gaji"):
			if b.Documents[0].Kind != documents.KindPayslips {
				t.Errorf("%s read as %s", name, b.Documents[0].Kind)
			}
			slips = append(slips, b.Payslips...)
		case strings.HasSuffix(name, "pekerjaan.csv"):
			e := b.Employment
			if len(e) != 1 || e[0].KPJ != "22056789012" || e[0].NPP != "22098765" || e[0].Employer != "PT Sumber Rejeki Plastindo" ||
				!e[0].Start.Equal(time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC)) || !e[0].End.IsZero() {
				t.Errorf("%s: %+v", name, e)
			}
		case strings.Contains(name, "1721-a1"):
			if len(b.A1) != 1 || b.A1[0].Year != 2025 || b.A1[0].KPJ != "22056789012" {
				t.Errorf("%s: %+v", name, b.A1)
			}
		default:
			t.Errorf("an unexpected file %s", name)
		}
	}
	if len(slips) != 22 {
		t.Fatalf("%d payslips, want January 2025 to October 2026", len(slips))
	}
	pdf := "rudi-hartono-jht-jp-2026.pdf"
	var data []byte
	for _, f := range demodocs.Files() {
		if f.Name == pdf {
			data = f.Data
		}
	}
	st, err := statement.Read(pdf, data)
	if err != nil {
		t.Fatal(err)
	}
	credited := map[time.Time]member.MonthContribution{}
	for _, m := range st.Months {
		credited[m.Period] = m
	}
	var a1 member.Rupiah
	var unpaid []string
	jkk := 0
	for _, s := range slips {
		if s.Period.Year() == 2025 {
			a1 += s.DeductJHT + s.DeductJP
			if s.DeductJKK != 0 {
				t.Errorf("%s: JKK deducted in 2025", s.Period.Format("2006-01"))
			}
			continue
		}
		if s.DeductJKK > 0 {
			jkk++
		}
		c, ok := credited[s.Period]
		if !ok {
			if s.DeductJHT == 0 || s.DeductJP == 0 {
				t.Errorf("%s: uncredited and not deducted", s.Period.Format("2006-01"))
			}
			unpaid = append(unpaid, s.Period.Format("2006-01"))
			continue
		}
		if s.DeductJHT != c.JHTWorker || s.DeductJP != c.JPWorker {
			t.Errorf("%s: deducted %d/%d, credited %d/%d", s.Period.Format("2006-01"), s.DeductJHT, s.DeductJP, c.JHTWorker, c.JPWorker)
		}
		if s.Wage() <= c.ReportedWage {
			t.Errorf("%s: payslip wage %s not above the reported %s", s.Period.Format("2006-01"), s.Wage().Format(), c.ReportedWage.Format())
		}
	}
	if strings.Join(unpaid, " ") != "2026-06 2026-09 2026-10" {
		t.Errorf("deducted but not credited: %v", unpaid)
	}
	if jkk != 10 {
		t.Errorf("JKK deducted in %d months of 2026, want 10", jkk)
	}
	b, _ := tabular.Read("a1.csv", files["rudi-hartono-1721-a1-2025.csv"])
	if b.A1[0].Amount != a1 {
		t.Errorf("1721-A1 2025 %s, the payslips' JHT and JP %s", b.A1[0].Amount.Format(), a1.Format())
	}
}
