package tabular

import (
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

type pasteCard struct {
	kpj, employer, status string
	balance               member.Rupiah
	hasBalance            bool
	asOf, last            time.Time
	at, lastAt            member.Source
	text                  string
}

type pasteMonth struct {
	mc     member.MonthContribution
	hasJHT bool
	at     member.Source
	text   string
}

// paster reads pasted text line by line into a reader.
type paster struct {
	r          *reader
	cards      []*pasteCard
	cur        *pasteCard
	month      *pasteMonth
	pending    string        // a label alone on its line, waiting for its value
	orphans    []*pasteMonth // months read before any KPJ
	nextEmp    string        // an employer's line before its card's KPJ
	globalAsOf time.Time
	facts      int
}

// readPasted reads text pasted from JMO. recognised says it held at least
// one figure; err is set when nothing could be read.
func readPasted(src member.Source, lines []string) (documents.Bundle, bool, error) {
	if len(lines) > documents.MaxRows*4 {
		return documents.Bundle{}, false, documents.Errorf("too_many_rows", at(src, documents.MaxRows*4),
			"lebih dari %d baris", "more than %d lines", documents.MaxRows*4)
	}
	p := &paster{r: newReader(src, documents.KindJMO)}
	p.cur = &pasteCard{}
	p.cards = []*pasteCard{p.cur}
	for i, l := range lines {
		p.line(at(src, i+1), strings.TrimSpace(l))
	}
	p.closeMonth()
	p.finishCards()
	if p.facts == 0 && len(p.r.b.Refused) == 0 {
		return documents.Bundle{}, false, documents.Errorf("not_recognised", at(src, 1),
			"tidak dikenali: tidak ada judul kolom templat, dan bukan teks dari layar JMO (nomor KPJ, saldo, bulan iuran)",
			"not recognised: no template's column headers, and not text from JMO's screen (KPJ number, balance, monthly list)")
	}
	if len(p.r.b.Refused) > documents.MaxRows {
		p.r.b.Refused = p.r.b.Refused[:documents.MaxRows]
	}
	b, err := p.r.finish(at(src, 1))
	return b, true, err
}

func (p *paster) line(a member.Source, line string) {
	if line == "" {
		return
	}
	if len(line) > maxLineBytes {
		p.refuse(a, shorten(line), documents.Errorf("line_too_long", a,
			"baris lebih dari %d KB; baris dari layar JMO jauh lebih pendek", "a line over %d KB; a line from JMO's screen is far shorter",
			maxLineBytes>>10))
		return
	}
	segs := segments(line)
	labelled := len(segs) > 1
	if p.pending != "" && !labelled {
		v := valuesOf(line)
		field := p.pending
		p.pending = ""
		if p.apply(a, line, field, v) {
			return
		}
	}
	p.pending = ""
	head := valuesOf(segs[0].text)
	if m, rest, ok := startsWithMonth(segs[0].text); ok && !hasField(segs, "lastpaid") {
		p.openMonth(a, line, m)
		p.positional(a, line, valuesOf(rest), true)
		p.labelled(a, line, segs[1:])
		return
	}
	if len(head.kpjs) > 0 {
		p.closeMonth()
		p.openCard(a, head.kpjs[0])
		p.positional(a, line, head, false)
		p.labelled(a, line, segs[1:])
		return
	}
	if labelled {
		if strings.TrimSpace(segs[0].text) == "" && len(segs) == 2 && valuesOf(segs[1].text).empty() {
			p.pending = segs[1].field
			return
		}
		p.labelled(a, line, segs[1:])
		return
	}
	if st, ok := parseStatus(line); ok && st != "" {
		p.cur.status = st
		p.facts++
		return
	}
	if employerStart().MatchString(line) {
		if p.cur.employer == "" {
			p.cur.employer = line
		} else {
			p.nextEmp = line
		}
		p.facts++
	}
}

func hasField(segs []segment, f string) bool {
	for _, s := range segs {
		if s.field == f {
			return true
		}
	}
	return false
}

// startsWithMonth: the text begins with a month (after a row number), not
// with a date; rest is what follows the month.
func startsWithMonth(s string) (m time.Time, rest string, ok bool) {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "-•*·>"))
	if loc := reDate().FindStringIndex(s); loc != nil && loc[0] == 0 {
		// "3  Mei 2026  20/05/2026 ...": a row number before a month, as
		// the line holds its payment date further on; "3 Mei 2026" alone
		// is a date.
		if !hasLetter(s[:loc[1]]) || reDate().FindStringIndex(s[loc[1]:]) == nil {
			return time.Time{}, "", false
		}
	}
	if loc := reMon().FindStringIndex(s); loc == nil || loc[0] != 0 {
		s = reRow().ReplaceAllString(s, "")
		if loc := reDate().FindStringIndex(s); loc != nil && loc[0] == 0 && !hasLetter(s[:loc[1]]) {
			return time.Time{}, "", false
		}
	}
	loc := reMon().FindStringIndex(s)
	if loc == nil || loc[0] != 0 {
		return time.Time{}, "", false
	}
	m, e := parseMonth(strings.ReplaceAll(s[loc[0]:loc[1]], ".", " "))
	return m, s[loc[1]:], e == dateOK
}

// positional applies a line's unlabelled values: on a month line the
// payment date and the amounts by their number, on a card line the
// employer, balance and as-of date.
func (p *paster) positional(a member.Source, line string, v values, monthLine bool) {
	if v.bad != "" {
		p.refuse(a, line, badValue(a, v.bad))
		if monthLine {
			p.month = nil
		}
		return
	}
	if monthLine {
		m := p.month
		if len(v.dates) > 0 {
			m.mc.PaidDate = v.dates[0]
		}
		switch n := len(v.amounts); {
		case n == 1:
			m.mc.JHT, m.hasJHT = v.amounts[0], true
		case n == 2 || n == 3:
			m.mc.ReportedWage, m.mc.JHT, m.hasJHT = v.amounts[0], v.amounts[1], true
			if n == 3 {
				m.mc.BackPay = v.amounts[2]
			}
		case n > 3:
			p.refuse(a, line, documents.Errorf("bad_amount", a,
				"%d jumlah dalam satu baris bulan; tulis upah, iuran JHT dan rapel saja",
				"%d amounts on one month's line; write the wage, JHT amount and back pay only", n))
			p.month = nil
		}
		return
	}
	c := p.cur
	if w := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v.words), "KPJ")); w != "" && hasLetter(w) && c.employer == "" {
		c.employer = strings.Trim(w, " :-–—|")
	}
	if len(v.amounts) > 0 {
		c.balance, c.hasBalance, c.at, c.text = v.amounts[0], true, a, line
	}
	if len(v.dates) > 0 {
		c.asOf = v.dates[0]
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

func (p *paster) labelled(a member.Source, line string, segs []segment) {
	for _, s := range segs {
		v := valuesOf(s.text)
		if v.bad != "" {
			p.refuse(a, line, badValue(a, v.bad))
			if p.month != nil && p.month.at.Line == a.Line {
				p.month = nil // the month this line opened goes with it
			}
			return
		}
		p.apply(a, line, s.field, v)
	}
}

// apply sets one labelled value; false if the value is not the field's.
func (p *paster) apply(a member.Source, line, field string, v values) bool {
	c, m := p.cur, p.month
	switch field {
	case "kpj":
		if len(v.kpjs) == 0 {
			return false
		}
		p.closeMonth()
		p.openCard(a, v.kpjs[0])
	case "employer":
		if v.words == "" {
			return false
		}
		c.employer = v.words
	case "balance":
		if len(v.amounts) == 0 {
			return false
		}
		c.balance, c.hasBalance, c.at, c.text = v.amounts[0], true, a, line
		if len(v.dates) > 0 {
			c.asOf = v.dates[0]
		}
	case "asof":
		if len(v.dates) == 0 {
			return false
		}
		c.asOf = v.dates[0]
		if p.cur.kpj == "" && len(p.cards) == 1 {
			p.globalAsOf = v.dates[0]
		}
		if len(v.amounts) > 0 && !c.hasBalance {
			c.balance, c.hasBalance, c.at, c.text = v.amounts[0], true, a, line
		}
	case "status":
		st, ok := parseStatus(v.words)
		if !ok || st == "" {
			return false
		}
		c.status = st
	case "lastpaid":
		switch {
		case len(v.months) > 0:
			c.last = v.months[0]
		case len(v.dates) > 0:
			c.last = member.MonthOf(v.dates[0])
		default:
			return false
		}
		c.lastAt = a
	case "month":
		if len(v.months) == 0 {
			return false
		}
		p.openMonth(a, line, v.months[0])
	case "paydate", "wage", "jht", "backpay":
		if m == nil {
			return false
		}
		switch {
		case field == "paydate" && len(v.dates) > 0:
			m.mc.PaidDate = v.dates[0]
		case field == "wage" && len(v.amounts) > 0:
			m.mc.ReportedWage = v.amounts[0]
		case field == "jht" && len(v.amounts) > 0:
			m.mc.JHT, m.hasJHT = v.amounts[0], true
		case field == "backpay" && len(v.amounts) > 0:
			m.mc.BackPay = v.amounts[0]
		case field == "backpay" && (v.words == "-" || v.words == "0" || v.words == ""):
		default:
			return false
		}
	default:
		return false
	}
	p.facts++
	return true
}

func badValue(a member.Source, s string) *documents.Problem {
	return documents.Errorf("bad_value", a, "%q bukan tanggal, bulan atau jumlah yang ada",
		"%q is not a date, month or amount that exists", shorten(s))
}

func (p *paster) refuse(a member.Source, line string, why *documents.Problem) {
	p.r.b.Refused = append(p.r.b.Refused, documents.Refused{Source: a, Text: shorten(line), Reason: why})
}

// openCard makes kpj the current card: a card already seen, the figures
// read before any KPJ, or a new one.
func (p *paster) openCard(a member.Source, kpj string) {
	for _, c := range p.cards {
		if c.kpj == kpj {
			p.cur = c
			return
		}
	}
	p.r.card(member.KPJCard{KPJ: kpj}) // in the order the text names them
	if p.cur.kpj == "" && len(p.cards) == 1 {
		p.cur.kpj = kpj
		p.facts++
		return
	}
	p.cur = &pasteCard{kpj: kpj, employer: p.nextEmp}
	p.nextEmp = ""
	p.cards = append(p.cards, p.cur)
	p.facts++
}

func (p *paster) openMonth(a member.Source, line string, m time.Time) {
	p.closeMonth()
	p.month = &pasteMonth{mc: member.MonthContribution{Period: m, OnlyJHTJP: true}, at: a, text: line}
	p.facts++
}

// closeMonth adds the month being read to the current card.
func (p *paster) closeMonth() {
	m := p.month
	p.month = nil
	if m == nil {
		return
	}
	switch {
	case p.cur.kpj == "":
		p.orphans = append(p.orphans, m) // the first KPJ, if one comes, is its card
		return
	case !m.hasJHT:
		p.refuse(m.at, m.text, documents.Errorf("empty_cell", m.at, "bulan tanpa iuran JHT", "a month without its JHT amount"))
		return
	}
	p.add(m, p.cur)
}

// add adds a month to a card.
func (p *paster) add(m *pasteMonth, c *pasteCard) {
	m.mc.KPJ, m.mc.EmployerName = c.kpj, c.employer
	if why := p.r.month(m.mc, m.at); why != nil {
		p.refuse(m.at, m.text, why)
		return
	}
	p.r.doc.Rows++
}

// finishCards adds each card, its balance (with its as-of date) and last
// paid month.
func (p *paster) finishCards() {
	for _, m := range p.orphans {
		switch {
		case p.cards[0].kpj == "":
			p.refuse(m.at, m.text, documents.Errorf("no_card", m.at,
				"bulan tanpa nomor KPJ; tempel juga baris nomor KPJ kartunya",
				"a month without a KPJ number; paste its card's KPJ line too"))
		case !m.hasJHT:
			p.refuse(m.at, m.text, documents.Errorf("empty_cell", m.at, "bulan tanpa iuran JHT", "a month without its JHT amount"))
		default:
			p.add(m, p.cards[0])
		}
	}
	for _, c := range p.cards {
		if c.kpj == "" {
			if c.hasBalance {
				p.refuse(c.at, c.text, documents.Errorf("no_card", c.at, "saldo tanpa nomor KPJ",
					"a balance without a KPJ number"))
			}
			continue
		}
		p.r.card(member.KPJCard{KPJ: c.kpj, EmployerName: c.employer, Status: c.status})
		for i := range p.r.b.Months {
			if p.r.b.Months[i].KPJ == c.kpj && p.r.b.Months[i].EmployerName == "" {
				p.r.b.Months[i].EmployerName = c.employer
			}
		}
		p.r.doc.Rows++
		if !c.last.IsZero() {
			p.r.b.LastPaid = append(p.r.b.LastPaid, documents.CardMonth{KPJ: c.kpj, Month: c.last, Source: c.lastAt})
		}
		if !c.hasBalance {
			continue
		}
		asOf := c.asOf
		if asOf.IsZero() {
			asOf = p.globalAsOf
		}
		if asOf.IsZero() {
			p.refuse(c.at, c.text, documents.Errorf("no_date", c.at,
				"saldo kartu %s tanpa tanggal; tempel juga baris \"per ...\" di atas atau di bawah saldo",
				"the balance of card %s has no date; paste the \"per ...\" (as of) line too", c.kpj))
			continue
		}
		src := c.at
		p.r.b.Balances = append(p.r.b.Balances, member.BalanceAccount{KPJ: c.kpj, EmployerName: c.employer,
			Total: c.balance, AsOf: asOf, Source: &src})
		if asOf.After(p.r.doc.PrintedAt) {
			p.r.doc.PrintedAt = asOf
		}
	}
}
