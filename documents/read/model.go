package read

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// Model is what the rules read of one member's documents, in the shapes
// the server path fills (internal/memberdata.Data): the app makes its Data
// from it field by field (ModelOf).
type Model struct {
	Member member.Member
	// Cards are the digital cards (memberdata.Data.Cards), one per KPJ.
	Cards         []member.Card
	Balance       member.Balance
	Contributions map[int]member.Contributions // by year
	Claims        []member.Claim
	Payslips      []member.Payslip
	// PayslipWages are the payslips' wages (basic + fixed allowances, all
	// employers of a month together) as "Upah saya" holds them, for
	// audit.CompareWage.
	PayslipWages []member.PayslipWage
	Employment   []member.Employment
	A1           []member.A1Deduction
	// AsOf is when the figures were true: the newest document's date
	// (balance or print date), else the asOf Model was given. The audit
	// reads months as due by this day, not by today: a statement of 2025
	// says nothing of 2026.
	AsOf time.Time
	// Coverage: per card, the runs of months the documents speak for
	// (coverage.go); Audit audits only those.
	Coverage map[string][]Span
	// AssumedPrograms are programs the member is taken to have though no
	// document shows them (CiteCompulsory): a statement lists JHT and JP
	// only, yet every PU worker is in JKK and JKM.
	AssumedPrograms []string
}

// CiteCompulsory: every employer registers its workers in JKK, JKM and JHT
// (small and micro businesses), and in JP as well (medium and large
// businesses): Perpres 109/2013 Pasal 6 ayat (1)–(2). A statement printout
// shows only JHT and JP, so JKK and JKM are assumed for a card with
// contributions, and said so.
const CiteCompulsory = "Perpres 109/2013 Pasal 6 ayat (1)–(2)"

// The card and member statuses the server path uses.
const (
	statusActive   = "aktif"
	statusInactive = "nonaktif"
)

// programNames are the five programs' names (as the server sends them).
var programNames = map[string]string{
	"JHT": "Jaminan Hari Tua", "JKK": "Jaminan Kecelakaan Kerja", "JKM": "Jaminan Kematian",
	"JP": "Jaminan Pensiun", "JKP": "Jaminan Kehilangan Pekerjaan",
}

// ModelOf builds what the rules read from a merged Bundle. asOf is today
// (the command's --today): a card whose employment ended after it is still
// active, and documents without a date are taken as true on it.
func ModelOf(b documents.Bundle, asOf time.Time) Model {
	var md Model
	months := make([]member.MonthContribution, 0, len(b.Months))
	for _, c := range b.Months {
		months = append(months, normalize(c))
	}
	md.Balance = balance(b)
	md.AsOf = asOf
	if !md.Balance.AsOf.IsZero() {
		md.AsOf = md.Balance.AsOf
	}
	md.Member = memberOf(b, months, asOf)
	md.Member.Programs, md.AssumedPrograms = programs(months, md.Member)
	md.Cards = digitalCards(md.Member)
	md.Contributions = byYear(months)
	md.Claims = slices.Clone(b.Claims)
	md.Payslips = slices.Clone(b.Payslips)
	md.Employment = slices.Clone(b.Employment)
	md.A1 = slices.Clone(b.A1)
	md.PayslipWages = payslipWages(b.Payslips)
	md.Coverage = coverage(b)
	return md
}

// normalize fills the sums a reader may leave to the model: JHT and JP as
// their two shares, the month's total as its programs.
func normalize(c member.MonthContribution) member.MonthContribution {
	c.Period = member.MonthOf(c.Period)
	if c.JHT == 0 {
		c.JHT = c.JHTEmployer + c.JHTWorker
	}
	if c.JP == 0 {
		c.JP = c.JPEmployer + c.JPWorker
	}
	if c.Total == 0 {
		c.Total = c.JHT + c.JP + c.JKK + c.JKM + c.JKP
	}
	return c
}

// balance is every card's balance, as of the newest document.
func balance(b documents.Bundle) member.Balance {
	bal := member.Balance{Accounts: []member.BalanceAccount{}}
	for _, acc := range b.Balances {
		acc.History = slices.Clone(acc.History)
		if acc.Total == 0 && len(acc.History) > 0 {
			acc.Total = acc.History[len(acc.History)-1].Closing
		}
		if acc.Employer == 0 && acc.Worker == 0 && acc.Development == 0 {
			for _, y := range acc.History {
				acc.Employer += y.Employer
				acc.Worker += y.Worker
				acc.Development += y.Development
			}
		}
		if acc.EmployerName == "" {
			acc.EmployerName = cardEmployer(b.Cards, acc.KPJ)
		}
		bal.Total += acc.Total
		if acc.AsOf.After(bal.AsOf) {
			bal.AsOf = acc.AsOf
		}
		bal.Accounts = append(bal.Accounts, acc)
	}
	if bal.AsOf.IsZero() && len(bal.Accounts) > 0 {
		for _, d := range b.Documents {
			if d.PrintedAt.After(bal.AsOf) {
				bal.AsOf = d.PrintedAt
			}
		}
	}
	return bal
}

func cardEmployer(cards []member.KPJCard, kpj string) string {
	for _, c := range cards {
		if c.KPJ == kpj {
			return c.EmployerName
		}
	}
	return ""
}

// memberOf is the member and the cards: every card a document names (a
// statement, JMO months or balances, employment facts), opened and closed
// by what the documents say.
func memberOf(b documents.Bundle, months []member.MonthContribution, asOf time.Time) member.Member {
	m := member.Member{FullName: b.Identity.Name, BirthDate: b.Identity.BirthDate, NIKMasked: maskNIK(b.Identity.NIK),
		Segment: "PU", Cards: []member.KPJCard{}, Programs: []member.Program{}}
	cards := slices.Clone(b.Cards)
	add := func(kpj, employer string) {
		if kpj == "" || slices.ContainsFunc(cards, func(c member.KPJCard) bool { return c.KPJ == kpj }) {
			return
		}
		cards = append(cards, member.KPJCard{KPJ: kpj, EmployerName: employer})
	}
	for _, c := range months {
		add(c.KPJ, c.EmployerName)
	}
	for _, a := range b.Balances {
		add(a.KPJ, a.EmployerName)
	}
	for _, e := range b.Employment {
		add(e.KPJ, e.Employer)
	}
	for _, lp := range b.LastPaid {
		add(lp.KPJ, "")
	}
	for i := range cards {
		cards[i] = cardFacts(cards[i], months, b.Employment, asOf)
	}
	sort.SliceStable(cards, func(i, j int) bool { return cards[i].Opened.Before(cards[j].Opened) })
	m.Cards = cards

	m.Status = statusInactive
	for _, c := range cards {
		if m.MemberSince.IsZero() || (!c.Opened.IsZero() && c.Opened.Before(m.MemberSince)) {
			m.MemberSince = c.Opened
		}
		if c.Status == statusActive {
			m.Status = statusActive
			if m.Employer == nil || c.Opened.After(m.Employer.Since) {
				m.Employer = &member.Employer{Name: c.EmployerName, NPP: c.NPP, Since: c.Opened}
				m.StatusSince = c.Opened
			}
		} else if m.Employer == nil && c.Closed.After(m.StatusSince) {
			m.StatusSince = c.Closed
		}
	}
	if len(cards) == 0 {
		m.Status = statusActive // payslips alone: the member works
	}
	for _, c := range months {
		if c.Period.After(m.LastContribution) {
			m.LastContribution = c.Period
		}
	}
	for _, lp := range b.LastPaid { // a JMO screen's "last paid", its months not listed
		if lp.Month.After(m.LastContribution) {
			m.LastContribution = member.MonthOf(lp.Month)
		}
	}
	return m
}

// cardFacts completes a card from the employment facts given for it and
// its months: opened at the start of work (else its first month), closed
// at the end (a card a statement marks non-active without an end is taken
// as closed at the end of its last month paid).
func cardFacts(c member.KPJCard, months []member.MonthContribution, jobs []member.Employment, asOf time.Time) member.KPJCard {
	var first, last time.Time
	for _, m := range months {
		if m.KPJ != c.KPJ {
			continue
		}
		if first.IsZero() || m.Period.Before(first) {
			first = m.Period
		}
		if m.Period.After(last) {
			last = m.Period
		}
	}
	for _, e := range jobs {
		if e.KPJ != c.KPJ && (e.KPJ != "" || !sameName(e.Employer, c.EmployerName)) {
			continue
		}
		if !e.Start.IsZero() && (c.Opened.IsZero() || e.Start.Before(c.Opened)) {
			c.Opened = e.Start
		}
		if !e.End.IsZero() && !e.End.After(asOf) && e.End.After(c.Closed) {
			c.Closed = e.End
		}
		if c.EmployerName == "" {
			c.EmployerName = e.Employer
		}
		if c.NPP == "" {
			c.NPP = e.NPP
		}
	}
	if c.Opened.IsZero() {
		c.Opened = first
	}
	if c.Status == statusInactive && c.Closed.IsZero() && !last.IsZero() {
		c.Closed = last.AddDate(0, 1, -1)
	}
	switch {
	case !c.Closed.IsZero():
		c.Status = statusInactive
	case c.Status == "":
		c.Status = statusActive
	}
	return c
}

// programs are the programs the months show, plus JKK and JKM for a member
// with contributions (CiteCompulsory), which a statement does not show.
func programs(months []member.MonthContribution, m member.Member) ([]member.Program, []string) {
	shown := map[string]time.Time{}
	see := func(code string, paid member.Rupiah, p time.Time) {
		if first, ok := shown[code]; paid > 0 && (!ok || p.Before(first)) {
			shown[code] = p
		}
	}
	for _, c := range months {
		see("JHT", c.JHT, c.Period)
		see("JKK", c.JKK, c.Period)
		see("JKM", c.JKM, c.Period)
		see("JP", c.JP, c.Period)
		see("JKP", c.JKP, c.Period)
	}
	var assumed []string
	if since, ok := shown["JHT"]; ok {
		for _, code := range []string{"JKK", "JKM"} {
			if _, ok := shown[code]; !ok {
				shown[code] = since
				assumed = append(assumed, code)
			}
		}
	}
	out := []member.Program{}
	for _, code := range []string{"JHT", "JKK", "JKM", "JP", "JKP"} {
		if joined, ok := shown[code]; ok {
			out = append(out, member.Program{Code: code, Name: programNames[code], Status: m.Status, Joined: joined})
		}
	}
	return out, assumed
}

// digitalCards are the cards as the server's card endpoint gives them.
func digitalCards(m member.Member) []member.Card {
	var progs []string
	for _, p := range m.Programs {
		progs = append(progs, p.Code)
	}
	out := []member.Card{}
	for _, c := range m.Cards {
		out = append(out, member.Card{KPJ: c.KPJ, FullName: m.FullName, BirthDate: m.BirthDate, NIKMasked: m.NIKMasked,
			Segment: m.Segment, Status: c.Status, EmployerName: c.EmployerName, Programs: slices.Clone(progs), MemberSince: c.Opened})
	}
	return out
}

// byYear groups the months by year with the year's totals, as the server
// sends each year.
func byYear(months []member.MonthContribution) map[int]member.Contributions {
	out := map[int]member.Contributions{}
	var years []int
	for _, c := range months {
		y := c.Period.Year()
		yc, ok := out[y]
		if !ok {
			years = append(years, y)
			yc = member.Contributions{Year: y, Months: []member.MonthContribution{}}
		}
		yc.Months = append(yc.Months, c)
		t := &yc.Totals
		t.ReportedWage += c.ReportedWage
		t.JHT += c.JHT
		t.JP += c.JP
		t.JKK += c.JKK
		t.JKM += c.JKM
		t.JKP += c.JKP
		t.Total += c.Total
		out[y] = yc
	}
	slices.Sort(years)
	for y, yc := range out {
		yc.AvailableYears = slices.Clone(years)
		sort.SliceStable(yc.Months, func(i, j int) bool {
			if !yc.Months[i].Period.Equal(yc.Months[j].Period) {
				return yc.Months[i].Period.Before(yc.Months[j].Period)
			}
			return yc.Months[i].KPJ < yc.Months[j].KPJ
		})
		out[y] = yc
	}
	return out
}

// payslipWages: the payslips' wage month by month, every employer of a
// month added (the audit compares it with every card's reported wage).
func payslipWages(slips []member.Payslip) []member.PayslipWage {
	byMonth := map[time.Time]int64{}
	for _, p := range slips {
		byMonth[member.MonthOf(p.Period)] += int64(p.Wage())
	}
	var out []member.PayslipWage
	for month, wage := range byMonth {
		out = append(out, member.PayslipWage{From: month, Wage: wage})
	}
	return audit.NormalizePayslip(out)
}

// maskNIK keeps the first and last four digits, as the server masks it.
func maskNIK(nik string) string {
	const keep = 4
	if nik == "" {
		return ""
	}
	if len(nik) <= 2*keep {
		return strings.Repeat("*", len(nik))
	}
	return nik[:keep] + strings.Repeat("*", len(nik)-2*keep) + nik[len(nik)-keep:]
}
