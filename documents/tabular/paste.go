package tabular

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Text pasted from JMO's screen is read by pattern, line by line, in any
// order (what is accepted is listed in PasteFormats):
//
//   - an 11-digit KPJ starts (or returns to) a card; text beside it is
//     the employer, an amount its balance, a date its as-of date;
//   - "label: value", "label value" or a label alone with its value on
//     the next line, for the labels in pasteLabels (Saldo JHT, per
//     tanggal, Status, Iuran terakhir, Pemberi kerja, Bulan, Tanggal bayar,
//     Upah, Iuran JHT, Rapel, and their English names);
//   - a line that starts with a month (optionally after a row number) is
//     one month of the card's list: its date is the payment date and its
//     amounts, unlabelled, are the JHT amount (one), the wage and the JHT
//     amount (two) or the wage, JHT amount and back pay (three); labelled
//     lines below it fill it until the next month;
//   - "Aktif"/"Nonaktif" alone is the card's status, a line starting
//     with PT, CV, Koperasi, Yayasan, Perum or UD its employer.
//
// Everything else (headings, buttons, menus) is skipped. Figures before the
// first KPJ belong to the first card.

// PasteFormats describes, in each language, what pasted text may hold.
var PasteFormats = map[member.Lang]string{
	member.ID: "Teks dari layar JMO, baris demi baris: nomor KPJ (11 angka) dengan nama pemberi kerja; " +
		"\"Saldo JHT Rp 18.234.567\"; \"per 30-11-2026\" atau \"per 30 November 2026\"; \"Status: Aktif\"; " +
		"\"Iuran terakhir: Oktober 2026\"; lalu satu baris per bulan: \"Oktober 2026  10-11-2026  Rp 5.955.000  Rp 339.435  Rp 0\" " +
		"(bulan, tanggal bayar, upah, iuran JHT, rapel) atau bulan diikuti baris berlabel \"Upah\", \"Iuran JHT\", \"Tanggal bayar\", \"Rapel\". " +
		"Label boleh di baris sendiri dengan nilainya di baris berikutnya. Tabel dari lembar kerja (dipisah tab) dibaca seperti CSV.",
	member.EN: "Text from JMO's screen, line by line: the KPJ number (11 digits) with the employer's name; " +
		"\"Saldo JHT Rp 18.234.567\" (or \"JHT balance\"); \"per 30-11-2026\" or \"as of 30 November 2026\"; \"Status: Aktif\"; " +
		"\"Iuran terakhir: Oktober 2026\" (or \"Last paid\"); then one line per month: \"October 2026  10-11-2026  Rp 5.955.000  Rp 339.435  Rp 0\" " +
		"(month, payment date, wage, JHT amount, back pay) or a month followed by lines labelled \"Wage\", \"JHT\", \"Payment date\", \"Back pay\". " +
		"A label may stand on its own line with its value on the next. A table from a spreadsheet (tab-separated) is read as a CSV.",
}

// pasteLabels: the labels of pasted text and what they name.
var pasteLabels = map[string]string{
	"saldo jht": "balance", "total saldo": "balance", "saldo": "balance", "jumlah saldo": "balance",
	"jht balance": "balance", "balance": "balance", "total balance": "balance", "saldo akhir": "balance",
	"per tanggal": "asof", "saldo per": "asof", "data per": "asof", "as of": "asof", "per": "asof",
	"update terakhir": "asof", "diperbarui": "asof", "last updated": "asof", "as at": "asof",
	"status kepesertaan": "status", "status": "status",
	"iuran terakhir": "lastpaid", "bulan iuran terakhir": "lastpaid", "pembayaran terakhir": "lastpaid",
	"bulan terakhir": "lastpaid", "last paid": "lastpaid", "last contribution": "lastpaid", "last paid month": "lastpaid",
	"pemberi kerja": "employer", "nama perusahaan": "employer", "perusahaan": "employer", "employer": "employer",
	"company":   "employer",
	"nomor kpj": "kpj", "no kpj": "kpj", "no. kpj": "kpj", "kpj": "kpj", "nomor kartu": "kpj", "no. kartu": "kpj",
	"no kartu": "kpj", "kartu": "kpj", "card": "kpj", "card number": "kpj", "nomor peserta": "kpj",
	"periode": "month", "bulan": "month", "month": "month", "period": "month", "bl-th": "month", "blth": "month",
	"tanggal bayar": "paydate", "tgl bayar": "paydate", "tanggal setor": "paydate", "tgl setor": "paydate",
	"tanggal pembayaran": "paydate", "dibayar": "paydate", "paid on": "paydate", "payment date": "paydate",
	"tanggal posting": "paydate",
	"upah":            "wage", "wage": "wage", "gaji": "wage", "upah dilaporkan": "wage", "reported wage": "wage",
	"iuran jht": "jht", "jht": "jht", "iuran": "jht", "jht amount": "jht", "contribution": "jht", "nominal": "jht",
	"rapel": "backpay", "back pay": "backpay",
}

var monthAlt = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return strings.Join(names, "|")
}()

var (
	reDate = documents.Regexp(`(?i)\b(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+(?:` + monthAlt + `)\.?\s+\d{4})\b`)
	reMon  = documents.Regexp(`(?i)\b(?:(?:` + monthAlt + `)\.?(?:\s+\d{4}|-\d{4}|-\d{2})|\d{1,2}[-/]\d{4}|\d{4}[-/]\d{1,2})\b`)
	reKPJ  = documents.Regexp(`\b\d{11}\b`)
	reAmt  = documents.Regexp(`(?i)(?:\brp\.?|\bidr)\s*-?\s*\d[\d.,]*|-?\b\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?\b|-?\b\d{5,}\b`)
	rePct  = documents.Regexp(`\d+(?:[.,]\d+)?\s*%`)
	reRow  = documents.Regexp(`^\d{1,3}[.)]?\s+`)
	reLbl  = sync.OnceValue(func() *regexp.Regexp {
		ls := make([]string, 0, len(pasteLabels))
		for l := range pasteLabels {
			ls = append(ls, regexp.QuoteMeta(l))
		}
		slices.SortFunc(ls, func(a, b string) int {
			if len(a) != len(b) {
				return len(b) - len(a)
			}
			return strings.Compare(a, b)
		})
		return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.Join(ls, "|") + `)\b`)
	})
	employerStart = documents.Regexp(`(?i)^(?:pt\.?|cv\.?|koperasi|yayasan|perum|ud\.?|persero)\s+\S`)
)

// values are what one piece of a line holds.
type values struct {
	dates   []time.Time
	months  []time.Time
	kpjs    []string
	amounts []member.Rupiah
	words   string // what is left, without punctuation at its ends
	bad     string // a date that does not exist, or an amount that is not one
}

func valuesOf(s string) values {
	var v values
	cut := func(re *regexp.Regexp, f func(string)) {
		s = re.ReplaceAllStringFunc(s, func(m string) string { f(m); return " " })
	}
	cut(reDate(), func(m string) {
		if d, e := parseDate(m); e == dateOK {
			v.dates = append(v.dates, d)
		} else if v.bad == "" {
			v.bad = m
		}
	})
	cut(reKPJ(), func(m string) { v.kpjs = append(v.kpjs, m) })
	cut(reMon(), func(m string) {
		if d, e := parseMonth(strings.ReplaceAll(m, ".", " ")); e == dateOK {
			v.months = append(v.months, d)
		} else if v.bad == "" {
			v.bad = m
		}
	})
	cut(rePct(), func(string) {})
	cut(reAmt(), func(m string) {
		m = strings.TrimRight(m, ".,")
		if n, e := parseAmount(m); e == amountOK {
			v.amounts = append(v.amounts, n)
		} else if v.bad == "" {
			v.bad = m
		}
	})
	v.words = strings.Trim(strings.Join(strings.Fields(s), " "), " :-–—|=/,.")
	return v
}

func (v values) empty() bool {
	return len(v.dates)+len(v.months)+len(v.kpjs)+len(v.amounts) == 0 && v.words == "" && v.bad == ""
}

// segment is a piece of a line: its label's field ("" before the first
// label) and the text after it.
type segment struct {
	field string
	text  string
}

func segments(line string) []segment {
	locs := reLbl().FindAllStringSubmatchIndex(line, -1)
	segs := []segment{{text: line}}
	if len(locs) == 0 {
		return segs
	}
	segs[0].text = line[:locs[0][2]]
	for i, l := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][2]
		}
		segs = append(segs, segment{field: pasteLabels[strings.ToLower(line[l[2]:l[3]])], text: line[l[3]:end]})
	}
	return segs
}

// looksPasted says whether lines read as text pasted from JMO: a KPJ, or
// a balance or month with an amount.
func looksPasted(lines []string) bool {
	_, recognised, err := readPasted(member.Source{}, lines)
	return recognised && err == nil
}
