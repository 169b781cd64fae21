package evidence

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// CSVHeader is the header row of the pack's CSV, each column named in
// Indonesian and English.
var CSVHeader = []string{"Bulan / Month", "KPJ", "Pemberi kerja / Employer",
	"Dipotong JHT / Deducted JHT", "Dipotong JP / Deducted JP", "Dipotong / Deducted",
	"Masuk JHT pekerja / Credited JHT worker", "Masuk JP pekerja / Credited JP worker", "Masuk / Credited",
	"Selisih / Gap", "Tanggal setor / Paid in on", "Catatan / Note", "Slip gaji / Payslip", "Kartu / Card"}

// CSV writes the pack's months, one row a month, and the totals, in the
// statement CSV's form (rules/statement): UTF-8 with a byte-order mark,
// semicolons, CRLF, months YYYY-MM, dates YYYY-MM-DD, whole rupiah without
// separators; the KPJ masked as in the PDF. The last two columns name the
// file (and line) each figure came from.
func CSV(in Input) ([]byte, error) {
	p, err := Build(in)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	_ = w.Write(CSVHeader)
	for _, m := range p.Months {
		paid := ""
		if !m.Paid.IsZero() {
			paid = m.Paid.Format("2006-01-02")
		}
		ded := []string{"", "", ""}
		if m.HasPayslip {
			ded = []string{n(m.DeductedJHT), n(m.DeductedJP), n(m.Deducted)}
		}
		cred := []string{"", "", ""}
		if m.HasCredit {
			cred = []string{n(m.CreditedJHT), n(m.CreditedJP), n(m.Credited)}
		}
		row := []string{m.Month.Format("2006-01"), p.KPJ, textCell(p.Employer)}
		row = append(row, ded...)
		row = append(row, cred...)
		row = append(row, n(m.Gap), paid, note(m).both(), textCell(where(m.Source)), textCell(where(m.CardSource)))
		_ = w.Write(row)
	}
	_ = w.Write([]string{txtTotal.both(), p.KPJ, textCell(p.Employer), "", "", n(p.Deducted), "", "", n(p.Credited), n(p.Gap), "", "", "", ""})
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
