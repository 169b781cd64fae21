package statement_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

// fuzzSeeds are FuzzRead's committed seeds (testdata/fuzz/FuzzRead).
func fuzzSeeds(t *testing.T) map[string][]byte {
	s := sari(2021)
	s.Rows = s.Rows[:4]
	whole := mustPDF(t, s, printout.Layout{})
	return map[string][]byte{
		"printout":         whole,
		"split-shuffled":   mustPDF(t, s, printout.Layout{SplitRows: true, ShuffleRows: true, RowsPerPage: 2}),
		"truncated":        whole[:len(whole)/2],
		"encrypted":        mustPDF(t, s, printout.Layout{Password: "rahasia"}),
		"page-tree-cycle":  rawPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
		"header-no-jumlah": plainPDF("INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN 2021", "Tanggal : 20-01-2022", "Nomor Kartu/NIK/Nomor Peg. : 90012345678/3273015405900012/-"),
	}
}

// TestFuzzSeeds_AreCommitted: the committed seeds are what the generator
// writes today (CEKBPJSTK_WRITE_SEEDS=1 rewrites them).
func TestFuzzSeeds_AreCommitted(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzRead")
	write := os.Getenv("CEKBPJSTK_WRITE_SEEDS") == "1"
	for name, data := range fuzzSeeds(t) {
		want := []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(data))))
		path := filepath.Join(dir, name)
		if write {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if name != "encrypted" && !bytes.Equal(got, want) {
			t.Errorf("%s: the committed seed differs from the generator's output", path)
		}
	}
}
