package tabular

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// BenchmarkRead_HostileLongLines: a file just under MaxFileBytes that is
// one line (of amounts, of labels). Before lines were bounded
// (maxLineBytes) each took minutes.
func BenchmarkRead_HostileLongLines(b *testing.B) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"one line of amounts", bytes.Repeat([]byte("Rp 1.000 "), 2<<20)},
		{"one line of labels", bytes.Repeat([]byte("saldo per upah jht iuran "), 700_000)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = Read("x.txt", tc.data)
			}
		})
	}
}

func TestRead_LongLinesAreRefusedShort(t *testing.T) {
	t.Parallel()
	long := bytes.Repeat([]byte("é"), maxLineBytes)
	b, err := ReadJMO("jmo.txt", append(append([]byte("KPJ 22056789012\nSaldo JHT Rp 1.000.000 per 30-11-2026\n"), long...), '\n'))
	if err != nil || len(b.Refused) != 1 || b.Refused[0].Reason.Code != "line_too_long" || b.Refused[0].Source.Line != 3 ||
		len(b.Refused[0].Text) > 310 || !utf8.ValidString(b.Refused[0].Text) || len(b.Balances) != 1 {
		t.Fatalf("%v %+v", err, b.Refused)
	}
	_, err = ReadPayslips("slip.csv", append(append([]byte("Periode;Gaji Pokok\n01-2025;"), long...), '\n'))
	if p := problemOf(t, err); p.Code != "bad_amount" || len(p.EN) > 1000 {
		t.Errorf("%s: %d bytes", p.Code, len(p.EN))
	}
	// A cell of a megabyte is named in a short sentence.
	_, err = ReadPayslips("slip.csv", append([]byte("Periode;Gaji Pokok\n01-2025;"), bytes.Repeat([]byte("1"), 1<<20)...))
	if p := problemOf(t, err); p.Code != "absurd_amount" || len(p.ID) > 1000 || len(p.EN) > 1000 {
		t.Errorf("%s: %d bytes", p.Code, len(p.EN))
	}
}
