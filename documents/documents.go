// Package documents is what the member's own documents say: BPJSTK's
// yearly statement printouts ("INFORMASI DANA DAN USIA PENSIUN PESERTA
// JHT - JP TAHUN YYYY"), figures typed or pasted from JMO, payslips and
// employment facts, read into the member model (package member) that the
// rules already check.
//
// The readers live in sub-packages (documents/statement: the PDF
// printout; documents/tabular: CSV and pasted text) and documents/read
// picks the reader for a file and merges what several files say. They are
// Fyne-free, do no network and store nothing: they read bytes the caller
// holds and return a Bundle, or a *Problem that says, in both of the app's
// languages, which file (and line) is wrong and why.
//
// Every figure keeps its member.Source (file, SHA-256, page, line). A
// reader never panics on hostile input and never reads past the Limits.
package documents

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Kind is a kind of document.
type Kind string

// The kinds of documents the readers know.
const (
	KindStatement  Kind = "statement"  // BPJSTK's yearly printout (PDF)
	KindPayslips   Kind = "payslips"   // payslips, one row per month (CSV, form)
	KindJMO        Kind = "jmo"        // what JMO shows: balances and months (CSV, pasted text, form)
	KindEmployment Kind = "employment" // employment facts per card, 1721-A1 (CSV, form)
)

// Limits bound what one file can make a reader do.
const (
	MaxFileBytes = 20 << 20 // a file larger than this is refused unread
	MaxPages     = 100      // a statement has a few pages; forty years fit in far less
	// MaxStreamBytes bounds what one compressed PDF stream may inflate to.
	MaxStreamBytes = 16 << 20
	MaxRows        = 5000 // rows one file may hold (40 years × 12 months is 480)
)

// Document is one file read: what it is and how much it held.
type Document struct {
	Kind   Kind   `json:"kind"`
	File   string `json:"file"`   // base name
	SHA256 string `json:"sha256"` // hex
	Pages  int    `json:"pages,omitempty"`
	Rows   int    `json:"rows"`           // rows read
	Year   int    `json:"year,omitempty"` // a statement's year
	KPJ    string `json:"kpj,omitempty"`  // a statement's card
	// PrintedAt is a statement's "Tanggal" (or a JMO screen's as-of
	// date): when the document's figures were true.
	PrintedAt time.Time `json:"printed_at,omitzero"`
	// TotalsChecked says the rows were checked against the document's own
	// totals ("Jumlah") and agreed.
	TotalsChecked bool `json:"totals_checked"`
}

// Identity is who a document says the member is. The NIK is held here
// only to tell documents of different members apart; the book stores it
// masked, if at all.
type Identity struct {
	Name      string    `json:"name,omitempty"`
	BirthDate time.Time `json:"birth_date,omitzero"`
	NIK       string    `json:"-"`
}

// Refused is a row a reader could not take, with the reason.
type Refused struct {
	Source member.Source `json:"source"`
	Text   string        `json:"text"` // the row as read, for the preview
	Reason *Problem      `json:"reason"`
}

// Bundle is what one or more documents say, in the member model.
type Bundle struct {
	Documents []Document `json:"documents"`
	Identity  Identity   `json:"identity"`
	// Cards: one per card the documents name, with its employer (and NPP)
	// and, where a statement says so, the month it opened.
	Cards []member.KPJCard `json:"cards"`
	// Months: one per card and month, with its dates, wage, the four
	// shares (JHT and JP, employer and worker) and Source.
	Months []member.MonthContribution `json:"months"`
	// Balances: per card, with the years a statement summarises.
	Balances   []member.BalanceAccount `json:"balances"`
	Claims     []member.Claim          `json:"claims,omitempty"`
	Payslips   []member.Payslip        `json:"payslips,omitempty"`
	Employment []member.Employment     `json:"employment,omitempty"`
	A1         []member.A1Deduction    `json:"a1,omitempty"`
	// LastPaid: per card, the last month a JMO screen says was paid
	// (beside its balance); the months themselves may not be listed.
	LastPaid []CardMonth `json:"last_paid,omitempty"`
	// Refused rows: the rest of the file was read.
	Refused []Refused `json:"refused,omitempty"`
}

// CardMonth is a month a document says of a card, with its source.
type CardMonth struct {
	KPJ    string        `json:"kpj"`
	Month  time.Time     `json:"month"` // first of the month
	Source member.Source `json:"source"`
}

// Problem is why a file, or one row of it, cannot be read: a sentence in
// each of the app's languages, and where.
type Problem struct {
	Code string `json:"code"` // stable, for tests and --json: "encrypted", "no_text_layer", "bad_date", ...
	File string `json:"file"`
	Page int    `json:"page,omitempty"`
	Line int    `json:"line,omitempty"`
	ID   string `json:"id"` // the sentence in Indonesian, without the place
	EN   string `json:"en"` // the sentence in English, without the place
}

// Errorf makes a Problem; id and en are format strings taking the same
// args.
func Errorf(code string, at member.Source, id, en string, args ...any) *Problem {
	return &Problem{Code: code, File: at.File, Page: at.Page, Line: at.Line,
		ID: fmt.Sprintf(id, args...), EN: fmt.Sprintf(en, args...)}
}

// Text is the whole sentence in the language, the place first:
// "rudi-2025.pdf, halaman 2, baris 14: ...".
func (p *Problem) Text(l member.Lang) string {
	msg, page, line := p.ID, "halaman", "baris"
	if l == member.EN {
		msg, page, line = p.EN, "page", "line"
	}
	at := p.File
	if p.Page > 0 {
		at += fmt.Sprintf(", %s %d", page, p.Page)
	}
	if p.Line > 0 {
		at += fmt.Sprintf(", %s %d", line, p.Line)
	}
	if at == "" {
		return msg
	}
	return at + ": " + msg
}

// Error is the Indonesian text (the app's default language).
func (p *Problem) Error() string { return p.Text(member.ID) }

// SourceOf starts the Source of a file's figures: its base name and
// SHA-256.
func SourceOf(name string, data []byte) member.Source {
	sum := sha256.Sum256(data)
	return member.Source{File: filepath.Base(name), SHA256: hex.EncodeToString(sum[:])}
}
