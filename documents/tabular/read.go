// Package tabular reads the member's own tables: payslips, what JMO shows
// (each card's balance and its monthly list) and employment facts with
// the yearly 1721-A1 deduction, each as a CSV whose template the app hands
// out (Templates), and JMO's figures also as text pasted from its screen
// or a spreadsheet (ReadJMO). Read takes any of them and sniffs which it
// is by its header.
//
// The CSV is read the way Indonesian spreadsheets write it: a ';' or ','
// or tab separator (sniffed from the header, or a "sep=;" line), a UTF-8
// BOM or UTF-16, amounts as "4.000.000", "4.000.000,00", "Rp 4.000.000"
// or "4000000", dates as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD and months
// as MM-YYYY, YYYY-MM, "Januari 2025" or "Jan 2025". Headers are matched
// by their words, in Indonesian or English, in any case, with or without
// units (columns.go lists them). A row that cannot be read is refused
// with its reason and line (Bundle.Refused) and the rest is read; a file
// with no usable row is an error. Every figure keeps its member.Source.
package tabular

import (
	"fmt"
	"strings"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Read reads any of the tables this package knows, or text pasted from
// JMO, telling them apart by their headers.
func Read(name string, data []byte) (documents.Bundle, error) {
	return read(name, data, layouts, true)
}

// ReadPayslips reads a payslip CSV (template slip-gaji.csv).
func ReadPayslips(name string, data []byte) (documents.Bundle, error) {
	return read(name, data, []*layout{&payslipLayout}, false)
}

// ReadJMO reads JMO's figures: a balances CSV (jmo-saldo.csv), a monthly
// list (jmo-iuran.csv), or text pasted from JMO's screen (see paste.go).
func ReadJMO(name string, data []byte) (documents.Bundle, error) {
	return read(name, data, []*layout{&jmoBalanceLayout, &jmoMonthLayout}, true)
}

// ReadEmployment reads employment facts (pekerjaan.csv) or the yearly
// 1721-A1 deduction (1721-a1.csv).
func ReadEmployment(name string, data []byte) (documents.Bundle, error) {
	return read(name, data, []*layout{&employmentLayout, &a1Layout}, false)
}

// Sniff says which kind of document a text file is, by its header (or, for
// text pasted from JMO, its lines), without reading its rows.
func Sniff(data []byte) (documents.Kind, bool) {
	text, err := decodeText(member.Source{}, data)
	if err != nil {
		return "", false
	}
	lines := splitLines(text)
	if _, _, m, ok := findHeader(lines, layouts); ok {
		return m.l.kind, true
	}
	if looksPasted(lines) {
		return documents.KindJMO, true
	}
	return "", false
}

func read(name string, data []byte, ls []*layout, paste bool) (documents.Bundle, error) {
	src := documents.SourceOf(name, data)
	text, err := decodeText(src, data)
	if err != nil {
		return documents.Bundle{}, err
	}
	lines := splitLines(text)
	line, sep, m, ok := findHeader(lines, ls)
	if !ok {
		if paste {
			// Text pasted from JMO has no header: read it if it says
			// something, unless a header that is only missing columns
			// says more.
			b, recognised, err := readPasted(src, lines)
			if err == nil || (recognised && (m.l == nil || m.required == 0)) {
				return b, err
			}
		}
		if m.l == nil {
			return documents.Bundle{}, documents.Errorf("not_recognised", at(src, 1),
				"tidak ada judul kolom; unduh templat dengan cekbpjstk periksa --templates DIR",
				"no column headers; get the templates with cekbpjstk periksa --templates DIR")
		}
		if len(ls) > 1 && m.required == 0 && m.matched == 0 {
			return documents.Bundle{}, documents.Errorf("not_recognised", at(src, line),
				"tidak dikenali: bukan slip gaji, saldo atau iuran JMO, data pekerjaan atau 1721-A1 (judul kolom: %s)",
				"not recognised: not payslips, JMO balances or months, employment facts or 1721-A1 (headers: %s)",
				strings.Join(m.found, ", "))
		}
		return documents.Bundle{}, m.problem(at(src, line))
	}
	if len(m.dup) > 0 {
		return documents.Bundle{}, documents.Errorf("duplicate_column", at(src, line),
			"kolom %q muncul dua kali", "column %q appears twice", m.dup[0])
	}
	t, err := loadTable(src, lines, line, sep, m)
	if err != nil {
		return documents.Bundle{}, err
	}
	r := newReader(src, m.l.kind)
	row := rowReaders[m.l.name]
	for _, rec := range t.records {
		a := at(src, rec.line)
		if rec.problem == nil && totalRow(rec.cells) {
			continue
		}
		p := rec.problem
		if p == nil {
			p = row(r, cells{t: t, rec: rec, at: a})
		}
		if p != nil {
			r.b.Refused = append(r.b.Refused, documents.Refused{Source: a, Text: rec.text, Reason: p})
			continue
		}
		r.doc.Rows++
	}
	return r.finish(at(src, line))
}

// reader gathers one file's rows into a Bundle.
type reader struct {
	src   member.Source
	b     documents.Bundle
	doc   documents.Document
	seen  map[string]int // a row's identity → its line, for duplicates
	cards map[string]int // KPJ → index in b.Cards
}

func newReader(src member.Source, kind documents.Kind) *reader {
	return &reader{src: src, seen: map[string]int{}, cards: map[string]int{},
		doc: documents.Document{Kind: kind, File: src.File, SHA256: src.SHA256}}
}

// once records a row's identity; a repeat returns the earlier line.
func (r *reader) once(key string, line int) (int, bool) {
	if l, ok := r.seen[key]; ok {
		return l, false
	}
	r.seen[key] = line
	return 0, true
}

// card adds a card, or fills what an earlier row left empty.
func (r *reader) card(c member.KPJCard) {
	if c.KPJ == "" {
		return
	}
	i, ok := r.cards[c.KPJ]
	if !ok {
		r.cards[c.KPJ] = len(r.b.Cards)
		r.b.Cards = append(r.b.Cards, c)
		return
	}
	have := &r.b.Cards[i]
	if have.EmployerName == "" {
		have.EmployerName = c.EmployerName
	}
	if have.NPP == "" {
		have.NPP = c.NPP
	}
	if have.Status == "" {
		have.Status = c.Status
	}
}

// finish returns the bundle, or an error when no row could be read.
func (r *reader) finish(header member.Source) (documents.Bundle, error) {
	if r.doc.Rows == 0 {
		if len(r.b.Refused) == 0 {
			return documents.Bundle{}, documents.Errorf("no_rows", header,
				"hanya ada judul kolom, tanpa baris data", "only the header, no data rows")
		}
		first := r.b.Refused[0].Reason
		code := first.Code
		for _, f := range r.b.Refused {
			if f.Reason.Code != code {
				code = "no_rows"
			}
		}
		p := documents.Errorf(code, r.b.Refused[0].Source, "", "")
		p.ID = fmt.Sprintf("tidak ada baris yang bisa dibaca (%d ditolak); yang pertama: %s", len(r.b.Refused), first.ID)
		p.EN = fmt.Sprintf("no row could be read (%d refused); the first: %s", len(r.b.Refused), first.EN)
		return documents.Bundle{}, p
	}
	r.b.Documents = []documents.Document{r.doc}
	return r.b, nil
}

// rowReaders read one row of each layout into the bundle.
var rowReaders = map[string]func(*reader, cells) *documents.Problem{
	"payslips":     payslipRow,
	"jmo_balances": jmoBalanceRow,
	"jmo_months":   jmoMonthRow,
	"employment":   employmentRow,
	"a1":           a1Row,
}

// LooksText says whether data is text this package would read (UTF-8,
// UTF-16 with its BOM, Windows-1252; not a binary file), whatever it
// holds: a dispatcher sends it here to be read or told what is wrong.
func LooksText(data []byte) bool {
	_, err := decodeText(member.Source{}, data)
	return err == nil
}
