package statement

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/go-pdf/fpdf"
)

// Disclaimer is printed on every page of the PDF.
const Disclaimer = "Dokumen ini dibuat oleh aplikasi Cek BPJSTK dari data akun Anda dan bukan dokumen resmi BPJS Ketenagakerjaan."

// TotalNote explains the Total column.
const TotalNote = "Total adalah iuran yang dibayar pemberi kerja dan pekerja (JHT, JP, JKK, JKM). Iuran JKP dibiayai pemerintah dan tidak termasuk dalam Total."

// PDF writes the statement as an A4 landscape document: who, which period,
// when it was made and how fresh the data is, the JHT balance per KPJ with
// the years of the period, then every month's contribution with totals.
func PDF(in Input) ([]byte, error) { return buildPDF(in, true) }

// buildPDF is PDF with the content streams optionally left uncompressed, so
// tests can find the text objects.
func buildPDF(in Input, compress bool) ([]byte, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(in.GeneratedAt)
	pdf.SetModificationDate(in.GeneratedAt)
	// The core fonts speak cp1252, which holds every Indonesian letter
	// and the "•" of masked numbers.
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetTitle("Rincian Saldo JHT dan Iuran", true)
	pdf.SetCreator("Cek BPJSTK", true)
	pdf.SetMargins(12, 12, 12)
	pdf.SetAutoPageBreak(true, 16)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "I", 7.5)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, tr(Disclaimer), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 4, tr("Halaman "+strconv.Itoa(pdf.PageNo())+" dari {nb}"), "", 0, "R", false, 0, "")
	})
	pdf.AddPage()

	pdf.SetFont("Helvetica", "B", 15)
	pdf.SetTextColor(0, 0, 0)
	pdf.CellFormat(0, 8, tr("Rincian Saldo JHT dan Iuran"), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 9)
	pdf.SetTextColor(150, 60, 0)
	pdf.MultiCell(0, 4.5, tr(Disclaimer), "", "L", false)
	pdf.Ln(2)

	pdf.SetTextColor(0, 0, 0)
	kpjs := in.kpjs()
	kpjText := ""
	for i, k := range kpjs {
		if i > 0 {
			kpjText += ", "
		}
		kpjText += k
	}
	rows := [][2]string{
		{"Nama", in.Member.FullName},
		{"NIK", in.Member.NIKMasked},
		{"KPJ", kpjText},
		{"Periode", formatMonth(in.From) + " - " + formatMonth(in.To)},
		{"Data per", formatDateTime(in.AsOf)},
		{"Dibuat", formatDateTime(in.GeneratedAt)},
	}
	for _, r := range rows {
		pdf.SetFont("Helvetica", "B", 9.5)
		pdf.CellFormat(28, 5.5, tr(r[0]), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 9.5)
		pdf.CellFormat(0, 5.5, tr(r[1]), "", 1, "L", false, 0, "")
	}
	pdf.Ln(3)

	// JHT balance.
	heading := func(text string) {
		pdf.SetFont("Helvetica", "B", 11.5)
		pdf.CellFormat(0, 7, tr(text), "", 1, "L", false, 0, "")
	}
	table := func(widths []float64, aligns string, cells []string, bold, fill bool) {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont("Helvetica", style, 8)
		if fill {
			pdf.SetFillColor(225, 236, 228)
		}
		for i, c := range cells {
			ln := 0
			if i == len(cells)-1 {
				ln = 1
			}
			pdf.CellFormat(widths[i], 5.5, tr(c), "1", ln, string(aligns[i]), fill, 0, "")
		}
	}
	heading("Saldo JHT per " + formatDate(in.Balance.AsOf))
	bw := []float64{30, 70, 40, 40, 40, 40}
	table(bw, "LLRRRR", []string{"KPJ", "Pemberi kerja", "Iuran pemberi kerja", "Iuran pekerja", "Hasil pengembangan", "Saldo"}, true, true)
	for _, a := range in.Balance.Accounts {
		table(bw, "LLRRRR", []string{a.KPJ, a.EmployerName, a.Employer.Format(), a.Worker.Format(),
			a.Development.Format(), a.Total.Format()}, false, false)
	}
	table(bw, "LLRRRR", []string{"Jumlah", "", "", "", "", in.Balance.Total.Format()}, true, false)
	pdf.Ln(3)

	// The period's years of each card's history.
	type yearRow struct {
		kpj string
		y   member.YearBalance
	}
	var years []yearRow
	for _, a := range in.Balance.Accounts {
		for _, y := range a.History {
			if y.Year >= in.From.Year() && y.Year <= in.To.Year() {
				years = append(years, yearRow{a.KPJ, y})
			}
		}
	}
	if len(years) > 0 {
		sort.SliceStable(years, func(i, j int) bool {
			if years[i].y.Year != years[j].y.Year {
				return years[i].y.Year < years[j].y.Year
			}
			return years[i].kpj < years[j].kpj
		})
		heading("Perkembangan saldo JHT per tahun")
		yw := []float64{20, 30, 45, 45, 45, 45}
		table(yw, "LLRRRR", []string{"Tahun", "KPJ", "Iuran pemberi kerja", "Iuran pekerja", "Hasil pengembangan", "Saldo akhir tahun"}, true, true)
		for _, r := range years {
			table(yw, "LLRRRR", []string{strconv.Itoa(r.y.Year), r.kpj, r.y.Employer.Format(), r.y.Worker.Format(),
				r.y.Development.Format(), r.y.Closing.Format()}, false, false)
		}
		pdf.Ln(3)
	}

	// Contributions.
	heading("Iuran " + formatMonth(in.From) + " - " + formatMonth(in.To))
	cw := []float64{27, 24, 46, 26, 22, 20, 18, 18, 18, 24, 30}
	al := "LLLRRRRRRRL"
	pdf.SetFont("Helvetica", "B", 8)
	head := func() { table(cw, al, CSVHeader, true, true) }
	head()
	months := in.Months()
	if len(months) == 0 {
		pdf.SetFont("Helvetica", "I", 8)
		pdf.CellFormat(sum(cw), 5.5, tr("Tidak ada iuran pada periode ini."), "1", 1, "L", false, 0, "")
	}
	for _, m := range months {
		// Break before the automatic break would, to repeat the header.
		if _, pageH := pdf.GetPageSize(); pdf.GetY()+2*5.5 > pageH-16 {
			pdf.AddPage()
			head()
		}
		table(cw, al, []string{formatMonth(m.Period), m.KPJ, m.EmployerName, m.ReportedWage.Format(),
			m.JHT.Format(), m.JP.Format(), m.JKK.Format(), m.JKM.Format(), m.JKP.Format(),
			m.Total.Format(), formatDate(m.PaidDate)}, false, false)
	}
	t := in.Totals()
	table(cw, al, []string{"Jumlah", "", "", t.ReportedWage.Format(), t.JHT.Format(), t.JP.Format(),
		t.JKK.Format(), t.JKM.Format(), t.JKP.Format(), t.Total.Format(), ""}, true, false)
	pdf.Ln(2)
	pdf.SetFont("Helvetica", "I", 8)
	pdf.MultiCell(0, 4, tr(TotalNote), "", "L", false)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}
