// Package audit reads a member's own contribution history, card by card,
// and says where the employer's payments depart from the rules: months with
// nothing paid while the card was open, months paid after the deadline, a
// last paid month that lags, a reported wage that never changes or drops,
// and JHT paid without JP. Months under a contribution relief (PP 49/2020
// in the COVID months, PP 7/2025 for labour-intensive industries) are
// labelled, not flagged. Every finding carries the rule it was checked
// against and where that rule is written, for the screen and for the
// complaint text (complaint.go). With the wage on the member's payslip it
// also works out, month by month, what the gap to the reported wage costs
// (gap.go).
//
// It reads only data already held (fresh or cached) and never imports Fyne.
package audit

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Rules and their sources.
//
// The deadline and the late fine are set in the same words by the three
// programme regulations (PP 44/2015 for JKK and JKM, PP 45/2015 for JP, PP
// 46/2015 for JHT): dues for a month are paid by the 15th of the next
// month, on the next working day when the 15th is a holiday; a late payment
// costs a fine of 2% of the dues for every month of delay, borne wholly by
// the employer and paid with the next month's dues. We read this in
// BPJS Ketenagakerjaan's own summary (as quoted by Kompas, "Iuran JKK BPJS
// Ketenagakerjaan: rincian hingga denda keterlambatan") and not in the
// official text, so the screen names the regulations and says the article
// numbers were not checked (SourceNote).
const (
	DeadlineDay = 15  // of the month after the contribution month
	LateFineBP  = 200 // 2% of the month's dues for every month of delay
	// WageFlatMonths is how long a reported wage may stay the same before
	// the audit asks whether raises were reported.
	WageFlatMonths = 24
	// HolidayGraceDays: a payment at most this many days after the
	// deadline may be on time if the 15th was a public holiday (the audit
	// knows weekends, not the holiday calendar), and is marked so.
	HolidayGraceDays = 3
)

// Citations shown with each finding.
const (
	// UU 24/2011 Pasal 19: the employer collects the worker's share from
	// the wage and pays it with its own to BPJS (ayat 1 and 2); Pasal 55:
	// an employer who breaks Pasal 19(1) or (2) faces up to 8 years in
	// prison or a fine of up to Rp1 miliar.
	CiteDuty = "UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55"
	// The deadline and the fine, in each programme's regulation.
	CiteDeadline = "PP 44/2015, PP 45/2015, PP 46/2015 (batas bayar dan denda)"
	// PP 44/2015 Pasal 9(3): a change of wage is reported to BPJS within 7
	// working days; UU 24/2011 Pasal 15(2): the employer gives complete and
	// correct data on its workers; PP 86/2013: the administrative sanctions
	// (written warning, fine, no public services) for an employer who does
	// not.
	CiteWage = "PP 44/2015 Pasal 9 ayat (3); UU 24/2011 Pasal 15 ayat (2); PP 86/2013 Pasal 5"
	// JP: PP 45/2015 (3% of the wage, Pasal 28) for the workers of medium
	// and large businesses, which Perpres 109/2013 Pasal 6 obliges to join
	// JKK, JKM, JHT and JP (small businesses: JKK, JKM and JHT).
	CiteJP = "PP 45/2015 Pasal 28; Perpres 109/2013 Pasal 6"
	// The reliefs' citations are the rates package's.
	CiteCOVID         = rates.CiteCOVID
	CitePadatKarya    = rates.CitePadatKarya
	CitePadatKaryaExt = rates.CitePadatKaryaExt
	// A self-employed member (Bukan Penerima Upah, BPU) pays his own dues
	// by the 15th of the month they are for, with no late fine; after 3
	// months unpaid the membership and its protection lapse (BPJS
	// Ketenagakerjaan's BPU FAQ, as its Perisai agents repost it: a
	// secondary source; the 15th of the same month is as the review of
	// our rules states it). A migrant worker (PMI) pays for the whole
	// placement. Neither has an employer to blame for a month unpaid.
	CiteSelfPaid = "BPJS Ketenagakerjaan, ketentuan iuran peserta BPU"
)

// SelfPaidLapseMonths: a self-employed member's protection lapses after
// this many months unpaid in a row (CiteSelfPaid).
const SelfPaidLapseMonths = 3

// Source says how firmly a citation was read; the screen says so when it
// is not the official text.
type Source int

const (
	// SourceText: read in the regulation's text (or BPJS Ketenagakerjaan's
	// own announcement of it).
	SourceText Source = iota
	// SourceSecondary: read in BPJS Ketenagakerjaan's summary as quoted by
	// the press; the article numbers were not checked in the official text.
	SourceSecondary
	// SourceUnconfirmed: announced, but the regulation was not found.
	SourceUnconfirmed
)

// Deadline is the last day a month's dues may be paid without a fine: the
// 15th of the next month, moved to the next working day when it falls on a
// weekend. In the PP 49/2020 months it is the 30th (the last day in
// February), moved to the working day before it, as BPJS Ketenagakerjaan
// explained the relief ("hari kerja sebelum tanggal 30"). Public holidays
// are not known here (see HolidayGraceDays).
func Deadline(month time.Time) time.Time {
	next := member.Month(month.Year(), month.Month()).AddDate(0, 1, 0)
	if rates.InCOVIDRelief(month) {
		d := time.Date(next.Year(), next.Month(), min(rates.COVIDDeadlineDay, next.AddDate(0, 1, -1).Day()), 0, 0, 0, 0, time.UTC)
		switch d.Weekday() {
		case time.Saturday:
			d = d.AddDate(0, 0, -1)
		case time.Sunday:
			d = d.AddDate(0, 0, -2)
		}
		return d
	}
	d := time.Date(next.Year(), next.Month(), DeadlineDay, 0, 0, 0, 0, time.UTC)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, 2)
	case time.Sunday:
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// SelfPaid reports whether a segment pays its own dues, with no employer:
// self-employed (BPU) and migrant (PMI) members.
func SelfPaid(segment string) bool { return segment == "BPU" || segment == "PMI" }

// DeadlineFor is the deadline of a month's dues for a member of segment: a
// self-employed member's by the 15th of the same month (next working day
// after a weekend; CiteSelfPaid), everyone else's Deadline.
func DeadlineFor(segment string, month time.Time) time.Time {
	if segment != "BPU" {
		return Deadline(month)
	}
	d := time.Date(month.Year(), month.Month(), DeadlineDay, 0, 0, 0, 0, time.UTC)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, 2)
	case time.Sunday:
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// fineBP is the late fine a month in the month's rules.
func fineBP(month time.Time) int64 {
	if rates.InCOVIDRelief(month) {
		return rates.COVIDFineBP
	}
	return LateFineBP
}

// monthsLate counts the months of delay a payment on paid carries: every
// month begun after the deadline counts whole.
func monthsLate(deadline, paid time.Time) int {
	if !paid.After(deadline) {
		return 0
	}
	n := 1
	for deadline.AddDate(0, n, 0).Before(paid) {
		n++
	}
	return n
}

// pensionAge is the JP pension age in a year: 56 until 2018, 57 from 2019,
// then one year more every three years until 65 (PP 45/2015 Pasal 15).
// JP membership ends there, so a card without JP is not flagged after it.
func pensionAge(year int) int {
	if year < 2019 {
		return 56
	}
	return min(57+(year-2019)/3, 65)
}

func fromIndex(i int) time.Time { return member.Month(i/12, time.Month(i%12+1)) }
