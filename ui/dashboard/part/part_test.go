package part

import "testing"

func TestParseRupiah(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int64{"45.678.900": 45678900, "Rp 5.000.000": 5000000, "1 000": 1000} {
		if got, err := ParseRupiah(in); err != nil || got != want {
			t.Errorf("ParseRupiah(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "abc", "-5.000"} {
		if _, err := ParseRupiah(in); err == nil {
			t.Errorf("ParseRupiah(%q) accepted", in)
		}
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "other", 1: "one", 2: "other"} {
		if got := Plural(n, "one", "other"); got != want {
			t.Errorf("Plural(%d) = %q", n, got)
		}
	}
}
