package read

import (
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestFile_TextGoesToTheTabularReader(t *testing.T) {
	t.Parallel()
	slips, err := File("slip.csv", []byte("\uFEFFPeriode;Pemberi Kerja;Gaji Pokok;BPJS TK JHT 2%\r\n01-2025;PT A;4.000.000,00;80.000\r\n"))
	if err != nil || len(slips.Payslips) != 1 || slips.Payslips[0].DeductJHT != 80_000 || slips.Documents[0].Kind != documents.KindPayslips {
		t.Fatalf("%v %+v", err, slips)
	}
	// UTF-16 (Excel's "Unicode text") has NUL bytes and is still text.
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "Tahun\tIuran Pensiun\r\n2025\t1.000.000\r\n" {
		u16 = append(u16, byte(r), 0)
	}
	a1, err := File("a1.txt", u16)
	if err != nil || len(a1.A1) != 1 || a1.A1[0].Amount != 1_000_000 {
		t.Fatalf("%v %+v", err, a1)
	}
	// A CSV with the wrong columns is told which are missing, not that
	// it is unknown.
	_, err = File("slip.csv", []byte("Periode;Nama\n01-2025;Rudi\n"))
	if p := problem(t, err); p.Code != "missing_columns" || !strings.Contains(p.Text(member.EN), "columns found: Periode, Nama") {
		t.Errorf("%+v", p)
	}
}

func TestMerge_KeepsJMOsLastPaidMonth(t *testing.T) {
	t.Parallel()
	b, err := File("jmo.txt", []byte("KPJ 22056789012\nSaldo JHT Rp 28.123.456 per 30-11-2026\nIuran terakhir: Agustus 2026\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Merge(b)
	if err != nil || len(m.LastPaid) != 1 || !m.LastPaid[0].Month.Equal(member.Month(2026, time.August)) || m.LastPaid[0].KPJ != "22056789012" {
		t.Errorf("%v %+v", err, m.LastPaid)
	}
}
