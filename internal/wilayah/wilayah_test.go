package wilayah

import "testing"

func TestProvince(t *testing.T) {
	t.Parallel()
	cases := []struct {
		code string
		name string
		ok   bool
	}{
		{"11", "Aceh", true},
		{"31", "DKI Jakarta", true},
		{"65", "Kalimantan Utara", true},
		{"92", "Papua Barat", true},
		{"95", "Papua Pegunungan", true},
		{"96", "Papua Barat Daya", true},
		{"10", "", false},
		{"20", "", false},
		{"37", "", false},
		{"66", "", false},
		{"83", "", false},
		{"90", "", false},
		{"97", "", false},
		{"00", "", false},
		{"1", "", false},
	}
	for _, c := range cases {
		name, ok := Province(c.code)
		if name != c.name || ok != c.ok {
			t.Errorf("Province(%q) = %q, %v; want %q, %v", c.code, name, ok, c.name, c.ok)
		}
	}
	if Count() != 38 {
		t.Errorf("Count() = %d, want 38 provinces", Count())
	}
}
