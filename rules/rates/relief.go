package rates

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Contribution reliefs: months in which the law let employers pay less, or
// later. The audit labels them instead of flagging them; the sandbox seeds
// them.

// PP 49/2020 (COVID-19), for the dues of August 2020 to January 2021:
// payment by the 30th of the next month instead of the 15th (Pasal 4), JKK
// and JKM at 1% of the normal dues (Pasal 8 and 9), 99% of JP deferred, to
// be settled by 15 April 2022 (Pasal 17), and a late fine of 0.5% a month
// instead of 2% (Pasal 23). We read Pasal 4, 9, 17 and 23 in the text
// (pasal.id) and in the press; that the JKK relief is Pasal 8 follows from
// Pasal 9 being JKM's.
var (
	COVIDFrom = member.Month(2020, time.August)
	COVIDTo   = member.Month(2021, time.January)
)

const (
	COVIDDeadlineDay = 30  // of the next month (the last day in February)
	COVIDKeepBP      = 100 // JKK and JKM are 1% of the normal dues
	COVIDFineBP      = 50  // 0.5% a month of delay
	CiteCOVID        = "PP 49/2020 Pasal 4, 8, 9, 17 dan 23"
)

// InCOVIDRelief reports whether a month's dues fall under PP 49/2020.
func InCOVIDRelief(month time.Time) bool { return !month.Before(COVIDFrom) && !month.After(COVIDTo) }

// PP 7/2025: 50% off JKK for the dues of February to July 2025, for
// employers of at least 50 workers in six labour-intensive industries
// (food, drink and tobacco; textiles and clothing; leather and leather
// goods; footwear; children's toys; furniture), every risk class (Pasal 4
// ayat 1). Kemnaker announced in May 2025 that a revision would extend it
// to January 2026; we have not found the amending regulation, so those
// months are "unconfirmed".
var (
	PadatKaryaFrom  = member.Month(2025, time.February)
	PadatKaryaTo    = member.Month(2025, time.July)
	PadatKaryaExtTo = member.Month(2026, time.January)
)

// CitePadatKarya is PP 7/2025's citation.
const CitePadatKarya = "PP 7/2025 Pasal 4 ayat (1)"

// PadatKaryaIndustries are the six industries PP 7/2025 covers.
var PadatKaryaIndustries = []string{
	"makanan, minuman dan tembakau", "tekstil dan pakaian jadi", "kulit dan barang kulit",
	"alas kaki", "mainan anak", "furnitur",
}

// InPadatKarya reports whether a month falls in PP 7/2025's window, and
// whether that part of the window is confirmed by a regulation we found.
func InPadatKarya(month time.Time) (in, confirmed bool) {
	if month.Before(PadatKaryaFrom) || month.After(PadatKaryaExtTo) {
		return false, false
	}
	return true, !month.After(PadatKaryaTo)
}

// HalfJKK is a risk class's JKK at PP 7/2025's 50% discount, rounded half
// up to whole rupiah.
func HalfJKK(wage int64, class int) int64 { return (wage*JKKBP(class) + 10000) / 20000 }
