package book

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// The whole book, exported so that the member owns their data (UU 27/2022
// tentang Pelindungan Data Pribadi, Pasal 13 ayat (1): the right to obtain one's
// data in a commonly used, machine-readable form): one JSON of everything
// (the identity, every row with the document it came from, the documents'
// records) and one CSV a kind of row, as Indonesian spreadsheets read them
// (semicolons, a BOM), amounts as whole rupiah, dates as YYYY-MM-DD,
// months as YYYY-MM, with the originals beside them.

// ExportJSON is the export's JSON file's name; the CSVs and the folder of
// originals (ExportDocs) sit beside it.
const (
	ExportJSON = "catatan.json"
	ExportDocs = "dokumen"
)

// exported is the JSON's shape.
type exported struct {
	Exported  time.Time `json:"exported"`
	Identity  Identity  `json:"identity"`
	Rows      []Row     `json:"rows"`
	Documents []Doc     `json:"documents"`
}

// Export is the book's files by name (a name under ExportDocs for each
// original); originals are the kept documents' bytes by name.
func Export(c Contents, originals []Source, now time.Time) (map[string][]byte, error) {
	files := map[string][]byte{}
	j, err := json.MarshalIndent(exported{Exported: now, Identity: c.Identity(), Rows: c.Rows, Documents: c.Docs}, "", "  ")
	if err != nil {
		return nil, err
	}
	files[ExportJSON] = j
	names := map[string]string{}
	for _, d := range c.Docs {
		names[d.Document.SHA256] = d.Document.File
	}
	tables := map[string][][]string{}
	add := func(file string, header []string, row []string) {
		if tables[file] == nil {
			tables[file] = [][]string{header}
		}
		tables[file] = append(tables[file], row)
	}
	for _, r := range c.Rows {
		src := r.Source()
		from := []string{names[r.Doc], strconv.Itoa(src.Page), strconv.Itoa(src.Line)}
		switch {
		case r.Card != nil:
			add("kartu.csv", []string{"kpj", "pemberi_kerja", "npp", "dokumen", "halaman", "baris"},
				append([]string{r.Card.KPJ, r.Card.EmployerName, r.Card.NPP}, from...))
		case r.Month != nil:
			m := r.Month
			add("iuran.csv", []string{"bulan", "kpj", "pemberi_kerja", "upah", "rapel", "jht_pemberi_kerja", "jht_tenaga_kerja", "jp_pemberi_kerja", "jp_tenaga_kerja",
				"jkk", "jkm", "tgl_setor", "tgl_posting", "dokumen", "halaman", "baris"},
				append([]string{m.Period.Format("2006-01"), m.KPJ, m.EmployerName, rp(m.ReportedWage), rp(m.BackPay), rp(m.JHTEmployer), rp(m.JHTWorker),
					rp(m.JPEmployer), rp(m.JPWorker), rp(m.JKK), rp(m.JKM), day(m.PaidDate), day(m.PostedDate)}, from...))
		case r.Balance != nil:
			b := r.Balance
			add("saldo.csv", []string{"per", "kpj", "pemberi_kerja", "saldo", "dokumen", "halaman", "baris"},
				append([]string{day(b.AsOf), b.KPJ, b.EmployerName, rp(b.Total)}, from...))
		case r.Payslip != nil:
			p := r.Payslip
			add("slip-gaji.csv", []string{"bulan", "pemberi_kerja", "kpj", "gaji_pokok", "tunjangan_tetap", "lainnya", "potongan_jht", "potongan_jp",
				"potongan_kesehatan", "potongan_jkk", "potongan_jkm", "pph21", "dokumen", "halaman", "baris"},
				append([]string{p.Period.Format("2006-01"), p.Employer, p.KPJ, rp(p.BasicWage), rp(p.FixedAllowances), rp(p.OtherIncome),
					rp(p.DeductJHT), rp(p.DeductJP), rp(p.DeductHealth), rp(p.DeductJKK), rp(p.DeductJKM), rp(p.DeductTax)}, from...))
		case r.Employment != nil:
			e := r.Employment
			add("pekerjaan.csv", []string{"kpj", "pemberi_kerja", "npp", "mulai", "berhenti", "alasan", "dokumen", "halaman", "baris"},
				append([]string{e.KPJ, e.Employer, e.NPP, day(e.Start), day(e.End), string(e.Reason)}, from...))
		case r.A1 != nil:
			a := r.A1
			add("a1.csv", []string{"tahun", "pemberi_kerja", "kpj", "potongan", "dokumen", "halaman", "baris"},
				append([]string{strconv.Itoa(a.Year), a.Employer, a.KPJ, rp(a.Amount)}, from...))
		case r.LastPaid != nil:
			add("bulan-terakhir.csv", []string{"kpj", "bulan_terakhir_dibayar", "dokumen", "halaman", "baris"},
				append([]string{r.LastPaid.KPJ, r.LastPaid.Month.Format("2006-01")}, from...))
		case r.Claim != nil:
			k := r.Claim
			add("klaim.csv", []string{"id", "kpj", "program", "jenis", "diajukan", "jumlah", "status", "dokumen"},
				[]string{k.ID, k.KPJ, k.Program, k.Type, day(k.Submitted), rp(k.Amount), k.Status, names[r.Doc]})
		}
	}
	for _, d := range c.Docs {
		add("dokumen.csv", []string{"berkas", "jenis", "sha256", "tahun", "kpj", "dicetak", "diimpor", "baris", "jumlah_cocok"},
			[]string{d.Document.File, string(d.Document.Kind), d.Document.SHA256, strconv.Itoa(d.Document.Year), d.Document.KPJ,
				day(d.Document.PrintedAt), day(d.Imported), strconv.Itoa(d.Document.Rows), strconv.FormatBool(d.Document.TotalsChecked)})
	}
	for name, rows := range tables {
		b, err := writeCSV(rows)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	for _, o := range originals {
		files[path.Join(ExportDocs, safeName(o.Name))] = o.Data
	}
	return files, nil
}

func rp(r member.Rupiah) string { return strconv.FormatInt(int64(r), 10) }

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// writeCSV writes rows with semicolons after a BOM; a text cell a
// spreadsheet would take for a formula (=, +, -, @, tab, CR) gets a
// leading apostrophe (OWASP's CSV injection advice).
func writeCSV(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	for _, row := range rows {
		out := make([]string, len(row))
		for i, cell := range row {
			out[i] = guard(cell)
		}
		if err := w.Write(out); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func guard(cell string) string {
	if cell == "" {
		return cell
	}
	if _, err := strconv.ParseInt(cell, 10, 64); err == nil {
		return cell // a number, negative ones (corrections) included
	}
	if strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// safeName keeps a document's name to its base, without separators a
// file system would take as folders.
func safeName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "." || name == "/" || name == ".." || name == "" {
		return "dokumen"
	}
	return name
}
