package statement

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// CSVHeader is the header row of the CSV statement.
var CSVHeader = []string{"Periode", "KPJ", "Pemberi kerja", "Upah dilaporkan",
	"JHT", "JP", "JKK", "JKM", "JKP", "Total", "Tanggal bayar"}

// CSV writes the period's contributions, one row a month and KPJ, oldest
// first. The file is UTF-8 with a byte-order mark and semicolons between
// fields: Excel set to Indonesian uses the comma as its decimal mark and
// opens such a file in columns, with the names' accents intact. Periods are
// YYYY-MM, payment dates YYYY-MM-DD, amounts whole rupiah without
// separators, so every spreadsheet reads them as numbers. Total is what
// employer and worker paid (JHT, JP, JKK, JKM), as on the member's record;
// JKP is funded by the government and shown apart.
func CSV(in Input) ([]byte, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true // what Excel writes and expects
	rp := func(r member.Rupiah) string { return strconv.FormatInt(int64(r), 10) }
	_ = w.Write(CSVHeader)
	for _, m := range in.Months() {
		paid := ""
		if !m.PaidDate.IsZero() {
			paid = m.PaidDate.Format("2006-01-02")
		}
		_ = w.Write([]string{m.Period.Format("2006-01"), m.KPJ, m.EmployerName,
			rp(m.ReportedWage), rp(m.JHT), rp(m.JP), rp(m.JKK), rp(m.JKM), rp(m.JKP), rp(m.Total), paid})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
