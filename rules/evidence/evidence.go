// Package evidence writes the evidence pack a member takes to the
// employer's HR, BPJS Ketenagakerjaan or the labour inspector when what was
// deducted from the pay did not reach the card: a PDF and a CSV, in
// Indonesian and English together, with the member's identity masked (the
// name in full, the NIK and the card number but their last four digits),
// the employer and its NPP, the period, the months side by side (what the
// payslip deducted, what the card was credited, the gap), the totals, the
// findings of rules/payslip with their rules, UU 24/2011 Pasal 19 and 55,
// where to go in order, and the member's original documents attached to
// the PDF (and listed with their SHA-256).
//
// It reads the member model and the rules only (never Fyne, the network or
// the disk): the caller hands it the data and the documents' bytes and
// writes what it returns.
package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
)

// MaxAttachedBytes bounds what the PDF embeds: past it, a document is
// listed with its SHA-256 but not attached, and the pack says so.
const MaxAttachedBytes = 64 << 20

// Document is one of the member's original documents (a statement PDF, a
// payslip CSV, ...), as the member gave it.
type Document struct {
	Name    string
	Content []byte
}

// Input is what a pack is made from.
type Input struct {
	// Data is the member's data the checks run on (payslip.Run reads the
	// same).
	Data payslip.Input
	// KPJ is the card the pack is about.
	KPJ string
	// From and To bound the period by month, both included; zero: every
	// month the card has a payslip or a credit in.
	From, To time.Time
	// NIK is the member's NIK as held (whole, or masked as the server
	// sends it); empty: Data.Member.NIKMasked. Only its last four digits
	// are written.
	NIK         string
	Documents   []Document
	GeneratedAt time.Time
}

// Error is why no pack can be made, in both languages.
type Error struct{ id, en string }

func (e *Error) Error() string { return "evidence: " + e.en }

// Text is the sentence in a language (Indonesian for any but English).
func (e *Error) Text(l member.Lang) string {
	if l == member.EN {
		return e.en
	}
	return e.id
}

// Why a pack cannot be made.
var (
	ErrUnknownCard = &Error{"Kartu ini tidak ada dalam data Anda.", "This card is not in your data."}
	ErrNoMonths    = &Error{"Tidak ada slip gaji atau iuran kartu ini pada periode yang dipilih.", "This card has no payslip or contribution in the chosen period."}
	ErrBadPeriod   = &Error{"Akhir periode sebelum awalnya.", "The period ends before it starts."}
)

// DocumentInfo is one original document as the pack lists it.
type DocumentInfo struct {
	Name     string
	Size     int
	SHA256   string // hex
	Attached bool   // embedded in the PDF (false past MaxAttachedBytes)
}

// Pack is the evidence pack's content, as both files write it.
type Pack struct {
	Name, NIK, KPJ string // NIK and KPJ masked
	Employer, NPP  string
	From, To       time.Time
	Months         []payslip.LedgerMonth
	// Totals of the months: deducted, credited (the worker's shares) and
	// the gap (what was deducted and not paid in).
	Deducted, Credited, Gap int64
	// JPExcess is the JP deducted above its lawful most (to be refunded,
	// not paid in), which the gap leaves out.
	JPExcess int64
	// Findings are rules/payslip's findings on the card in the period.
	Findings    []payslip.Finding
	Documents   []DocumentInfo
	GeneratedAt time.Time
}

// Build works out the pack.
func Build(in Input) (Pack, error) {
	if !in.From.IsZero() && !in.To.IsZero() && member.MonthOf(in.To).Before(member.MonthOf(in.From)) {
		return Pack{}, ErrBadPeriod
	}
	var card *payslip.CardInfo
	for _, c := range payslip.Cards(in.Data) {
		if c.KPJ == in.KPJ {
			card = &c
			break
		}
	}
	if card == nil || in.KPJ == "" {
		return Pack{}, ErrUnknownCard
	}
	months := payslip.Ledger(in.Data, in.KPJ, in.From, in.To)
	if len(months) == 0 {
		return Pack{}, ErrNoMonths
	}
	nik := in.NIK
	if nik == "" {
		nik = in.Data.Member.NIKMasked
	}
	p := Pack{Name: in.Data.Member.FullName, NIK: MaskLast4(nik), KPJ: MaskLast4(in.KPJ), Employer: card.Employer, NPP: card.NPP,
		From: in.From, To: in.To, Months: months, GeneratedAt: in.GeneratedAt}
	if p.From.IsZero() {
		p.From = months[0].Month
	}
	if p.To.IsZero() {
		p.To = months[len(months)-1].Month
	}
	p.From, p.To = member.MonthOf(p.From), member.MonthOf(p.To)
	for _, m := range months {
		p.Deducted += m.Deducted
		p.Credited += m.Credited
		p.Gap += m.Gap
		p.JPExcess += m.JPExcess
	}
	for _, f := range payslip.Run(in.Data).Findings {
		if f.KPJ != in.KPJ {
			continue
		}
		if f = inPeriod(f, p.From, p.To); len(f.Months) > 0 {
			f.KPJ = p.KPJ // its sentence names the card: masked here too
			p.Findings = append(p.Findings, f)
		}
	}
	p.Documents = documentInfos(in.Documents, MaxAttachedBytes)
	return p, nil
}

// documentInfos lists the documents with their SHA-256, attaching them in
// order while their sizes add up to at most limit bytes.
func documentInfos(docs []Document, limit int) []DocumentInfo {
	out := make([]DocumentInfo, 0, len(docs))
	attached := 0
	for _, d := range docs {
		sum := sha256.Sum256(d.Content)
		info := DocumentInfo{Name: d.Name, Size: len(d.Content), SHA256: hex.EncodeToString(sum[:])}
		if attached+len(d.Content) <= limit {
			info.Attached = true
			attached += len(d.Content)
		}
		out = append(out, info)
	}
	return out
}

// inPeriod keeps a finding's months inside the period, its amount their
// sum (a wage finding keeps its whole Gap: what the gap costs is about the
// whole run).
func inPeriod(f payslip.Finding, from, to time.Time) payslip.Finding {
	var kept []payslip.Month
	f.Amount = 0
	for _, m := range f.Months {
		if !m.Month.Before(from) && !m.Month.After(to) || f.Kind == payslip.KindA1Mismatch && m.Month.Year() >= from.Year() && m.Month.Year() <= to.Year() {
			kept = append(kept, m)
			f.Amount += m.Amount
		}
	}
	f.Months = kept
	return f
}

// MaskLast4 keeps the last four characters of a number and writes a dot
// for every one before them ("•••••••0001"); a number of four or fewer is
// all dots. A number already masked (with '*' or 'x') is masked again the
// same way.
func MaskLast4(s string) string {
	s = strings.TrimSpace(s)
	r := []rune(s)
	const keep = 4
	if len(r) <= keep {
		return strings.Repeat("•", len(r))
	}
	return strings.Repeat("•", len(r)-keep) + string(r[len(r)-keep:])
}

// where names the place a figure came from: "slip-2025.csv line 4",
// "rsjht-2025.pdf page 1 line 14"; empty for a figure typed in or fetched.
func where(s *member.Source) string {
	if s == nil || s.File == "" {
		return ""
	}
	out := s.File
	if s.Page > 0 {
		out += " p." + strconv.Itoa(s.Page)
	}
	if s.Line > 0 {
		out += " l." + strconv.Itoa(s.Line)
	}
	return out
}

// textCell keeps a text from a document from being read as a formula by
// a spreadsheet (CSV injection): a leading =, +, -, @, tab or carriage
// return gets an apostrophe before it.
func textCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
