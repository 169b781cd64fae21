package printout

import (
	"bytes"
	"testing"
	"time"
)

func TestAmount_WritesThePrintoutsWay(t *testing.T) {
	t.Parallel()
	for sen, want := range map[int64]string{
		0: "0.00", 5: "0.05", 100: "1.00", 123456: "1,234.56", 400000000: "4,000,000.00",
		123456789012: "1,234,567,890.12", -150050: "-1,500.50",
	} {
		if got := Amount(sen); got != want {
			t.Errorf("Amount(%d) = %q, want %q", sen, got, want)
		}
	}
}

func TestPDF_SameStatementSameBytes(t *testing.T) {
	t.Parallel()
	s := Statement{Year: 2024, Printed: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), KPJ: "90012345678", Name: "Contoh",
		Rows: []Row{{Wage: 1, Paid: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)}}}
	a, err := s.PDF(Layout{ShuffleRows: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.PDF(Layout{ShuffleRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || !bytes.HasPrefix(a, []byte("%PDF-1.")) {
		t.Error("two runs differ")
	}
	// The text is in an embedded CID font with a ToUnicode map.
	for _, want := range []string{"/Type0", "/ToUnicode", "/FontFile2", "/CreationDate (D:20250115"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
}
