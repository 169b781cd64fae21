package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Jakarta time is what members read on their statements; the app shows
// every instant in it, whatever the computer's zone.
var displayZone = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		return loc
	}
	return time.FixedZone("WIB", 7*3600)
}()

// FormatRupiah writes an amount the Indonesian way in both languages:
// "Rp 45.678.900", "-Rp 1.500".
func FormatRupiah(amount member.Rupiah) string { return amount.Format() }

// MonthName is the month in the app's language ("Agustus" / "August").
func MonthName(m time.Month) string {
	return member.MonthName(member.Lang(CurrentLanguage()), m)
}

// FormatDate writes a calendar date: "17 Agustus 2026" / "17 August 2026".
// Dates from the API are calendar days, so they are not moved between zones.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return strconv.Itoa(t.Day()) + " " + MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// FormatMonth writes a contribution period: "Agustus 2026".
func FormatMonth(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// FormatDateTime writes an instant in Jakarta time:
// "17 Agustus 2026 14.05 WIB" / "17 August 2026 14:05 WIB".
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	t = t.In(displayZone)
	clock := t.Format("15:04")
	if CurrentLanguage() == "id" {
		clock = t.Format("15.04") // Indonesian writes the time with a period
	}
	return FormatDate(t) + " " + clock + " WIB"
}

// MaskKPJ hides all but the last four digits: "•••••••5678".
func MaskKPJ(kpj string) string {
	if len(kpj) <= 4 {
		return kpj
	}
	return strings.Repeat("•", len(kpj)-4) + kpj[len(kpj)-4:]
}

// FormatRupiahShort writes a chart axis amount in a few characters:
// "Rp 500 rb", "Rp 50 jt", "Rp 1,2 M" (ribu, juta, miliar) in Indonesian and
// "Rp 500K", "Rp 50M", "Rp 1.2B" in English. The two "M"s mean different
// things, which is why the unit comes from the translation and never from
// a shared table; exact amounts keep FormatRupiah.
func FormatRupiahShort(v float64) string {
	n := math.Abs(v)
	var key, fallback string
	switch {
	case n == 0:
		return "Rp 0"
	case n >= 1e9:
		n, key, fallback = n/1e9, "chart.rp.billion", "Rp {{.N}}B"
	case n >= 1e6:
		n, key, fallback = n/1e6, "chart.rp.million", "Rp {{.N}}M"
	case n >= 1e3:
		n, key, fallback = n/1e3, "chart.rp.thousand", "Rp {{.N}}K"
	default:
		return FormatRupiah(member.Rupiah(math.Round(v)))
	}
	num := strconv.FormatFloat(math.Round(n*10)/10, 'f', -1, 64)
	if CurrentLanguage() == "id" {
		num = strings.Replace(num, ".", ",", 1)
	}
	s := lang.X(key, fallback, map[string]any{"N": num})
	if v < 0 {
		s = "-" + s
	}
	return s
}
