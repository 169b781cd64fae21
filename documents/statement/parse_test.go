package statement

import "testing"

func TestAmount_BothWaysOfWritingRupiah(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int64{
		"4,000,000.00": 400_000_000, "4.000.000,00": 400_000_000, "1.00": 100, "1,00": 100, "0.05": 5,
		"170,200.00": 17_020_000, "1234567.89": 123_456_789, "1234567,89": 123_456_789, "-285,000.00": -28_500_000, "-1,50": -150,
	} {
		if got, ok := amount(s); !ok || got != want {
			t.Errorf("amount(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"4,000", "4.000", "4,00,000.00", "--1.00", "1.00-", "Rp4.000.000", "1.000,000", "", "1.0", "99999999999999999999.00"} {
		if got, ok := amount(s); ok {
			t.Errorf("amount(%q) = %d, want refused", s, got)
		}
	}
}

func TestRupiah_RoundsHalfAwayFromZero(t *testing.T) {
	t.Parallel()
	for sen, want := range map[int64]int64{0: 0, 49: 0, 50: 1, 123_456_789: 1_234_568, -49: 0, -50: -1, -150: -2} {
		if got := rupiah(sen); int64(got) != want {
			t.Errorf("rupiah(%d) = %d, want %d", sen, got, want)
		}
	}
}
