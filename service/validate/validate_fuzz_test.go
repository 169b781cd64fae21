package validate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFullName: the name validator accepts only what it promises (1 to 100
// runes of valid UTF-8, no control characters) and never panics.
func FuzzFullName(f *testing.F) {
	for _, s := range []string{"Dewi Lestari", "", "   ", "Budi\x00Santoso", "\xff\xfe", strings.Repeat("é", 101), "I Gusti Ayu Putu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		err := ValidateFullName(name)
		if err != nil {
			if code(err) == "" || code(err)[0] == '?' {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		n := strings.TrimSpace(name)
		if n == "" || !utf8.ValidString(n) || utf8.RuneCountInString(n) > 100 || strings.ContainsFunc(n, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("accepted %q", name)
		}
	})
}
