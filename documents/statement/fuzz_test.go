package statement_test

import (
	"testing"

	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/printout"
)

// FuzzRead: no input crashes or hangs the reader, and what it takes keeps
// its place and agrees with itself. The committed seeds (testdata/fuzz)
// are printouts of our generator, whole, split, shuffled, truncated and
// encrypted, and hand-made PDFs with a page-tree cycle or no Jumlah.
func FuzzRead(f *testing.F) {
	s := sari(2024)
	s.Rows = s.Rows[:3]
	f.Add(mustPDF(f, s, printout.Layout{}))
	f.Add(plainPDF("INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN 2024", "Tanggal : 20-01-2025",
		"Nomor Kartu/NIK/Nomor Peg. : 90012345678/3273015405900012/-",
		"1 10-02-2024 01-2024 11-02-2024 4,600,000.00 0.00 170,200.00 92,000.00 92,000.00 46,000.00",
		"Jumlah 4,600,000.00 0.00 170,200.00 92,000.00 92,000.00 46,000.00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := statement.Read("fuzz.pdf", data)
		if err != nil {
			return
		}
		if len(b.Documents) != 1 || len(b.Cards) != 1 {
			t.Fatalf("a read printout gives one document and one card: %+v", b)
		}
		for _, m := range b.Months {
			if m.Source == nil || m.Source.Page < 1 || m.Source.Line < 1 || m.KPJ != b.Cards[0].KPJ {
				t.Fatalf("month without its place or card: %+v", m)
			}
			if m.JHT != m.JHTEmployer+m.JHTWorker && m.JHT != m.JHTEmployer+m.JHTWorker+1 {
				t.Fatalf("JHT %d is not the sum of its shares", m.JHT)
			}
		}
		for _, r := range b.Refused {
			if r.Reason == nil || r.Reason.ID == "" || r.Reason.EN == "" {
				t.Fatalf("refused without a reason: %+v", r)
			}
		}
		if !b.Documents[0].TotalsChecked {
			return
		}
		for _, a := range b.Balances {
			y := a.History[0]
			if d := y.Opening + y.Employer + y.Worker + y.Development - y.Closing; d < -3 || d > 3 {
				t.Fatalf("a checked summary that does not add up: %+v", y)
			}
		}
	})
}
