// Package jkp is Jaminan Kehilangan Pekerjaan (JKP, the job-loss benefit)
// from the member's own data: whether the contributions meet the
// conditions (at least 12 months within the 24 before the lay-off, 6 of
// them in a row, and the required programs), the cash benefit (60% of the
// last reported wage capped at Rp5 juta, for 6 months, PP 6/2025), the
// six-month claim window through SIAPkerja, and that a resignation, unlike
// a lay-off (PHK), gives no JKP. Every rule carries its citation. It never
// imports Fyne.
package jkp

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Citation is the source of a rule, as the screen shows it.
type Citation struct {
	Text string
	// Note says where sources disagree ("" when they do not).
	Note string
}

// The citations.
var (
	// The conditions: 12 months of contributions within 24 and 6 months in
	// a row before the PHK, in the required programs.
	CiteEligibility = Citation{Text: "PP 37/2021 Pasal 19 jo. PP 6/2025"}
	// The cash benefit: 60% of the last wage reported to BPJS
	// Ketenagakerjaan, capped at Rp5 juta, for at most 6 months. Most
	// reports of PP 6/2025 quote it as Pasal 21 ayat (1) and (4); one
	// (Okezone, 17 February 2025) says Pasal 22 ayat (1).
	CiteBenefit = Citation{Text: rates.CiteJKPBenefit, Note: "Pasal 21 ayat (1) dan (4) menurut Kompas, Tirto dan Pintoe; Okezone menyebut Pasal 22 ayat (1)"}
	// The right lapses when no claim is filed within 6 months of the PHK
	// (3 months before PP 6/2025), or on a new job, or death.
	CiteWindow = Citation{Text: "PP 37/2021 Pasal 40 jo. PP 6/2025"}
	// No JKP for a PHK by resignation, permanent total disability,
	// retirement or death.
	CiteNoResign = Citation{Text: "PP 37/2021 Pasal 20"}
	// The claim goes through the Ministry of Manpower's SIAPkerja.
	CiteSIAPkerja = Citation{Text: "siapkerja.kemnaker.go.id (Kemnaker)"}
)

// The rules' figures.
const (
	MonthsNeeded      = 12 // within WindowMonths
	WindowMonths      = 24
	ConsecutiveNeeded = 6
	BenefitMonths     = 6
	ClaimMonths       = 6 // the claim window after the PHK
	// duesLagMonths: how far behind today the last month paid may be and
	// still count as current (a month's dues are paid in the next month,
	// so the data always lags a month or two).
	duesLagMonths = 2
)

// ProgramCheck is one program JKP requires.
type ProgramCheck struct {
	Code string // JHT, JKK, JKM, JP
	Has  bool
	// SmallFirmOK: not required of a worker in a small or micro business
	// (JP); the data does not say the employer's size.
	SmallFirmOK bool
}

// Result is the JKP picture.
type Result struct {
	// PHKMonth is the month the PHK is assumed in: the month after the
	// last contribution on the card that closed (when the member is not
	// active), or, for an active member, the month after the last one
	// paid (at most two months back; else the current month): "if you
	// were laid off now".
	PHKMonth     time.Time
	Hypothetical bool // true: the member is active; the PHK is "if"
	PHKDate      time.Time

	PaidIn24    int // months with contributions in the 24 before PHKMonth
	Consecutive int // months in a row up to PHKMonth
	Programs    []ProgramCheck
	// JKNUnknown: JKN (BPJS Kesehatan) is required too, but not in this
	// app's data.
	MeetsMonths, MeetsConsecutive, MeetsPrograms bool
	Eligible                                     bool

	LastWage, BaseWage int64 // the last reported wage; capped at Rp5 juta
	Monthly, Total     int64 // 60% of BaseWage; × 6
	ClaimBy            time.Time
	WindowPassed       bool
}

// Input is what the rules read.
type Input struct {
	Member member.Member
	Months []member.MonthContribution
	Today  time.Time
}

// Assess applies the rules.
func Assess(in Input) Result {
	r := Result{PHKMonth: member.MonthOf(in.Today), Hypothetical: true, PHKDate: in.Today}
	if in.Member.Status != "aktif" {
		// The newest closed card: its closing day is taken as the PHK.
		var closed time.Time
		for _, c := range in.Member.Cards {
			if !c.Closed.IsZero() && c.Closed.After(closed) {
				closed = c.Closed
			}
		}
		if !closed.IsZero() {
			r.Hypothetical, r.PHKDate = false, closed
			r.PHKMonth = member.MonthOf(closed).AddDate(0, 1, 0)
		}
	}
	paid := map[time.Time]int64{} // month → reported wage
	var lastPaid time.Time
	for _, m := range in.Months {
		if m.Total > 0 {
			p := member.MonthOf(m.Period)
			paid[p] = max(paid[p], int64(m.ReportedWage))
			if p.After(lastPaid) {
				lastPaid = p
			}
		}
	}
	// A month's dues are paid by the 15th of the next, so the current
	// month and often the one before are not in the data yet: "laid off
	// now" means after the last month paid, when that is recent.
	if r.Hypothetical && !lastPaid.IsZero() {
		next := lastPaid.AddDate(0, 1, 0)
		if next.Before(r.PHKMonth) && !next.Before(r.PHKMonth.AddDate(0, -duesLagMonths, 0)) {
			r.PHKMonth = next
		}
	}
	for i := 1; i <= WindowMonths; i++ {
		if _, ok := paid[r.PHKMonth.AddDate(0, -i, 0)]; ok {
			r.PaidIn24++
		}
	}
	for i := 1; ; i++ {
		if _, ok := paid[r.PHKMonth.AddDate(0, -i, 0)]; !ok {
			break
		}
		r.Consecutive++
	}
	// The last reported wage before the PHK month.
	for i := 1; i <= WindowMonths; i++ {
		if w, ok := paid[r.PHKMonth.AddDate(0, -i, 0)]; ok {
			r.LastWage = w
			break
		}
	}
	has := map[string]bool{}
	for _, p := range in.Member.Programs {
		if p.Status == "" || p.Status == "aktif" || !r.Hypothetical {
			has[p.Code] = true
		}
	}
	r.MeetsPrograms = true
	for _, code := range []string{"JHT", "JKK", "JKM", "JP"} {
		pc := ProgramCheck{Code: code, Has: has[code], SmallFirmOK: code == "JP"}
		r.Programs = append(r.Programs, pc)
		if !pc.Has && !pc.SmallFirmOK {
			r.MeetsPrograms = false
		}
	}
	r.MeetsMonths = r.PaidIn24 >= MonthsNeeded
	r.MeetsConsecutive = r.Consecutive >= ConsecutiveNeeded
	r.Eligible = r.MeetsMonths && r.MeetsConsecutive && r.MeetsPrograms

	r.BaseWage = min(r.LastWage, rates.JKPWageCap)
	r.Monthly = rates.Pct(r.BaseWage, rates.JKPBenefitBP)
	r.Total = r.Monthly * BenefitMonths
	r.ClaimBy = addMonths(r.PHKDate, ClaimMonths)
	r.WindowPassed = !r.Hypothetical && in.Today.After(r.ClaimBy)
	return r
}

// addMonths adds n calendar months, keeping to the last day of a shorter
// month (31 May + 6 months is 30 November, not 1 December).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location()).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
