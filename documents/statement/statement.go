package statement

import (
	"slices"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Read reads one statement printout. It returns a Problem (never panics)
// when the file cannot be a statement: too large, encrypted, scanned (no
// text layer), truncated, damaged, a stream that inflates without end, not
// a statement, or a statement without its card number or its "Jumlah".
// Rows it cannot take, and rows and summaries that disagree with the
// printout's own totals, are in Bundle.Refused with the reason and place.
func Read(name string, data []byte) (documents.Bundle, error) {
	at := documents.SourceOf(name, data)
	lines, pages, prob := extract(at, data)
	if prob != nil {
		return documents.Bundle{}, prob
	}
	if len(lines) == 0 {
		return documents.Bundle{}, documents.Errorf("no_text_layer", at,
			"PDF ini tidak berisi teks (hasil pindaian atau foto), jadi angkanya tidak bisa dibaca; ketik angkanya di formulir (iuran per bulan dan saldo)",
			"this PDF holds no text (it is a scan or a photo), so its figures cannot be read; type them in the form (the monthly contributions and the balance)")
	}
	p := parseLines(lines)
	if p.year == 0 {
		return documents.Bundle{}, notStatement(at,
			`judul "INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN ..." tidak ada`,
			`the title "INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN ..." is missing`)
	}
	if len(p.rows) > documents.MaxRows {
		return documents.Bundle{}, documents.Errorf("too_many_rows", at,
			"cetakan ini punya lebih dari %d baris", "this printout has more than %d rows", documents.MaxRows)
	}
	h, prob := readHeader(at, p)
	if prob != nil {
		return documents.Bundle{}, prob
	}
	if p.jumlah == nil || len(p.jumlah.sen) != amountCols {
		return documents.Bundle{}, documents.Errorf("no_totals", at,
			`baris "Jumlah" dengan enam angka tidak ditemukan, jadi baris-barisnya tidak bisa diperiksa; mungkin ada halaman yang hilang, berikan cetakan lengkapnya`,
			`no "Jumlah" line with six amounts was found, so the rows cannot be checked; a page may be missing, give the whole printout`)
	}
	b := documents.Bundle{Identity: h.identity}
	months, refused, agree := readRows(at, p, h)
	b.Refused = refused
	b.Months = months
	bal, summaryOK, bRefused := readSummary(at, p, h)
	b.Refused = append(b.Refused, bRefused...)
	b.Cards = []member.KPJCard{h.card}
	if bal != nil {
		b.Balances = []member.BalanceAccount{*bal}
	}
	b.Documents = []documents.Document{{Kind: documents.KindStatement, File: at.File, SHA256: at.SHA256,
		Pages: pages, Rows: len(months), Year: p.year, KPJ: h.card.KPJ, PrintedAt: h.printed,
		TotalsChecked: agree && summaryOK}}
	return b, nil
}

func notStatement(at member.Source, id, en string) *documents.Problem {
	return bilingual("not_statement", at,
		"ini bukan cetakan saldo BPJSTK ("+id+")", "this is not a BPJSTK statement printout ("+en+")")
}

// bilingual is a Problem whose sentences differ by more than their
// arguments.
func bilingual(code string, at member.Source, id, en string) *documents.Problem {
	p := documents.Errorf(code, at, "%s", "%s", id)
	p.EN = en
	return p
}

// header is what the printout's head says.
type header struct {
	printed  time.Time
	card     member.KPJCard
	identity documents.Identity
}

func readHeader(at member.Source, p parsed) (header, *documents.Problem) {
	var h header
	f := func(k string) string { return p.fields[k].value }
	nums := strings.Split(f(fNumbers), "/")
	kpj := strings.TrimSpace(nums[0])
	if !reKPJ().MatchString(kpj) {
		fa := p.fields[fNumbers].at
		return h, documents.Errorf("no_card", *sourceAt(at, fa),
			`"Nomor Kartu/NIK/Nomor Peg." tidak berisi nomor kartu (KPJ) 11 angka`,
			`"Nomor Kartu/NIK/Nomor Peg." holds no 11-digit card number (KPJ)`)
	}
	printed, err := time.Parse("02-01-2006", firstToken(f(fPrinted)))
	if err != nil {
		return h, documents.Errorf("no_print_date", *sourceAt(at, p.fields[fPrinted].at),
			`"Tanggal" (tanggal cetak) tidak terbaca: %q`, `"Tanggal" (the print date) cannot be read: %q`, f(fPrinted))
	}
	h.printed = printed
	h.card = member.KPJCard{KPJ: kpj, EmployerName: f(fEmployer), Status: "aktif"}
	h.card.NPP, _, _ = strings.Cut(f(fNPP), "/")
	h.card.NPP = strings.TrimSpace(h.card.NPP)
	if in := strings.TrimSpace(f(fInactive)); in != "" && in != "-" {
		h.card.Status = "nonaktif"
	}
	if opened, err := time.Parse("01-2006", firstToken(f(fOpened))); err == nil {
		h.card.Opened = opened
	}
	h.identity.Name = f(fName)
	if birth, err := time.Parse("02-01-2006", firstToken(f(fBirth))); err == nil {
		h.identity.BirthDate = birth
	}
	if len(nums) > 1 && reNIK().MatchString(strings.TrimSpace(nums[1])) {
		h.identity.NIK = strings.TrimSpace(nums[1])
	}
	return h, nil
}

func firstToken(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// columnNames name the six amount columns, in both languages.
var columnNames = [amountCols][2]string{
	{"Upah", "Upah (wage)"}, {"Rapel", "Rapel (back pay)"},
	{"Iuran JHT Pemberi Kerja", "Iuran JHT Pemberi Kerja (employer's JHT)"},
	{"Iuran JHT TK", "Iuran JHT TK (worker's JHT)"},
	{"Iuran JP Pemberi Kerja", "Iuran JP Pemberi Kerja (employer's JP)"},
	{"Iuran JP TK", "Iuran JP TK (worker's JP)"},
}

// readRows checks each row, then the columns' sums against "Jumlah". When
// a sum disagrees, no row of the printout is taken: which row is wrong
// cannot be known, and a wrong figure would make the checks accuse the
// employer of what the printout does not say.
func readRows(at member.Source, p parsed, h header) (months []member.MonthContribution, refused []documents.Refused, agree bool) {
	var sums [amountCols]int64
	seenNo, seenPeriod := map[string]bool{}, map[time.Time]bool{}
	for _, lo := range p.loose {
		refused = append(refused, refuse(at, lo.at, lo.text, documents.Errorf("loose_amounts", *sourceAt(at, lo.at),
			"angka tanpa baris bulan (No, Tgl Setor, BL-TH, Tgl Posting)", "amounts without a month's row (No, Tgl Setor, BL-TH, Tgl Posting)")))
	}
	var taken []int // index in months → row
	for i, r := range p.rows {
		src := sourceAt(at, r.at)
		vals := trailingAmounts(r.tokens[4:])
		if len(r.tokens) != 4+amountCols || len(vals) != amountCols {
			refused = append(refused, refuse(at, r.at, r.text, documents.Errorf("bad_row", *src,
				"baris ini tidak berisi enam angka (Upah, Rapel, dua iuran JHT, dua iuran JP)",
				"this row does not hold six amounts (wage, back pay, two JHT and two JP contributions)")))
			continue
		}
		for c, v := range vals {
			sums[c] += v
		}
		m, prob := rowMonth(*src, p, h, r.tokens, vals)
		switch {
		case prob != nil:
		case seenNo[r.tokens[0]]:
			prob = documents.Errorf("duplicate_row", *src, "nomor baris %s muncul dua kali", "row number %s appears twice", r.tokens[0])
		case seenPeriod[m.Period]:
			prob = documents.Errorf("duplicate_month", *src, "bulan %s muncul dua kali di kartu ini (koreksi atau rapel bulan yang sama?); baris ini tidak dipakai",
				"month %s appears twice on this card (a correction or back pay of the same month?); this row is not used", r.tokens[2])
		case slices.ContainsFunc(vals, func(v int64) bool { return v < 0 }):
			prob = documents.Errorf("negative_amount", *src, "baris bulan %s berisi angka negatif (koreksi) tanpa baris bulan itu; baris ini tidak dipakai",
				"the row of %s holds a negative amount (a correction) without that month's own row; this row is not used", r.tokens[2])
		}
		if prob != nil {
			refused = append(refused, refuse(at, r.at, r.text, prob))
			continue
		}
		seenNo[r.tokens[0]], seenPeriod[m.Period] = true, true
		months = append(months, m)
		taken = append(taken, i)
	}
	var diffs []string
	var diffsEN []string
	for c := range amountCols {
		if sums[c] != p.jumlah.sen[c] {
			diffs = append(diffs, columnNames[c][0]+": baris "+rupiah(sums[c]).Format()+", Jumlah "+rupiah(p.jumlah.sen[c]).Format())
			diffsEN = append(diffsEN, columnNames[c][1]+": rows "+rupiah(sums[c]).Format()+", Jumlah "+rupiah(p.jumlah.sen[c]).Format())
		}
	}
	if len(diffs) == 0 {
		slices.SortFunc(months, func(a, b member.MonthContribution) int { return a.Period.Compare(b.Period) })
		return months, refused, true
	}
	jsrc := sourceAt(at, p.jumlah.at)
	reason := bilingual("totals_disagree", *jsrc,
		"jumlah baris-baris tidak sama dengan baris \"Jumlah\" ("+strings.Join(diffs, "; ")+"); tidak ada baris cetakan ini yang dipakai, periksa cetakannya atau ketik angkanya di formulir",
		"the rows do not add up to the \"Jumlah\" line ("+strings.Join(diffsEN, "; ")+"); no row of this printout is used, check the printout or type the figures in the form")
	refused = append(refused, refuse(at, p.jumlah.at, p.jumlah.text, reason))
	for _, i := range taken {
		r := p.rows[i]
		refused = append(refused, refuse(at, r.at, r.text, documents.Errorf("totals_disagree", *sourceAt(at, r.at),
			"tidak dipakai: baris-baris cetakan ini tidak cocok dengan \"Jumlah\" (halaman %d baris %d)",
			"not used: this printout's rows do not add up to its \"Jumlah\" (page %d line %d)", jsrc.Page, jsrc.Line)))
	}
	slices.SortFunc(refused, func(a, b documents.Refused) int {
		if a.Source.Page != b.Source.Page {
			return a.Source.Page - b.Source.Page
		}
		return a.Source.Line - b.Source.Line
	})
	return nil, refused, false
}

// rowMonth checks one row's dates and builds its month.
func rowMonth(src member.Source, p parsed, h header, toks []string, v []int64) (member.MonthContribution, *documents.Problem) {
	var m member.MonthContribution
	paid, err1 := time.Parse("02-01-2006", toks[1])
	period, err2 := time.Parse("01-2006", toks[2])
	posted, err3 := time.Parse("02-01-2006", toks[3])
	switch {
	case err1 != nil || err2 != nil || err3 != nil:
		return m, documents.Errorf("bad_date", src, "tanggal atau bulan yang tidak ada di baris ini (%s %s %s)",
			"a date or month on this row does not exist (%s %s %s)", toks[1], toks[2], toks[3])
	case period.Year() > p.year:
		return m, documents.Errorf("wrong_year", src, "bulan %s sesudah tahun cetakan ini (%d)",
			"month %s is after this printout's year (%d)", toks[2], p.year)
	case period.After(h.printed) || paid.After(h.printed) || posted.After(h.printed):
		return m, documents.Errorf("after_print", src, "baris ini bertanggal sesudah tanggal cetak %s",
			"this row is dated after the print date %s", h.printed.Format("02-01-2006"))
	case posted.Before(paid):
		return m, documents.Errorf("posted_before_paid", src, "Tgl Posting %s sebelum Tgl Setor %s",
			"posted %s before it was paid %s", toks[3], toks[1])
	}
	s := src
	m = member.MonthContribution{Period: period, KPJ: h.card.KPJ, EmployerName: h.card.EmployerName,
		ReportedWage: rupiah(v[0]), BackPay: rupiah(v[1]),
		JHTEmployer: rupiah(v[2]), JHTWorker: rupiah(v[3]), JPEmployer: rupiah(v[4]), JPWorker: rupiah(v[5]),
		PaidDate: paid, PostedDate: posted, Source: &s}
	m.JHT, m.JP = rupiah(v[2]+v[3]), rupiah(v[4]+v[5])
	// The printout shows JHT and JP only (JKK, JKM and JKP are not on it):
	// OnlyJHTJP tells the rules they are unknown, not zero.
	m.Total = m.JHT + m.JP
	m.OnlyJHTJP = true
	return m, nil
}

// readSummary checks the JHT summary (opening + contributions + returns =
// closing, and its contributions against the table's) and makes the
// card's balance.
func readSummary(at member.Source, p parsed, h header) (*member.BalanceAccount, bool, []documents.Refused) {
	open, okO := p.summary["opening"]
	closing, okC := p.summary["closing"]
	dev, okD := p.summary["development"]
	if !okO || !okC || !okD {
		return nil, false, nil
	}
	var employer, worker int64
	e, okE := p.summary["employer"]
	w, okW := p.summary["worker"]
	switch iu, okI := p.summary["iuran"]; {
	case okE && okW:
		employer, worker = e.sen[0], w.sen[0]
	case okI:
		employer, worker = p.jumlah.sen[2], p.jumlah.sen[3]
		if employer+worker != iu.sen[0] {
			return nil, false, []documents.Refused{summaryRefused(at, iu, employer+worker, iu.sen[0])}
		}
	default:
		return nil, false, nil
	}
	if got := open.sen[0] + employer + worker + dev.sen[0]; got != closing.sen[0] {
		return nil, false, []documents.Refused{summaryRefused(at, closing, got, closing.sen[0])}
	}
	if okE && okW && (employer != p.jumlah.sen[2] || worker != p.jumlah.sen[3]) {
		return nil, false, []documents.Refused{summaryRefused(at, e, p.jumlah.sen[2]+p.jumlah.sen[3], employer+worker)}
	}
	if p.openYear != 0 && p.openYear != p.year {
		return nil, false, []documents.Refused{refuse(at, open.at, open.text, documents.Errorf("wrong_year", *sourceAt(at, open.at),
			"Saldo Awal bukan per 1 Januari %d", "the opening balance is not as of 1 January %d", p.year))}
	}
	src := sourceAt(at, closing.at)
	y := member.YearBalance{Year: p.year, Opening: rupiah(open.sen[0]), Employer: rupiah(employer), Worker: rupiah(worker),
		Development: rupiah(dev.sen[0]), Closing: rupiah(closing.sen[0]), Source: src}
	acc := &member.BalanceAccount{KPJ: h.card.KPJ, EmployerName: h.card.EmployerName, Total: y.Closing,
		History: []member.YearBalance{y}, AsOf: h.printed, Source: src}
	if open.sen[0] == 0 {
		// The year holds the whole account: its shares are the card's.
		acc.Employer, acc.Worker, acc.Development = y.Employer, y.Worker, y.Development
	}
	return acc, true, nil
}

func summaryRefused(at member.Source, a amountsAt, want, got int64) documents.Refused {
	return refuse(at, a.at, a.text, documents.Errorf("summary_disagrees", *sourceAt(at, a.at),
		"Summary JHT tidak cocok: dihitung %s, tertulis %s; saldo cetakan ini tidak dipakai",
		"the JHT summary does not add up: computed %s, printed %s; this printout's balance is not used",
		rupiah(want).Format(), rupiah(got).Format()))
}
