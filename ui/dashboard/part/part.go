// Package part holds what the dashboard's tabs share, in package dashboard
// and in its sub-packages (audittab, rightstab) alike: today's date for the
// rules, plurals, status words, and the reading and writing of amounts and
// percentages in inputs. It imports no other dashboard package, so every
// one of them may import it.
package part

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Clock is the dashboard's "today" for the rules (a late claim, the
// one-month wait); tests may replace it.
var Clock = time.Now

// SaveTimeout bounds drawing and writing a file the member chose (a card,
// a statement, a complaint letter).
const SaveTimeout = time.Minute

// Plural picks the singular or plural sentence. Fyne's lang.N chooses the
// form by the OS locale's plural rules, not by the app's language (an
// Indonesian desktop would get "1 months" in English), so the count decides.
func Plural(count int, one, other string) string {
	if count == 1 {
		return one
	}
	return other
}

// ClaimStatus translates a claim status.
func ClaimStatus(s string) string {
	switch s {
	case "diajukan":
		return lang.L("dashboard.claim.submitted")
	case "diproses":
		return lang.L("dashboard.claim.processing")
	case "selesai":
		return lang.L("dashboard.claim.done")
	case "ditolak":
		return lang.L("dashboard.claim.rejected")
	}
	return s
}

// ErrInput is an input that does not read as a number.
var ErrInput = errors.New("unreadable number")

// ParseRupiah reads "45.678.900", "Rp 45678900" or "45 678 900".
func ParseRupiah(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "Rp"))
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, ErrInput
	}
	return n, nil
}

// PercentInput writes 0.055 as "5,5" (id) or "5.5" (en).
func PercentInput(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64)
	if i18n.CurrentLanguage() == "id" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Percent writes 0.055 as "5,5%" (id) or "5.5%" (en).
func Percent(f float64) string { return PercentInput(f) + "%" }
