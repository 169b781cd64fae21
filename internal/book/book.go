// Package book is a member's own book: an account with no server whose
// data is what the member's own documents say (BPJSTK statement
// printouts, JMO figures, payslips, employment facts) and what the member
// typed when creating it (name, birth date, NIK, cards).
//
// It is the book's model, Fyne-free and without I/O: the rows a book
// stores (one figure each, with the document it came from), the
// identity's rules, an import's preview, and the dashboard's data built
// from the rows through the document readers' own merge and model
// (documents/read.Merge, ModelOf), so that every rule and view reads a
// book exactly as it reads a server's data. internal/app stores the rows
// (sealed in the cache) and keeps the book's key; ui/book shows them.
package book

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Prefix starts every book's account identifier ("book:" and 16 hex
// digits). An online account's identifier is an email, a KPJ or a NIK,
// none of which has a colon: the two never meet.
const Prefix = "book:"

// IsBook reports whether an account identifier is a book's.
func IsBook(identifier string) bool { return strings.HasPrefix(identifier, Prefix) }

// NewIdentifier is a fresh book's identifier: random, so that it says
// nothing of the member.
func NewIdentifier() string {
	b := make([]byte, 8)
	rand.Read(b)
	return Prefix + hex.EncodeToString(b)
}

// Limits of a book: what one import may add, and what a book may hold.
const (
	// MaxImportFiles is how many files one import reads.
	MaxImportFiles = 24
	// MaxImportRows is how many rows one import may add: a year's
	// statement has 12, forty years of payslips 480; the readers' own
	// limit (documents.MaxRows) is per file.
	MaxImportRows = 2 * documents.MaxRows
	// MaxRows is how many rows a book holds: forty years of four kinds
	// of documents on several cards fit many times over.
	MaxRows = 40000
	// MaxCards is how many cards a book is created with.
	MaxCards = 12
)

// Kind is what a row holds.
type Kind string

// The kinds of rows.
const (
	KindIdentity   Kind = "identity"   // the member as typed when the book was made
	KindCard       Kind = "card"       // a card (KPJ) and its employer
	KindMonth      Kind = "month"      // one card's month: dates, wage, shares
	KindBalance    Kind = "balance"    // one card's JHT balance as of a date
	KindClaim      Kind = "claim"      // a claim
	KindPayslip    Kind = "payslip"    // one payslip
	KindEmployment Kind = "employment" // one job on a card: start, end, reason
	KindA1         Kind = "a1"         // one year's 1721-A1 deduction
	KindWage       Kind = "wage"       // Upah saya's one payslip wage from a month on, typed
	KindLastPaid   Kind = "last_paid"  // a card's last month paid, as JMO shows it (its months not listed)
)

// Identity is the member as typed when the book was made. The NIK is
// kept (sealed like every row) to tell documents of another member
// apart; the dashboard shows it masked.
type Identity struct {
	Name      string    `json:"name"`
	BirthDate time.Time `json:"birth_date"`
	NIK       string    `json:"nik,omitempty"`
	Created   time.Time `json:"created"`
}

// Row is one row of a book: one figure, and the document it was read
// from (Doc, its SHA-256; "" for what the member typed).
type Row struct {
	ID         int64                     `json:"-"` // the store's id; 0 until stored
	Kind       Kind                      `json:"k"`
	Doc        string                    `json:"d,omitempty"`
	Identity   *Identity                 `json:"identity,omitempty"`
	Card       *member.KPJCard           `json:"card,omitempty"`
	Month      *member.MonthContribution `json:"month,omitempty"`
	Balance    *member.BalanceAccount    `json:"balance,omitempty"`
	Claim      *member.Claim             `json:"claim,omitempty"`
	Payslip    *member.Payslip           `json:"payslip,omitempty"`
	Employment *member.Employment        `json:"employment,omitempty"`
	A1         *member.A1Deduction       `json:"a1,omitempty"`
	Wage       *member.PayslipWage       `json:"wage,omitempty"`
	LastPaid   *documents.CardMonth      `json:"last_paid,omitempty"`
}

// Encode is the row as the store keeps it (sealed).
func (r Row) Encode() ([]byte, error) {
	if r.payload() == nil {
		return nil, fmt.Errorf("book: row of kind %q holds nothing", r.Kind)
	}
	return json.Marshal(r)
}

// Same reports whether r holds what o holds, store ids aside: the same
// kind, document and figures.
func (r Row) Same(o Row) bool {
	a, errA := r.Encode()
	b, errB := o.Encode()
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// DecodeRow reads a row Encode wrote.
func DecodeRow(id int64, b []byte) (Row, error) {
	var r Row
	if err := json.Unmarshal(b, &r); err != nil {
		return Row{}, fmt.Errorf("book: row %d: %w", id, err)
	}
	if r.payload() == nil {
		return Row{}, fmt.Errorf("book: row %d of kind %q holds nothing", id, r.Kind)
	}
	r.ID = id
	return r, nil
}

// payload is the one field the row's kind fills (nil if it does not).
func (r Row) payload() any {
	switch {
	case r.Kind == KindIdentity && r.Identity != nil:
		return r.Identity
	case r.Kind == KindCard && r.Card != nil:
		return r.Card
	case r.Kind == KindMonth && r.Month != nil:
		return r.Month
	case r.Kind == KindBalance && r.Balance != nil:
		return r.Balance
	case r.Kind == KindClaim && r.Claim != nil:
		return r.Claim
	case r.Kind == KindPayslip && r.Payslip != nil:
		return r.Payslip
	case r.Kind == KindEmployment && r.Employment != nil:
		return r.Employment
	case r.Kind == KindA1 && r.A1 != nil:
		return r.A1
	case r.Kind == KindWage && r.Wage != nil:
		return r.Wage
	case r.Kind == KindLastPaid && r.LastPaid != nil:
		return r.LastPaid
	}
	return nil
}

// Source is where the row's figure came from (the zero Source for what
// the member typed).
func (r Row) Source() member.Source {
	switch {
	case r.Month != nil && r.Month.Source != nil:
		return *r.Month.Source
	case r.Balance != nil && r.Balance.Source != nil:
		return *r.Balance.Source
	case r.Payslip != nil:
		return r.Payslip.Source
	case r.Employment != nil:
		return r.Employment.Source
	case r.A1 != nil:
		return r.A1.Source
	case r.LastPaid != nil:
		return r.LastPaid.Source
	}
	return member.Source{}
}

// RowsOf splits what one document said into rows, each carrying the
// document's SHA-256 (doc).
func RowsOf(b documents.Bundle, doc string) []Row {
	var out []Row
	for i := range b.Cards {
		out = append(out, Row{Kind: KindCard, Doc: doc, Card: &b.Cards[i]})
	}
	for i := range b.Months {
		out = append(out, Row{Kind: KindMonth, Doc: doc, Month: &b.Months[i]})
	}
	for i := range b.Balances {
		out = append(out, Row{Kind: KindBalance, Doc: doc, Balance: &b.Balances[i]})
	}
	for i := range b.Claims {
		out = append(out, Row{Kind: KindClaim, Doc: doc, Claim: &b.Claims[i]})
	}
	for i := range b.Payslips {
		out = append(out, Row{Kind: KindPayslip, Doc: doc, Payslip: &b.Payslips[i]})
	}
	for i := range b.Employment {
		out = append(out, Row{Kind: KindEmployment, Doc: doc, Employment: &b.Employment[i]})
	}
	for i := range b.A1 {
		out = append(out, Row{Kind: KindA1, Doc: doc, A1: &b.A1[i]})
	}
	for i := range b.LastPaid {
		out = append(out, Row{Kind: KindLastPaid, Doc: doc, LastPaid: &b.LastPaid[i]})
	}
	return out
}

// Bundles puts a book's rows back into what each document said, in the
// order the documents were kept (docs), what the member typed first: the
// readers' Merge takes them in that order.
func Bundles(rows []Row, docs []documents.Document) ([]documents.Bundle, error) {
	typed := documents.Bundle{}
	byDoc := map[string]*documents.Bundle{}
	order := make([]*documents.Bundle, 0, len(docs))
	for _, d := range docs {
		b := &documents.Bundle{Documents: []documents.Document{d}}
		byDoc[d.SHA256] = b
		order = append(order, b)
	}
	var identity *Identity
	for _, r := range rows {
		b := &typed
		if r.Doc != "" {
			if b = byDoc[r.Doc]; b == nil {
				return nil, fmt.Errorf("book: row %d names a document the book does not keep", r.ID)
			}
		}
		switch r.Kind {
		case KindIdentity:
			if identity != nil {
				return nil, errors.New("book: two identities")
			}
			identity = r.Identity
		case KindCard:
			b.Cards = append(b.Cards, *r.Card)
		case KindMonth:
			b.Months = append(b.Months, *r.Month)
		case KindBalance:
			b.Balances = append(b.Balances, *r.Balance)
		case KindClaim:
			b.Claims = append(b.Claims, *r.Claim)
		case KindPayslip:
			b.Payslips = append(b.Payslips, *r.Payslip)
		case KindEmployment:
			b.Employment = append(b.Employment, *r.Employment)
		case KindA1:
			b.A1 = append(b.A1, *r.A1)
		case KindLastPaid:
			b.LastPaid = append(b.LastPaid, *r.LastPaid)
		case KindWage: // not a document's: Contents.Data reads it
		}
	}
	if identity == nil {
		return nil, errors.New("book: no identity")
	}
	typed.Identity = documents.Identity{Name: identity.Name, BirthDate: identity.BirthDate, NIK: identity.NIK}
	out := []documents.Bundle{typed}
	for _, b := range order {
		out = append(out, *b)
	}
	return out, nil
}
