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
// and JKM at 1% of the normal dues (Pasal 8 and 9), 99% of JP deferred for
// the employers that met its conditions (Pasal 18–21: medium and large
// businesses, and micro and small ones, each with their own), repaid at
// once or in parts from 15 May 2021 at the latest until 15 April 2022
// (Pasal 17 ayat 3, quoted by Kompas, 9 September 2020), and a late fine
// of 0.5% a month instead of 2% (Pasal 23). We read Pasal 4, 9, 17 and 23 in the text
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
// ayat 1). PP 36/2025 (4 September 2025) Pasal 10A extends it to the JKK
// dues of January 2026; its Pasal 11 lets a firm that could not pay in
// time settle them until 30 June 2026, with PP 44/2015's fines. We read
// Pasal 10A and 11 as CNBC Indonesia, Radar Lambar and Vozpublica quote
// them (September 2025): a secondary source.
var (
	PadatKaryaFrom  = member.Month(2025, time.February)
	PadatKaryaTo    = member.Month(2025, time.July)
	PadatKaryaExtTo = member.Month(2026, time.January)
)

// CitePadatKarya is PP 7/2025's citation, CitePadatKaryaExt the
// extension's.
const (
	CitePadatKarya    = "PP 7/2025 Pasal 4 ayat (1)"
	CitePadatKaryaExt = "PP 36/2025 Pasal 10A dan 11"
)

// PadatKaryaSettleBy is the last day a firm may settle the discounted JKK
// dues (PP 36/2025 Pasal 11), late fines still due.
var PadatKaryaSettleBy = time.Date(2026, time.June, 30, 0, 0, 0, 0, time.UTC)

// PadatKaryaIndustries are the six industries PP 7/2025 covers.
var PadatKaryaIndustries = []string{
	"makanan, minuman dan tembakau", "tekstil dan pakaian jadi", "kulit dan barang kulit",
	"alas kaki", "mainan anak", "furnitur",
}

// InPadatKarya reports whether a month falls in the discount's window
// (PP 7/2025 and its extension by PP 36/2025), and whether a regulation we
// found confirms it: since PP 36/2025, every month of the window is.
func InPadatKarya(month time.Time) (in, confirmed bool) {
	if month.Before(PadatKaryaFrom) || month.After(PadatKaryaExtTo) {
		return false, false
	}
	return true, true
}

// InPadatKaryaExtension reports whether a month is one PP 36/2025 added
// (August 2025 to January 2026).
func InPadatKaryaExtension(month time.Time) bool {
	in, _ := InPadatKarya(month)
	return in && month.After(PadatKaryaTo)
}

// HalfJKK is a risk class's JKK at PP 7/2025's 50% discount, rounded half
// up to whole rupiah.
func HalfJKK(wage int64, class int) int64 { return (wage*JKKBP(class) + 10000) / 20000 }
