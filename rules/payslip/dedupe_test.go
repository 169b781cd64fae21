package payslip

import (
	"testing"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// TestWithoutAudited: employed from September 2024, credits in November
// 2024 and January 2025, as of 20 April 2025 (March owed). The audit, from
// the card's first paid month, lists December as missing and February–March
// as lagging; the payslip check also finds September and October (a
// payslip of 5.000.000 in September, no deduction: JHT 285.000 + JP
// 150.000 = 435.000 each, October at September's wage), which stay.
func TestWithoutAudited(t *testing.T) {
	t.Parallel()
	in := Input{Member: oneCard(kpjA), AsOf: day(2025, 4, 20),
		Employments: []member.Employment{{KPJ: kpjA, Start: day(2024, 9, 2)}},
		Contributions: byYear(
			row(kpjA, mo(2024, 11), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2024, 12, 10)),
			row(kpjA, mo(2025, 1), 5_000_000, 185_000, 100_000, 100_000, 50_000, day(2025, 2, 10)),
		),
		Payslips: []member.Payslip{slip(kpjA, mo(2024, 9), 5_000_000, 0, 0)},
	}
	r := Run(in)
	if f := only(t, r, KindMissing); len(f.Months) != 5 {
		t.Fatalf("before: %d months, want September, October, December, February, March", len(f.Months))
	}
	a := audit.Run(audit.Input{Member: in.Member, Contributions: in.Contributions, AsOf: in.AsOf})
	got := r.WithoutAudited(a)
	checkMonths(t, only(t, got, KindMissing), []wantMonth{
		{mo(2024, 9), 0, 0, 435_000, 435_000}, {mo(2024, 10), 0, 0, 435_000, 435_000},
	}, 870_000)
	if len(got.Findings) != len(r.Findings) {
		t.Errorf("%d findings left of %d", len(got.Findings), len(r.Findings))
	}
	// Employed only from November: every month is the audit's, the
	// finding goes.
	in.Employments[0].Start, in.Payslips = day(2024, 11, 1), nil
	none(t, Run(in).WithoutAudited(a), KindMissing)
}
