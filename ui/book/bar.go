package book

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Bar is what the dashboard wears while a book is open: that the data is
// the member's own records, as of the newest document; the ways to
// import (open files, paste text; files dropped on the window too); the
// rows with their sources; and what the book still lacks for the
// dashboard's views, with what to import for it.
type Bar struct {
	asOf    *widget.Label
	missing *widget.Label
	demo    *widget.Button
	balance *widget.Button
	month   *widget.Button
	content fyne.CanvasObject

	OnOpenFiles func() // choose files to import
	OnPaste     func() // paste text copied from JMO or a spreadsheet
	OnBalance   func() // type a JHT balance as JMO shows it
	OnMonth     func() // type one month's contribution
	OnRows      func() // the rows and their sources
	OnDemo      func() // import the demo's documents (demo only)
	OnExport    func() // write the whole book (CSV, JSON, the originals) where the member chooses
}

// NewBar builds the bar; SetBook fills it.
func NewBar() *Bar {
	b := &Bar{asOf: widget.NewLabel(""), missing: widget.NewLabel("")}
	b.missing.Wrapping = fyne.TextWrapWord
	b.missing.Importance = widget.WarningImportance
	call := func(f *func()) func() {
		return func() {
			if *f != nil {
				(*f)()
			}
		}
	}
	open := widget.NewButtonWithIcon(lang.L("book.bar.open"), theme.FolderOpenIcon(), call(&b.OnOpenFiles))
	open.Importance = widget.HighImportance
	paste := widget.NewButtonWithIcon(lang.L("book.bar.paste"), theme.ContentPasteIcon(), call(&b.OnPaste))
	balance := widget.NewButtonWithIcon(lang.L("book.bar.balance"), theme.DocumentCreateIcon(), call(&b.OnBalance))
	month := widget.NewButtonWithIcon(lang.L("book.bar.month"), theme.DocumentCreateIcon(), call(&b.OnMonth))
	b.balance, b.month = balance, month
	rows := widget.NewButtonWithIcon(lang.L("book.bar.rows"), theme.ListIcon(), call(&b.OnRows))
	export := widget.NewButtonWithIcon(lang.L("book.bar.export"), theme.DocumentSaveIcon(), call(&b.OnExport))
	b.demo = widget.NewButtonWithIcon(lang.L("book.bar.demo"), theme.DownloadIcon(), call(&b.OnDemo))
	b.demo.Hide()
	title := widget.NewLabelWithStyle(lang.L("book.bar.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	drop := widget.NewLabel(lang.L("book.bar.drop"))
	line := container.NewHBox(widget.NewIcon(theme.DocumentIcon()), title, b.asOf)
	// The buttons wrap onto a second row where the window is narrow (the
	// bar must not widen a 1024-pixel window).
	buttons := container.New(layout.NewRowWrapLayout(), open, paste, balance, month, rows, export, b.demo)
	tint := widgets.NewTint(theme.ColorNamePrimary, 0x18)
	b.content = container.NewStack(tint, container.NewPadded(container.NewVBox(line, buttons, drop, b.missing)))
	return b
}

// Content is the bar's root object.
func (b *Bar) Content() fyne.CanvasObject { return b.content }

// SetDemo shows the demo's import (the app runs --demo).
func (b *Bar) SetDemo(demo bool) {
	if demo {
		b.demo.Show()
	} else {
		b.demo.Hide()
	}
}

// SetBook shows the book's "data per" (the newest of its docs documents)
// and what it lacks.
func (b *Bar) SetBook(asOf time.Time, docs int, missing book.Missing) {
	if docs == 0 {
		b.asOf.SetText(lang.L("book.bar.noDocs"))
	} else {
		b.asOf.SetText(lang.L("book.bar.asOf", map[string]any{"When": i18n.FormatDate(asOf)}))
	}
	var lines []string
	if missing.Statement {
		lines = append(lines, lang.L("book.missing.statement"))
	}
	if missing.Balance {
		lines = append(lines, lang.L("book.missing.balance"))
	}
	if missing.Payslips {
		lines = append(lines, lang.L("book.missing.payslips"))
	}
	if missing.Jobs {
		lines = append(lines, lang.L("book.missing.jobs"))
	}
	if len(lines) == 0 {
		b.missing.Hide()
		return
	}
	b.missing.SetText(strings.Join(lines, "\n"))
	b.missing.Show()
}
