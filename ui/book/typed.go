package book

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// TypedSource is where a typed figure came from: no document, the label
// "diketik" (typed), line 0.
var TypedSource = member.Source{File: "diketik"}

// CardChoice is one of the book's cards a typed figure may belong to.
type CardChoice struct {
	KPJ      string
	Employer string
}

func (c CardChoice) label() string { return i18n.MaskKPJ(c.KPJ) + " · " + c.Employer }

// TypedView is one of the book's two forms for figures the member types
// (no original document): "Saldo JHT dari JMO" (a card's balance as of a
// date, as JMO shows it) or "Iuran sebulan" (one card's month). A form
// refuses what cannot be right with a sentence under the field and keeps
// what was typed; when all is right OnSubmit gets the figures as a
// documents.Bundle, for the same preview and confirmation as a file.
type TypedView struct {
	month   bool
	cards   []CardChoice
	card    *widget.Select
	amount  *widget.Entry // the balance (balance form) or the JHT paid (month form)
	date    *widget.Entry // as of (balance) or the payment date (month)
	status  *widget.Select
	period  *widget.Entry // the month, MM-YYYY (month form); the last month paid, optional (balance form)
	wage    *widget.Entry // reported wage (month form)
	backPay *widget.Entry // Rapel, optional (month form)
	errs    map[string]*widget.Label
	submit  *widget.Button
	content fyne.CanvasObject
	now     func() time.Time

	OnSubmit func(documents.Bundle)
}

// NewBalanceForm is "Saldo JHT dari JMO": card, balance, as-of date,
// optional status.
func NewBalanceForm(cards []CardChoice) *TypedView {
	v := newTyped(cards, false)
	v.status = widget.NewSelect([]string{lang.L("book.typed.statusActive"), lang.L("book.typed.statusInactive")}, nil)
	v.status.PlaceHolder = lang.L("book.typed.statusUnknown")
	v.period = widget.NewEntry()
	v.period.SetPlaceHolder(lang.L("book.typed.monthHint"))
	v.build(
		widget.NewLabel(lang.L("book.typed.card")), v.card, v.errs["card"],
		widget.NewLabel(lang.L("book.typed.balance")), v.amount, v.errs["amount"],
		widget.NewLabel(lang.L("book.typed.asOf")), v.date, v.errs["date"],
		widget.NewLabel(lang.L("book.typed.status")), v.status,
		widget.NewLabel(lang.L("book.typed.lastPaid")), v.period, v.errs["period"],
	)
	return v
}

// NewMonthForm is "Iuran sebulan": card, month, payment date, reported
// wage, JHT paid, optional Rapel.
func NewMonthForm(cards []CardChoice) *TypedView {
	v := newTyped(cards, true)
	v.period = widget.NewEntry()
	v.period.SetPlaceHolder(lang.L("book.typed.monthHint"))
	v.wage, v.backPay = widget.NewEntry(), widget.NewEntry()
	v.wage.SetPlaceHolder("4.500.000")
	v.amount.SetPlaceHolder("285.000")
	v.backPay.SetPlaceHolder("0")
	v.build(
		widget.NewLabel(lang.L("book.typed.card")), v.card, v.errs["card"],
		widget.NewLabel(lang.L("book.typed.month")), v.period, v.errs["period"],
		widget.NewLabel(lang.L("book.typed.paid")), v.date, v.errs["date"],
		widget.NewLabel(lang.L("book.typed.wage")), v.wage, v.errs["wage"],
		widget.NewLabel(lang.L("book.typed.jht")), v.amount, v.errs["amount"],
		widget.NewLabel(lang.L("book.typed.backPay")), v.backPay, v.errs["backPay"],
	)
	return v
}

func newTyped(cards []CardChoice, month bool) *TypedView {
	v := &TypedView{month: month, cards: cards, amount: widget.NewEntry(), date: widget.NewEntry(), errs: map[string]*widget.Label{}, now: time.Now}
	var labels []string
	for _, c := range cards {
		labels = append(labels, c.label())
	}
	v.card = widget.NewSelect(labels, nil)
	v.card.PlaceHolder = lang.L("book.typed.chooseCard")
	if len(cards) == 1 {
		v.card.SetSelectedIndex(0)
	}
	v.amount.SetPlaceHolder("12.345.678")
	v.date.SetPlaceHolder(lang.L("book.typed.dateHint"))
	for _, f := range []string{"card", "amount", "date", "period", "wage", "backPay"} {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		v.errs[f] = l
	}
	return v
}

func (v *TypedView) build(fields ...fyne.CanvasObject) {
	v.submit = widget.NewButtonWithIcon(lang.L("book.typed.preview"), theme.ConfirmIcon(), v.Submit)
	v.submit.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("book.typed.intro"))
	intro.Wrapping = fyne.TextWrapWord
	// The fields scroll; Preview stays in sight below them.
	v.content = container.NewBorder(nil, v.submit, nil, nil, container.NewVScroll(container.NewVBox(append([]fyne.CanvasObject{intro}, fields...)...)))
}

// Content is the form's root object.
func (v *TypedView) Content() fyne.CanvasObject { return v.content }

// Submit checks the form; when it is right, OnSubmit gets the figures.
// What was typed stays in the fields either way.
func (v *TypedView) Submit() {
	for _, l := range v.errs {
		l.Hide()
	}
	bad := func(field, key string) {
		v.errs[field].SetText(lang.L(key))
		v.errs[field].Show()
	}
	now := v.now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	i := v.card.SelectedIndex()
	if i < 0 || i >= len(v.cards) {
		bad("card", "book.typed.errCard")
	}
	amount, ok := ParseRupiah(v.amount.Text)
	if !ok || v.amount.Text == "" {
		bad("amount", "book.typed.errAmount")
	}
	date, ok := ParseDate(v.date.Text)
	switch {
	case !ok:
		bad("date", "book.typed.errDate")
	case date.After(today):
		bad("date", "book.typed.errFuture")
	}
	var period time.Time
	var wage, backPay member.Rupiah
	if !v.month && v.period.Text != "" {
		p, ok := parseMonth(v.period.Text)
		switch {
		case !ok:
			bad("period", "book.typed.errMonth")
		case !date.IsZero() && p.After(date):
			bad("period", "book.typed.errLastPaidAfter")
		}
		period = p
	}
	if v.month {
		p, ok := parseMonth(v.period.Text)
		switch {
		case !ok:
			bad("period", "book.typed.errMonth")
		case p.AddDate(0, 1, 0).After(today):
			bad("period", "book.typed.errMonthOpen")
		case !date.IsZero() && date.Before(p):
			bad("date", "book.typed.errPaidBefore")
		}
		period = p
		if wage, ok = ParseRupiah(v.wage.Text); !ok || v.wage.Text == "" {
			bad("wage", "book.typed.errAmount")
		}
		if v.backPay.Text != "" {
			if backPay, ok = ParseRupiah(v.backPay.Text); !ok {
				bad("backPay", "book.typed.errAmount")
			}
		}
	}
	for _, l := range v.errs {
		if l.Visible() {
			return
		}
	}
	card := v.cards[i]
	src := TypedSource
	var b documents.Bundle
	if v.month {
		b.Months = []member.MonthContribution{{Period: period, KPJ: card.KPJ, EmployerName: card.Employer, ReportedWage: wage,
			JHT: amount, PaidDate: date, BackPay: backPay, Source: &src, OnlyJHTJP: true}}
	} else {
		b.Balances = []member.BalanceAccount{{KPJ: card.KPJ, EmployerName: card.Employer, Total: amount, AsOf: date, Source: &src}}
		if !period.IsZero() {
			b.LastPaid = []documents.CardMonth{{KPJ: card.KPJ, Month: period, Source: src}}
		}
		if s := v.status.SelectedIndex(); s >= 0 {
			status := [...]string{"aktif", "nonaktif"}[s]
			b.Cards = []member.KPJCard{{KPJ: card.KPJ, EmployerName: card.Employer, Status: status}}
		}
	}
	if v.OnSubmit != nil {
		v.OnSubmit(b)
	}
}

// parseMonth reads a month as members write it: MM-YYYY, MM/YYYY or
// YYYY-MM; the first of that month.
func parseMonth(s string) (time.Time, bool) {
	for _, layout := range []string{"01-2006", "1-2006", "01/2006", "1/2006", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1977 {
			return t, true
		}
	}
	return time.Time{}, false
}

// ShowTyped opens form v in a dialog titled by key; onBundle gets what
// was typed once the form accepts it (the dialog closes; the caller
// previews it).
func ShowTyped(win fyne.Window, titleKey string, v *TypedView, onBundle func(documents.Bundle)) {
	d := dialog.NewCustom(lang.L(titleKey), lang.L("book.preview.cancel"), v.Content(), win)
	v.OnSubmit = func(b documents.Bundle) {
		d.Hide()
		onBundle(b)
	}
	d.Resize(fyne.NewSize(560, 620))
	dialogs.Show(d, win)
}
