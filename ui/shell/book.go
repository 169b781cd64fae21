package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	bookui "github.com/cekbpjstk/cekbpjstk/ui/book"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The member's own book: making one from the login view, the bar above
// the dashboard while one is open, imports (files chosen, dropped on the
// window, pasted text, the demo's documents) through a preview, and the
// rows with their sources. Reading and storing run off the UI goroutine.

// bookViews are the book's views, built when first shown.
type bookViews struct {
	create *bookui.CreateView
	rows   *bookui.RowsView
	bar    *bookui.Bar
	dash   fyne.CanvasObject // the dashboard under the bar
	refs   map[int64]bool    // the offline list's rows that are books
}

// importTimeout bounds reading an import's files (the readers' own limits
// bound each file).
const importTimeout = 2 * time.Minute

func (c *Shell) bookCreate() *bookui.CreateView {
	if c.book.create == nil {
		v := bookui.NewCreateView()
		v.OnBack = func() { c.show(screenLogin) }
		v.OnSubmit = c.submitBook
		if c.p.DemoBook != nil && c.app.IsDemo() {
			n := *c.p.DemoBook
			v.Fill(n.Name, n.BirthDate, n.NIK, n.Cards)
		}
		c.book.create = v
	}
	return c.book.create
}

func (c *Shell) submitBook(n book.New, password string, remember bool) {
	v := c.bookCreate()
	v.SetBusy(true)
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (memberdata.Data, error) {
		return c.app.CreateBook(ctx, n, password, remember)
	}, func(data memberdata.Data, err error) {
		v.SetBusy(false)
		var fields *app.BookFieldError
		switch {
		case errors.Is(err, app.ErrStale):
		case errors.As(err, &fields):
			v.ShowFieldErrors(fields.Fields)
		case err != nil:
			v.ShowMessage(lang.L("book.create.failed", map[string]any{"Why": i18n.Describe(err)}))
		default:
			v.Reset()
			c.showBook(data)
		}
	})
}

// showBook puts a book's data on the dashboard, under the book's bar.
func (c *Shell) showBook(data memberdata.Data) {
	c.dashView().SetData(data)
	c.show(screenDashboard)
	c.refreshBookBar()
}

// dashboardContent is the dashboard, under the book's bar when a book is
// open.
func (c *Shell) dashboardContent() fyne.CanvasObject {
	dash := c.dashView().Content()
	if !c.app.BookOpen() {
		return dash
	}
	if c.book.bar == nil {
		b := bookui.NewBar()
		b.OnOpenFiles = c.chooseBookFiles
		b.OnPaste = func() {
			bookui.ShowPaste(c.win, func(text string) {
				name := "tempel-" + time.Now().Format("2006-01-02-150405") + ".txt"
				c.importBook([]book.Source{{Name: name, Data: []byte(text)}})
			})
		}
		b.OnBalance = func() { c.typeBook("book.typed.titleBalance", bookui.NewBalanceForm(c.bookCards())) }
		b.OnMonth = func() { c.typeBook("book.typed.titleMonth", bookui.NewMonthForm(c.bookCards())) }
		b.OnRows = c.showBookRows
		b.OnDemo = c.importDemoDocuments
		b.OnExport = c.exportBook
		b.SetDemo(c.p.DemoDocuments != nil && c.app.IsDemo())
		c.book.bar = b
	}
	if c.book.dash != dash {
		c.book.dash = dash
	}
	return container.NewBorder(c.book.bar.Content(), nil, nil, nil, dash)
}

// refreshBookBar reads the open book's rows for what it lacks.
func (c *Shell) refreshBookBar() {
	if !c.app.BookOpen() {
		return
	}
	epoch := c.app.Epoch()
	async.Run(c.session, app.KeyringTimeout, func(ctx context.Context) (book.Contents, error) {
		return c.app.BookContents(ctx, epoch)
	}, func(contents book.Contents, err error) {
		if err != nil {
			c.log.Warn("book contents", "err", err)
			return
		}
		data := c.app.Data()
		if c.book.bar != nil && data != nil {
			c.book.bar.SetBook(data.FetchedAt, len(contents.Docs), book.MissingOf(contents.Rows))
		}
		if c.book.rows != nil {
			c.book.rows.SetContents(contents)
		}
	})
}

// chooseBookFiles opens Fyne's file dialog; the file is read off the UI
// goroutine.
func (c *Shell) chooseBookFiles() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		uri := r.URI()
		_ = r.Close()
		c.importURIs([]fyne.URI{uri})
	}, c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".csv", ".txt", ".PDF", ".CSV", ".TXT"}))
	d.Resize(fyne.NewSize(900, 600))
	dialogs.Show(d, c.win)
}

// dropped takes files dropped on the window while a book is on screen.
func (c *Shell) dropped(_ fyne.Position, uris []fyne.URI) {
	if c.current != screenDashboard || !c.app.BookOpen() {
		return
	}
	c.importURIs(uris)
}

// importURIs reads the files (at most documents.MaxFileBytes each) off the
// UI goroutine, then previews them.
func (c *Shell) importURIs(uris []fyne.URI) {
	preview := c.showPreview()
	epoch := c.app.Epoch()
	async.Run(c.session, importTimeout, func(ctx context.Context) (book.Preview, error) {
		var sources []book.Source
		for i, u := range uris {
			if i == book.MaxImportFiles+1 {
				break // the preview refuses more than MaxImportFiles
			}
			data, err := readLimited(u.Path())
			if err != nil {
				return book.Preview{}, err
			}
			sources = append(sources, book.Source{Name: filepath.Base(u.Path()), Data: data})
		}
		return c.app.PreviewImport(ctx, epoch, sources)
	}, c.previewRead(preview))
}

// errTooLarge: a file over documents.MaxFileBytes is not read.
type errTooLarge struct{ file string }

func (e *errTooLarge) Error() string { return "shell: " + e.file + " is too large" }

// readLimited reads a file chosen or dropped by the member, refusing one
// larger than the readers take (so a huge file never fills memory).
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path) // #nosec G304 -- a file the member chose or dropped
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, documents.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > documents.MaxFileBytes {
		return nil, &errTooLarge{file: filepath.Base(path)}
	}
	return data, nil
}

// importBook previews sources already in memory (pasted text, the demo).
func (c *Shell) importBook(sources []book.Source) {
	preview := c.showPreview()
	epoch := c.app.Epoch()
	async.Run(c.session, importTimeout, func(ctx context.Context) (book.Preview, error) {
		return c.app.PreviewImport(ctx, epoch, sources)
	}, c.previewRead(preview))
}

// typeBook opens one of the book's forms; what the member typed goes
// through the same preview and ConfirmImport as a file.
func (c *Shell) typeBook(titleKey string, v *bookui.TypedView) {
	bookui.ShowTyped(c.win, titleKey, v, func(b documents.Bundle) {
		preview := c.showPreview()
		epoch := c.app.Epoch()
		async.Run(c.session, importTimeout, func(ctx context.Context) (book.Preview, error) {
			return c.app.PreviewTyped(ctx, epoch, lang.L(titleKey), b)
		}, c.previewRead(preview))
	})
}

// bookCards are the open book's cards, for the forms.
func (c *Shell) bookCards() []bookui.CardChoice {
	var out []bookui.CardChoice
	if data := c.app.Data(); data != nil {
		for _, card := range data.Cards {
			out = append(out, bookui.CardChoice{KPJ: card.KPJ, Employer: card.EmployerName})
		}
	}
	return out
}

func (c *Shell) importDemoDocuments() {
	if c.p.DemoDocuments != nil {
		c.importBook(c.p.DemoDocuments())
	}
}

// showPreview opens the preview dialog in its "reading" state.
func (c *Shell) showPreview() *bookui.PreviewView {
	v := bookui.NewPreviewView()
	d := dialog.NewCustomWithoutButtons("", v.Content(), c.win)
	v.OnCancel = d.Hide
	v.OnConfirm = func(p book.Preview) { c.confirmImport(v, d, p) }
	d.Resize(fyne.NewSize(760, 560))
	dialogs.Show(d, c.win)
	return v
}

func (c *Shell) previewRead(v *bookui.PreviewView) func(book.Preview, error) {
	return func(p book.Preview, err error) {
		var big *errTooLarge
		switch {
		case errors.As(err, &big):
			v.SetPreview(book.Preview{})
			v.ShowError(lang.L("book.import.tooLarge", map[string]any{"File": big.file, "MB": documents.MaxFileBytes >> 20}))
		case err != nil:
			v.SetPreview(book.Preview{})
			v.ShowError(lang.L("book.import.failed", map[string]any{"Why": i18n.Describe(err)}))
		default:
			v.SetPreview(p)
		}
	}
}

func (c *Shell) confirmImport(v *bookui.PreviewView, d dialog.Dialog, p book.Preview) {
	v.SetSaving()
	epoch := c.app.Epoch()
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (memberdata.Data, error) {
		return c.app.ConfirmImport(ctx, epoch, p)
	}, func(data memberdata.Data, err error) {
		switch {
		case errors.Is(err, cache.ErrDocumentKept):
			v.ShowError(lang.L("book.import.kept"))
		case err != nil:
			v.ShowError(lang.L("book.import.failed", map[string]any{"Why": describeBookErr(err)}))
		default:
			d.Hide()
			c.dashView().SetData(data)
			c.refreshBookBar()
			saved := "book.import.saved"
			if len(p.Docs) == 0 {
				saved = "book.import.savedTyped" // no original to keep
			}
			dialogs.Show(dialog.NewInformation(lang.L("book.bar.title"),
				lang.L(saved, map[string]any{"Rows": len(p.Rows)}), c.win), c.win)
		}
	})
}

// describeBookErr is a reader's sentence when there is one.
func describeBookErr(err error) string {
	var problem *documents.Problem
	if errors.As(err, &problem) {
		return fmt.Sprint(problem.Text(i18nLang()))
	}
	return i18n.Describe(err)
}

// i18nLang is the app's language for the readers' sentences.
func i18nLang() member.Lang {
	if i18n.CurrentLanguage() == "en" {
		return member.EN
	}
	return member.ID
}

func (c *Shell) showBookRows() {
	if c.book.rows == nil {
		v := bookui.NewRowsView(c.win)
		v.OnBack = func() { c.show(screenDashboard) }
		v.OnEdit = c.editBook
		c.book.rows = v
	}
	c.show(screenBookRows)
	c.refreshBookBar()
}

func (c *Shell) editBook(update []book.Row, del []int64) {
	epoch := c.app.Epoch()
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (memberdata.Data, error) {
		return c.app.EditBook(ctx, epoch, update, del)
	}, func(data memberdata.Data, err error) {
		if err != nil {
			if c.book.rows != nil {
				c.book.rows.ShowError(describeBookErr(err))
			}
			return
		}
		c.dashView().SetData(data)
		c.refreshBookBar()
	})
}

// bookRowsContent is the rows screen.
func (c *Shell) bookRowsContent() fyne.CanvasObject {
	if c.book.rows == nil {
		return widget.NewLabel("")
	}
	return c.book.rows.Content()
}

// bookEvidence are the open book's originals for the evidence pack (none
// when the open account is not a book). Called off the UI goroutine.
func (c *Shell) bookEvidence(ctx context.Context) ([]evidence.Document, error) {
	if !c.app.BookOpen() {
		return nil, nil
	}
	originals, err := c.app.BookOriginals(ctx, c.app.Epoch())
	if err != nil {
		return nil, err
	}
	out := make([]evidence.Document, len(originals))
	for i, o := range originals {
		out[i] = evidence.Document{Name: o.Name, Content: o.Data}
	}
	return out, nil
}

// exportBook writes the whole book — one JSON, a CSV a kind of row, the
// originals — into a new folder inside the one the member chooses, off
// the UI goroutine (internal/book.Export: the member's right to their
// data in a usable form, UU 27/2022 Pasal 13 ayat (1)).
func (c *Shell) exportBook() {
	epoch := c.app.Epoch()
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (fyne.URI, error) {
			return c.writeBookExport(ctx, epoch, dir)
		}, func(folder fyne.URI, err error) {
			if err != nil {
				dialogs.Show(dialog.NewError(errors.New(lang.L("book.export.failed", map[string]any{"Why": describeBookErr(err)})), c.win), c.win)
				return
			}
			dialogs.Show(dialog.NewInformation(lang.L("book.bar.title"), lang.L("book.export.saved", map[string]any{"Folder": folder.Path()}), c.win), c.win)
		})
	}, c.win)
	d.Resize(fyne.NewSize(900, 600))
	dialogs.Show(d, c.win)
}

func (c *Shell) writeBookExport(ctx context.Context, epoch uint64, dir fyne.URI) (fyne.URI, error) {
	contents, err := c.app.BookContents(ctx, epoch)
	if err != nil {
		return nil, err
	}
	originals, err := c.app.BookOriginals(ctx, epoch)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	files, err := book.Export(contents, originals, now)
	if err != nil {
		return nil, err
	}
	folder, err := storage.Child(dir, "catatan-bpjstk-"+now.Format("2006-01-02-150405"))
	if err != nil {
		return nil, err
	}
	if err := storage.CreateListable(folder); err != nil {
		return nil, err
	}
	docs, err := storage.Child(folder, book.ExportDocs)
	if err != nil {
		return nil, err
	}
	if len(originals) > 0 {
		if err := storage.CreateListable(docs); err != nil {
			return nil, err
		}
	}
	for name, data := range files {
		parent, base := folder, name
		if strings.HasPrefix(name, book.ExportDocs+"/") {
			parent, base = docs, strings.TrimPrefix(name, book.ExportDocs+"/")
		}
		u, err := storage.Child(parent, base)
		if err != nil {
			return nil, err
		}
		w, err := storage.Writer(u)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			_ = w.Close()
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	}
	return folder, nil
}
