package member

import (
	"testing"
	"time"
)

func TestRupiahFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   Rupiah
		want string
	}{
		{0, "Rp 0"}, {7, "Rp 7"}, {999, "Rp 999"}, {1000, "Rp 1.000"},
		{100000, "Rp 100.000"}, {4000000, "Rp 4.000.000"}, {45678900, "Rp 45.678.900"},
		{1234567890123, "Rp 1.234.567.890.123"}, {-1500, "-Rp 1.500"}, {-999, "-Rp 999"},
	} {
		if got := tc.in.Format(); got != tc.want {
			t.Errorf("Rupiah(%d).Format() = %q, want %q", int64(tc.in), got, tc.want)
		}
	}
}

func TestMonths(t *testing.T) {
	t.Parallel()
	dec := Month(2025, time.December)
	if want := time.Date(2025, time.December, 1, 0, 0, 0, 0, time.UTC); !dec.Equal(want) || dec.Location() != time.UTC {
		t.Errorf("Month(2025, December) = %v, want %v", dec, want)
	}
	// A Jakarta evening on the last day stays in its calendar month.
	late := time.Date(2026, time.January, 31, 23, 30, 0, 0, time.FixedZone("WIB", 7*3600))
	if got := MonthOf(late); !got.Equal(Month(2026, time.January)) {
		t.Errorf("MonthOf(%v) = %v, want January 2026", late, got)
	}
	if got := MonthIndex(Month(2026, time.January)) - MonthIndex(dec); got != 1 {
		t.Errorf("December 2025 to January 2026 is %d months apart, want 1", got)
	}
	if got := MonthIndex(Month(2026, time.March)) - MonthIndex(Month(2024, time.March)); got != 24 {
		t.Errorf("two years are %d months, want 24", got)
	}
}

func TestMonthNames(t *testing.T) {
	t.Parallel()
	aug17 := time.Date(2026, time.August, 17, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		got, want string
	}{
		{MonthName(ID, time.May), "Mei"},
		{MonthName(EN, time.May), "May"},
		{MonthName("fr", time.February), "Februari"}, // any other language: Indonesian
		{FormatMonth(ID, Month(2026, time.March)), "Maret 2026"},
		{FormatMonth(EN, Month(2026, time.March)), "March 2026"},
		{FormatDate(ID, aug17), "17 Agustus 2026"},
		{FormatDate(EN, aug17), "17 August 2026"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
