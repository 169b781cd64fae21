package tabular

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// payslipRows is a payslip CSV of n months (forty years is 480), written
// the Indonesian spreadsheet way.
func payslipRows(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF" + "Periode;Pemberi Kerja;KPJ;Gaji Pokok;Tunjangan Tetap;Pendapatan Lain;BPJS TK JHT 2%;BPJS TK JP 1%;BPJS Kesehatan;Potongan JKK;Potongan JKM;PPh 21\r\n")
	start := member.Month(1986, time.January)
	for i := range n {
		p := start.AddDate(0, i, 0)
		wage := member.Rupiah(1_000_000 + 10_000*i)
		fmt.Fprintf(&b, "%s;PT Contoh Jaya;22056789012;%s;Rp 250.000;\"%d,00\";%d;%d;%d;0;0;25.000\r\n",
			p.Format("01-2006"), dotted(wage), 100_000+i, wage*2/100, wage/100, wage/100)
	}
	return b.Bytes()
}

// dotted writes 4000000 as 4.000.000.
func dotted(r member.Rupiah) string { return r.Format()[len("Rp "):] }

func TestPayslipRows_AllRead(t *testing.T) {
	t.Parallel()
	b, err := ReadPayslips("slip.csv", payslipRows(480))
	if err != nil || len(b.Payslips) != 480 || len(b.Refused) != 0 {
		t.Fatalf("%v: %d payslips, refused %+v", err, len(b.Payslips), b.Refused)
	}
	last := b.Payslips[479]
	if !last.Period.Equal(member.Month(2025, time.December)) || last.BasicWage != 5_790_000 || last.DeductJHT != 115_800 || last.Source.Line != 481 {
		t.Errorf("last %+v", last)
	}
}

// BenchmarkReadPayslips480 reads forty years of payslips.
func BenchmarkReadPayslips480(b *testing.B) {
	data := payslipRows(480)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadPayslips("slip.csv", data); err != nil {
			b.Fatal(err)
		}
	}
}
