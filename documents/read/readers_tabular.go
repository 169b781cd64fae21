package read

import "github.com/cekbpjstk/cekbpjstk/documents/tabular"

// Every text file (not a PDF) goes to the tabular reader: payslips, JMO
// figures and employment facts as CSV (the templates), or JMO's figures as
// pasted text. It tells them apart by their headers, and it is the one to
// say why a text is none of them (which columns are missing, which were
// found).
func init() {
	readers = append(readers, reader{sniff: func(data []byte) bool { return !isPDF(data) && tabular.LooksText(data) }, read: tabular.Read})
}
