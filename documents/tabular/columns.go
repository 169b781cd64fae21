package tabular

import (
	"slices"
	"strings"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// col is one column a layout knows: its key, the names it is shown by in
// messages, whether a file must have it, and how a header is recognised.
// Headers are compared after normalize: lower case, words only, without
// "Rp", units or punctuation ("BPJS TK JHT (2%)" is "bpjs tk jht 2").
type col struct {
	key      string
	id, en   string // the column's name in messages
	required bool
	sum      bool // several columns add up (allowances, other income)
	ignore   bool // recognised and deliberately not read (an employer's share)
	is       func(n string) bool
}

// layout is one kind of table: its columns, in the order a header cell is
// tried against them (the first that matches takes it), and the template
// the app hands out.
type layout struct {
	name     string // "payslips", "jmo_balances", "jmo_months", "employment", "a1"
	kind     documents.Kind
	file     string   // the template's file name
	template []string // the template's header
	cols     []col
}

// oneOf: the header is exactly one of the phrases.
func oneOf(phrases ...string) func(string) bool {
	return func(n string) bool { return slices.Contains(phrases, n) }
}

// hasAny: the header holds one of the words or phrases, whole.
func hasAny(phrases ...string) func(string) bool {
	return func(n string) bool {
		padded := " " + n + " "
		for _, p := range phrases {
			if strings.Contains(padded, " "+p+" ") {
				return true
			}
		}
		return false
	}
}

func either(fs ...func(string) bool) func(string) bool {
	return func(n string) bool {
		for _, f := range fs {
			if f(n) {
				return true
			}
		}
		return false
	}
}

func both(a, b func(string) bool) func(string) bool {
	return func(n string) bool { return a(n) && b(n) }
}

func not(f func(string) bool) func(string) bool { return func(n string) bool { return !f(n) } }

var (
	isEmployer = oneOf("perusahaan", "nama perusahaan", "pemberi kerja", "nama pemberi kerja", "employer",
		"employer name", "company", "company name", "nama pt", "tempat kerja", "kantor")
	isKPJ = either(hasAny("kpj"), oneOf("nomor kartu", "no kartu", "kartu", "card", "card number",
		"kartu peserta", "nomor peserta", "no peserta", "membership number", "nomor kartu peserta"))
	// employerShare: a column of what the employer pays on top (JHT
	// 3,7%, JP 2%, JKK, JKM paid by the company), not a deduction.
	employerShare = hasAny("perusahaan", "pemberi kerja", "employer", "company", "ditanggung perusahaan",
		"ditanggung pemberi kerja", "3 7", "3 70", "2 00 perusahaan")
	isPeriod = oneOf("periode", "periode gaji", "bulan", "bulan gaji", "masa", "masa gaji", "period",
		"pay period", "month", "payroll month", "salary month", "bulan tahun", "bl th", "bln", "bln thn",
		"periode bulan", "bulan iuran", "periode iuran", "contribution month", "iuran bulan")
)

// payslipLayout: one row per month's payslip.
var payslipLayout = layout{
	name: "payslips", kind: documents.KindPayslips, file: "slip-gaji.csv",
	template: []string{"Periode", "Pemberi Kerja", "KPJ", "Gaji Pokok", "Tunjangan Tetap", "Pendapatan Lain",
		"Potongan JHT 2%", "Potongan JP 1%", "BPJS Kesehatan", "Potongan JKK", "Potongan JKM", "PPh 21"},
	cols: []col{
		{key: "period", id: "Periode", en: "Period", required: true, is: isPeriod},
		{key: "employer", id: "Pemberi Kerja", en: "Employer", is: isEmployer},
		{key: "kpj", id: "KPJ", en: "KPJ", is: isKPJ},
		{key: "basic", id: "Gaji Pokok", en: "Basic wage", required: true,
			is: hasAny("pokok", "basic", "basic salary", "basic wage", "basic pay", "base salary")},
		{key: "other", id: "Pendapatan Lain", en: "Other income", sum: true,
			is: hasAny("tidak tetap", "not fixed", "variable", "lembur", "overtime", "bonus", "insentif",
				"incentive", "thr", "komisi", "commission", "pendapatan lain", "penghasilan lain", "other income",
				"lain lain", "transport", "uang makan", "tunjangan makan", "tunjangan lain", "other allowance",
				"other allowances", "allowance other", "tunjangan kehadiran", "uang kehadiran", "premi")},
		{key: "fixed", id: "Tunjangan Tetap", en: "Fixed allowances", sum: true,
			is: hasAny("tunjangan tetap", "fixed allowance", "fixed allowances", "tunjangan jabatan",
				"tunjangan keluarga", "tunjangan masa kerja", "tunjangan anak", "tunjangan istri", "position allowance",
				"family allowance")},
		{key: "employer_share", ignore: true, is: both(employerShare,
			hasAny("jht", "hari tua", "jp", "pensiun", "pension", "jkk", "jkm", "kecelakaan", "kematian",
				"kesehatan", "bpjs", "jkn", "health", "iuran", "premi"))},
		{key: "health", id: "BPJS Kesehatan", en: "BPJS Kesehatan (health)",
			is: hasAny("kesehatan", "bpjs kes", "bpjs ks", "jkn", "health", "kes")},
		{key: "jkk", id: "Potongan JKK", en: "JKK deduction",
			is: hasAny("jkk", "kecelakaan kerja", "kecelakaan", "work accident", "work injury", "employment injury")},
		{key: "jkm", id: "Potongan JKM", en: "JKM deduction",
			is: hasAny("jkm", "kematian", "death")},
		{key: "jht", id: "Potongan JHT", en: "JHT deduction",
			is: hasAny("jht", "hari tua", "old age", "tht")},
		{key: "jp", id: "Potongan JP", en: "JP deduction",
			is: hasAny("jp", "pensiun", "pension", "iuran pensiun")},
		{key: "tax", id: "PPh 21", en: "Income tax (PPh 21)",
			is: hasAny("pph", "pph21", "pph 21", "pajak", "tax", "income tax")},
	},
}

var (
	isBalance = either(hasAny("saldo", "balance"), oneOf("jumlah saldo", "total"))
	isAsOf    = either(oneOf("per", "per tanggal", "tanggal", "tanggal saldo", "data per", "as of", "as at",
		"date", "tanggal data", "update", "diperbarui", "terakhir diperbarui", "last updated", "balance date",
		"tgl", "tanggal cetak", "saldo per"), hasAny("as of", "per tanggal"))
	isLastPaid = either(hasAny("terakhir", "last paid", "last contribution", "last month"),
		oneOf("bulan terakhir", "pembayaran terakhir", "last payment"))
)

// jmoBalanceLayout: what JMO shows beside each card: its JHT balance and
// the date it was true, the card's status and its last paid month.
var jmoBalanceLayout = layout{
	name: "jmo_balances", kind: documents.KindJMO, file: "jmo-saldo.csv",
	template: []string{"KPJ", "Pemberi Kerja", "Saldo JHT", "Per Tanggal", "Status", "Iuran Terakhir"},
	cols: []col{
		{key: "kpj", id: "KPJ", en: "KPJ", required: true, is: isKPJ},
		{key: "employer", id: "Pemberi Kerja", en: "Employer", is: isEmployer},
		{key: "lastpaid", id: "Iuran Terakhir", en: "Last paid month", is: isLastPaid},
		{key: "development", id: "Hasil Pengembangan", en: "Returns",
			is: hasAny("pengembangan", "development", "returns", "bunga", "interest")},
		{key: "asof", id: "Per Tanggal", en: "As of", required: true, is: isAsOf},
		{key: "balance", id: "Saldo JHT", en: "JHT balance", required: true, is: isBalance},
		{key: "status", id: "Status", en: "Status",
			is: oneOf("status", "status kepesertaan", "status kartu", "membership status", "card status", "keterangan")},
	},
}

// jmoMonthLayout: JMO's monthly list of a card.
var jmoMonthLayout = layout{
	name: "jmo_months", kind: documents.KindJMO, file: "jmo-iuran.csv",
	template: []string{"KPJ", "Bulan", "Tanggal Bayar", "Upah", "Iuran JHT", "Rapel"},
	cols: []col{
		{key: "kpj", id: "KPJ", en: "KPJ", required: true, is: isKPJ},
		{key: "employer", id: "Pemberi Kerja", en: "Employer", is: isEmployer},
		{key: "month", id: "Bulan", en: "Month", required: true, is: isPeriod},
		{key: "posted", id: "Tanggal Posting", en: "Posting date", is: hasAny("posting", "posted", "dibukukan")},
		{key: "paydate", id: "Tanggal Bayar", en: "Payment date",
			is: either(hasAny("bayar", "setor", "pembayaran", "payment", "paid", "deposit"),
				oneOf("tanggal", "tgl", "date"))},
		{key: "backpay", id: "Rapel", en: "Back pay", is: hasAny("rapel", "back pay", "backpay", "arrears")},
		{key: "wage", id: "Upah", en: "Wage",
			is: either(hasAny("upah", "wage", "salary"), oneOf("gaji", "gaji dilaporkan"))},
		{key: "jht", id: "Iuran JHT", en: "JHT amount", required: true,
			is: either(hasAny("jht", "hari tua", "old age"), oneOf("iuran", "jumlah iuran", "contribution",
				"amount", "jumlah", "nominal", "nominal iuran"))},
		// The app's own statement CSV (rules/statement.CSV) also gives
		// JP, JKK and JKM; they are read when present.
		{key: "jp", id: "Iuran JP", en: "JP amount", is: hasAny("jp", "pensiun", "pension")},
		{key: "jkk", id: "JKK", en: "JKK", is: hasAny("jkk")},
		{key: "jkm", id: "JKM", en: "JKM", is: hasAny("jkm")},
	},
}

var endReasonIs = oneOf("alasan berhenti", "alasan", "alasan keluar", "alasan berakhir", "reason",
	"end reason", "reason for leaving", "reason for ending", "sebab berhenti", "jenis berhenti",
	"status berhenti", "keterangan", "ket", "alasan phk")

// employmentLayout: one row per job behind a card.
var employmentLayout = layout{
	name: "employment", kind: documents.KindEmployment, file: "pekerjaan.csv",
	template: []string{"KPJ", "Pemberi Kerja", "NPP", "Mulai Bekerja", "Tanggal Berhenti", "Alasan Berhenti"},
	cols: []col{
		{key: "kpj", id: "KPJ", en: "KPJ", required: true, is: isKPJ},
		{key: "employer", id: "Pemberi Kerja", en: "Employer", required: true, is: isEmployer},
		{key: "npp", id: "NPP", en: "NPP", is: either(hasAny("npp"), oneOf("nomor pendaftaran perusahaan"))},
		{key: "reason", id: "Alasan Berhenti", en: "Reason", is: endReasonIs},
		{key: "start", id: "Mulai Bekerja", en: "Start", required: true,
			is: oneOf("mulai bekerja", "tanggal mulai bekerja", "tanggal mulai", "mulai", "tmt", "tanggal masuk",
				"masuk", "masuk kerja", "tanggal masuk kerja", "start", "start date", "from", "started", "joined",
				"hire date", "date joined", "awal kerja", "awal bekerja", "bergabung", "tanggal bergabung", "dari")},
		{key: "end", id: "Tanggal Berhenti", en: "End",
			is: oneOf("tanggal berhenti", "berhenti", "berhenti bekerja", "selesai", "tanggal selesai", "selesai bekerja",
				"tanggal keluar", "keluar", "akhir", "akhir kerja", "akhir bekerja", "tanggal akhir", "end", "end date",
				"ended", "until", "to", "left", "date left", "last day", "sampai", "hingga", "tanggal resign")},
		{key: "flag_phk", id: "PHK", en: "Dismissed (PHK)",
			is: oneOf("phk", "di phk", "pemutusan hubungan kerja", "dismissed", "laid off", "terminated")},
		{key: "flag_resign", id: "Mengundurkan diri", en: "Resigned",
			is: oneOf("mengundurkan diri", "resign", "resigned", "pengunduran diri", "berhenti sendiri")},
		{key: "flag_contract", id: "Kontrak berakhir", en: "Contract ended",
			is: oneOf("kontrak habis", "kontrak berakhir", "habis kontrak", "pkwt berakhir", "pkwt habis",
				"contract end", "contract ended", "end of contract", "akhir kontrak")},
	},
}

// a1Layout: the yearly "iuran pensiun atau iuran THT/JHT" of the 1721-A1
// tax slip.
var a1Layout = layout{
	name: "a1", kind: documents.KindEmployment, file: "1721-a1.csv",
	template: []string{"Tahun", "Pemberi Kerja", "KPJ", "Iuran Pensiun atau JHT"},
	cols: []col{
		{key: "year", id: "Tahun", en: "Year", required: true,
			is: oneOf("tahun", "year", "tahun pajak", "tax year", "tahun a1", "masa pajak", "thn")},
		{key: "employer", id: "Pemberi Kerja", en: "Employer", is: isEmployer},
		{key: "kpj", id: "KPJ", en: "KPJ", is: isKPJ},
		{key: "amount", id: "Iuran Pensiun atau JHT", en: "Pension or JHT contribution", required: true,
			is: either(hasAny("pensiun", "pension", "jht", "tht", "a1", "1721"),
				oneOf("jumlah", "amount", "iuran", "potongan", "nominal"))},
	},
}

// layouts in the order a tie is decided.
var layouts = []*layout{&payslipLayout, &jmoMonthLayout, &jmoBalanceLayout, &employmentLayout, &a1Layout}

// mapping is a header matched against a layout: the columns of each key,
// what was found and what is missing.
type mapping struct {
	l        *layout
	idx      map[string][]int
	found    []string // the header cells, as written
	missing  []col
	dup      []string // a column that appears twice where one is read
	matched  int
	required int
}

func (l *layout) match(header []string) mapping {
	m := mapping{l: l, idx: map[string][]int{}}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		m.found = append(m.found, h)
		n := normalize(h)
		for _, c := range l.cols {
			if !c.is(n) {
				continue
			}
			if !c.ignore {
				if len(m.idx[c.key]) > 0 && !c.sum {
					m.dup = append(m.dup, h)
					break
				}
				m.idx[c.key] = append(m.idx[c.key], i)
				m.matched++
			}
			break
		}
	}
	for _, c := range l.cols {
		if !c.required {
			continue
		}
		if len(m.idx[c.key]) == 0 {
			m.missing = append(m.missing, c)
		} else {
			m.required++
		}
	}
	return m
}

// better says whether m fits its header better than o.
func (m mapping) better(o mapping) bool {
	if (len(m.missing) == 0) != (len(o.missing) == 0) {
		return len(m.missing) == 0
	}
	// Of two complete layouts, the one that reads more of the header
	// (a payslip's KPJ, month and JHT deduction also fit JMO's list).
	if len(m.missing) > 0 && m.required != o.required {
		return m.required > o.required
	}
	return m.matched > o.matched
}

// problem says which columns are missing and which were found.
func (m mapping) problem(at member.Source) *documents.Problem {
	var ids, ens []string
	for _, c := range m.missing {
		ids, ens = append(ids, c.id), append(ens, c.en)
	}
	found := strings.Join(m.found, ", ")
	if found == "" {
		found = "-"
	}
	p := documents.Errorf("missing_columns", at, "", "")
	p.ID = "kolom " + strings.Join(ids, ", ") + " tidak ada (" + layoutName(m.l, member.ID) + "); kolom yang ada: " + found
	p.EN = "column " + strings.Join(ens, ", ") + " missing (" + layoutName(m.l, member.EN) + "); columns found: " + found
	return p
}

func layoutName(l *layout, lang member.Lang) string {
	names := map[string][2]string{
		"payslips":     {"slip gaji", "payslips"},
		"jmo_balances": {"saldo JMO", "JMO balances"},
		"jmo_months":   {"iuran bulanan JMO", "JMO monthly list"},
		"employment":   {"data pekerjaan", "employment facts"},
		"a1":           {"1721-A1", "1721-A1"},
	}
	if lang == member.EN {
		return names[l.name][1] + ", template " + l.file
	}
	return names[l.name][0] + ", templat " + l.file
}
