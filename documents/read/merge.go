package read

import (
	"sort"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Merge puts one member's documents together. It refuses documents of two
// members (the NIK when both documents carry one, else the name and the
// birth date) and two documents that give the same card's month (or the
// same payslip, or the same year's 1721-A1) different figures, with a
// sentence naming both files. The same file read twice (the same SHA-256)
// changes nothing.
//
// A month given by both a BPJSTK statement and JMO figures is taken from
// the statement: the printout is BPJSTK's own ledger, with its deposit and
// posting dates, and the reader checked it against the document's own
// totals, while JMO figures are typed or pasted by hand from a screen that
// shows less (no posting date, often no split of the shares). Where they
// differ the statement is the record a complaint can rely on.
func Merge(bundles ...documents.Bundle) (documents.Bundle, error) {
	m := merger{months: map[monthKey]int{}, payslips: map[payslipKey]int{}, seen: map[string]bool{}}
	for _, b := range bundles {
		if err := m.add(b); err != nil {
			return documents.Bundle{}, err
		}
	}
	m.finish()
	return m.out, nil
}

type monthKey struct {
	kpj    string
	period int
}

type merger struct {
	out    documents.Bundle
	who    whoSaid
	seen   map[string]bool           // SHA-256 of the documents taken
	kinds  map[string]documents.Kind // SHA-256 → kind
	months map[monthKey]int          // → index in out.Months
	// payslips: month and employer → index in out.Payslips
	payslips map[payslipKey]int
}

// whoSaid remembers which file gave each part of the identity, for the
// sentence that refuses a document of another member.
type whoSaid struct {
	nik, name, birth string
}

// rank orders the sources of a month: a statement over JMO figures.
func rank(k documents.Kind) int {
	if k == documents.KindStatement {
		return 2
	}
	return 1
}

func (m *merger) add(b documents.Bundle) error {
	fresh := false
	for _, d := range b.Documents {
		if !m.seen[d.SHA256] {
			fresh = true
		}
	}
	if len(b.Documents) > 0 && !fresh {
		return nil // the same file(s) again
	}
	file := firstFile(b)
	if err := m.identity(b.Identity, file); err != nil {
		return err
	}
	if m.kinds == nil {
		m.kinds = map[string]documents.Kind{}
	}
	for _, d := range b.Documents {
		m.kinds[d.SHA256] = d.Kind
	}
	defKind := documents.KindJMO
	if len(b.Documents) > 0 {
		defKind = b.Documents[0].Kind
	}
	for _, mc := range b.Months {
		if err := m.month(mc, defKind, file); err != nil {
			return err
		}
	}
	for _, p := range b.Payslips {
		if err := m.payslip(p); err != nil {
			return err
		}
	}
	for _, a := range b.A1 {
		if err := m.a1(a); err != nil {
			return err
		}
	}
	for _, c := range b.Cards {
		m.card(c)
	}
	for _, acc := range b.Balances {
		m.balance(acc)
	}
	for _, lp := range b.LastPaid {
		m.lastPaid(lp)
	}
	m.claims(b.Claims)
	m.employment(b.Employment)
	for _, d := range b.Documents {
		if !m.seen[d.SHA256] {
			m.seen[d.SHA256] = true
			m.out.Documents = append(m.out.Documents, d)
		}
	}
	m.out.Refused = append(m.out.Refused, b.Refused...)
	return nil
}

func firstFile(b documents.Bundle) string {
	if len(b.Documents) > 0 {
		return b.Documents[0].File
	}
	return ""
}

// sameName compares names as people write them: any case, any spacing.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

func (m *merger) identity(id documents.Identity, file string) error {
	have := &m.out.Identity
	switch {
	case id.NIK != "" && have.NIK != "":
		if id.NIK != have.NIK {
			return otherMember(file, m.who.nik, "NIK berbeda", "a different NIK")
		}
	default:
		if id.Name != "" && have.Name != "" && !sameName(id.Name, have.Name) {
			return otherMember(file, m.who.name, "nama berbeda", "a different name")
		}
		if !id.BirthDate.IsZero() && !have.BirthDate.IsZero() && !id.BirthDate.Equal(have.BirthDate) {
			return otherMember(file, m.who.birth, "tanggal lahir berbeda", "a different birth date")
		}
	}
	if have.NIK == "" && id.NIK != "" {
		have.NIK, m.who.nik = id.NIK, file
	}
	if have.Name == "" && id.Name != "" {
		have.Name, m.who.name = id.Name, file
	}
	if have.BirthDate.IsZero() && !id.BirthDate.IsZero() {
		have.BirthDate, m.who.birth = id.BirthDate, file
	}
	return nil
}

// otherMember is the refusal of a document of another member, naming
// both files.
func otherMember(file, other, idWhy, enWhy string) error {
	return documents.Errorf("other_member", member.Source{File: file},
		"dokumen ini milik peserta lain daripada %[1]s (%[2]s); periksa dokumen satu peserta sekaligus",
		"this document belongs to another member than %[1]s (%[3]s); check one member's documents at a time",
		other, idWhy, enWhy)
}

// figures is what two readings of one month must agree on.
func figures(c member.MonthContribution) [9]int64 {
	return [9]int64{int64(c.ReportedWage), int64(c.JHTEmployer), int64(c.JHTWorker), int64(c.JPEmployer),
		int64(c.JPWorker), int64(c.JHT), int64(c.JP), int64(c.BackPay), c.PaidDate.Unix()}
}

var figureNames = [9][2]string{
	{"upah", "wage"}, {"JHT pemberi kerja", "JHT employer"}, {"JHT pekerja", "JHT worker"},
	{"JP pemberi kerja", "JP employer"}, {"JP pekerja", "JP worker"}, {"JHT", "JHT"}, {"JP", "JP"},
	{"rapel", "back pay"}, {"tanggal setor", "deposit date"},
}

func srcFile(s *member.Source, def string) string {
	if s != nil && s.File != "" {
		return s.File
	}
	return def
}

func (m *merger) kindOf(s *member.Source, def documents.Kind) documents.Kind {
	if s != nil {
		if k, ok := m.kinds[s.SHA256]; ok {
			return k
		}
	}
	return def
}

func (m *merger) month(c member.MonthContribution, def documents.Kind, file string) error {
	c.Period = member.MonthOf(c.Period)
	key := monthKey{c.KPJ, member.MonthIndex(c.Period)}
	i, ok := m.months[key]
	if !ok {
		m.months[key] = len(m.out.Months)
		m.out.Months = append(m.out.Months, c)
		return nil
	}
	old := m.out.Months[i]
	oldRank := rank(m.kindOf(old.Source, documents.KindJMO))
	newRank := rank(m.kindOf(c.Source, def))
	switch {
	case newRank > oldRank:
		m.out.Months[i] = c // the statement's figures replace JMO's
		return nil
	case newRank < oldRank:
		return nil
	}
	a, b := figures(old), figures(c)
	for f := range a {
		if a[f] == b[f] {
			continue
		}
		at := member.Source{File: srcFile(c.Source, file)}
		if c.Source != nil {
			at = *c.Source
		}
		show := func(v int64) string {
			if f == len(a)-1 {
				if v == (time.Time{}).Unix() {
					return "-"
				}
				return time.Unix(v, 0).UTC().Format(time.DateOnly)
			}
			return member.Rupiah(v).Format()
		}
		return documents.Errorf("conflict", at,
			"kartu %[1]s, %[2]s: %[4]s di sini %[6]s, sedangkan %[3]s menulis %[7]s; dua dokumen memberi bulan yang sama angka berbeda; periksa mana yang benar",
			"card %[1]s, %[8]s: %[5]s here %[6]s, while %[3]s says %[7]s; two documents give the same month different figures; check which is right",
			c.KPJ, member.FormatMonth(member.ID, c.Period), srcFile(old.Source, "?"), figureNames[f][0], figureNames[f][1],
			show(b[f]), show(a[f]), member.FormatMonth(member.EN, c.Period))
	}
	return nil // the same month again: nothing new
}

type payslipKey struct {
	period   int
	employer string
}

func (m *merger) payslip(p member.Payslip) error {
	p.Period = member.MonthOf(p.Period)
	key := payslipKey{member.MonthIndex(p.Period), strings.ToLower(strings.Join(strings.Fields(p.Employer), " "))}
	i, ok := m.payslips[key]
	if !ok {
		m.payslips[key] = len(m.out.Payslips)
		m.out.Payslips = append(m.out.Payslips, p)
		return nil
	}
	q := m.out.Payslips[i]
	a, b := q, p
	a.Source, b.Source = member.Source{}, member.Source{}
	if a == b {
		return nil
	}
	return documents.Errorf("conflict", p.Source,
		"slip gaji %[1]s (%[2]s) sudah dibaca dari %[3]s dengan angka berbeda",
		"the payslip of %[4]s (%[2]s) was read from %[3]s already, with different figures",
		member.FormatMonth(member.ID, p.Period), p.Employer, q.Source.File, member.FormatMonth(member.EN, p.Period))
}

func (m *merger) a1(a member.A1Deduction) error {
	for _, q := range m.out.A1 {
		if q.Year != a.Year || !sameName(q.Employer, a.Employer) {
			continue
		}
		if q.Amount == a.Amount && q.KPJ == a.KPJ {
			return nil
		}
		return documents.Errorf("conflict", a.Source,
			"bukti potong 1721-A1 tahun %[1]d (%[2]s) sudah dibaca dari %[3]s dengan angka berbeda",
			"the 1721-A1 of %[1]d (%[2]s) was read from %[3]s already, with different figures",
			a.Year, a.Employer, q.Source.File)
	}
	m.out.A1 = append(m.out.A1, a)
	return nil
}

// card adds a card or fills what an earlier document left blank.
func (m *merger) card(c member.KPJCard) {
	for i := range m.out.Cards {
		have := &m.out.Cards[i]
		if have.KPJ != c.KPJ {
			continue
		}
		if have.EmployerName == "" {
			have.EmployerName = c.EmployerName
		}
		if have.NPP == "" {
			have.NPP = c.NPP
		}
		if !c.Opened.IsZero() && (have.Opened.IsZero() || c.Opened.Before(have.Opened)) {
			have.Opened = c.Opened
		}
		if !c.Closed.IsZero() && c.Closed.After(have.Closed) {
			have.Closed = c.Closed
		}
		if c.Status != "" && (have.Status == "" || c.Status == "nonaktif") {
			have.Status = c.Status
		}
		return
	}
	m.out.Cards = append(m.out.Cards, c)
}

// balance merges a card's balance: the years of every document, and the
// account's totals from the newest.
func (m *merger) balance(acc member.BalanceAccount) {
	for i := range m.out.Balances {
		have := &m.out.Balances[i]
		if have.KPJ != acc.KPJ {
			continue
		}
		years := map[int]member.YearBalance{}
		for _, y := range have.History {
			years[y.Year] = y
		}
		newer := acc.AsOf.After(have.AsOf)
		for _, y := range acc.History {
			if _, ok := years[y.Year]; !ok || newer {
				years[y.Year] = y
			}
		}
		history := have.History[:0:0]
		for _, y := range years {
			history = append(history, y)
		}
		sort.Slice(history, func(i, j int) bool { return history[i].Year < history[j].Year })
		if newer {
			*have = acc
		}
		have.History = history
		return
	}
	acc.History = append([]member.YearBalance(nil), acc.History...)
	m.out.Balances = append(m.out.Balances, acc)
}

// lastPaid keeps, per card, the newest last-paid month a JMO screen gives.
func (m *merger) lastPaid(lp documents.CardMonth) {
	for i, have := range m.out.LastPaid {
		if have.KPJ == lp.KPJ {
			if lp.Month.After(have.Month) {
				m.out.LastPaid[i] = lp
			}
			return
		}
	}
	m.out.LastPaid = append(m.out.LastPaid, lp)
}

func (m *merger) claims(cs []member.Claim) {
next:
	for _, c := range cs {
		for _, have := range m.out.Claims {
			if c.ID != "" && have.ID == c.ID {
				continue next
			}
		}
		m.out.Claims = append(m.out.Claims, c)
	}
}

func (m *merger) employment(es []member.Employment) {
next:
	for _, e := range es {
		for i, have := range m.out.Employment {
			if have.KPJ == e.KPJ && sameName(have.Employer, e.Employer) && have.Start.Equal(e.Start) {
				if have.End.IsZero() && !e.End.IsZero() {
					m.out.Employment[i] = e // the later document knows the end
				}
				continue next
			}
		}
		m.out.Employment = append(m.out.Employment, e)
	}
}

// finish sorts what was merged: cards by number, months by card and month,
// payslips by month.
func (m *merger) finish() {
	o := &m.out
	sort.SliceStable(o.Months, func(i, j int) bool {
		if o.Months[i].KPJ != o.Months[j].KPJ {
			return o.Months[i].KPJ < o.Months[j].KPJ
		}
		return o.Months[i].Period.Before(o.Months[j].Period)
	})
	sort.SliceStable(o.Payslips, func(i, j int) bool { return o.Payslips[i].Period.Before(o.Payslips[j].Period) })
	sort.SliceStable(o.A1, func(i, j int) bool { return o.A1[i].Year < o.A1[j].Year })
	m.months, m.payslips = nil, nil
}
