package book

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// PreviewView shows an import before anything is stored: per file the
// rows read, the rows refused with their reason and line, whether the
// rows agreed with the document's own "Jumlah", whether the book has the
// file already; then what the book would gain. Only OnConfirm stores it.
type PreviewView struct {
	heading *widget.Label
	files   *fyne.Container
	summary *widget.Label
	problem *widget.Label
	confirm *widget.Button
	cancel  *widget.Button
	busy    *widget.Activity
	content fyne.CanvasObject
	preview book.Preview

	OnConfirm func(book.Preview)
	OnCancel  func()
}

// NewPreviewView builds an empty preview ("reading…" until SetPreview).
func NewPreviewView() *PreviewView {
	v := &PreviewView{
		heading: widget.NewLabelWithStyle(lang.L("book.preview.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		files:   container.NewVBox(), summary: widget.NewLabel(""), problem: widget.NewLabel(""), busy: widget.NewActivity(),
	}
	v.summary.Wrapping = fyne.TextWrapWord
	v.problem.Wrapping = fyne.TextWrapWord
	v.problem.Importance = widget.DangerImportance
	v.problem.Hide()
	v.confirm = widget.NewButtonWithIcon(lang.L("book.preview.confirm"), theme.ConfirmIcon(), func() {
		if v.OnConfirm != nil {
			v.OnConfirm(v.preview)
		}
	})
	v.confirm.Importance = widget.HighImportance
	v.cancel = widget.NewButtonWithIcon(lang.L("book.preview.cancel"), theme.CancelIcon(), func() {
		if v.OnCancel != nil {
			v.OnCancel()
		}
	})
	buttons := container.NewHBox(v.busy, v.cancel, v.confirm)
	v.content = container.NewBorder(v.heading, container.NewVBox(v.problem, v.summary, container.NewBorder(nil, nil, nil, buttons)), nil, nil,
		container.NewVScroll(v.files))
	v.SetReading()
	return v
}

// Content is the view's root object.
func (v *PreviewView) Content() fyne.CanvasObject { return v.content }

// SetReading says the files are being read.
func (v *PreviewView) SetReading() {
	v.files.RemoveAll()
	v.summary.SetText(lang.L("book.preview.reading"))
	v.problem.Hide()
	v.confirm.Disable()
	v.busy.Show()
	v.busy.Start()
}

// SetPreview shows p.
func (v *PreviewView) SetPreview(p book.Preview) {
	v.preview = p
	v.busy.Stop()
	v.busy.Hide()
	v.files.RemoveAll()
	for _, f := range p.Files {
		if f.Typed && !f.Kept {
			v.files.Add(typedBlock(p.Rows))
			continue
		}
		v.files.Add(fileBlock(f))
	}
	if p.Problem != nil {
		v.problem.SetText(problemText(p.Problem))
		v.problem.Show()
	} else {
		v.problem.Hide()
	}
	switch {
	case p.Importable() && len(p.Docs) == 0:
		v.summary.SetText(lang.L("book.preview.summaryTyped", map[string]any{"Rows": len(p.Rows)}))
		v.confirm.Enable()
	case p.Importable():
		v.summary.SetText(lang.L("book.preview.summary", map[string]any{"Rows": len(p.Rows), "Docs": len(p.Docs), "Refused": p.Refused()}))
		v.confirm.Enable()
	default:
		v.summary.SetText(lang.L("book.preview.nothing"))
		v.confirm.Disable()
	}
}

// SetSaving disables the buttons while the import is stored.
func (v *PreviewView) SetSaving() {
	v.confirm.Disable()
	v.busy.Show()
	v.busy.Start()
}

// ShowError says why storing failed (nothing was stored).
func (v *PreviewView) ShowError(text string) {
	v.busy.Stop()
	v.busy.Hide()
	v.problem.SetText(text)
	v.problem.Show()
}

// problemText is a reader's sentence in the app's language.
func problemText(p *documents.Problem) string {
	if i18n.CurrentLanguage() == "en" {
		return p.Text(member.EN)
	}
	return p.Text(member.ID)
}

var kindKeys = map[documents.Kind]string{
	documents.KindStatement:  "book.doc.statement",
	documents.KindPayslips:   "book.doc.payslips",
	documents.KindJMO:        "book.doc.jmo",
	documents.KindEmployment: "book.doc.employment",
}

// docTitle is a document's kind and what it covers.
func docTitle(d documents.Document) string {
	key, ok := kindKeys[d.Kind]
	if !ok {
		return lang.L("book.doc.unknown")
	}
	text := lang.L(key)
	if d.Year > 0 {
		text += fmt.Sprintf(" %d", d.Year)
	}
	if d.KPJ != "" {
		text += " · " + i18n.MaskKPJ(d.KPJ)
	}
	return text
}

func fileBlock(f book.FilePreview) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(f.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	lines := []fyne.CanvasObject{name}
	add := func(text string, imp widget.Importance) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		lines = append(lines, l)
	}
	switch {
	case f.Kept && f.Typed:
		add(lang.L("book.preview.keptTyped"), widget.MediumImportance)
	case f.Kept:
		add(lang.L("book.preview.kept"), widget.MediumImportance)
	case f.Problem != nil:
		add(problemText(f.Problem), widget.DangerImportance)
	default:
		add(docTitle(f.Document), widget.MediumImportance)
		add(lang.L("book.preview.rows", map[string]any{"Rows": f.Rows}), widget.MediumImportance)
		if f.Document.TotalsChecked {
			add(lang.L("book.preview.totalsChecked"), widget.SuccessImportance)
		} else {
			add(lang.L("book.preview.totalsNotChecked"), widget.WarningImportance)
		}
		for i, r := range f.Refused {
			if i == 20 {
				add(lang.L("book.preview.moreRefused", map[string]any{"More": len(f.Refused) - 20}), widget.WarningImportance)
				break
			}
			text := r.Source.File
			if r.Reason != nil {
				text = problemText(r.Reason)
			}
			if r.Text != "" {
				text += " — «" + r.Text + "»"
			}
			add(lang.L("book.preview.refused", map[string]any{"Why": text}), widget.WarningImportance)
		}
	}
	return container.NewVBox(append(lines, widget.NewSeparator())...)
}

// typedBlock shows figures the member typed, one row a line.
func typedBlock(rows []book.Row) fyne.CanvasObject {
	lines := []fyne.CanvasObject{widget.NewLabelWithStyle(lang.L("book.preview.typed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, r := range rows {
		l := widget.NewLabel(RowText(r))
		l.Wrapping = fyne.TextWrapWord
		lines = append(lines, l)
	}
	return container.NewVBox(append(lines, widget.NewSeparator())...)
}
