package audittab

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
)

// A book holding only Rudi's 2022 and 2026 printouts says nothing about
// 2023–2025: the checks find his 2026 arrears (June never paid, nothing
// since August, February–March late) and no month of the years between,
// which the server path (no coverage) would call never paid — the
// control below shows they would be.
func TestCheck_ABookChecksOnlyTheYearsItsDocumentsCover(t *testing.T) {
	t.Parallel()
	var bundles []documents.Bundle
	for _, f := range demodocs.Files() {
		if f.Name == "rudi-hartono-jht-jp-2022.pdf" || f.Name == "rudi-hartono-jht-jp-2026.pdf" {
			b, err := read.File(f.Name, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			bundles = append(bundles, b)
		}
	}
	if len(bundles) != 2 {
		t.Fatalf("%d demo printouts found, want 2022 and 2026", len(bundles))
	}
	merged, err := read.Merge(bundles...)
	if err != nil {
		t.Fatal(err)
	}
	md := read.ModelOf(merged, time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC))
	data := memberdata.Data{Member: md.Member, Balance: md.Balance, Contributions: md.Contributions,
		Coverage: md.Coverage, FetchedAt: md.AsOf, Offline: true}

	between := func(c Checks) (n int, kinds map[audit.Kind]bool) {
		kinds = map[audit.Kind]bool{}
		for _, f := range c.Audit.Findings() {
			kinds[f.Kind] = true
			for _, m := range f.Months {
				if y := m.Year(); y >= 2023 && y <= 2025 {
					n++
				}
			}
		}
		return n, kinds
	}
	n, kinds := between(Check(data))
	if n != 0 {
		t.Errorf("%d months of 2023–2025 flagged in a book without their printouts", n)
	}
	if !kinds[audit.KindMissing] || !kinds[audit.KindLagging] || !kinds[audit.KindLate] {
		t.Errorf("2026's findings lost: %v", kinds)
	}
	data.Coverage = nil
	if n, _ := between(Check(data)); n < 36 {
		t.Errorf("control: the server path flags %d months of 2023–2025, want all 36", n)
	}
}
