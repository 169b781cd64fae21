package tabular

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestParseAmount_AsSpreadsheetsWriteIt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want member.Rupiah
		err  amountError
	}{
		{"4.000.000", 4_000_000, amountOK},
		{"4.000.000,00", 4_000_000, amountOK},
		{"4,000,000.00", 4_000_000, amountOK},
		{"4000000", 4_000_000, amountOK},
		{"4000000.00", 4_000_000, amountOK},
		{"4000000,00", 4_000_000, amountOK},
		{"Rp 4.000.000", 4_000_000, amountOK},
		{"Rp4.000.000,-", 4_000_000, amountOK},
		{"Rp. 80.000", 80_000, amountOK},
		{"rp 80.000,00", 80_000, amountOK},
		{"IDR 4 000 000", 4_000_000, amountOK},
		{"4\u00a0000\u00a0000", 4_000_000, amountOK},
		{"4.000", 4_000, amountOK},          // a thousand separator, not decimals: rupiah have no three-digit sen
		{"339.434,50", 339_435, amountOK},   // sen rounded half up
		{"339.434,49", 339_434, amountOK},   // and down
		{"1,5", 2, amountOK},                // one decimal
		{"", 0, amountOK},                   // empty: nothing deducted
		{"-", 0, amountOK},                  // the accounting format's zero
		{"  0 ", 0, amountOK},               // spaces
		{"-80.000", 0, amountNegative},      // a refund is not a deduction
		{"(80.000)", 0, amountNegative},     // the accounting format's negative
		{"Rp -80.000", 0, amountNegative},   // after the currency
		{"10.000.000.001", 0, amountAbsurd}, // above Rp10 miliar
		{"99999999999999999999", 0, amountAbsurd},
		{"10.000.000.000", 10_000_000_000, amountOK}, // the bound itself
		{"4.000.000.00", 0, amountNotNumber},         // sen need the other separator
		{"4.00.000", 0, amountNotNumber},             // groups of three
		{"4.000,000.00", 0, amountNotNumber},         // both as thousands
		{"4000.000", 0, amountNotNumber},
		{"empat juta", 0, amountNotNumber},
		{"4jt", 0, amountNotNumber},
		{".5", 0, amountNotNumber},
		{"5.", 0, amountNotNumber},
	} {
		got, err := parseAmount(tc.in)
		if got != tc.want || err != tc.err {
			t.Errorf("parseAmount(%q) = %d, %d; want %d, %d", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestParseDateAndMonth_TheWrittenForms(t *testing.T) {
	t.Parallel()
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in   string
		want time.Time
		err  dateError
	}{
		{"10-11-2026", d(2026, 11, 10), dateOK},
		{"10/11/2026", d(2026, 11, 10), dateOK},
		{"10.11.2026", d(2026, 11, 10), dateOK},
		{"2026-11-10", d(2026, 11, 10), dateOK},
		{"2026/11/10", d(2026, 11, 10), dateOK},
		{"1-2-2025", d(2025, 2, 1), dateOK},
		{"10 November 2026", d(2026, 11, 10), dateOK},
		{"10 Nov 2026", d(2026, 11, 10), dateOK},
		{"17 Agustus 2025", d(2025, 8, 17), dateOK},
		{"29-02-2024", d(2024, 2, 29), dateOK}, // a leap year
		{"31-02-2025", time.Time{}, dateImpossible},
		{"29-02-2025", time.Time{}, dateImpossible},
		{"31-04-2025", time.Time{}, dateImpossible},
		{"10-13-2026", time.Time{}, dateImpossible}, // no month 13 (not read as MM-DD)
		{"00-01-2026", time.Time{}, dateImpossible},
		{"10-11-1900", time.Time{}, dateImpossible}, // before Astek
		{"11-2026", time.Time{}, dateNotDate},
		{"besok", time.Time{}, dateNotDate},
		{"10-11-26", time.Time{}, dateNotDate}, // a two-digit year is not a date
	} {
		got, err := parseDate(tc.in)
		if !got.Equal(tc.want) || err != tc.err {
			t.Errorf("parseDate(%q) = %v, %d; want %v, %d", tc.in, got, err, tc.want, tc.err)
		}
	}
	m := func(y, mm int) time.Time { return member.Month(y, time.Month(mm)) }
	for _, tc := range []struct {
		in   string
		want time.Time
		err  dateError
	}{
		{"01-2025", m(2025, 1), dateOK},
		{"1/2025", m(2025, 1), dateOK},
		{"2025-01", m(2025, 1), dateOK},
		{"2025/1", m(2025, 1), dateOK},
		{"Januari 2025", m(2025, 1), dateOK},
		{"januari 2025", m(2025, 1), dateOK},
		{"JANUARI 2025", m(2025, 1), dateOK},
		{"January 2025", m(2025, 1), dateOK},
		{"Jan 2025", m(2025, 1), dateOK},
		{"Jan-25", m(2025, 1), dateOK}, // a spreadsheet's mmm-yy
		{"Agt 2025", m(2025, 8), dateOK},
		{"Ags 2025", m(2025, 8), dateOK},
		{"Mei 2025", m(2025, 5), dateOK},
		{"Okt 2025", m(2025, 10), dateOK},
		{"Des 2025", m(2025, 12), dateOK},
		{"Pebruari 2025", m(2025, 2), dateOK},
		{"01-01-2025", m(2025, 1), dateOK}, // a whole date: its month
		{"2025-01-31", m(2025, 1), dateOK},
		{"13-2025", time.Time{}, dateImpossible},
		{"2025-13", time.Time{}, dateImpossible},
		{"31-02-2025", time.Time{}, dateImpossible},
		{"Smarch 2025", time.Time{}, dateNotDate},
		{"2025", time.Time{}, dateNotDate},
	} {
		got, err := parseMonth(tc.in)
		if !got.Equal(tc.want) || err != tc.err {
			t.Errorf("parseMonth(%q) = %v, %d; want %v, %d", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestNormalize_WordsWithoutUnits(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"BPJS TK JHT (2%)":   "bpjs tk jht 2",
		"Gaji Pokok (Rp)":    "gaji pokok",
		"  Potongan JHT  ":   "potongan jht",
		"PPh-21":             "pph 21",
		"Tgl. Bayar":         "tgl bayar",
		"Upah (Rupiah)":      "upah",
		"Iuran JHT, IDR":     "iuran jht",
		"Tunjangan_Tetap":    "tunjangan tetap",
		"\uFEFFPeriode":      "periode",
		"Mulai\u00a0Bekerja": "mulai bekerja",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
