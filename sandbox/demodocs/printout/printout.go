// Package printout writes a BPJSTK yearly statement printout ("INFORMASI
// DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN YYYY") as a PDF, in the
// printout's layout: the header block, the beneficiaries, one row per
// month, "Jumlah", "Akumulasi Iuran JP" and "Summary JHT".
//
// It exists so that the statement reader (documents/statement) is tested,
// and the demo is shown, on documents made by our own generator from
// invented members, never on a real person's printout. The text is set in
// an embedded TrueType font (Go Regular), which fpdf writes as a Type0 CID
// font with a ToUnicode map, as many real printouts are; the content
// streams are compressed. Every page says it is a sample, not an official
// document. Fixed creation dates make the output deterministic.
//
// Layout knobs (Layout) let the tests plant what text extraction meets in
// real files: rows drawn out of order, rows split over two text lines, a
// password, a page with no text layer.
package printout

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Statement is what one printout says. Amounts are in sen (hundredths of
// a rupiah), as the printout writes them: 4,000,000.00 is 400000000.
type Statement struct {
	Year      int
	Printed   time.Time // "Tanggal"
	Branch    string    // "Kantor Cabang"
	OpenedJHT time.Time // "Keps Awal JHT/JP", a month
	OpenedJP  time.Time
	NPP       string
	Division  string
	JPMonths  int    // "Masa Iuran JP : N Bln"
	Employer  string // "Nama Pemberi Kerja"
	Inactive  string // "Ket. Nonaktif": "-" while active
	KPJ       string
	NIK       string
	EmpNo     string // "Nomor Peg.", "-" when none
	Name      string
	Birth     time.Time
	Address   string
	City      string
	// Beneficiaries is the "Susunan Penerima Manfaat JP" block.
	Beneficiaries []Beneficiary
	Rows          []Row
	// Totals is the "Jumlah" line; nil writes the sum of the rows.
	Totals        *Totals
	JPAccumulated int64 // "Akumulasi Iuran JP", sen
	Summary       Summary
}

// Beneficiary is one line of the "Susunan Penerima Manfaat JP" block.
type Beneficiary struct {
	Relation, Name string
	Birth          time.Time
}

// Row is one month of the table.
type Row struct {
	Paid, Period, Posted time.Time // Tgl Setor, BL-TH, Tgl Posting
	Wage, BackPay        int64     // Upah, Rapel (sen)
	JHTEmployer          int64
	JHTWorker            int64
	JPEmployer           int64
	JPWorker             int64
}

// Totals is the "Jumlah" line.
type Totals struct {
	Wage, BackPay, JHTEmployer, JHTWorker, JPEmployer, JPWorker int64
}

// Summary is the "Summary JHT" block (sen).
type Summary struct {
	Opening, Employer, Worker, Development, Closing int64
	ClosingAt                                       time.Time // "Saldo Akhir Per"
}

// Layout chooses how the printout is drawn.
type Layout struct {
	// ShuffleRows draws the rows (and the Jumlah line) into the content
	// stream in a seeded random order, each at its own place on the page.
	ShuffleRows bool
	// SplitRows draws each row's amounts as a separate text line a little
	// below its dates, as some printers' text layers do.
	SplitRows bool
	// SplitAbove draws the split amounts a little above the dates instead.
	SplitAbove bool
	// Password encrypts the file with this user password.
	Password string
	// NoTextLayer draws the page as a scan would: boxes and no text.
	NoTextLayer bool
	// RowsPerPage: 0 takes 18.
	RowsPerPage int
	// Edit, when set, may change a row's ten cells as written (the tests
	// plant impossible dates with it).
	Edit func(row int, cells []string)
}

// Sum is the Jumlah of the rows.
func (s Statement) Sum() Totals {
	var t Totals
	for _, r := range s.Rows {
		t.Wage += r.Wage
		t.BackPay += r.BackPay
		t.JHTEmployer += r.JHTEmployer
		t.JHTWorker += r.JHTWorker
		t.JPEmployer += r.JPEmployer
		t.JPWorker += r.JPWorker
	}
	return t
}

// Amount writes sen the printout's way: 4,000,000.00.
func Amount(sen int64) string {
	neg := sen < 0
	if neg {
		sen = -sen
	}
	whole := fmt.Sprint(sen / 100)
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := fmt.Sprintf("%s.%02d", b.String(), sen%100)
	if neg {
		return "-" + out
	}
	return out
}

const (
	dateFmt   = "02-01-2006"
	monthFmt  = "01-2006"
	rowHeight = 4.6
	// Sample is printed on every page: these files are generated, never
	// BPJS Ketenagakerjaan's.
	Sample = "DOKUMEN CONTOH dari Cek BPJSTK - data fiktif, bukan dokumen resmi BPJS Ketenagakerjaan"
)

// columns of the table: title, width (mm), alignment.
var columns = []struct {
	title string
	w     float64
	align string
}{
	{"No", 10, "C"}, {"Tgl Setor", 22, "C"}, {"BL-TH", 17, "C"}, {"Tgl Posting", 22, "C"},
	{"Upah", 30, "R"}, {"Rapel", 25, "R"}, {"Iuran JHT Pemberi Kerja", 38, "R"},
	{"Iuran JHT TK", 28, "R"}, {"Iuran JP Pemberi Kerja", 36, "R"}, {"Iuran JP TK", 28, "R"},
}

// PDF writes the printout.
func (s Statement) PDF(l Layout) ([]byte, error) {
	if l.RowsPerPage <= 0 {
		l.RowsPerPage = 18
	}
	p := fpdf.New("L", "mm", "A4", "")
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(s.Printed)
	p.SetModificationDate(s.Printed)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(10, 10, 10)
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	if l.Password != "" {
		p.SetProtection(fpdf.CnProtectPrint, l.Password, l.Password+"-owner")
	}
	w := writer{p: p, s: s, l: l, rng: rand.New(rand.NewPCG(uint64(s.Year), 23))}
	if l.NoTextLayer {
		w.scan()
	} else {
		w.write()
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("printout %d: %w", s.Year, err)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("printout %d: %w", s.Year, err)
	}
	return buf.Bytes(), nil
}

type writer struct {
	p   *fpdf.Fpdf
	s   Statement
	l   Layout
	rng *rand.Rand
}

// scan draws what a scanned page holds for a text extractor: shapes, no text.
func (w writer) scan() {
	w.p.AddPage()
	w.p.SetFillColor(230, 230, 230)
	w.p.Rect(10, 10, 277, 12, "F")
	for i := range 14 {
		w.p.Rect(10, 40+float64(i)*rowHeight*2, 277, rowHeight, "D")
	}
}

func (w writer) page() {
	p := w.p
	p.AddPage()
	p.SetFont("go", "", 6.5)
	p.SetTextColor(150, 60, 0)
	p.Text(10, 205, Sample)
	p.SetTextColor(0, 0, 0)
}

func (w writer) write() {
	p, s := w.p, w.s
	w.page()
	p.SetFont("go", "B", 12)
	p.SetXY(10, 10)
	p.CellFormat(277, 7, fmt.Sprintf("INFORMASI DANA DAN USIA PENSIUN PESERTA JHT - JP TAHUN %d", s.Year), "", 1, "C", false, 0, "")
	y := w.header(21)
	y = w.beneficiaries(y + 2)
	y = w.tableHead(y + 3)
	rows := make([]int, len(s.Rows))
	for i := range rows {
		rows[i] = i
	}
	// Pages of rows; on each page the rows' drawing order may be shuffled.
	for start := 0; start < len(rows); start += w.l.RowsPerPage {
		if start > 0 {
			w.page()
			y = w.tableHead(12)
		}
		end := min(start+w.l.RowsPerPage, len(rows))
		order := rows[start:end]
		if w.l.ShuffleRows {
			order = append([]int(nil), order...)
			w.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		for _, i := range order {
			w.row(y+float64(i-start)*rowHeight, i)
		}
		y += float64(end-start) * rowHeight
	}
	if y > 150 {
		w.page()
		y = 12
	}
	w.totals(y)
	w.summary(y + rowHeight + 3)
}

// pair writes "Label : value" as two text objects on one line.
func (w writer) pair(x, y float64, label, value string) {
	w.p.SetXY(x, y)
	w.p.CellFormat(42, 4.5, label, "", 0, "L", false, 0, "")
	w.p.CellFormat(95, 4.5, ": "+value, "", 0, "L", false, 0, "")
}

func (w writer) header(y float64) float64 {
	s := w.s
	w.p.SetFont("go", "", 8)
	inactive := s.Inactive
	if inactive == "" {
		inactive = "-"
	}
	left := [][2]string{
		{"Tanggal", s.Printed.Format(dateFmt)},
		{"Kantor Cabang", s.Branch},
		{"Keps Awal JHT/JP", s.OpenedJHT.Format(monthFmt) + " / " + s.OpenedJP.Format(monthFmt)},
		{"NPP/Divisi", s.NPP + "/" + s.Division},
		{"Masa Iuran JP", fmt.Sprintf("%d Bln", s.JPMonths)},
		{"Nama Pemberi Kerja", s.Employer},
		{"Ket. Nonaktif", inactive},
	}
	empNo := s.EmpNo
	if empNo == "" {
		empNo = "-"
	}
	right := [][2]string{
		{"Nomor Kartu/NIK/Nomor Peg.", s.KPJ + "/" + s.NIK + "/" + empNo},
		{"Nama Peserta", s.Name},
		{"Tanggal Lahir", s.Birth.Format(dateFmt)},
		{"Alamat", s.Address},
		{"Kota/Kabupaten", s.City},
	}
	for i, kv := range left {
		w.pair(10, y+float64(i)*4.5, kv[0], kv[1])
	}
	for i, kv := range right {
		w.pair(150, y+float64(i)*4.5, kv[0], kv[1])
	}
	return y + float64(len(left))*4.5
}

func (w writer) beneficiaries(y float64) float64 {
	p := w.p
	p.SetFont("go", "B", 8)
	p.SetXY(10, y)
	p.CellFormat(100, 4.5, "Susunan Penerima Manfaat JP", "", 1, "L", false, 0, "")
	p.SetFont("go", "", 8)
	y += 4.5
	p.SetXY(10, y)
	for _, h := range []string{"Hubungan", "Nama", "Tgl Lahir"} {
		p.CellFormat(40, 4.5, h, "B", 0, "L", false, 0, "")
	}
	for i, b := range w.s.Beneficiaries {
		p.SetXY(10, y+float64(i+1)*4.5)
		p.CellFormat(40, 4.5, b.Relation, "", 0, "L", false, 0, "")
		p.CellFormat(40, 4.5, b.Name, "", 0, "L", false, 0, "")
		p.CellFormat(40, 4.5, b.Birth.Format(dateFmt), "", 0, "L", false, 0, "")
	}
	return y + float64(len(w.s.Beneficiaries)+1)*4.5
}

func (w writer) tableHead(y float64) float64 {
	p := w.p
	p.SetFont("go", "B", 6.8)
	p.SetFillColor(225, 232, 240)
	p.SetXY(10, y)
	for _, c := range columns {
		p.CellFormat(c.w, 6, c.title, "1", 0, "C", true, 0, "")
	}
	return y + 6
}

func (w writer) cells(y float64, vals []string, border string) {
	p := w.p
	x := 10.0
	for i, v := range vals {
		p.SetXY(x, y)
		p.CellFormat(columns[i].w, rowHeight, v, border, 0, columns[i].align, false, 0, "")
		x += columns[i].w
	}
}

func (w writer) row(y float64, i int) {
	r := w.s.Rows[i]
	w.p.SetFont("go", "", 7.5)
	dates := []string{fmt.Sprint(i + 1), r.Paid.Format(dateFmt), r.Period.Format(monthFmt), r.Posted.Format(dateFmt)}
	nums := []string{Amount(r.Wage), Amount(r.BackPay), Amount(r.JHTEmployer), Amount(r.JHTWorker), Amount(r.JPEmployer), Amount(r.JPWorker)}
	if w.l.Edit != nil {
		cells := append(append([]string(nil), dates...), nums...)
		w.l.Edit(i, cells)
		dates, nums = cells[:4], cells[4:]
	}
	if !w.l.SplitRows {
		w.cells(y, append(dates, nums...), "LR")
		return
	}
	// The amounts sit 1.6 mm lower (or higher): a text extractor sees
	// two lines.
	off := 1.6
	if w.l.SplitAbove {
		off = -1.6
	}
	w.cells(y, append(dates, "", "", "", "", "", ""), "LR")
	w.cells(y+off, append([]string{"", "", "", ""}, nums...), "")
}

func (w writer) totals(y float64) {
	t := w.s.Sum()
	if w.s.Totals != nil {
		t = *w.s.Totals
	}
	w.p.SetFont("go", "B", 7.5)
	w.p.SetXY(10, y)
	w.p.CellFormat(71, rowHeight, "Jumlah", "1", 0, "C", false, 0, "")
	x := 10.0 + 71
	for i, v := range []int64{t.Wage, t.BackPay, t.JHTEmployer, t.JHTWorker, t.JPEmployer, t.JPWorker} {
		w.p.SetXY(x, y)
		w.p.CellFormat(columns[4+i].w, rowHeight, Amount(v), "1", 0, "R", false, 0, "")
		x += columns[4+i].w
	}
}

func (w writer) summary(y float64) {
	p, s := w.p, w.s
	line := func(label string, v int64, bold bool) {
		style := ""
		if bold {
			style = "B"
		}
		p.SetFont("go", style, 8)
		p.SetXY(10, y)
		p.CellFormat(60, 4.5, label, "", 0, "L", false, 0, "")
		p.CellFormat(35, 4.5, Amount(v), "", 0, "R", false, 0, "")
		y += 4.5
	}
	line("Akumulasi Iuran JP", s.JPAccumulated, true)
	y += 2
	p.SetFont("go", "B", 8)
	p.SetXY(10, y)
	p.CellFormat(60, 4.5, "Summary JHT", "", 0, "L", false, 0, "")
	y += 4.5
	line(fmt.Sprintf("Saldo Awal Per 01-01-%d", s.Year), s.Summary.Opening, false)
	line("Iuran JHT Pemberi Kerja", s.Summary.Employer, false)
	line("Iuran JHT Tenaga Kerja", s.Summary.Worker, false)
	line("Hasil Pengembangan", s.Summary.Development, false)
	at := s.Summary.ClosingAt
	if at.IsZero() {
		at = time.Date(s.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	line("Saldo Akhir Per "+at.Format(dateFmt), s.Summary.Closing, true)
}
