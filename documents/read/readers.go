package read

import "github.com/cekbpjstk/cekbpjstk/documents/statement"

func init() {
	readers = append(readers, reader{sniff: isPDF, read: statement.Read})
}
