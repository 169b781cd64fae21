package app

import (
	"context"
	"errors"
	"sync"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// bookKeeper owns the member's own books: accounts with no server, whose
// data is what the member's documents say (internal/book). A book is an
// account of the cache like any other — listed with them, its own data
// key wrapped by its password (Argon2id), its copy in the keyring when
// remembered, locked, forgotten and cleared the same way — so it opens
// through offlineUnlock and keyCustody and never through the session's
// client: nothing here holds or makes one. What it adds is the book's
// rows and original documents (cache.SaveBook), written with the
// dashboard's data derived from them in one transaction.
type bookKeeper struct {
	p       *Params
	cache   *cacheFile
	keys    *keyCustody
	session *session
	writes  *sync.Mutex // App.writes: one member-data write at a time
	// read reads one file (documents/read.File; tests may not replace it).
	read func(name string, data []byte) (documents.Bundle, error)
}

func newBookKeeper(p *Params, c *cacheFile, k *keyCustody, s *session, writes *sync.Mutex) *bookKeeper {
	return &bookKeeper{p: p, cache: c, keys: k, session: s, writes: writes, read: read.File}
}

// ErrNotBook means the call needs an open book and the open account is
// not one (or none is open).
var ErrNotBook = errors.New("app: no book is open")

// ErrBookFull means the book, or one import, is over its limits
// (internal/book): nothing was stored.
var ErrBookFull = errors.New("app: over the book's limits")

// BookFieldError is CreateBook's refusal of what was typed: every field
// refused, with validate's codes.
type BookFieldError struct{ Fields []*book.FieldError }

func (e *BookFieldError) Error() string { return "app: the book's fields are not valid" }

// CreateBook makes a book of the member's own records — the identity and
// cards of n — protected by password exactly as offline data is (its own
// data key, wrapped with Argon2id: about half a second), and opens it. No
// server is asked anything. With remember, the book opens at the next
// start without the password (the keyring's copy of its key), as a
// remembered login does; a lock ends that until the password is typed.
func (a *App) CreateBook(ctx context.Context, n book.New, password string, remember bool) (memberdata.Data, error) {
	return a.book.create(ctx, n, password, remember)
}

func (b *bookKeeper) create(ctx context.Context, n book.New, password string, remember bool) (memberdata.Data, error) {
	now := b.p.Now()
	if errs := n.Validate(now); len(errs) > 0 {
		return memberdata.Data{}, &BookFieldError{Fields: errs}
	}
	if _, err := validate.ValidatePassword(password, n.UserInputs()...); err != nil {
		return memberdata.Data{}, err
	}
	store := b.cache.wait(ctx)
	if store == nil {
		return memberdata.Data{}, ErrNoCache
	}
	epoch := b.session.Epoch()
	id, key := book.NewIdentifier(), cache.NewKey()
	wrap, err := cache.Wrap(key, password, b.p.KDF)
	if err != nil {
		return memberdata.Data{}, err
	}
	contents := book.Contents{Rows: n.Rows(now)}
	b.writes.Lock()
	defer b.writes.Unlock()
	data, err := b.save(ctx, store, id, key, contents, contents.Rows, nil, cache.SaveOptions{Wrap: wrap})
	if err != nil {
		return memberdata.Data{}, err
	}
	if !b.keys.setOpen(epoch, id, key) {
		return memberdata.Data{}, ErrStale // made and listed; the password opens it
	}
	b.keys.loggedIn(epoch, id, remember)
	if remember {
		if err := b.keys.rememberLogin(ctx, id, true); err == nil {
			b.keys.keepCopy(ctx, b.p.profileName(), id, key)
		}
	}
	if !b.session.openData(epoch, data) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

// save writes the rows and documents added to a book whose contents
// become all, with the data derived from all, in one transaction.
func (b *bookKeeper) save(ctx context.Context, store *cache.Cache, id string, key *cache.Key, all book.Contents, add []book.Row, docs []book.NewDoc, opt cache.SaveOptions) (memberdata.Data, error) {
	data, err := all.Data(id, b.p.Now())
	if err != nil {
		return memberdata.Data{}, err
	}
	snap, err := memberdata.Snapshot(data)
	if err != nil {
		return memberdata.Data{}, err
	}
	var change cache.BookChange
	for _, r := range add {
		enc, err := r.Encode()
		if err != nil {
			return memberdata.Data{}, err
		}
		change.Add = append(change.Add, enc)
	}
	for _, d := range docs {
		meta, err := d.Doc.Encode()
		if err != nil {
			return memberdata.Data{}, err
		}
		change.Docs = append(change.Docs, cache.BookDoc{SHA256: d.Doc.Document.SHA256, Meta: meta, Body: d.Body})
	}
	if err := store.SaveBook(ctx, b.p.profileName(), id, key, snap, change, opt); err != nil {
		return memberdata.Data{}, err
	}
	return data, nil
}

// current is a book's data derived again from its rows and documents, by
// this version's readers and rules and as of now, in place of stored, the
// snapshot its last import or edit saved (an earlier version of the app may
// have read the same documents differently, and undated figures are as of
// today). Nothing is written. Where the rows cannot be read, or the rules
// now refuse them, the stored data stands and the reason is logged (no
// member data in it).
func (b *bookKeeper) current(ctx context.Context, store *cache.Cache, stored memberdata.Data, key *cache.Key) memberdata.Data {
	if !book.IsBook(stored.Identifier) {
		return stored
	}
	contents, err := b.load(ctx, store, stored.Identifier, key)
	if err != nil {
		b.p.Logger.Warn("book: its rows could not be read again; its last saved data is shown", "err", err)
		return stored
	}
	data, err := contents.Data(stored.Identifier, b.p.Now())
	if err != nil {
		b.p.Logger.Warn("book: its rows could not be derived again; its last saved data is shown", "err", err)
		return stored
	}
	return data
}

// open is the open book of the session of epoch: its identifier, key and
// cache (ErrNotBook when the open account is not a book).
func (b *bookKeeper) open(epoch uint64) (string, *cache.Key, *cache.Cache, error) {
	if b.session.Epoch() != epoch {
		return "", nil, nil, ErrStale
	}
	id := b.session.openIdentifier()
	if !book.IsBook(id) {
		return "", nil, nil, ErrNotBook
	}
	key := b.keys.openFor(id)
	store := b.cache.current()
	if key == nil || store == nil {
		return "", nil, nil, ErrNotBook
	}
	return id, key, store, nil
}

// BookOpen reports whether the open account is a book.
func (a *App) BookOpen() bool {
	d := a.session.dataCopy()
	return d != nil && book.IsBook(d.Identifier)
}

// BookContents reads the open book's rows and documents' records (not
// the documents themselves) in the session of epoch.
func (a *App) BookContents(ctx context.Context, epoch uint64) (book.Contents, error) {
	id, key, store, err := a.book.open(epoch)
	if err != nil {
		return book.Contents{}, err
	}
	return a.book.load(ctx, store, id, key)
}

func (b *bookKeeper) load(ctx context.Context, store *cache.Cache, id string, key *cache.Key) (book.Contents, error) {
	stored, err := store.LoadBook(ctx, b.p.profileName(), id, key)
	if err != nil {
		return book.Contents{}, err
	}
	var c book.Contents
	for _, r := range stored.Rows {
		row, err := book.DecodeRow(r.ID, r.Data)
		if err != nil {
			return book.Contents{}, err
		}
		c.Rows = append(c.Rows, row)
	}
	for _, d := range stored.Docs {
		doc, err := book.DecodeDoc(d.ID, d.Meta)
		if err != nil {
			return book.Contents{}, err
		}
		c.Docs = append(c.Docs, doc)
	}
	return c, nil
}

// BookDocument is an original document the open book keeps (for the
// evidence pack and the book's export).
func (a *App) BookDocument(ctx context.Context, epoch uint64, id int64) ([]byte, error) {
	account, key, store, err := a.book.open(epoch)
	if err != nil {
		return nil, err
	}
	return store.BookDocument(ctx, a.p.profileName(), account, key, id)
}

// EditBook corrects rows of the open book (update: rows with their ID
// and new figures) and deletes others, in one transaction with the data
// derived from the result, which it returns. The book's identity is not
// deleted. A correction that makes two documents contradict each other is
// refused with the readers' *documents.Problem, and nothing changes.
func (a *App) EditBook(ctx context.Context, epoch uint64, update []book.Row, del []int64) (memberdata.Data, error) {
	return a.book.edit(ctx, epoch, update, del)
}

func (b *bookKeeper) edit(ctx context.Context, epoch uint64, update []book.Row, del []int64) (memberdata.Data, error) {
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
	gone := map[int64]bool{}
	for _, d := range del {
		gone[d] = true
	}
	fixed := map[int64]book.Row{}
	for _, r := range update {
		fixed[r.ID] = r
	}
	var change cache.BookChange
	change.Update = map[int64][]byte{}
	var next book.Contents
	next.Docs = contents.Docs
	for _, r := range contents.Rows {
		switch {
		case gone[r.ID] && r.Kind == book.KindIdentity:
			return memberdata.Data{}, ErrNotBook
		case gone[r.ID]:
			change.Delete = append(change.Delete, r.ID)
			continue
		}
		if f, ok := fixed[r.ID]; ok {
			if f.Kind != r.Kind {
				return memberdata.Data{}, errors.New("app: a correction changes a row's kind")
			}
			f.Doc = r.Doc
			enc, err := f.Encode()
			if err != nil {
				return memberdata.Data{}, err
			}
			change.Update[r.ID], r = enc, f
		}
		next.Rows = append(next.Rows, r)
	}
	if len(change.Delete) != len(gone) || len(change.Update) != len(fixed) {
		return memberdata.Data{}, cache.ErrNotFound
	}
	data, err := next.Data(id, b.p.Now())
	if err != nil {
		return memberdata.Data{}, err
	}
	snap, err := memberdata.Snapshot(data)
	if err != nil {
		return memberdata.Data{}, err
	}
	if err := store.SaveBook(ctx, b.p.profileName(), id, key, snap, change, cache.SaveOptions{}); err != nil {
		return memberdata.Data{}, err
	}
	if !b.session.commitData(epoch, data) {
		return memberdata.Data{}, ErrStale
	}
	return data, nil
}

// BookOriginals are the open book's original documents, by name, in the
// order kept (the evidence pack attaches them; the book's export writes
// them).
func (a *App) BookOriginals(ctx context.Context, epoch uint64) ([]book.Source, error) {
	id, key, store, err := a.book.open(epoch)
	if err != nil {
		return nil, err
	}
	contents, err := a.book.load(ctx, store, id, key)
	if err != nil {
		return nil, err
	}
	out := make([]book.Source, 0, len(contents.Docs))
	for _, d := range contents.Docs {
		data, err := store.BookDocument(ctx, a.p.profileName(), id, key, d.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, book.Source{Name: d.Document.File, Data: data})
	}
	return out, nil
}
