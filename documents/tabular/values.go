package tabular

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// MaxAmount bounds every figure a row may hold: a monthly wage, a
// deduction or a JHT balance above Rp10 miliar is a typing slip (a missing
// separator, a column pasted into the wrong one), not a member's figure.
// It is a sanity bound of this reader, not a legal rule.
const MaxAmount member.Rupiah = 10_000_000_000

// Years outside this range are typing slips: BPJS Ketenagakerjaan's
// predecessor Astek began in 1977 (PP 33/1977).
const (
	minYear = 1977
	maxYear = 2100
)

// amountError says why a cell is not an amount.
type amountError int

const (
	amountOK amountError = iota
	amountNotNumber
	amountNegative
	amountAbsurd
)

// parseAmount reads a rupiah amount the way spreadsheets and payrolls
// write it: "4.000.000", "4.000.000,00", "Rp 4.000.000", "Rp4,000,000.00",
// "4000000", "4000000.00", "IDR 4 000 000". An empty cell and "-" (the
// accounting format's zero) are zero. Sen are rounded to the rupiah.
func parseAmount(s string) (member.Rupiah, amountError) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	if strings.HasPrefix(s, "-") && len(s) > 1 {
		neg, s = true, strings.TrimSpace(s[1:])
	}
	low := strings.ToLower(s)
	for _, p := range []string{"idr", "rp.", "rp"} {
		if strings.HasPrefix(low, p) {
			s, low = strings.TrimSpace(s[len(p):]), low[len(p):]
			break
		}
	}
	if strings.HasSuffix(low, ",-") || strings.HasSuffix(low, ".-") {
		s = s[:len(s)-2]
	}
	if strings.HasPrefix(s, "-") && len(s) > 1 {
		neg, s = true, strings.TrimSpace(s[1:])
	}
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' {
			return -1
		}
		return r
	}, s)
	if s == "" || s == "-" {
		return 0, amountOK
	}
	whole, frac, ok := splitNumber(s)
	if !ok {
		return 0, amountNotNumber
	}
	if len(whole) > 15 {
		return 0, amountAbsurd
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, amountNotNumber
	}
	if frac != "" && frac[0] >= '5' {
		n++
	}
	if neg && n != 0 {
		return 0, amountNegative
	}
	if member.Rupiah(n) > MaxAmount {
		return 0, amountAbsurd
	}
	return member.Rupiah(n), amountOK
}

// splitNumber splits "4.000.000,50" into "4000000" and "50". A last
// separator followed by one or two digits starts the sen; the rest groups
// thousands with one kind of separator, in groups of three.
func splitNumber(s string) (whole, frac string, ok bool) {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return "", "", false
		}
	}
	if last := strings.LastIndexAny(s, ".,"); last >= 0 {
		switch tail := s[last+1:]; len(tail) {
		case 1, 2:
			dec := s[last]
			frac, s = tail, s[:last]
			if strings.IndexByte(s, dec) >= 0 {
				return "", "", false // "4.000.000.00": the sen need the other separator
			}
		case 3:
		default:
			return "", "", false
		}
	}
	if s == "" {
		return "", "", false
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	if dots > 0 && commas > 0 {
		return "", "", false
	}
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	if len(groups) > 1 || dots+commas > 0 {
		if len(groups) != dots+commas+1 {
			return "", "", false
		}
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return "", "", false
			}
		}
	}
	return strings.Join(groups, ""), frac, true
}

// monthNames maps the month names and abbreviations Indonesian and English
// writers use to their months.
var monthNames = map[string]time.Month{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
	"maret": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "agst": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11, "nop": 11, "nopember": 11,
	"desember": 12, "december": 12, "des": 12, "dec": 12,
}

// dateError says why a cell is not a date or month.
type dateError int

const (
	dateOK dateError = iota
	dateNotDate
	dateImpossible
)

// parseDate reads a calendar date: DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY,
// YYYY-MM-DD, YYYY/MM/DD, or "10 November 2026" / "10 Nov 2026". A date
// that does not exist (31-02-2025) is dateImpossible.
func parseDate(s string) (time.Time, dateError) {
	f := dateFields(s)
	switch {
	case len(f) == 3 && isDigits(f[0]) && isDigits(f[1]) && isDigits(f[2]):
		if len(f[0]) == 4 {
			return makeDate(atoi(f[0]), atoi(f[1]), atoi(f[2]))
		}
		if len(f[2]) == 4 && len(f[0]) <= 2 && len(f[1]) <= 2 {
			return makeDate(atoi(f[2]), atoi(f[1]), atoi(f[0]))
		}
	case len(f) == 3 && isDigits(f[0]) && isDigits(f[2]) && len(f[2]) == 4:
		if m, ok := monthNames[strings.ToLower(f[1])]; ok && len(f[0]) <= 2 {
			return makeDate(atoi(f[2]), int(m), atoi(f[0]))
		}
	}
	return time.Time{}, dateNotDate
}

// parseMonth reads a month: MM-YYYY, MM/YYYY, YYYY-MM, YYYY/MM,
// "Januari 2025", "Jan 2025", "Jan-25" (a spreadsheet's mmm-yy), or a
// whole date (its month).
func parseMonth(s string) (time.Time, dateError) {
	if d, e := parseDate(s); e != dateNotDate {
		return member.MonthOf(d), e
	}
	f := dateFields(s)
	if len(f) != 2 {
		return time.Time{}, dateNotDate
	}
	a, b := f[0], f[1]
	switch {
	case isDigits(a) && isDigits(b) && len(a) == 4 && len(b) <= 2:
		return makeMonth(atoi(a), atoi(b))
	case isDigits(a) && isDigits(b) && len(b) == 4 && len(a) <= 2:
		return makeMonth(atoi(b), atoi(a))
	case isDigits(b) && (len(b) == 4 || len(b) == 2):
		m, ok := monthNames[strings.ToLower(a)]
		if !ok {
			return time.Time{}, dateNotDate
		}
		y := atoi(b)
		if len(b) == 2 {
			y += 2000
		}
		return makeMonth(y, int(m))
	}
	return time.Time{}, dateNotDate
}

func dateFields(s string) []string {
	return strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' || r == '\u00a0'
	})
}

func makeDate(y, m, d int) (time.Time, dateError) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 {
		return time.Time{}, dateImpossible
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, dateImpossible
	}
	return t, dateOK
}

func makeMonth(y, m int) (time.Time, dateError) {
	if y < minYear || y > maxYear || m < 1 || m > 12 {
		return time.Time{}, dateImpossible
	}
	return member.Month(y, time.Month(m)), dateOK
}

func isDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// normalize turns a header or label into lower-case words without
// punctuation or units: "BPJS TK JHT (2%)" → "bpjs tk jht 2",
// "Gaji Pokok (Rp)" → "gaji pokok".
func normalize(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	words := strings.Fields(b.String())
	out := words[:0]
	for _, w := range words {
		if w == "rp" || w == "idr" || w == "rupiah" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// kpjDigits is the card number without spaces, dots or dashes, if it is
// one: eleven digits.
func kpjDigits(s string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if len(d) != 11 || !isDigits(d[:9]) || !isDigits(d[9:]) {
		return d, false
	}
	return d, true
}
