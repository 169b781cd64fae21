package tabular

import "strings"

// Templates are the CSV templates the app hands out (cekbpjstk periksa
// --templates DIR), by file name: the header alone, separated by ';' and
// with a UTF-8 BOM, the way an Indonesian spreadsheet opens and saves it.
// Each reads back as its own kind (with "only the header" until a row is
// added).
func Templates() map[string][]byte {
	out := make(map[string][]byte, len(layouts))
	for _, l := range layouts {
		out[l.file] = []byte("\uFEFF" + strings.Join(l.template, ";") + "\r\n")
	}
	return out
}
