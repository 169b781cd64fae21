package demodocs_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/internal/gen"
)

func statements() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range demodocs.Files() {
		if strings.HasSuffix(f.Name, ".pdf") {
			out[f.Name] = f.Data
		}
	}
	return out
}

// TestStatements_RegenerateToTheCommittedBytes: go generate, run on the
// sandbox's seeded data today, writes exactly the committed files.
func TestStatements_RegenerateToTheCommittedBytes(t *testing.T) {
	t.Parallel()
	fresh, err := gen.Statements(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	committed := statements()
	if len(fresh) != 5 || len(committed) != len(fresh) {
		t.Fatalf("%d generated, %d committed; want Rudi's 2022 to 2026", len(fresh), len(committed))
	}
	for _, f := range fresh {
		if !bytes.Equal(committed[f.Name], f.Data) {
			t.Errorf("%s: the committed file differs from what go generate writes now", f.Name)
		}
	}
}

// TestStatements_ReadBackWithTheirTotalsChecked: the reader takes every
// row of every demo printout, and they say what the sandbox seeded for
// Rudi: February and March 2026 paid together on 20 May, June 2026 never
// paid, nothing since August 2026, June 2024's deposit booked a month
// late, and each year's summary carrying the last year's closing balance.
func TestStatements_ReadBackWithTheirTotalsChecked(t *testing.T) {
	t.Parallel()
	var prevClosing member.Rupiah
	files := statements()
	for y := 2022; y <= 2026; y++ {
		name := fmt.Sprintf("rudi-hartono-jht-jp-%d.pdf", y)
		data, ok := files[name]
		if !ok {
			t.Fatalf("no %s among %d printouts", name, len(files))
		}
		b, err := statement.Read(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := b.Documents[0]
		if !d.TotalsChecked || len(b.Refused) != 0 || d.KPJ != "22056789012" || d.Year != y || len(b.Balances) != 1 {
			t.Fatalf("%s: %+v refused %+v", name, d, b.Refused)
		}
		if b.Identity.Name != "Rudi Hartono" || b.Cards[0].NPP != "22098765" || b.Cards[0].EmployerName != "PT Sumber Rejeki Plastindo" {
			t.Errorf("%s: %+v %+v", name, b.Identity, b.Cards)
		}
		h := b.Balances[0].History[0]
		if h.Opening != prevClosing {
			t.Errorf("%s opens at %s, the last year closed at %s", name, h.Opening.Format(), prevClosing.Format())
		}
		prevClosing = h.Closing
		months := map[string]member.MonthContribution{}
		for _, m := range b.Months {
			months[m.Period.Format("2006-01")] = m
		}
		switch y {
		case 2024:
			jun := months["2024-06"]
			if !jun.PostedDate.Equal(jun.PaidDate.AddDate(0, 1, 2)) {
				t.Errorf("June 2024 paid %s posted %s", jun.PaidDate, jun.PostedDate)
			}
		case 2026:
			if len(b.Months) != 7 {
				t.Errorf("2026: %d months, want January to August without June", len(b.Months))
			}
			for _, p := range []string{"2026-06", "2026-09", "2026-10"} {
				if _, ok := months[p]; ok {
					t.Errorf("2026: %s is on the printout", p)
				}
			}
			for _, p := range []string{"2026-02", "2026-03"} {
				if got := months[p].PaidDate; !got.Equal(time.Date(2026, time.May, 20, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("%s paid %s", p, got)
				}
			}
			if !d.PrintedAt.Equal(time.Date(2026, time.November, 16, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("2026 printed %s", d.PrintedAt)
			}
		default:
			if len(b.Months) != 12 {
				t.Errorf("%s: %d months", name, len(b.Months))
			}
		}
	}
}
