package periksa

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// FuzzCheck: whatever a reader makes of a file, together with the demo
// member's own documents, merging, the model, every check and the rights
// and both outputs never panic.
func FuzzCheck(f *testing.F) {
	// The demo documents are read once; the CSVs among them are seeds
	// too (the statement reader has its own fuzz target for PDFs).
	names, _ := filepath.Glob("../../sandbox/demodocs/files/*")
	var demo []documents.Bundle
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		b, err := read.File(n, data)
		if err != nil {
			f.Fatalf("%s: %v", n, err)
		}
		demo = append(demo, b)
		if filepath.Ext(n) == ".csv" {
			f.Add(data)
		}
	}
	f.Add([]byte("Periode;Pemberi Kerja;KPJ;Gaji Pokok;Potongan JHT 2%;Potongan JP 1%;Potongan JKK\r\n01-2026;PT X;22056789012;9.000.000;180.000;90.000;10.000\r\n"))
	f.Add([]byte("KPJ 22056789012\nSaldo JHT Rp 28.123.456 per 30-11-2026\nIuran terakhir: Agustus 2026\n"))
	f.Add([]byte("KPJ;Pemberi Kerja;NPP;Mulai Bekerja;Tanggal Berhenti;Alasan Berhenti\n22056789012;PT X;1;01-01-2030;01-01-2020;PHK\n"))
	today := time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := read.File("fuzz.csv", data)
		if err != nil {
			return
		}
		if merged, err := read.Merge(append([]documents.Bundle{b}, demo...)...); err == nil {
			b = merged
		}
		for _, l := range []member.Lang{member.ID, member.EN} {
			r := Build(b, read.ModelOf(b, today), today, l)
			var out bytes.Buffer
			writeText(&out, r, l)
		}
	})
}
