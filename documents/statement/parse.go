package statement

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The printout's patterns. Text extraction may split a line, join two, or
// give them in another order, so every figure is found by what it looks
// like, never by where it is.
var (
	reTitle = documents.Regexp(`(?i)INFORMASI\s+DANA\s+DAN\s+USIA\s+PENSIUN\s+PESERTA\s+JHT\s*-\s*JP\s+TAHUN\s+(\d{4})`)
	// reLabel finds the header's "Label :" pairs; longer labels first, so
	// "Tanggal Lahir" is not read as "Tanggal".
	reLabel    = documents.Regexp(`(?i)(Nomor\s+Kartu\s*/\s*NIK\s*/\s*Nomor\s+Peg\.?|Nama\s+Pemberi\s+Kerja|Keps\s+Awal\s+JHT\s*/\s*JP|Masa\s+Iuran\s+JP|Kota\s*/\s*Kabupaten|Tanggal\s+Lahir|Kantor\s+Cabang|Ket\.?\s+Nonaktif|Nama\s+Peserta|NPP\s*/\s*Divisi|Tanggal|Alamat)\s*:`)
	reAmount   = documents.Regexp(`^(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})$`)
	reAmountID = documents.Regexp(`^(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})$`)
	reDate     = documents.Regexp(`^\d{2}-\d{2}-\d{4}$`)
	reMonth    = documents.Regexp(`^\d{2}-\d{4}$`)
	reNo       = documents.Regexp(`^\d{1,4}$`)
	reKPJ      = documents.Regexp(`^\d{11}$`)
	reNIK      = documents.Regexp(`^\d{16}$`)
	reSpace    = documents.Regexp(`\s+`)
	reTableTop = documents.Regexp(`(?i)Tgl\s+Setor.*BL-TH`)
)

// The header's fields, by a key of their label.
const (
	fPrinted   = "tanggal"
	fBranch    = "kantor cabang"
	fOpened    = "keps awal"
	fNPP       = "npp"
	fJPMonths  = "masa iuran jp"
	fEmployer  = "nama pemberi kerja"
	fInactive  = "ket. nonaktif"
	fNumbers   = "nomor kartu"
	fName      = "nama peserta"
	fBirth     = "tanggal lahir"
	fAddress   = "alamat"
	fCity      = "kota"
	amountCols = 6
)

func fieldKey(label string) string {
	l := strings.ToLower(reSpace().ReplaceAllString(label, " "))
	for _, k := range []string{fNumbers, fEmployer, fOpened, fJPMonths, fCity, fBirth, fBranch, fName, fNPP, fAddress} {
		if strings.HasPrefix(l, k) {
			return k
		}
	}
	if strings.HasPrefix(l, "ket") {
		return fInactive
	}
	return fPrinted
}

type field struct {
	value string
	at    line
}

// rowRead is one table row as read: its tokens and where it stands.
type rowRead struct {
	at     line
	text   string
	tokens []string
}

// amountsAt is a labelled line of amounts (Jumlah, a summary line).
type amountsAt struct {
	at   line
	sen  []int64
	text string
}

// parsed is what the lines of a printout say, before any check.
type parsed struct {
	year     int
	fields   map[string]field
	rows     []rowRead
	loose    []amountsAt // lines of amounts that belong to no row
	jumlah   *amountsAt
	jpAccum  *amountsAt
	summary  map[string]amountsAt // "opening", "employer", "worker", "iuran", "development", "closing"
	openYear int                  // the year of "Saldo Awal Per 01-01-YYYY"
}

// parseLines sorts the printout's lines into header fields, rows, totals
// and the JHT summary. The beneficiaries' block ("Susunan Penerima Manfaat
// JP": spouse, children, parents) is skipped unread.
func parseLines(lines []line) parsed {
	p := parsed{fields: map[string]field{}, summary: map[string]amountsAt{}}
	var all strings.Builder
	for _, l := range lines {
		all.WriteString(l.text)
		all.WriteByte(' ')
	}
	if m := reTitle().FindStringSubmatch(all.String()); m != nil {
		p.year, _ = strconv.Atoi(m[1])
	}
	inBeneficiaries, inSummary := false, false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		lower := strings.ToLower(l.text)
		switch {
		case strings.Contains(lower, "susunan penerima manfaat"):
			inBeneficiaries = true
			continue
		case reTableTop().MatchString(l.text):
			inBeneficiaries = false
			continue
		case inBeneficiaries:
			continue
		}
		toks := strings.Fields(l.text)
		switch {
		case isRowStart(toks):
			r := rowRead{at: l, tokens: toks, text: l.text}
			// A row split over two lines: its amounts on the line below
			// or, drawn higher, on the line above, whichever is nearer.
			if need := 4 + amountCols - len(toks); need > 0 {
				next := i+1 < len(lines) && lines[i+1].page == l.page && amountsOnly(lines[i+1].text, need)
				n := len(p.loose)
				prev := n > 0 && len(p.loose[n-1].sen) == need && p.loose[n-1].at.no == l.no-1 && p.loose[n-1].at.page == l.page
				if prev && next && math.Abs(lines[i+1].y-l.y) < math.Abs(p.loose[n-1].at.y-l.y) {
					prev = false
				}
				switch {
				case prev:
					r.tokens = append(r.tokens, strings.Fields(p.loose[n-1].text)...)
					r.text += " " + p.loose[n-1].text
					p.loose = p.loose[:n-1]
				case next:
					i++
					r.tokens = append(r.tokens, strings.Fields(lines[i].text)...)
					r.text += " " + lines[i].text
				}
			}
			p.rows = append(p.rows, r)
		case strings.HasPrefix(lower, "jumlah"):
			a := amountsAt{at: l, text: l.text, sen: trailingAmounts(toks[1:])}
			if len(a.sen) < amountCols && i+1 < len(lines) && amountsOnly(lines[i+1].text, amountCols-len(a.sen)) {
				i++
				a.sen = append(a.sen, trailingAmounts(strings.Fields(lines[i].text))...)
				a.text += " " + lines[i].text
			}
			if p.jumlah == nil {
				p.jumlah = &a
			}
		case strings.Contains(lower, "akumulasi iuran jp"):
			if v := trailingAmounts(toks); len(v) > 0 && p.jpAccum == nil {
				p.jpAccum = &amountsAt{at: l, text: l.text, sen: v[len(v)-1:]}
			}
		case strings.Contains(lower, "summary jht"):
			inSummary = true
		case inSummary && summaryLine(&p, l, lower, toks):
		case amountsOnly(l.text, 0):
			p.loose = append(p.loose, amountsAt{at: l, text: l.text, sen: trailingAmounts(toks)})
		default:
			p.headerFields(l)
		}
	}
	return p
}

// summaryLine reads one line of the JHT summary; false if it is none.
func summaryLine(p *parsed, l line, lower string, toks []string) bool {
	v := trailingAmounts(toks)
	if len(v) == 0 {
		return false
	}
	key := ""
	switch {
	case strings.Contains(lower, "saldo awal"):
		key = "opening"
		for _, t := range toks {
			if reDate().MatchString(t) {
				if d, err := time.Parse("02-01-2006", t); err == nil {
					p.openYear = d.Year()
				}
			}
		}
	case strings.Contains(lower, "saldo akhir"):
		key = "closing"
	case strings.Contains(lower, "pengembangan"):
		key = "development"
	case strings.Contains(lower, "iuran") && (strings.Contains(lower, "pemberi kerja") || strings.Contains(lower, " pk")):
		key = "employer"
	case strings.Contains(lower, "iuran") && (strings.Contains(lower, "tenaga kerja") || strings.Contains(lower, " tk")):
		key = "worker"
	case strings.Contains(lower, "iuran"):
		key = "iuran"
	default:
		return false
	}
	if _, dup := p.summary[key]; !dup {
		p.summary[key] = amountsAt{at: l, text: l.text, sen: v[len(v)-1:]}
	}
	return true
}

// headerFields takes the "Label : value" pairs of a line; a value runs to
// the next label. The first of each label wins.
func (p *parsed) headerFields(l line) {
	locs := reLabel().FindAllStringSubmatchIndex(l.text, -1)
	for i, loc := range locs {
		end := len(l.text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key := fieldKey(l.text[loc[2]:loc[3]])
		if _, ok := p.fields[key]; !ok {
			p.fields[key] = field{value: strings.TrimSpace(l.text[loc[1]:end]), at: l}
		}
	}
}

func isRowStart(toks []string) bool {
	return len(toks) >= 4 && reNo().MatchString(toks[0]) && reDate().MatchString(toks[1]) &&
		reMonth().MatchString(toks[2]) && reDate().MatchString(toks[3])
}

// amountsOnly says a line holds only amounts (exactly n of them, when n >
// 0).
func amountsOnly(text string, n int) bool {
	toks := strings.Fields(text)
	if len(toks) == 0 || (n > 0 && len(toks) != n) {
		return false
	}
	for _, t := range toks {
		if _, ok := amount(t); !ok {
			return false
		}
	}
	return true
}

// trailingAmounts are the amounts at the end of the tokens.
func trailingAmounts(toks []string) []int64 {
	i := len(toks)
	for i > 0 {
		if _, ok := amount(toks[i-1]); !ok {
			break
		}
		i--
	}
	out := make([]int64, 0, len(toks)-i)
	for _, t := range toks[i:] {
		v, _ := amount(t)
		out = append(out, v)
	}
	return out
}

// amount reads "4,000,000.00" as sen (hundredths of a rupiah); a
// printout saved with Indonesian number settings writes "4.000.000,00". A
// correction may be negative ("-285,000.00").
func amount(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	m := reAmount().FindStringSubmatch(s)
	if m == nil {
		m = reAmountID().FindStringSubmatch(s)
	}
	if m == nil || len(m[1]) > 19 {
		return 0, false
	}
	whole, err := strconv.ParseInt(strings.Map(func(r rune) rune {
		if r == ',' || r == '.' {
			return -1
		}
		return r
	}, m[1]), 10, 64)
	if err != nil || whole > 1e15 {
		return 0, false
	}
	frac, _ := strconv.ParseInt(m[2], 10, 64)
	if neg {
		return -(whole*100 + frac), true
	}
	return whole*100 + frac, true
}

// rupiah rounds sen to whole rupiah, half away from zero (the model holds
// rupiah).
func rupiah(sen int64) member.Rupiah {
	if sen < 0 {
		return -rupiah(-sen)
	}
	return member.Rupiah((sen + 50) / 100)
}

func sourceAt(base member.Source, l line) *member.Source {
	s := base
	s.Page, s.Line = l.page, l.no
	return &s
}

func refuse(base member.Source, l line, text string, p *documents.Problem) documents.Refused {
	return documents.Refused{Source: *sourceAt(base, l), Text: text, Reason: p}
}
