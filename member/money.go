package member

import (
	"strconv"
	"strings"
)

// Rupiah is an amount in whole rupiah.
type Rupiah int64

// Format writes the amount the Indonesian way, in every language of the
// app: "Rp 45.678.900", "-Rp 1.500". It is the app's one rupiah formatter.
func (r Rupiah) Format() string {
	n := int64(r)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return sign + "Rp " + b.String()
}
