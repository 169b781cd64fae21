package book

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// New is what the member types to make a book: the identity and one or
// more cards, each with its employer.
type New struct {
	Name      string
	BirthDate time.Time
	NIK       string // optional
	Cards     []Card
}

// Card is one card typed when the book is made.
type Card struct {
	KPJ      string
	Employer string
}

// FieldEmployer is the employer field of a card (validate has no such
// field: registration asks for none).
const FieldEmployer = "employer"

// FieldError is a refused field of New: validate's field and code, and
// for a card's field the card's index (else -1).
type FieldError struct {
	validate.FieldError
	Card int
}

func fieldErr(err error, card int) *FieldError {
	fe, _ := err.(*validate.FieldError)
	if fe == nil {
		fe = &validate.FieldError{Code: validate.CodeFormat}
	}
	return &FieldError{FieldError: *fe, Card: card}
}

// Oldest is the earliest birth year a book takes; a member is at least
// MinAge years old (the youngest a worker may be, UU 13/2003 Pasal 68–69:
// 15 with the conditions of light work).
const (
	Oldest = 1900
	MinAge = 15
)

// Validate checks New as registration checks its fields (service/validate:
// the name, the NIK with its province code from internal/wilayah, its
// birth date, the KPJ's 11 digits), and each card's employer. A NIK whose
// birth date differs from the one typed is not refused (Dukcapil keeps a
// NIK when a birth date is corrected): NIKMismatch tells the form to warn.
func (n New) Validate(now time.Time) []*FieldError {
	var errs []*FieldError
	if err := validate.ValidateFullName(n.Name); err != nil {
		errs = append(errs, fieldErr(err, -1))
	}
	b := n.BirthDate
	switch {
	case b.IsZero():
		errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeRequired}, Card: -1})
	case b.Year() < Oldest || b.After(now.AddDate(-MinAge, 0, 0)):
		errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeInvalidDate}, Card: -1})
	}
	if nik := strings.TrimSpace(n.NIK); nik != "" {
		if _, err := validate.ValidateNIK(nik, time.Time{}); err != nil {
			errs = append(errs, fieldErr(err, -1))
		}
	}
	if len(n.Cards) == 0 {
		errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: validate.FieldKPJ, Code: validate.CodeRequired}, Card: 0})
	}
	if len(n.Cards) > MaxCards {
		errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: validate.FieldKPJ, Code: validate.CodeLength}, Card: MaxCards})
	}
	seen := map[string]bool{}
	for i, c := range n.Cards {
		kpj := strings.TrimSpace(c.KPJ)
		if err := validate.ValidateKPJ(kpj); err != nil {
			errs = append(errs, fieldErr(err, i))
		} else if seen[kpj] {
			errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: validate.FieldKPJ, Code: validate.CodeTaken}, Card: i})
		}
		seen[kpj] = true
		emp := strings.TrimSpace(c.Employer)
		switch {
		case emp == "":
			errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: FieldEmployer, Code: validate.CodeRequired}, Card: i})
		case !utf8.ValidString(emp) || utf8.RuneCountInString(emp) > 120:
			errs = append(errs, &FieldError{FieldError: validate.FieldError{Field: FieldEmployer, Code: validate.CodeLength}, Card: i})
		}
	}
	return errs
}

// NIKMismatch reports whether the NIK's birth date differs from the one
// typed (a warning, not a refusal).
func (n New) NIKMismatch() bool {
	nik := strings.TrimSpace(n.NIK)
	if nik == "" || n.BirthDate.IsZero() {
		return false
	}
	_, err := validate.ValidateNIK(nik, n.BirthDate)
	fe, ok := err.(*validate.FieldError)
	return ok && fe.Code == validate.CodeMismatch
}

// Rows are a valid New's rows: the identity, made at now, and its cards.
func (n New) Rows(now time.Time) []Row {
	b := n.BirthDate
	rows := []Row{{Kind: KindIdentity, Identity: &Identity{
		Name: strings.Join(strings.Fields(n.Name), " "), BirthDate: time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC),
		NIK: strings.TrimSpace(n.NIK), Created: now,
	}}}
	for _, c := range n.Cards {
		rows = append(rows, Row{Kind: KindCard, Card: &member.KPJCard{KPJ: strings.TrimSpace(c.KPJ), EmployerName: strings.TrimSpace(c.Employer)}})
	}
	return rows
}

// UserInputs are what the password must not be made of (zxcvbn's known
// words): the name's words, the NIK, the birth date, the cards.
func (n New) UserInputs() []string {
	in := strings.Fields(strings.ToLower(n.Name))
	if !n.BirthDate.IsZero() {
		in = append(in, n.BirthDate.Format("2006"), n.BirthDate.Format("02012006"), n.BirthDate.Format("20060102"))
	}
	if nik := strings.TrimSpace(n.NIK); nik != "" {
		in = append(in, nik)
	}
	for _, c := range n.Cards {
		in = append(in, strings.TrimSpace(c.KPJ))
		in = append(in, strings.Fields(strings.ToLower(c.Employer))...)
	}
	return in
}
