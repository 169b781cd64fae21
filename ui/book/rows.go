package book

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// RowsView lists a book's rows, each with where its figure came from
// (the document, page and line; or typed), and the documents kept; a row
// can be corrected (its figures) or deleted. The shell stores the change
// (OnEdit) and answers with SetContents.
type RowsView struct {
	win      fyne.Window
	list     *widget.List
	docs     *widget.Label
	count    *widget.Label
	message  *widget.Label
	content  fyne.CanvasObject
	rows     []book.Row
	docNames map[string]string // SHA-256 → file name

	OnEdit func(update []book.Row, del []int64)
	OnBack func()
}

// NewRowsView builds the empty list; win hosts its dialogs.
func NewRowsView(win fyne.Window) *RowsView {
	v := &RowsView{win: win, docs: widget.NewLabel(""), count: widget.NewLabel(""), message: widget.NewLabel("")}
	v.docs.Wrapping = fyne.TextWrapWord
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	v.message.Hide()
	v.list = widget.NewList(func() int { return len(v.rows) }, v.newItem, v.updateItem)
	back := widget.NewButtonWithIcon(lang.L("book.back"), theme.NavigateBackIcon(), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	heading := widget.NewLabelWithStyle(lang.L("book.rows.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, back, v.count, heading), v.docs, v.message, widget.NewSeparator())
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, v.list)
	return v
}

// Content is the view's root object.
func (v *RowsView) Content() fyne.CanvasObject { return v.content }

// SetContents shows c's rows (sorted for the screen) and documents.
func (v *RowsView) SetContents(c book.Contents) {
	v.rows = append([]book.Row(nil), c.Rows...)
	book.SortRows(v.rows)
	v.docNames = map[string]string{}
	var names []string
	for _, d := range c.Docs {
		v.docNames[d.Document.SHA256] = d.Document.File
		names = append(names, fmt.Sprintf("%s (%s)", d.Document.File, docTitle(d.Document)))
	}
	if len(names) == 0 {
		v.docs.SetText(lang.L("book.rows.noDocs"))
	} else {
		v.docs.SetText(lang.L("book.rows.docs", map[string]any{"Docs": strings.Join(names, "; ")}))
	}
	v.count.SetText(lang.L("book.rows.count", map[string]any{"Rows": len(v.rows)}))
	v.message.Hide()
	v.list.Refresh()
}

// ShowError says why a change was not stored.
func (v *RowsView) ShowError(text string) {
	v.message.SetText(text)
	v.message.Show()
}

func (v *RowsView) newItem() fyne.CanvasObject {
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	source := widget.NewLabel("")
	source.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), container.NewGridWithColumns(2, what, source))
}

func (v *RowsView) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.rows) {
		return
	}
	r := v.rows[i]
	box := o.(*fyne.Container)
	grid := box.Objects[0].(*fyne.Container)
	buttons := box.Objects[1].(*fyne.Container)
	grid.Objects[0].(*widget.Label).SetText(RowText(r))
	grid.Objects[1].(*widget.Label).SetText(v.sourceText(r))
	edit, del := buttons.Objects[0].(*widget.Button), buttons.Objects[1].(*widget.Button)
	edit.OnTapped = func() { v.editRow(r) }
	del.OnTapped = func() { v.deleteRow(r) }
	if len(fieldsOf(&r)) == 0 {
		edit.Disable()
	} else {
		edit.Enable()
	}
	if r.Kind == book.KindIdentity {
		del.Disable()
	} else {
		del.Enable()
	}
}

// sourceText is where a row came from: "rsjht-2025.pdf, halaman 1, baris 21", or typed.
func (v *RowsView) sourceText(r book.Row) string {
	if r.Doc == "" {
		return lang.L("book.rows.typed")
	}
	s := r.Source()
	name := v.docNames[r.Doc]
	if name == "" {
		name = s.File
	}
	args := map[string]any{"File": name, "Page": s.Page, "Line": s.Line}
	switch {
	case s.Page > 0 && s.Line > 0:
		return lang.L("book.rows.source", args)
	case s.Line > 0:
		return lang.L("book.rows.sourceLine", args)
	}
	return name
}

var rowKeys = map[book.Kind]string{
	book.KindIdentity: "book.kind.identity", book.KindCard: "book.kind.card", book.KindMonth: "book.kind.month",
	book.KindBalance: "book.kind.balance", book.KindClaim: "book.kind.claim", book.KindPayslip: "book.kind.payslip",
	book.KindEmployment: "book.kind.employment", book.KindA1: "book.kind.a1", book.KindWage: "book.kind.wage", book.KindLastPaid: "book.kind.lastPaid",
}

// RowText says what a row holds, in one line.
func RowText(r book.Row) string {
	kind := lang.L(rowKeys[r.Kind])
	switch {
	case r.Identity != nil:
		return kind + ": " + r.Identity.Name + ", " + i18n.FormatDate(r.Identity.BirthDate)
	case r.Card != nil:
		return kind + ": " + i18n.MaskKPJ(r.Card.KPJ) + " · " + r.Card.EmployerName
	case r.Month != nil:
		m := r.Month
		return fmt.Sprintf("%s %s · %s · %s %s · JHT %s · JP %s", kind, i18n.FormatMonth(m.Period), i18n.MaskKPJ(m.KPJ),
			lang.L("book.field.wage"), m.ReportedWage.Format(), either(m.JHTEmployer+m.JHTWorker, m.JHT).Format(),
			either(m.JPEmployer+m.JPWorker, m.JP).Format())
	case r.Balance != nil:
		return fmt.Sprintf("%s %s · %s · %s", kind, i18n.FormatDate(r.Balance.AsOf), i18n.MaskKPJ(r.Balance.KPJ), r.Balance.Total.Format())
	case r.Payslip != nil:
		p := r.Payslip
		return fmt.Sprintf("%s %s · %s · %s %s · JHT %s · JP %s", kind, i18n.FormatMonth(p.Period), p.Employer,
			lang.L("book.field.wage"), p.Wage().Format(), p.DeductJHT.Format(), p.DeductJP.Format())
	case r.Employment != nil:
		e := r.Employment
		end := "…"
		if !e.End.IsZero() {
			end = i18n.FormatDate(e.End)
		}
		return fmt.Sprintf("%s · %s · %s – %s", kind, e.Employer, i18n.FormatDate(e.Start), end)
	case r.A1 != nil:
		return fmt.Sprintf("%s %d · %s · %s", kind, r.A1.Year, r.A1.Employer, r.A1.Amount.Format())
	case r.Claim != nil:
		return fmt.Sprintf("%s · %s · %s", kind, r.Claim.Program, r.Claim.Amount.Format())
	case r.LastPaid != nil:
		return fmt.Sprintf("%s %s · %s", kind, i18n.FormatMonth(r.LastPaid.Month), i18n.MaskKPJ(r.LastPaid.KPJ))
	case r.Wage != nil:
		return fmt.Sprintf("%s %s · %s", kind, i18n.FormatMonth(r.Wage.From), member.Rupiah(r.Wage.Wage).Format())
	}
	return kind
}

// either is the sum of the shares, or the total when no share is given.
func either(shares, total member.Rupiah) member.Rupiah {
	if shares != 0 {
		return shares
	}
	return total
}

// field is one figure a correction may change.
type field struct {
	key string
	v   *member.Rupiah
}

// fieldsOf are the figures of r a member may correct (pointers into r's
// own copy).
func fieldsOf(r *book.Row) []field {
	switch {
	case r.Month != nil:
		m := *r.Month
		r.Month = &m
		return []field{{"book.field.wage", &m.ReportedWage}, {"book.field.jhtEmployer", &m.JHTEmployer}, {"book.field.jhtWorker", &m.JHTWorker},
			{"book.field.jpEmployer", &m.JPEmployer}, {"book.field.jpWorker", &m.JPWorker}}
	case r.Payslip != nil:
		p := *r.Payslip
		r.Payslip = &p
		return []field{{"book.field.basic", &p.BasicWage}, {"book.field.allowances", &p.FixedAllowances}, {"book.field.deductJHT", &p.DeductJHT},
			{"book.field.deductJP", &p.DeductJP}, {"book.field.deductJKK", &p.DeductJKK}, {"book.field.deductJKM", &p.DeductJKM}}
	case r.Balance != nil:
		b := *r.Balance
		r.Balance = &b
		return []field{{"book.field.balance", &b.Total}}
	case r.A1 != nil:
		a := *r.A1
		r.A1 = &a
		return []field{{"book.field.a1", &a.Amount}}
	}
	return nil
}

// ParseRupiah reads an amount as members write it: "4.000.000",
// "4,000,000.00", "Rp 4.000.000,00", "4000000".
func ParseRupiah(s string) (member.Rupiah, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "Rp"))
	s = strings.ReplaceAll(s, " ", "")
	// A two-digit decimal part after the last separator is cents.
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i == 3 {
		s = s[:i]
	}
	s = strings.NewReplacer(".", "", ",", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 1e13 {
		return 0, false
	}
	return member.Rupiah(n), true
}

func (v *RowsView) editRow(r book.Row) {
	fields := fieldsOf(&r)
	entries := make([]*widget.Entry, len(fields))
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		entries[i] = widget.NewEntry()
		entries[i].SetText(strconv.FormatInt(int64(*f.v), 10))
		items[i] = widget.NewFormItem(lang.L(f.key), entries[i])
	}
	d := dialog.NewForm(lang.L("book.rows.editTitle"), lang.L("book.rows.save"), lang.L("book.preview.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		for i, f := range fields {
			n, valid := ParseRupiah(entries[i].Text)
			if !valid {
				v.ShowError(lang.L("book.rows.badAmount", map[string]any{"Field": lang.L(f.key)}))
				return
			}
			*f.v = n
		}
		if v.OnEdit != nil {
			v.OnEdit([]book.Row{r}, nil)
		}
	}, v.win)
	d.Resize(fyne.NewSize(420, 0))
	dialogs.Show(d, v.win)
}

func (v *RowsView) deleteRow(r book.Row) {
	dialogs.Show(dialog.NewConfirm(lang.L("book.rows.deleteTitle"), lang.L("book.rows.deleteBody", map[string]any{"Row": RowText(r)}), func(ok bool) {
		if ok && v.OnEdit != nil {
			v.OnEdit(nil, []int64{r.ID})
		}
	}, v.win), v.win)
}
