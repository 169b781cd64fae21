package read

import "github.com/cekbpjstk/cekbpjstk/documents/statement"

// A PDF is a statement printout; text goes to the tabular reader
// (readers_tabular.go).
func init() {
	readers = append(readers, reader{sniff: isPDF, read: statement.Read})
}
