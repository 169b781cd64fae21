// Package jkp is Jaminan Kehilangan Pekerjaan (JKP, the job-loss benefit)
// from the member's own data: whether the contributions meet the
// conditions (at least 12 months within the 24 before the lay-off, 6 of
// them in a row, and the required programs), who pays when the employer
// was in arrears (PP 6/2025 Pasal 39 and 39A), the cash benefit of the
// regulation in force on the day of the lay-off (PP 6/2025 from 7 February
// 2025: 60% of the last reported wage capped at Rp5 juta for 6 months;
// PP 37/2021 before: 45% for 3 months then 25% for 3), the claim window
// through SIAPkerja, the age limit at registration, that a resignation,
// unlike a lay-off (PHK), gives no JKP, and that self-employed (BPU) and
// migrant (PMI) members are not in JKP. Every rule carries its citation.
// It never imports Fyne.
package jkp

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Citation is the source of a rule, as the screen shows it.
type Citation struct {
	Text string
	// Note says where sources disagree ("" when they do not).
	Note string
	// Secondary: read only in a secondary source (the press, a legal
	// database's summary), not in the regulation's text.
	Secondary bool
}

// The citations.
var (
	// The conditions: 12 months of contributions within the 24 before the
	// PHK, 6 of them in a row, in the required programs (PP 37/2021 Pasal
	// 19 as amended by PP 6/2025). The months counted are those before the
	// PHK: the month the PHK falls in need not be paid.
	CiteEligibility = Citation{Text: "PP 37/2021 Pasal 19 jo. PP 6/2025"}
	// The cash benefit: 60% of the last wage reported to BPJS
	// Ketenagakerjaan, capped at Rp5 juta, for at most 6 months. Most
	// reports of PP 6/2025 quote it as Pasal 21 ayat (1) and (4); one
	// (Okezone, 17 February 2025) says Pasal 22 ayat (1).
	CiteBenefit = Citation{Text: rates.CiteJKPBenefit, Note: "Pasal 21 ayat (1) dan (4) menurut Kompas, Tirto dan Pintoe; Okezone menyebut Pasal 22 ayat (1)"}
	// Before PP 6/2025 (signed 7 February 2025): 45% of the wage for the
	// first 3 months and 25% for the next 3 (PP 37/2021 Pasal 21, as the
	// press reports of PP 6/2025 state the old rule: Tribun Jogja, Media24,
	// Bisnis Surabaya, 15–17 February 2025). Whether PP 6/2025 has a
	// transitional clause for lay-offs before it is not confirmed.
	CiteBenefitPP37 = Citation{Text: "PP 37/2021 Pasal 21 (sebelum PP 6/2025)", Secondary: true,
		Note: "ketentuan peralihan PP 6/2025 untuk PHK sebelum 7 Februari 2025 belum kami pastikan"}
	// The right lapses when no claim is filed within 6 months of the PHK
	// (3 months before PP 6/2025), or on a new job, or death (Okezone, 17
	// February 2025, quoting Pasal 40 as amended).
	CiteWindow = Citation{Text: "PP 37/2021 Pasal 40 jo. PP 6/2025"}
	// No JKP for a PHK by resignation, permanent total disability,
	// retirement or death.
	CiteNoResign = Citation{Text: "PP 37/2021 Pasal 20"}
	// The claim goes through the Ministry of Manpower's SIAPkerja.
	CiteSIAPkerja = Citation{Text: "siapkerja.kemnaker.go.id (Kemnaker)"}
	// An employer at most 3 months in a row in arrears with the JKK dues
	// that fund JKP: BPJS Ketenagakerjaan must pay the cash benefit (ayat
	// 1) and the employer must settle the arrears (ayat 2); more than 3
	// months: the employer pays the benefit first (ayat 3) and may claim it
	// back once it has settled (ayat 4–6). Read in the text of PP 6/2025 as
	// pasal.id holds it.
	CiteArrears = Citation{Text: "PP 6/2025 Pasal 39"}
	// A bankrupt or closed employer at most 6 months in arrears: BPJS
	// Ketenagakerjaan still pays (ayat 1); the employer still owes the
	// arrears and fines (ayat 2). Quoted by Okezone and Aceh Global News,
	// 17 February 2025.
	CiteBankrupt = Citation{Text: "PP 6/2025 Pasal 39A", Secondary: true}
	// A worker is enrolled in JKP when younger than 54 at registration.
	// The age is as the review of the rules quotes PP 6/2025 Pasal 4; we
	// did not find the article's text.
	CiteAge = Citation{Text: "PP 37/2021 Pasal 4 jo. PP 6/2025", Secondary: true}
	// JKP began with the contributions of February 2021 (rates.JKPStart).
	CiteStart = Citation{Text: rates.CiteJKP}
)

// The rules' figures.
const (
	MonthsNeeded      = 12 // within WindowMonths
	WindowMonths      = 24
	ConsecutiveNeeded = 6
	BenefitMonths     = 6
	ClaimMonths       = 6 // the claim window after the PHK (PP 6/2025)
	ClaimMonthsPP37   = 3 // before PP 6/2025
	// AgeLimit: a worker must be younger than this at registration.
	AgeLimit = 54
	// ArrearsBPJSMax: BPJS Ketenagakerjaan pays when the employer is at
	// most this many months in a row in arrears (Pasal 39 ayat 1);
	// ArrearsBankruptMax when the employer is bankrupt or closed (39A).
	ArrearsBPJSMax     = 3
	ArrearsBankruptMax = 6
	// PP 37/2021's benefit: 45% for 3 months, then 25% for 3.
	FirstBP37 = 4500
	LaterBP37 = 2500
	FirstMo37 = 3
	LaterMo37 = 3
	// lagMonths: how far back an active member's "PHK now" may move for
	// dues not due yet.
	lagMonths = 2
)

// PP6From is the day PP 6/2025 was signed and took effect: a PHK from this
// day gets its benefit; an earlier one PP 37/2021's.
var PP6From = time.Date(2025, time.February, 7, 0, 0, 0, 0, time.UTC)

// Regime is the regulation whose benefit applies to the PHK.
type Regime int

// The regimes.
const (
	RegimePP6  Regime = iota // PP 6/2025: 60% × 6 months, 6-month window
	RegimePP37               // PP 37/2021: 45% × 3 + 25% × 3, 3-month window
)

// Payer is who pays the cash benefit, given the employer's arrears.
type Payer int

// The payers.
const (
	// PayerBPJS: no arrears, or at most ArrearsBPJSMax months in a row
	// (Pasal 39 ayat 1).
	PayerBPJS Payer = iota
	// PayerEmployer: more than ArrearsBPJSMax months in a row; the
	// employer pays first (Pasal 39 ayat 3). Up to ArrearsBankruptMax,
	// BPJS pays if the employer is bankrupt or closed (Pasal 39A), which
	// the data does not say: BankruptCase is true then.
	PayerEmployer
)

// Coverage says whether the member's segment is in JKP at all.
type Coverage int

// The coverages.
const (
	Covered   Coverage = iota
	NotBPU             // self-employed (Bukan Penerima Upah): no JKP
	NotPMI             // migrant workers have their own programs
	NotTooOld          // 54 or older when registered
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
	// PHKMonth is the first month not counted: for a closed card, the
	// month of its closing day if that month was not paid (the month of
	// the PHK need not be paid, Pasal 19), else the month after; for an
	// active member ("if you were laid off now"), the first month whose
	// dues are not due yet.
	PHKMonth     time.Time
	Hypothetical bool // true: the member is active; the PHK is "if"
	PHKDate      time.Time
	Regime       Regime
	Coverage     Coverage
	// SelfPaidNow: the member pays his own dues today (BPU or PMI), so a
	// future lay-off gives no JKP; a PHK from an earlier employer's card
	// (PHKDate) still does.
	SelfPaidNow bool
	// RegisteredAge is the member's age when enrolled in JKP (-1 when the
	// birth date is not known).
	RegisteredAge int

	PaidIn24    int // months counted in the 24 before PHKMonth (paid, or owed by the employer)
	Consecutive int // months in a row up to PHKMonth, the employer's arrears included
	// Arrears are the months in the 24 before PHKMonth that a card was
	// open, whose deadline had passed, and that nothing was paid for: the
	// employer's arrears, which count toward the conditions (Pasal 39).
	Arrears []time.Time
	// ArrearsRun is the longest run of arrears in a row; Payer follows
	// from it, and BankruptCase says Pasal 39A would make BPJS pay.
	ArrearsRun   int
	Payer        Payer
	BankruptCase bool

	Programs []ProgramCheck
	// JKNUnknown: JKN (BPJS Kesehatan) is required too, but not in this
	// app's data.
	MeetsMonths, MeetsConsecutive, MeetsPrograms bool
	Eligible                                     bool

	LastWage, BaseWage int64 // the last reported wage; capped at Rp5 juta
	// Monthly is the first months' benefit (60%, or 45% under PP 37);
	// Later the later months' (equal under PP 6; 25% under PP 37).
	Monthly, Later, Total int64
	ClaimBy               time.Time
	WindowPassed          bool
}

// Input is what the rules read.
type Input struct {
	Member member.Member
	Months []member.MonthContribution
	Today  time.Time
}

// Assess applies the rules.
func Assess(in Input) Result {
	r := Result{Hypothetical: true, PHKDate: in.Today, RegisteredAge: -1}
	paid := map[int]int64{} // month index → reported wage
	for _, m := range in.Months {
		if m.Total > 0 {
			i := member.MonthIndex(m.Period)
			paid[i] = max(paid[i], int64(m.ReportedWage))
		}
	}
	r.PHKMonth = hypotheticalPHK(in.Today, paid)
	r.SelfPaidNow = audit.SelfPaid(in.Member.Segment)
	if in.Member.Status != "aktif" || r.SelfPaidNow {
		// The newest closed card: its closing day is taken as the PHK. A
		// self-paid member's closed cards are earlier employment (his
		// segment is today's: it describes the open card).
		var closed time.Time
		for _, c := range in.Member.Cards {
			if !c.Closed.IsZero() && c.Closed.After(closed) {
				closed = c.Closed
			}
		}
		if !closed.IsZero() {
			r.Hypothetical, r.PHKDate = false, closed
			r.PHKMonth = member.MonthOf(closed)
			if _, ok := paid[member.MonthIndex(closed)]; ok {
				r.PHKMonth = r.PHKMonth.AddDate(0, 1, 0)
			}
		}
	}
	if !r.Hypothetical && r.PHKDate.Before(PP6From) {
		r.Regime = RegimePP37
	}
	r.Coverage = coverage(in.Member, !r.Hypothetical, &r)

	phk := member.MonthIndex(r.PHKMonth)
	employed := employedMonths(in.Member, in.Today)
	owed := map[int]bool{}
	run := 0
	for i := phk - WindowMonths; i < phk; i++ {
		_, ok := paid[i]
		if !ok && employed[i] && in.Member.Segment != "BPU" && overdue(fromIndex(i), in.Today) {
			owed[i] = true
			r.Arrears = append(r.Arrears, fromIndex(i))
			run++
			r.ArrearsRun = max(r.ArrearsRun, run)
		} else {
			run = 0
		}
	}
	start := member.MonthIndex(rates.JKPStart)
	counts := func(i int) bool {
		_, ok := paid[i]
		return i >= start && (ok || owed[i])
	}
	for i := phk - WindowMonths; i < phk; i++ {
		if counts(i) {
			r.PaidIn24++
		}
	}
	for i := phk - 1; counts(i); i-- {
		r.Consecutive++
	}
	if r.ArrearsRun > ArrearsBPJSMax {
		r.Payer = PayerEmployer
		r.BankruptCase = r.ArrearsRun <= ArrearsBankruptMax
	}
	// The last reported wage before the PHK month.
	for i := phk - 1; i >= phk-WindowMonths; i-- {
		if w, ok := paid[i]; ok {
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
	// A past PHK: the programs the months before it carry dues for count
	// too (a member now self-employed lists only his BPU programs).
	if !r.Hypothetical {
		for _, m := range in.Months {
			if i := member.MonthIndex(m.Period); i < phk && i >= phk-WindowMonths {
				has["JHT"] = has["JHT"] || m.JHT > 0
				has["JKK"] = has["JKK"] || m.JKK > 0
				has["JKM"] = has["JKM"] || m.JKM > 0
				has["JP"] = has["JP"] || m.JP > 0
			}
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
	r.Eligible = r.Coverage == Covered && r.MeetsMonths && r.MeetsConsecutive && r.MeetsPrograms

	r.BaseWage = min(r.LastWage, rates.JKPWageCap)
	months := ClaimMonths
	if r.Regime == RegimePP37 {
		// 45% × 3 + 25% × 3 (PP 37/2021).
		r.Monthly, r.Later = rates.Pct(r.BaseWage, FirstBP37), rates.Pct(r.BaseWage, LaterBP37)
		r.Total = r.Monthly*FirstMo37 + r.Later*LaterMo37
		months = ClaimMonthsPP37
	} else {
		r.Monthly = rates.Pct(r.BaseWage, rates.JKPBenefitBP)
		r.Later = r.Monthly
		r.Total = r.Monthly * BenefitMonths
	}
	r.ClaimBy = AddMonths(r.PHKDate, months)
	r.WindowPassed = !r.Hypothetical && in.Today.After(r.ClaimBy)
	return r
}

// hypotheticalPHK is "laid off now": the first month whose dues are not
// overdue on today (a month's dues are due by the 15th of the next), so
// every month before it should be paid by now; a month already paid after
// it moves it on.
func hypotheticalPHK(today time.Time, paid map[int]int64) time.Time {
	m := member.MonthOf(today)
	for i := 0; i < lagMonths && !overdue(m.AddDate(0, -1, 0), today); i++ {
		m = m.AddDate(0, -1, 0)
	}
	for i := member.MonthIndex(m); i < member.MonthIndex(today); i++ {
		if _, ok := paid[i]; ok {
			m = fromIndex(i + 1)
		}
	}
	return m
}

// overdue: the month's deadline (audit.Deadline) ended before today.
func overdue(month, today time.Time) bool {
	return !today.Before(audit.Deadline(month).AddDate(0, 0, 1))
}

// coverage is whether the member's segment and age at registration put
// them in JKP. A PHK from an employer's card (employed) was as a wage
// earner, whatever the member pays as today.
func coverage(m member.Member, employed bool, r *Result) Coverage {
	switch {
	case employed:
	case m.Segment == "BPU":
		return NotBPU
	case m.Segment == "PMI":
		return NotPMI
	}
	if m.BirthDate.IsZero() {
		return Covered
	}
	joined := m.MemberSince
	for _, p := range m.Programs {
		if p.Code == "JKP" && !p.Joined.IsZero() {
			joined = p.Joined
		}
	}
	if joined.Before(rates.JKPStart) {
		joined = rates.JKPStart
	}
	r.RegisteredAge = yearsBetween(m.BirthDate, joined)
	if r.RegisteredAge >= AgeLimit {
		return NotTooOld
	}
	return Covered
}

// employedMonths is every month a card was open up to today: the months an
// employer owed dues for.
func employedMonths(m member.Member, today time.Time) map[int]bool {
	out := map[int]bool{}
	for _, c := range m.Cards {
		if c.Opened.IsZero() {
			continue
		}
		end := today
		if !c.Closed.IsZero() {
			end = c.Closed
		}
		for i := member.MonthIndex(c.Opened); i <= member.MonthIndex(end); i++ {
			out[i] = true
		}
	}
	return out
}

func fromIndex(i int) time.Time { return member.Month(i/12, time.Month(i%12+1)) }

// yearsBetween counts whole years from a to b.
func yearsBetween(a, b time.Time) int {
	y := b.Year() - a.Year()
	if b.Month() < a.Month() || (b.Month() == a.Month() && b.Day() < a.Day()) {
		y--
	}
	return y
}

// AddMonths is rates.AddMonths (31 May + 6 months is 30 November).
func AddMonths(t time.Time, n int) time.Time { return rates.AddMonths(t, n) }
