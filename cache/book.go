package cache

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// A book is an account with no server: the member's own records (rows
// read from their documents, or typed) and the original documents, kept
// in this file beside the account's snapshot and sealed under the same
// account key. The snapshot is what the dashboard opens (the app derives
// it from the rows and saves it with every change, in the same
// transaction); the rows and documents are what the member corrects and
// exports. The cache stores opaque payloads: the app decides what a row
// says.
//
// A book is found by its account's lookup key, so a plain Save (the
// payslip wage) replaces the snapshot and leaves the book as it is;
// Forget, ForgetAll and the forgetting of moved-aside copies delete it
// with the account.

const (
	tableBookRows = "book_rows"
	tableBookDocs = "book_docs"
	uidSize       = 16
	// MaxBookChange bounds the rows and documents one change may add,
	// update or delete: an import is far smaller (documents.MaxRows rows
	// a file); a bigger change is a bug or a hostile file, and is refused
	// whole.
	MaxBookChange = 20000
	// MaxBookDocBytes bounds one kept document.
	MaxBookDocBytes = 32 << 20
)

var (
	// ErrDocumentKept means a document of the change is in the book
	// already (the same SHA-256): the change was not written.
	ErrDocumentKept = errors.New("cache: this document is in the book already")
	// ErrBookTooLarge means a change exceeded MaxBookChange or
	// MaxBookDocBytes: nothing was written.
	ErrBookTooLarge = errors.New("cache: the change is larger than a book takes at once")
)

// BookRow is one row of a book: its id (for Update and Delete) and its
// payload.
type BookRow struct {
	ID   int64
	Data []byte
}

// BookDoc is an original document to keep in a book.
type BookDoc struct {
	SHA256 string // hex SHA-256 of Body: a document is kept once
	Meta   []byte // opaque (the app's: name, kind, when imported)
	Body   []byte
}

// BookDocInfo is a kept document without its body.
type BookDocInfo struct {
	ID     int64
	SHA256 string
	Size   int
	Meta   []byte
}

// Book is what a book holds, opened: its rows in the order they were
// added, and its documents' records.
type Book struct {
	Rows []BookRow
	Docs []BookDocInfo
}

// BookChange is one change to a book; SaveBook writes it whole or not at
// all.
type BookChange struct {
	Add    [][]byte
	Update map[int64][]byte
	Delete []int64
	Docs   []BookDoc
}

func (ch BookChange) size() int { return len(ch.Add) + len(ch.Update) + len(ch.Delete) + len(ch.Docs) }

// docRecord is a document's sealed record.
type docRecord struct {
	SHA256 string `json:"h"`
	Size   int    `json:"n"`
	Meta   []byte `json:"m"`
}

func rowAD(lookup, uid []byte) []byte { return ad(tableBookRows, lookup, uid) }

func docAD(lookup, uid []byte, what string) []byte {
	return ad(tableBookDocs, lookup, uid, []byte(what))
}

func newUID() []byte {
	b := make([]byte, uidSize)
	rand.Read(b)
	return b
}

// SaveBook writes change to the account's book (made on first use) and
// replaces the account's snapshot with snap, all in one transaction: a
// crash, an error or a duplicate document leaves the book and the
// snapshot as they were. A document already in the book gives
// ErrDocumentKept; a row of Update or Delete that is not the book's,
// ErrNotFound.
func (c *Cache) SaveBook(ctx context.Context, profile, account string, key *Key, snap Snapshot, change BookChange, opt SaveOptions) error {
	if profile == "" || normalizeAccount(account) == "" || key == nil {
		return errors.New("cache: SaveBook: empty profile, account or key")
	}
	if change.size() > MaxBookChange {
		return ErrBookTooLarge
	}
	for _, d := range change.Docs {
		if len(d.Body) > MaxBookDocBytes || d.SHA256 == "" {
			return ErrBookTooLarge
		}
	}
	if err := c.usable(); err != nil {
		return err
	}
	s, err := key.sealer()
	if err != nil {
		return err
	}
	sealed, asOf, err := c.sealForSave(s, profile, account, snap)
	if err != nil {
		return err
	}
	lookup := sealed.lookup
	err = c.write(ctx, func(tx *sql.Tx) error {
		if err := replaceVault(ctx, tx, profile, account, sealed, asOf, opt); err != nil {
			return err
		}
		book, err := ensureBook(ctx, tx, lookup)
		if err != nil {
			return err
		}
		if err := addDocs(ctx, tx, s, lookup, book, change.Docs); err != nil {
			return err
		}
		for _, data := range change.Add {
			uid := newUID()
			if _, err := tx.ExecContext(ctx, "INSERT INTO book_rows (book_id, uid, body) VALUES (?, ?, ?)",
				book, uid, s.seal(data, rowAD(lookup, uid))); err != nil {
				return err
			}
		}
		for id, data := range change.Update {
			var uid []byte
			err := tx.QueryRowContext(ctx, "SELECT uid FROM book_rows WHERE id = ? AND book_id = ?", id, book).Scan(&uid)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE book_rows SET body = ? WHERE id = ?", s.seal(data, rowAD(lookup, uid)), id); err != nil {
				return err
			}
		}
		for _, id := range change.Delete {
			res, err := tx.ExecContext(ctx, "DELETE FROM book_rows WHERE id = ? AND book_id = ?", id, book)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errors.Join(err, ErrNotFound)
			}
		}
		return nil
	})
	if errors.Is(err, ErrDocumentKept) || errors.Is(err, ErrNotFound) {
		return err
	}
	if err != nil {
		return fmt.Errorf("cache: SaveBook: %w", classify(err))
	}
	return nil
}

func ensureBook(ctx context.Context, tx *sql.Tx, lookup []byte) (int64, error) {
	if _, err := tx.ExecContext(ctx, "INSERT INTO books (lookup) VALUES (?) ON CONFLICT (lookup) DO NOTHING", lookup); err != nil {
		return 0, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM books WHERE lookup = ?", lookup).Scan(&id)
	return id, err
}

func addDocs(ctx context.Context, tx *sql.Tx, s *sealer, lookup []byte, book int64, docs []BookDoc) error {
	for _, d := range docs {
		digest := s.mac("document", d.SHA256)
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM book_docs WHERE book_id = ? AND digest = ?", book, digest).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrDocumentKept
		}
		rec, err := json.Marshal(docRecord{SHA256: d.SHA256, Size: len(d.Body), Meta: d.Meta})
		if err != nil {
			return err
		}
		uid := newUID()
		if _, err := tx.ExecContext(ctx, "INSERT INTO book_docs (book_id, digest, uid, meta, body) VALUES (?, ?, ?, ?, ?)",
			book, digest, uid, s.seal(rec, docAD(lookup, uid, "meta")), s.seal(d.Body, docAD(lookup, uid, "body"))); err != nil {
			return err
		}
	}
	return nil
}

// bookOf opens a read transaction and finds the account's book:
// ErrNotFound when it has none.
func (c *Cache) bookOf(ctx context.Context, profile, account string, key *Key) (*sql.Tx, *sealer, []byte, int64, error) {
	if err := c.usable(); err != nil {
		return nil, nil, nil, 0, err
	}
	s, err := key.sealer()
	if err != nil {
		return nil, nil, nil, 0, err
	}
	lookup := s.accountKey(profile, account)
	tx, err := c.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, nil, 0, classify(err)
	}
	var book int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM books WHERE lookup = ?", lookup).Scan(&book)
	if err != nil {
		_ = tx.Rollback()
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, nil, 0, ErrNotFound
		}
		return nil, nil, nil, 0, classify(err)
	}
	return tx, s, lookup, book, nil
}

// LoadBook opens the account's book with key, read in one transaction:
// ErrNotFound when the account has none, an error wrapping ErrTampered
// when a row or record does not open.
func (c *Cache) LoadBook(ctx context.Context, profile, account string, key *Key) (Book, error) {
	tx, s, lookup, book, err := c.bookOf(ctx, profile, account, key)
	if err != nil {
		return Book{}, err
	}
	defer tx.Rollback()
	var out Book
	rows, err := tx.QueryContext(ctx, "SELECT id, uid, body FROM book_rows WHERE book_id = ? ORDER BY id", book)
	if err != nil {
		return Book{}, classify(err)
	}
	for rows.Next() {
		var r BookRow
		var uid, body []byte
		if err := rows.Scan(&r.ID, &uid, &body); err != nil {
			rows.Close()
			return Book{}, classify(err)
		}
		if r.Data, err = s.open(body, rowAD(lookup, uid)); err != nil {
			rows.Close()
			return Book{}, fmt.Errorf("cache: LoadBook: row: %w", err)
		}
		out.Rows = append(out.Rows, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Book{}, classify(err)
	}
	docs, err := tx.QueryContext(ctx, "SELECT id, uid, meta FROM book_docs WHERE book_id = ? ORDER BY id", book)
	if err != nil {
		return Book{}, classify(err)
	}
	defer docs.Close()
	for docs.Next() {
		var d BookDocInfo
		var uid, meta []byte
		if err := docs.Scan(&d.ID, &uid, &meta); err != nil {
			return Book{}, classify(err)
		}
		rec, err := openDocRecord(s, lookup, uid, meta)
		if err != nil {
			return Book{}, err
		}
		d.SHA256, d.Size, d.Meta = rec.SHA256, rec.Size, rec.Meta
		out.Docs = append(out.Docs, d)
	}
	return out, classify(docs.Err())
}

func openDocRecord(s *sealer, lookup, uid, meta []byte) (docRecord, error) {
	pt, err := s.open(meta, docAD(lookup, uid, "meta"))
	if err != nil {
		return docRecord{}, fmt.Errorf("cache: book document: %w", err)
	}
	var rec docRecord
	if err := json.Unmarshal(pt, &rec); err != nil {
		return docRecord{}, fmt.Errorf("cache: book document: %w: malformed", ErrTampered)
	}
	return rec, nil
}

// BookDocument is the original document id of the account's book.
func (c *Cache) BookDocument(ctx context.Context, profile, account string, key *Key, id int64) ([]byte, error) {
	tx, s, lookup, book, err := c.bookOf(ctx, profile, account, key)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var uid, body []byte
	err = tx.QueryRowContext(ctx, "SELECT uid, body FROM book_docs WHERE id = ? AND book_id = ?", id, book).Scan(&uid, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, classify(err)
	}
	pt, err := s.open(body, docAD(lookup, uid, "body"))
	if err != nil {
		return nil, fmt.Errorf("cache: book document: %w", err)
	}
	return pt, nil
}

// HasBookDocument reports whether the account's book keeps a document
// with this SHA-256 (hex).
func (c *Cache) HasBookDocument(ctx context.Context, profile, account string, key *Key, sha256 string) (bool, error) {
	tx, s, _, book, err := c.bookOf(ctx, profile, account, key)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM book_docs WHERE book_id = ? AND digest = ?", book, s.mac("document", sha256)).Scan(&n)
	return n > 0, classify(err)
}

// deleteBook deletes the book of lookup (its rows and documents with it).
func deleteBook(ctx context.Context, db interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}, lookup []byte) error {
	for _, q := range []string{
		"DELETE FROM book_docs WHERE book_id IN (SELECT id FROM books WHERE lookup = ?)",
		"DELETE FROM book_rows WHERE book_id IN (SELECT id FROM books WHERE lookup = ?)",
		"DELETE FROM books WHERE lookup = ?",
	} {
		if _, err := db.ExecContext(ctx, q, lookup); err != nil {
			return err
		}
	}
	return nil
}
