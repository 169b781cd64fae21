// Package read turns the files a member holds into one member's
// documents: File picks the reader for a file by its content (a PDF is a
// BPJSTK statement printout, text is a CSV or pasted JMO figures), Merge
// puts what several files say together (refusing files of two members and
// figures that contradict each other), and Model gives what the rules read
// (the same shapes the server path fills).
//
// Like every reader it reads only the bytes it is given: no file system,
// no network, nothing stored.
package read

import (
	"bytes"

	"github.com/cekbpjstk/cekbpjstk/documents"
)

// reader is one format File knows.
type reader struct {
	sniff func(data []byte) bool
	read  func(name string, data []byte) (documents.Bundle, error)
}

// readers are tried in order; the first whose sniff says yes reads the
// file (readers.go lists them).
var readers []reader

// isPDF: every PDF starts with "%PDF-" (ISO 32000-1 §7.5.2), give or take
// a few bytes of junk some producers put before it; readers allow 1024.
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// File reads one file with the reader its content calls for. The error is
// a *documents.Problem that names the file.
func File(name string, data []byte) (documents.Bundle, error) {
	at := documents.SourceOf(name, data)
	switch {
	case len(data) > documents.MaxFileBytes:
		return documents.Bundle{}, documents.Errorf("too_large", at,
			"berkas ini %d MB, lebih dari batas %d MB; sebuah dokumen BPJSTK atau slip gaji jauh lebih kecil",
			"this file is %d MB, over the %d MB limit; a BPJSTK document or payslip is far smaller",
			len(data)>>20, documents.MaxFileBytes>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return documents.Bundle{}, documents.Errorf("empty", at, "berkas ini kosong", "this file is empty")
	}
	for _, r := range readers {
		if r.sniff(data) {
			return r.read(name, data)
		}
	}
	return documents.Bundle{}, documents.Errorf("unknown_format", at,
		"berkas ini bukan PDF laporan BPJSTK, CSV, atau teks; gunakan PDF cetakan saldo, atau CSV dari templat (cekbpjstk periksa --templates DIR)",
		"this file is neither a BPJSTK statement PDF, a CSV nor text; use the statement PDF, or a CSV made from the templates (cekbpjstk periksa --templates DIR)")
}
