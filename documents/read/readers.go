package read

import (
	"bytes"

	"github.com/cekbpjstk/cekbpjstk/documents/statement"
	"github.com/cekbpjstk/cekbpjstk/documents/tabular"
)

func init() {
	readers = append(readers,
		reader{sniff: isPDF, read: statement.Read},
		reader{sniff: isTabular, read: tabular.Read},
	)
}

// isTabular: a table or text the tabular reader knows by its header (or
// JMO's pasted lines), or any other text, which it reads to say what is
// wrong with it (wrong columns, no header) better than "unknown". UTF-16
// (a spreadsheet's "Unicode text") is text with NUL bytes.
func isTabular(data []byte) bool {
	if _, ok := tabular.Sniff(data); ok {
		return true
	}
	return isText(data) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}
