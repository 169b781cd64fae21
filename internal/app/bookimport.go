package app

import (
	"context"
	"errors"
	"slices"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// An import into the open book: PreviewImport reads the files (off the
// UI goroutine: the shell runs it through ui/async) and stores nothing;
// ConfirmImport stores what the member saw, in one transaction.

// PreviewImport reads sources for the open book of the session of epoch:
// per file the rows read, the rows refused with their reason and line,
// whether the rows agreed with the document's own totals, and whether
// the book keeps the file already; and, for the whole import, the rows it
// would add, or why it is refused (another member's documents, figures
// that contradict the book's, over the limits). Nothing is stored.
func (a *App) PreviewImport(ctx context.Context, epoch uint64, sources []book.Source) (book.Preview, error) {
	return a.book.preview(ctx, epoch, sources)
}

func (b *bookKeeper) preview(ctx context.Context, epoch uint64, sources []book.Source) (book.Preview, error) {
	id, key, store, err := b.open(epoch)
	if err != nil {
		return book.Preview{}, err
	}
	contents, err := b.load(ctx, store, id, key)
	if err != nil {
		return book.Preview{}, err
	}
	var p book.Preview
	if len(sources) > book.MaxImportFiles {
		p.Problem = documents.Errorf("too_many_files", member.Source{},
			"satu impor membaca paling banyak %d berkas; impor sisanya sesudahnya",
			"one import reads at most %d files; import the rest afterwards", book.MaxImportFiles)
		return p, nil
	}
	now := b.p.Now()
	seen := map[string]bool{}
	var bundles []documents.Bundle
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return book.Preview{}, err
		}
		at := documents.SourceOf(src.Name, src.Data)
		f := book.FilePreview{Name: at.File}
		kept, err := store.HasBookDocument(ctx, b.p.profileName(), id, key, at.SHA256)
		if err != nil {
			return book.Preview{}, err
		}
		if kept || seen[at.SHA256] {
			f.Kept = true
			p.Files = append(p.Files, f)
			continue
		}
		bundle, err := b.read(at.File, src.Data)
		var problem *documents.Problem
		switch {
		case errors.As(err, &problem):
			f.Problem = problem
		case err != nil:
			f.Problem = documents.Errorf("unreadable", at, "berkas ini tidak dapat dibaca", "this file cannot be read")
		}
		if f.Problem != nil {
			p.Files = append(p.Files, f)
			continue
		}
		seen[at.SHA256] = true
		doc := documents.Document{File: at.File, SHA256: at.SHA256}
		if len(bundle.Documents) > 0 {
			doc = bundle.Documents[0]
			doc.SHA256 = at.SHA256
		}
		rows := book.RowsOf(bundle, at.SHA256)
		f.Document, f.Rows, f.Refused = doc, len(rows), bundle.Refused
		p.Files = append(p.Files, f)
		p.Rows = append(p.Rows, rows...)
		p.Docs = append(p.Docs, book.NewDoc{Doc: book.Doc{Document: doc, Imported: now}, Body: src.Data})
		bundle.Documents = []documents.Document{doc}
		bundles = append(bundles, bundle)
	}
	switch {
	case len(p.Rows) > book.MaxImportRows:
		p.Problem = documents.Errorf("too_many_rows", member.Source{},
			"impor ini menambah %d baris, lebih dari %d sekaligus; impor berkasnya sedikit demi sedikit",
			"this import adds %d rows, more than %d at once; import the files a few at a time", len(p.Rows), book.MaxImportRows)
	case len(contents.Rows)+len(p.Rows) > book.MaxRows:
		p.Problem = documents.Errorf("book_full", member.Source{},
			"buku ini sudah berisi %d baris; sebuah buku menampung paling banyak %d",
			"this book holds %d rows already; a book holds at most %d", len(contents.Rows), book.MaxRows)
	case len(bundles) > 0:
		if _, err := contents.Merged(bundles...); err != nil {
			p.Problem = problemOf(err)
		}
	}
	return p, nil
}

// problemOf is err as the readers' Problem (a bare error becomes one).
func problemOf(err error) *documents.Problem {
	var problem *documents.Problem
	if errors.As(err, &problem) {
		return problem
	}
	return documents.Errorf("unreadable", member.Source{}, "dokumen ini tidak dapat digabung dengan buku", "these documents cannot be put together with the book")
}

// ErrImportRefused is ConfirmImport's refusal of a preview with a
// Problem, or with nothing to add.
var ErrImportRefused = errors.New("app: nothing of this import can be stored")

// ConfirmImport stores a preview in the open book of the session of
// epoch, in one transaction with the data derived from the whole book,
// and returns that data: the rows, and the original documents encrypted
// as evidence. A document the book took meanwhile (the same SHA-256)
// gives cache.ErrDocumentKept and changes nothing; so does any failure
// or a crash half-way.
func (a *App) ConfirmImport(ctx context.Context, epoch uint64, p book.Preview) (memberdata.Data, error) {
	return a.book.confirm(ctx, epoch, p)
}

func (b *bookKeeper) confirm(ctx context.Context, epoch uint64, p book.Preview) (memberdata.Data, error) {
	if !p.Importable() {
		return memberdata.Data{}, ErrImportRefused
	}
	if len(p.Rows) > book.MaxImportRows || len(p.Docs) > book.MaxImportFiles {
		return memberdata.Data{}, ErrBookFull
	}
	b.writes.Lock()
	defer b.writes.Unlock()
	id, key, store, err := b.open(epoch)
	if err != nil {
		return memberdata.Data{}, err
	}
	contents, err := b.load(ctx, store, id, key)
	if err != nil {
		return memberdata.Data{}, err
	}
	if len(contents.Rows)+len(p.Rows) > book.MaxRows {
		return memberdata.Data{}, ErrBookFull
	}
	all := book.Contents{Rows: append(contents.Rows[:len(contents.Rows):len(contents.Rows)], p.Rows...), Docs: contents.Docs}
	for _, d := range p.Docs {
		all.Docs = append(all.Docs, d.Doc)
	}
	data, err := b.save(ctx, store, id, key, all, p.Rows, p.Docs, cache.SaveOptions{})
	if err != nil {
		return memberdata.Data{}, err
	}
	if !b.session.commitData(epoch, data) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

// PreviewTyped is figures the member typed (a JMO balance, a month) as an
// import's preview, refused as a file's would be when they contradict what
// the book holds (the same month with other figures). Nothing is stored.
func (a *App) PreviewTyped(ctx context.Context, epoch uint64, name string, typed documents.Bundle) (book.Preview, error) {
	contents, err := a.BookContents(ctx, epoch)
	if err != nil {
		return book.Preview{}, err
	}
	p := book.Typed(name, typed)
	// Figures the book holds already (typed again, the same) are not
	// stored twice; when nothing is left, the preview says so, as for a
	// document the book keeps.
	fresh := p.Rows[:0:0]
	for _, r := range p.Rows {
		if !slices.ContainsFunc(contents.Rows, r.Same) {
			fresh = append(fresh, r)
		}
	}
	p.Rows, p.Files[0].Rows = fresh, len(fresh)
	if len(fresh) == 0 {
		p.Files[0].Kept = true
		return p, nil
	}
	if _, err := contents.Merged(typed); err != nil {
		var problem *documents.Problem
		if !errors.As(err, &problem) {
			problem = documents.Errorf("unreadable", member.Source{}, "angka ini tidak dapat digabung dengan buku", "these figures cannot be put together with the book")
		}
		p.Problem = problem
	}
	return p, nil
}
