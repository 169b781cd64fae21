package tabular

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// summary writes what a bundle holds of JMO, one fact a line, for the
// paste tests to compare.
func summary(b documents.Bundle) string {
	var s []string
	for _, c := range b.Cards {
		s = append(s, fmt.Sprintf("card %s %q %s", c.KPJ, c.EmployerName, c.Status))
	}
	for _, a := range b.Balances {
		s = append(s, fmt.Sprintf("balance %s %d %s L%d", a.KPJ, a.Total, a.AsOf.Format(time.DateOnly), a.Source.Line))
	}
	for _, l := range b.LastPaid {
		s = append(s, fmt.Sprintf("last %s %s L%d", l.KPJ, l.Month.Format("2006-01"), l.Source.Line))
	}
	for _, m := range b.Months {
		paid := "-"
		if !m.PaidDate.IsZero() {
			paid = m.PaidDate.Format(time.DateOnly)
		}
		s = append(s, fmt.Sprintf("month %s %s paid %s wage %d jht %d rapel %d L%d", m.KPJ, m.Period.Format("2006-01"),
			paid, m.ReportedWage, m.JHT, m.BackPay, m.Source.Line))
	}
	for _, r := range b.Refused {
		s = append(s, fmt.Sprintf("refused L%d %s", r.Source.Line, r.Reason.Code))
	}
	return strings.Join(s, "\n")
}

func TestReadJMO_PastedText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text, want string
	}{
		{"JMO's card screen, a label per line with its value below", `Kartu Digital
KPJ 22056789012
PT Sumber Rejeki Plastindo
Aktif
Saldo JHT
Rp 28.123.456
per 30 November 2026
Iuran terakhir
Agustus 2026
Rincian Iuran
Oktober 2026
Tanggal Bayar
10-11-2026
Upah
Rp 5.955.000
Iuran JHT
Rp 339.435
September 2026
Upah
Rp 5.955.000
Iuran JHT
Rp 339.435`, `card 22056789012 "PT Sumber Rejeki Plastindo" aktif
balance 22056789012 28123456 2026-11-30 L6
last 22056789012 2026-08 L9
month 22056789012 2026-10 paid 2026-11-10 wage 5955000 jht 339435 rapel 0 L11
month 22056789012 2026-09 paid - wage 5955000 jht 339435 rapel 0 L18`},

		{"labels and values on one line, and numbered month lines", `22056789012 - PT Sumber Rejeki Plastindo
Saldo JHT: Rp 28.123.456,00 per 30-11-2026
Status: Aktif
Iuran terakhir: 08-2026
No  Bulan  Tgl Bayar  Upah  Iuran JHT  Rapel
1.  Agustus 2026  10-09-2026  Rp 5.955.000  Rp 339.435  Rp 0
2.  Juli 2026  10-08-2026  Rp 5.955.000  Rp 339.435  -
3   Mei 2026   20/05/2026   5.955.000   678.870   339.435`, `card 22056789012 "PT Sumber Rejeki Plastindo" aktif
balance 22056789012 28123456 2026-11-30 L2
last 22056789012 2026-08 L4
month 22056789012 2026-08 paid 2026-09-10 wage 5955000 jht 339435 rapel 0 L6
month 22056789012 2026-07 paid 2026-08-10 wage 5955000 jht 339435 rapel 0 L7
month 22056789012 2026-05 paid 2026-05-20 wage 5955000 jht 678870 rapel 339435 L8`},

		{"labelled pieces on a month line, in any order", `No. KPJ: 22056789012
Okt 2026 | JHT Rp 339.435 | Upah Rp 5.955.000 | Tgl bayar 10-11-2026
2026-09 | Iuran JHT Rp 339.435 | Rapel Rp 0 | Tanggal bayar 2026-10-10
09-2026 Rp 339.435`, `card 22056789012 "" 
month 22056789012 2026-10 paid 2026-11-10 wage 5955000 jht 339435 rapel 0 L2
month 22056789012 2026-09 paid 2026-10-10 wage 0 jht 339435 rapel 0 L3
refused L4 duplicate_month`},

		{"two cards, one date for both, English labels", `As of 30 November 2026
Card 09011223344
PT Sinar Baja Cikarang
Status: Inactive
JHT balance Rp 41.200.000
Last paid: March 2018
KPJ 18012345678
PT Nusantara Data Teknologi
Status: Active
JHT balance Rp 96.500.000
Last paid: October 2026
October 2026 10-11-2026 Rp 13.400.000 Rp 763.800`, `card 09011223344 "PT Sinar Baja Cikarang" nonaktif
card 18012345678 "PT Nusantara Data Teknologi" aktif
balance 09011223344 41200000 2026-11-30 L5
balance 18012345678 96500000 2026-11-30 L10
last 09011223344 2018-03 L6
last 18012345678 2026-10 L11
month 18012345678 2026-10 paid 2026-11-10 wage 13400000 jht 763800 rapel 0 L12`},

		{"the monthly list before its card's number", `Oktober 2026  10-11-2026  Rp 339.435
September 2026  10-10-2026  Rp 339.435
KPJ 22056789012`, `card 22056789012 "" 
month 22056789012 2026-10 paid 2026-11-10 wage 0 jht 339435 rapel 0 L1
month 22056789012 2026-09 paid 2026-10-10 wage 0 jht 339435 rapel 0 L2`},

		{"what cannot be read is refused, the rest kept", `KPJ 22056789012
Saldo JHT Rp 28.123.456
Oktober 2026  31-11-2026  Rp 339.435
September 2026  10-10-2026  Rp 339.435
Agustus 2026
Juli 2026  10-08-2026  Rp 1  Rp 2  Rp 3  Rp 4`, `card 22056789012 "" 
month 22056789012 2026-09 paid 2026-10-10 wage 0 jht 339435 rapel 0 L4
refused L3 bad_value
refused L5 empty_cell
refused L6 bad_amount
refused L2 no_date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ReadJMO("jmo.txt", []byte(tc.text))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got := summary(b); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if b.Documents[0].Kind != documents.KindJMO {
				t.Errorf("kind %s", b.Documents[0].Kind)
			}
			// Read (the dispatcher) reads it the same.
			b2, err := Read("jmo.txt", []byte(tc.text))
			if err != nil || summary(b2) != tc.want {
				t.Errorf("Read: %v\n%s", err, summary(b2))
			}
		})
	}
}

func TestReadJMO_TabSeparatedPasteIsATable(t *testing.T) {
	t.Parallel()
	text := "KPJ\tBulan\tTanggal Bayar\tUpah\tIuran JHT\tRapel\n22056789012\tOktober 2026\t10-11-2026\tRp 5.955.000\tRp 339.435\tRp 0\n"
	b, err := ReadJMO("tempel.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(b), `card 22056789012 "" 
month 22056789012 2026-10 paid 2026-11-10 wage 5955000 jht 339435 rapel 0 L2`; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReadJMO_PastedTextWithNothingToRead(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"Beranda\nKartu Digital\nKeluar\n", "Oktober 2026\n"} {
		_, err := ReadJMO("jmo.txt", []byte(text))
		p := problemOf(t, err)
		if p.Code != "not_recognised" && p.Code != "no_rows" && p.Code != "no_card" {
			t.Errorf("%q: %+v", text, p)
		}
	}
	if !strings.Contains(PasteFormats[member.ID], "Saldo JHT") || !strings.Contains(PasteFormats[member.EN], "as of") {
		t.Error("PasteFormats")
	}
}
