package book

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// Contents is a book opened: its rows and the documents it keeps.
type Contents struct {
	Rows []Row
	Docs []Doc
}

// Doc is a document a book keeps: what the reader said of it (its kind,
// name, SHA-256, rows, year, card, print date, totals checked), when it
// was imported, and the store's id (for its original file).
type Doc struct {
	ID       int64              `json:"-"`
	Document documents.Document `json:"document"`
	Imported time.Time          `json:"imported"`
}

// EncodeDoc is a kept document's record as the store keeps it (sealed).
func (d Doc) Encode() ([]byte, error) { return json.Marshal(d) }

// DecodeDoc reads a record Encode wrote.
func DecodeDoc(id int64, b []byte) (Doc, error) {
	var d Doc
	if err := json.Unmarshal(b, &d); err != nil {
		return Doc{}, fmt.Errorf("book: document %d: %w", id, err)
	}
	d.ID = id
	return d, nil
}

// Identity is the book's identity row (the zero Identity if it has none).
func (c Contents) Identity() Identity {
	for _, r := range c.Rows {
		if r.Kind == KindIdentity && r.Identity != nil {
			return *r.Identity
		}
	}
	return Identity{}
}

// documentsOf are the kept documents' records, in the order kept.
func (c Contents) documentsOf() []documents.Document {
	out := make([]documents.Document, len(c.Docs))
	for i, d := range c.Docs {
		out[i] = d.Document
	}
	return out
}

// Merged is what the whole book says, put together by the readers'
// Merge: documents of another member or figures that contradict each
// other give its *documents.Problem.
func (c Contents) Merged(more ...documents.Bundle) (documents.Bundle, error) {
	bundles, err := Bundles(c.Rows, c.documentsOf())
	if err != nil {
		return documents.Bundle{}, err
	}
	return read.Merge(append(bundles, more...)...)
}

// Model is what the rules read of the book, as of now for what no
// document dates.
func (c Contents) Model(now time.Time) (read.Model, error) {
	merged, err := c.Merged()
	if err != nil {
		return read.Model{}, err
	}
	return read.ModelOf(merged, now), nil
}

// Data is the dashboard's data of the book identifier: the model in the
// server path's shapes, true as of the newest document ("data per"), or
// of the book's making while it keeps none.
func (c Contents) Data(identifier string, now time.Time) (memberdata.Data, error) {
	md, err := c.Model(now)
	if err != nil {
		return memberdata.Data{}, err
	}
	var asOf time.Time
	for _, d := range c.Docs {
		if t := d.Document.PrintedAt; t.After(asOf) {
			asOf = t
		}
	}
	if !md.Balance.AsOf.IsZero() && md.Balance.AsOf.After(asOf) {
		asOf = md.Balance.AsOf
	}
	if asOf.IsZero() {
		asOf = c.Identity().Created
	}
	if asOf.IsZero() {
		asOf = now
	}
	wages := md.PayslipWages
	if typed := c.wages(); len(typed) > 0 {
		wages = audit.NormalizePayslip(typed) // Upah saya's figure, typed, over the payslips' own
	}
	claims := md.Claims
	if claims == nil {
		claims = []member.Claim{}
	}
	return memberdata.Data{
		Identifier:    identifier,
		Member:        md.Member,
		Balance:       md.Balance,
		Contributions: md.Contributions,
		Claims:        claims,
		Cards:         md.Cards,
		Payslip:       wages,
		Payslips:      md.Payslips,
		Employment:    md.Employment,
		A1:            md.A1,
		Coverage:      coverage(md),
		FetchedAt:     asOf,
		Offline:       true,
	}, nil
}

// coverage is the months the book's documents speak for: never nil, so
// that the checks know a book's months from the server's (a book with no
// statement yet owes nothing the checks can see).
func coverage(md read.Model) map[string][]read.Span {
	if md.Coverage == nil {
		return map[string][]read.Span{}
	}
	return md.Coverage
}

// Missing says what the book lacks for the dashboard's views, in the
// order a member would import it: nothing when it has everything.
type Missing struct {
	Statement bool // no month of contributions: import a statement printout (or JMO's months)
	Balance   bool // no JHT balance: a statement's summary, or JMO's balance
	Payslips  bool // no payslip: the payslip checks need them
	Jobs      bool // no employment facts: claim readiness needs the end and its reason
}

// Any reports whether anything is missing.
func (m Missing) Any() bool { return m.Statement || m.Balance || m.Payslips || m.Jobs }

// MissingOf says what the rows lack.
func MissingOf(rows []Row) Missing {
	m := Missing{Statement: true, Balance: true, Payslips: true, Jobs: true}
	for _, r := range rows {
		switch r.Kind {
		case KindMonth:
			m.Statement = false
		case KindBalance:
			m.Balance = false
		case KindPayslip:
			m.Payslips = false
		case KindEmployment:
			m.Jobs = false
		}
	}
	return m
}

// SortRows orders rows for the screen: by kind, then by period (newest
// first), then as stored.
func SortRows(rows []Row) {
	rank := map[Kind]int{KindIdentity: 0, KindCard: 1, KindEmployment: 2, KindBalance: 3, KindMonth: 4, KindPayslip: 5, KindA1: 6, KindClaim: 7, KindLastPaid: 8}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if pa, pb := a.Period(), b.Period(); !pa.Equal(pb) {
			return pa.After(pb)
		}
		return a.ID < b.ID
	})
}

// Period is the month or day a row is about (zero for a card or the
// identity).
func (r Row) Period() time.Time {
	switch {
	case r.Month != nil:
		return r.Month.Period
	case r.Balance != nil:
		return r.Balance.AsOf
	case r.Payslip != nil:
		return r.Payslip.Period
	case r.Employment != nil:
		return r.Employment.Start
	case r.A1 != nil:
		return time.Date(r.A1.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	case r.Claim != nil:
		return r.Claim.Submitted
	case r.LastPaid != nil:
		return r.LastPaid.Month
	}
	return time.Time{}
}

// wages are the typed Upah saya wages.
func (c Contents) wages() []member.PayslipWage {
	var out []member.PayslipWage
	for _, r := range c.Rows {
		if r.Kind == KindWage && r.Wage != nil {
			out = append(out, *r.Wage)
		}
	}
	return out
}
