// Package book is the member's own book on screen: making one (the
// identity, the cards, the password), an import's preview, the rows with
// where each came from (to correct or delete), and the bar the dashboard
// wears while a book is open. It only presents internal/book's model; the
// shell reads files, calls the application layer off the UI goroutine and
// hears back through the OnX callbacks.
package book

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// cardRow is one card's two entries and its remove button.
type cardRow struct {
	kpj, employer *widget.Entry
	err           *widget.Label
	box           *fyne.Container
}

// CreateView makes a book: the member's name, birth date, optional NIK,
// one or more cards with their employers, and a password (with "remember
// me"). Its fields are checked as registration checks them; the shell
// makes the book (OnSubmit) and answers with SetBusy, ShowFieldErrors or
// ShowMessage.
type CreateView struct {
	name, birth, nik  *widget.Entry
	password, confirm *widget.Entry
	remember          *widget.Check
	errs              map[string]*widget.Label // by field
	cards             []*cardRow
	cardBox           *fyne.Container
	addCard, submit   *widget.Button
	busy              *widget.Activity
	message           *widget.Label
	content           fyne.CanvasObject
	now               func() time.Time

	OnSubmit func(n book.New, password string, remember bool)
	OnBack   func()
}

// NewCreateView builds the empty form.
func NewCreateView() *CreateView {
	v := &CreateView{
		name: widget.NewEntry(), birth: widget.NewEntry(), nik: widget.NewEntry(),
		password: widget.NewPasswordEntry(), confirm: widget.NewPasswordEntry(),
		errs: map[string]*widget.Label{}, cardBox: container.NewVBox(), busy: widget.NewActivity(),
		message: widget.NewLabel(""), now: time.Now,
	}
	v.birth.SetPlaceHolder(lang.L("book.create.birthPlaceholder"))
	v.nik.SetPlaceHolder(lang.L("book.create.nikPlaceholder"))
	v.remember = widget.NewCheck(lang.L("book.create.remember"), nil)
	for _, f := range []string{validate.FieldFullName, validate.FieldBirthDate, validate.FieldNIK, validate.FieldPassword, "confirm", "cards"} {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		v.errs[f] = l
	}
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	v.message.Hide()
	v.busy.Hide()
	v.confirm.OnSubmitted = func(string) { v.trySubmit() }
	v.addCard = widget.NewButtonWithIcon(lang.L("book.create.addCard"), theme.ContentAddIcon(), func() { v.AddCard("", "") })
	v.addCard.Importance = widget.LowImportance
	v.submit = widget.NewButtonWithIcon(lang.L("book.create.submit"), theme.DocumentCreateIcon(), v.trySubmit)
	v.submit.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.L("book.back"), theme.NavigateBackIcon(), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	back.Importance = widget.LowImportance
	v.AddCard("", "")

	heading := widget.NewLabelWithStyle(lang.L("book.create.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(lang.L("book.create.intro"))
	intro.Wrapping = fyne.TextWrapWord
	column := container.NewVBox(heading, intro,
		widget.NewLabel(lang.L("book.create.name")), v.name, v.errs[validate.FieldFullName],
		widget.NewLabel(lang.L("book.create.birth")), v.birth, v.errs[validate.FieldBirthDate],
		widget.NewLabel(lang.L("book.create.nik")), v.nik, v.errs[validate.FieldNIK],
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("book.create.cards"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.cardBox, v.errs["cards"], v.addCard,
		widget.NewSeparator(),
		widget.NewLabel(lang.L("book.create.password")), v.password, v.errs[validate.FieldPassword],
		widget.NewLabel(lang.L("book.create.confirm")), v.confirm, v.errs["confirm"],
		v.remember,
		container.NewBorder(nil, nil, nil, v.busy, v.submit),
		v.message, back)
	v.content = container.NewVScroll(container.NewPadded(layouts.NewColumn(520, column)))
	return v
}

// Content is the view's root object.
func (v *CreateView) Content() fyne.CanvasObject { return v.content }

// AddCard adds a card's row, filled with kpj and employer.
func (v *CreateView) AddCard(kpj, employer string) {
	if len(v.cards) >= book.MaxCards {
		return
	}
	r := &cardRow{kpj: widget.NewEntry(), employer: widget.NewEntry(), err: widget.NewLabel("")}
	r.kpj.SetPlaceHolder(lang.L("book.create.kpjPlaceholder"))
	r.employer.SetPlaceHolder(lang.L("book.create.employerPlaceholder"))
	r.kpj.SetText(kpj)
	r.employer.SetText(employer)
	r.err.Importance = widget.DangerImportance
	r.err.Wrapping = fyne.TextWrapWord
	r.err.Hide()
	remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { v.removeCard(r) })
	remove.Importance = widget.LowImportance
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, remove,
		container.NewGridWithColumns(2, r.kpj, r.employer)), r.err)
	v.cards = append(v.cards, r)
	v.cardBox.Add(r.box)
}

func (v *CreateView) removeCard(r *cardRow) {
	if len(v.cards) == 1 {
		r.kpj.SetText("")
		r.employer.SetText("")
		return
	}
	for i, c := range v.cards {
		if c == r {
			v.cards = append(v.cards[:i], v.cards[i+1:]...)
			break
		}
	}
	v.cardBox.Remove(r.box)
}

// Fill puts a member's identity in the form (the demo's member).
func (v *CreateView) Fill(name string, birth time.Time, nik string, cards []book.Card) {
	v.name.SetText(name)
	v.birth.SetText(birth.Format("02-01-2006"))
	v.nik.SetText(nik)
	for len(v.cards) > 1 {
		v.removeCard(v.cards[len(v.cards)-1])
	}
	for i, c := range cards {
		if i == 0 {
			v.cards[0].kpj.SetText(c.KPJ)
			v.cards[0].employer.SetText(c.Employer)
			continue
		}
		v.AddCard(c.KPJ, c.Employer)
	}
}

// ParseDate reads a date as members write it: DD-MM-YYYY, DD/MM/YYYY or
// YYYY-MM-DD (zero and false when it is none of them, or no such day).
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"02-01-2006", "2-1-2006", "02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// form is what the fields say.
func (v *CreateView) form() (book.New, bool) {
	birth, ok := ParseDate(v.birth.Text)
	n := book.New{Name: v.name.Text, BirthDate: birth, NIK: v.nik.Text}
	for _, c := range v.cards {
		if strings.TrimSpace(c.kpj.Text) == "" && strings.TrimSpace(c.employer.Text) == "" && len(v.cards) > 1 {
			continue
		}
		n.Cards = append(n.Cards, book.Card{KPJ: c.kpj.Text, Employer: c.employer.Text})
	}
	return n, ok || strings.TrimSpace(v.birth.Text) == ""
}

func (v *CreateView) trySubmit() {
	n, dateOK := v.form()
	errs := n.Validate(v.now())
	if !dateOK {
		errs = append([]*book.FieldError{{FieldError: validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeFormat}, Card: -1}}, errs...)
	}
	if _, err := validate.ValidatePassword(v.password.Text, n.UserInputs()...); err != nil {
		fe, _ := err.(*validate.FieldError)
		if fe != nil {
			errs = append(errs, &book.FieldError{FieldError: *fe, Card: -1})
		}
	}
	v.ShowFieldErrors(errs)
	if l := v.errs[validate.FieldNIK]; !l.Visible() && n.NIKMismatch() {
		l.SetText(lang.L("book.create.nikMismatch")) // a warning: the book is still made
		l.Show()
	}
	mismatch := v.password.Text != v.confirm.Text
	if mismatch {
		v.errs["confirm"].SetText(lang.L("book.create.confirmMismatch"))
		v.errs["confirm"].Show()
	}
	if len(errs) > 0 || mismatch || v.OnSubmit == nil {
		return
	}
	v.OnSubmit(n, v.password.Text, v.remember.Checked)
}

// ShowFieldErrors shows each refused field's sentence under it (and
// clears the others).
func (v *CreateView) ShowFieldErrors(errs []*book.FieldError) {
	for _, l := range v.errs {
		l.Hide()
	}
	for _, c := range v.cards {
		c.err.Hide()
	}
	for _, e := range errs {
		text := fieldText(e)
		switch {
		case e.Card >= 0 && e.Card < len(v.cards):
			v.cards[e.Card].err.SetText(text)
			v.cards[e.Card].err.Show()
		case e.Card >= 0:
			v.errs["cards"].SetText(text)
			v.errs["cards"].Show()
		case v.errs[e.Field] != nil:
			v.errs[e.Field].SetText(text)
			v.errs[e.Field].Show()
		}
	}
}

func fieldText(e *book.FieldError) string {
	switch e.Field + "/" + e.Code {
	case book.FieldEmployer + "/" + validate.CodeRequired:
		return lang.L("book.create.employerRequired")
	case book.FieldEmployer + "/" + validate.CodeLength:
		return lang.L("book.create.employerLength")
	case validate.FieldKPJ + "/" + validate.CodeTaken:
		return lang.L("book.create.cardTwice")
	case validate.FieldBirthDate + "/" + validate.CodeFormat:
		return lang.L("book.create.birthFormat")
	case validate.FieldBirthDate + "/" + validate.CodeInvalidDate:
		return lang.L("book.create.birthRange", map[string]any{"Age": book.MinAge})
	}
	return i18n.FieldErrorText(e.Field, e.Code)
}

// SetBusy disables the form while the book is made (half a second of
// Argon2id).
func (v *CreateView) SetBusy(busy bool) {
	if busy {
		v.submit.Disable()
		v.busy.Show()
		v.busy.Start()
		v.message.Hide()
		return
	}
	v.submit.Enable()
	v.busy.Stop()
	v.busy.Hide()
}

// ShowMessage says why the book was not made.
func (v *CreateView) ShowMessage(text string) {
	v.message.SetText(text)
	v.message.Show()
}

// Reset empties the form for the next book.
func (v *CreateView) Reset() {
	for _, e := range []*widget.Entry{v.name, v.birth, v.nik, v.password, v.confirm} {
		e.SetText("")
	}
	v.Fill("", time.Time{}, "", nil)
	v.birth.SetText("")
	v.remember.SetChecked(false)
	v.ShowFieldErrors(nil)
	v.message.Hide()
	v.SetBusy(false)
}
