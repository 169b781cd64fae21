package book

import (
	"github.com/cekbpjstk/cekbpjstk/documents"
)

// Source is one file (or pasted text) to import: its name and bytes.
type Source struct {
	Name string
	Data []byte
}

// FilePreview is what one file of an import holds.
type FilePreview struct {
	Name     string
	Document documents.Document // the reader's record (kind, rows, totals checked); zero when unread
	Rows     int                // rows read
	Refused  []documents.Refused
	// Problem is why the file cannot be read at all (its sentence in both
	// languages, with the place).
	Problem *documents.Problem
	// Kept: the book keeps this document already (the same SHA-256);
	// importing it again changes nothing.
	Kept bool
	// Typed: the figures were typed by the member in one of the book's
	// forms (no original document); Typed previews come from Typed.
	Typed bool
}

// Preview is an import read but not stored: what each file holds, and
// what the book would add. Nothing is stored until the member confirms
// it (internal/app ConfirmImport).
type Preview struct {
	Files []FilePreview
	// Problem refuses the whole import: documents of another member than
	// the book's, or figures that contradict what the book holds, or
	// over the limits.
	Problem *documents.Problem
	// Rows are the rows the import adds; Docs the originals it keeps.
	Rows []Row
	Docs []NewDoc
}

// NewDoc is an original document an import keeps, with its record.
type NewDoc struct {
	Doc  Doc
	Body []byte
}

// Importable reports whether confirming the preview would add anything:
// an original document, or figures the member typed.
func (p Preview) Importable() bool { return p.Problem == nil && (len(p.Docs) > 0 || len(p.Rows) > 0) }

// Typed is the preview of figures the member typed in one of the book's
// forms (a JMO balance, a month): rows with no document (Doc ""), like
// Upah saya's typed rows, named name. It goes through the same preview
// and ConfirmImport as a file; nothing is stored before the member
// confirms it.
func Typed(name string, b documents.Bundle) Preview {
	rows := RowsOf(b, "")
	return Preview{Files: []FilePreview{{Name: name, Rows: len(rows), Typed: true}}, Rows: rows}
}

// Refused counts the rows every file refused.
func (p Preview) Refused() int {
	n := 0
	for _, f := range p.Files {
		n += len(f.Refused)
	}
	return n
}
