package evidence

import (
	"bytes"
	"strconv"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
	"github.com/go-pdf/fpdf"
)

// PDF writes the pack as an A4 document with the original documents
// attached (document-level file attachments; every PDF reader with an
// attachments panel shows them) and listed with their SHA-256.
func PDF(in Input) ([]byte, error) { return buildPDF(in, true) }

// buildPDF is PDF with the content streams optionally left uncompressed
// (the attachments are always compressed).
func buildPDF(in Input, compress bool) ([]byte, error) {
	p, err := Build(in)
	if err != nil {
		return nil, err
	}
	w := newWriter(p, compress)
	w.identity()
	w.summary()
	w.findings()
	w.table()
	w.law()
	w.documents(in.Documents)
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writer is the document under construction, with the statement PDF's
// setup (rules/statement): the core fonts, which speak cp1252 and so hold
// every Indonesian letter, "–" and the "•" of masked numbers.
type writer struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
	p   Pack
}

const (
	margin  = 12.0
	bodyW   = 210 - 2*margin
	lineH   = 4.6
	bottomM = 16.0
)

func newWriter(p Pack, compress bool) *writer {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(p.GeneratedAt)
	pdf.SetModificationDate(p.GeneratedAt)
	w := &writer{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), p: p}
	pdf.SetTitle(txtTitle.ID, true)
	pdf.SetSubject(txtTitle.EN, true)
	pdf.SetCreator("Cek BPJSTK", true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, bottomM)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "I", 7)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(150, 4, w.tr("Cek BPJSTK – "+txtTitle.ID+" / "+txtTitle.EN), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 4, w.tr(txtPage.both()+" "+strconv.Itoa(pdf.PageNo())+" / {nb}"), "", 0, "R", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 14)
	pdf.CellFormat(0, 7, w.tr(txtTitle.ID), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "I", 11)
	pdf.CellFormat(0, 6, w.tr(txtTitle.EN), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 8)
	pdf.SetTextColor(150, 60, 0)
	w.para(txtDisclaimer.ID, "")
	w.para(txtDisclaimer.EN, "I")
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(2)
	return w
}

// para writes a paragraph in the body's width.
func (w *writer) para(s, style string) {
	size, _ := w.pdf.GetFontSize()
	w.pdf.SetFont("Helvetica", style, size)
	w.pdf.MultiCell(0, lineH, w.tr(s), "", "L", false)
}

// pair writes a text in Indonesian, then in English in italics.
func (w *writer) pair(b bi, size float64) {
	w.pdf.SetFont("Helvetica", "", size)
	w.para(b.ID, "")
	if b.EN != b.ID {
		w.para(b.EN, "I")
	}
}

func (w *writer) heading(b bi) {
	if _, h := w.pdf.GetPageSize(); w.pdf.GetY()+20 > h-bottomM {
		w.pdf.AddPage()
	}
	w.pdf.Ln(2)
	w.pdf.SetFont("Helvetica", "B", 11)
	w.pdf.CellFormat(0, 6.5, w.tr(b.both()), "B", 1, "L", false, 0, "")
	w.pdf.Ln(1)
}

func (w *writer) identity() {
	p := w.p
	period := member.FormatMonth(member.ID, p.From) + " – " + member.FormatMonth(member.ID, p.To)
	if en := member.FormatMonth(member.EN, p.From) + " – " + member.FormatMonth(member.EN, p.To); en != period {
		period += " / " + en
	}
	made := member.FormatDate(member.ID, p.GeneratedAt)
	if en := member.FormatDate(member.EN, p.GeneratedAt); en != made {
		made += " / " + en
	}
	rows := []struct {
		label bi
		value string
	}{
		{txtName, p.Name}, {txtNIK, orDash(p.NIK)}, {txtKPJ, p.KPJ}, {txtEmployer, orDash(p.Employer)},
		{txtNPP, orDash(p.NPP)}, {txtPeriod, period}, {txtMade, made},
	}
	for _, r := range rows {
		w.pdf.SetFont("Helvetica", "B", 9)
		w.pdf.CellFormat(42, 5.2, w.tr(r.label.both()), "", 0, "L", false, 0, "")
		w.pdf.SetFont("Helvetica", "", 9)
		w.pdf.MultiCell(0, 5.2, w.tr(r.value), "", "L", false)
	}
	w.pdf.SetFont("Helvetica", "I", 7.5)
	w.pdf.MultiCell(0, 4, w.tr(txtMasked.both()), "", "L", false)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (w *writer) summary() {
	w.heading(txtSummary)
	for _, r := range []struct {
		label bi
		n     int64
		bold  bool
	}{{txtDeducted, w.p.Deducted, false}, {txtCredited, w.p.Credited, false}, {txtExcess, w.p.JPExcess, false}, {txtGap, w.p.Gap, true}} {
		if r.label == txtExcess && r.n == 0 {
			continue
		}
		style := ""
		if r.bold {
			style = "B"
		}
		w.pdf.SetFont("Helvetica", style, 9)
		w.pdf.CellFormat(140, 5.5, w.tr(r.label.both()), "", 0, "L", false, 0, "")
		w.pdf.CellFormat(0, 5.5, w.tr(member.Rupiah(r.n).Format()), "", 1, "R", false, 0, "")
	}
}

func (w *writer) findings() {
	w.heading(txtFindings)
	if len(w.p.Findings) == 0 {
		w.pair(txtNoFinding, 9)
		return
	}
	for i, f := range w.p.Findings {
		r := f.Rule()
		w.pdf.SetFont("Helvetica", "B", 9)
		title := strconv.Itoa(i+1) + ". " + f.Kind.Title(member.ID) + " / " + f.Kind.Title(member.EN)
		if f.Amount > 0 {
			title += ": " + member.Rupiah(f.Amount).Format()
		}
		w.pdf.MultiCell(0, 5, w.tr(title), "", "L", false)
		w.pdf.SetFont("Helvetica", "", 8.5)
		w.para(f.Summary(member.ID), "")
		w.para(f.Summary(member.EN), "I")
		w.pdf.SetFont("Helvetica", "", 7.5)
		w.pdf.SetTextColor(60, 60, 60)
		w.para(txtRule.ID+": "+r.Text(member.ID)+" "+txtBasis.ID+": "+r.Citation(member.ID)+".", "")
		w.para(txtRule.EN+": "+r.Text(member.EN)+" "+txtBasis.EN+": "+r.Citation(member.EN)+".", "I")
		w.pdf.SetTextColor(0, 0, 0)
		w.pdf.Ln(1.5)
	}
}

var (
	tableW  = []float64{27, 30, 30, 25, 21, 53}
	tableAl = "LRRRLL"
)

func (w *writer) row(cells []string, style string, fill bool) {
	w.pdf.SetFont("Helvetica", style, 8)
	if fill {
		w.pdf.SetFillColor(225, 236, 228)
	}
	for i, c := range cells {
		ln := 0
		if i == len(cells)-1 {
			ln = 1
		}
		w.pdf.CellFormat(tableW[i], 5.2, w.tr(c), "1", ln, string(tableAl[i]), fill, 0, "")
	}
}

func (w *writer) tableHead() {
	w.row([]string{colMonth.ID, colDeducted.ID, colCredited.ID, colGap.ID, colPaid.ID, colNote.ID}, "B", true)
	w.row([]string{colMonth.EN, colDeducted.EN, colCredited.EN, colGap.EN, colPaid.EN, colNote.EN}, "BI", true)
}

func (w *writer) table() {
	w.heading(txtTable)
	w.tableHead()
	for _, m := range w.p.Months {
		if _, h := w.pdf.GetPageSize(); w.pdf.GetY()+2*5.2 > h-bottomM {
			w.pdf.AddPage()
			w.tableHead()
		}
		paid := ""
		if !m.Paid.IsZero() {
			paid = m.Paid.Format("02-01-2006")
		}
		deducted, credited := "-", "-"
		if m.HasPayslip {
			deducted = member.Rupiah(m.Deducted).Format()
		}
		if m.HasCredit {
			credited = member.Rupiah(m.Credited).Format()
		}
		w.row([]string{member.FormatMonth(member.ID, m.Month), deducted, credited, member.Rupiah(m.Gap).Format(), paid, note(m).both()}, "", false)
	}
	w.row([]string{txtTotal.both(), member.Rupiah(w.p.Deducted).Format(), member.Rupiah(w.p.Credited).Format(),
		member.Rupiah(w.p.Gap).Format(), "", ""}, "B", false)
}

// note is a month's remark: no payslip, nothing credited, not yet due.
func note(m payslip.LedgerMonth) bi {
	switch {
	case m.NotYetDue:
		return noteNotDue
	case !m.HasPayslip:
		return noteNoSlip
	case !m.HasCredit:
		return noteNoCredit
	case m.JPExcess > 0:
		return noteJPExcess
	}
	return bi{}
}

func (w *writer) law() {
	w.heading(txtLaw)
	w.pair(txtLaw19, 8.5)
	w.pdf.Ln(1)
	w.pair(txtLaw55, 8.5)
	w.heading(txtWhere)
	for i, s := range txtSteps {
		n := strconv.Itoa(i+1) + ". "
		w.pair(bi{n + s.ID, n + s.EN}, 8.5)
		w.pdf.Ln(1)
	}
}

func (w *writer) documents(docs []Document) {
	w.heading(txtDocs)
	if len(docs) == 0 {
		w.pair(txtNoDocs, 8.5)
		return
	}
	w.pair(txtDocsNote, 8)
	w.pdf.Ln(1)
	var attach []fpdf.Attachment
	for i, d := range w.p.Documents {
		w.pdf.SetFont("Helvetica", "B", 8.5)
		w.pdf.MultiCell(0, lineH, w.tr(strconv.Itoa(i+1)+". "+d.Name+" ("+strconv.Itoa(d.Size)+" byte)"), "", "L", false)
		w.pdf.SetFont("Courier", "", 7.5)
		w.pdf.MultiCell(0, lineH, "SHA-256 "+d.SHA256, "", "L", false)
		if d.Attached {
			attach = append(attach, fpdf.Attachment{Content: docs[i].Content, Filename: d.Name, Description: "SHA-256 " + d.SHA256})
		} else {
			w.pdf.SetFont("Helvetica", "I", 8)
			w.pdf.MultiCell(0, lineH, w.tr(txtNotAttached.both()), "", "L", false)
		}
	}
	w.pdf.SetAttachments(attach)
}
