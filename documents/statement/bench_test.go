package statement_test

import (
	"testing"

	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

// BenchmarkRead_OneYear: one year's printout; the target is 100 ms.
func BenchmarkRead_OneYear(b *testing.B) {
	data := mustPDF(b, sari(2024), printout.Layout{})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := statement.Read("sari.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead_FortyYears: forty years of printouts for one card; the
// target is 2 s for all forty.
func BenchmarkRead_FortyYears(b *testing.B) {
	var files [][]byte
	for y := 1986; y < 2026; y++ {
		files = append(files, mustPDF(b, sari(y), printout.Layout{}))
	}
	for b.Loop() {
		for _, data := range files {
			if _, err := statement.Read("sari.pdf", data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
