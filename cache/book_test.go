package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const bookAccount = "book:0f1e2d3c4b5a6978"

// bookDoc is an invented statement's text, with the demo member's figures.
func bookDoc(m demoMember, year int) BookDoc {
	body := []byte(fmt.Sprintf("INFORMASI DANA %d\nNama Peserta: %s\nNomor Kartu: %s\nNama Pemberi Kerja: %s\nJumlah %d\n",
		year, m.Name, m.KPJ, m.Employer, m.Balance))
	sum := sha256.Sum256(body)
	return BookDoc{SHA256: hex.EncodeToString(sum[:]), Meta: []byte(`{"name":"rsjht-` + fmt.Sprint(year) + `.pdf"}`), Body: body}
}

func bookRow(m demoMember, month int) []byte {
	return []byte(fmt.Sprintf(`{"kind":"month","kpj":%q,"employer":%q,"month":"2025-%02d","wage":%d}`, m.KPJ, m.Employer, month, m.Balance))
}

func TestBook_SaveLoadCorrectDelete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	m, key := demoMembers[0], keyOf(bookAccount)
	snap := demoSnapshot(m, 1, 12, 0, time.Now())
	doc := bookDoc(m, 2025)
	if err := c.SaveBook(ctx, testProfile, bookAccount, key, snap, BookChange{Add: [][]byte{bookRow(m, 1), bookRow(m, 2)}, Docs: []BookDoc{doc}}, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := c.LoadBook(ctx, testProfile, bookAccount, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 2 || !bytes.Equal(b.Rows[0].Data, bookRow(m, 1)) || len(b.Docs) != 1 || b.Docs[0].SHA256 != doc.SHA256 || b.Docs[0].Size != len(doc.Body) {
		t.Fatalf("book read back as %+v", b)
	}
	body, err := c.BookDocument(ctx, testProfile, bookAccount, key, b.Docs[0].ID)
	if err != nil || !bytes.Equal(body, doc.Body) {
		t.Fatalf("document read back as %q, %v", body, err)
	}
	if has, err := c.HasBookDocument(ctx, testProfile, bookAccount, key, doc.SHA256); !has || err != nil {
		t.Fatalf("HasBookDocument = %v, %v", has, err)
	}

	// Correct one row, delete the other.
	fixed := bookRow(m, 3)
	if err := c.SaveBook(ctx, testProfile, bookAccount, key, snap, BookChange{Update: map[int64][]byte{b.Rows[0].ID: fixed}, Delete: []int64{b.Rows[1].ID}}, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	b2, err := c.LoadBook(ctx, testProfile, bookAccount, key)
	if err != nil || len(b2.Rows) != 1 || b2.Rows[0].ID != b.Rows[0].ID || !bytes.Equal(b2.Rows[0].Data, fixed) {
		t.Fatalf("after correcting: %+v, %v", b2, err)
	}
	// A row of no book is refused, and nothing of the change is written.
	err = c.SaveBook(ctx, testProfile, bookAccount, key, snap, BookChange{Add: [][]byte{bookRow(m, 4)}, Delete: []int64{9999}}, SaveOptions{})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting a row that is not there: %v", err)
	}
	if b3, _ := c.LoadBook(ctx, testProfile, bookAccount, key); len(b3.Rows) != 1 {
		t.Fatalf("a refused change wrote rows: %+v", b3)
	}
	// Another key opens neither the book nor its documents.
	if _, err := c.LoadBook(ctx, testProfile, bookAccount, keyOf("someone else")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("another key: %v", err)
	}
	// A plain Save (the payslip wage) replaces the snapshot, not the book.
	if err := c.Save(ctx, testProfile, bookAccount, key, demoSnapshot(m, 2, 12, 0, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if b4, err := c.LoadBook(ctx, testProfile, bookAccount, key); err != nil || len(b4.Rows) != 1 || len(b4.Docs) != 1 {
		t.Fatalf("after a plain save: %+v, %v", b4, err)
	}
	list, err := c.Accounts(ctx, testProfile)
	if err != nil || len(list) != 1 || !list[0].Book {
		t.Fatalf("the account list does not mark the book: %+v, %v", list, err)
	}
}

// The same document twice changes nothing: the second change is refused
// whole, its rows and snapshot with it.
func TestBook_SameDocumentTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	m, key := demoMembers[1], keyOf(bookAccount)
	doc := bookDoc(m, 2024)
	if err := c.SaveBook(ctx, testProfile, bookAccount, key, demoSnapshot(m, 1, 12, 1, time.Now()), BookChange{Add: [][]byte{bookRow(m, 1)}, Docs: []BookDoc{doc}}, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	err := c.SaveBook(ctx, testProfile, bookAccount, key, demoSnapshot(m, 2, 12, 1, time.Now()), BookChange{Add: [][]byte{bookRow(m, 1)}, Docs: []BookDoc{doc}}, SaveOptions{})
	if !errors.Is(err, ErrDocumentKept) {
		t.Fatalf("the same document again: %v, want ErrDocumentKept", err)
	}
	b, _ := c.LoadBook(ctx, testProfile, bookAccount, key)
	snap, _ := c.Load(ctx, testProfile, bookAccount, key)
	if g, _ := genOf(snap); len(b.Rows) != 1 || len(b.Docs) != 1 || g != 1 {
		t.Fatalf("a refused import changed the book: %d rows, %d documents, snapshot gen %d", len(b.Rows), len(b.Docs), g)
	}
	if err := c.SaveBook(ctx, testProfile, bookAccount, key, demoSnapshot(m, 2, 12, 0, time.Now()), BookChange{Add: make([][]byte, MaxBookChange+1)}, SaveOptions{}); !errors.Is(err, ErrBookTooLarge) {
		t.Fatalf("a change over the limit: %v", err)
	}
}

// A cancelled import (the context ends mid-way) leaves the book as it was.
func TestBook_InterruptedChangeLeavesTheBook(t *testing.T) {
	t.Parallel()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	m, key := demoMembers[0], keyOf(bookAccount)
	if err := c.SaveBook(context.Background(), testProfile, bookAccount, key, demoSnapshot(m, 1, 12, 0, time.Now()), BookChange{Add: [][]byte{bookRow(m, 1)}}, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rows := make([][]byte, 5000)
	for i := range rows {
		rows[i] = bookRow(m, i%12+1)
	}
	go func() { time.Sleep(2 * time.Millisecond); cancel() }()
	err := c.SaveBook(ctx, testProfile, bookAccount, key, demoSnapshot(m, 2, 12, 0, time.Now()), BookChange{Add: rows}, SaveOptions{})
	b, lerr := c.LoadBook(context.Background(), testProfile, bookAccount, key)
	if lerr != nil {
		t.Fatal(lerr)
	}
	switch {
	case err == nil && len(b.Rows) != 5001:
		t.Fatalf("a finished change holds %d rows", len(b.Rows))
	case err != nil && len(b.Rows) != 1:
		t.Fatalf("an interrupted change (%v) left %d rows, want the 1 before it", err, len(b.Rows))
	}
}

// Forget deletes the book with its account; ForgetAll every book; and no
// figure of the book or its documents is in any file, before or after.
func TestBook_ForgetAndNoPlaintext(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	c, _ := openTest(t, dir, newMemKeys())
	for i, m := range demoMembers {
		account := fmt.Sprintf("book:%016d", i)
		if err := c.SaveBook(ctx, testProfile, account, keyOf(account), demoSnapshot(m, 1, 24, 0, time.Now()),
			BookChange{Add: [][]byte{bookRow(m, 1), bookRow(m, 2)}, Docs: []BookDoc{bookDoc(m, 2025), bookDoc(m, 2024)}}, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	scanFiles(t, dir, "after import")
	first := "book:" + fmt.Sprintf("%016d", 0)
	if err := c.Forget(ctx, testProfile, first, keyOf(first), 0); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := c.r.QueryRow("SELECT (SELECT count(*) FROM books) + (SELECT count(*) FROM book_docs) * 10 + (SELECT count(*) FROM book_rows) * 100").Scan(&n); err != nil || n != 1+20+200 {
		t.Fatalf("after forgetting one of two books: count code %d, %v (want one book, its 2 documents and 2 rows)", n, err)
	}
	scanFiles(t, dir, "after forget")
	if err := c.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.r.QueryRow("SELECT (SELECT count(*) FROM books) + (SELECT count(*) FROM book_docs) + (SELECT count(*) FROM book_rows)").Scan(&n); err != nil || n != 0 {
		t.Fatalf("after forget all: %d book rows left, %v", n, err)
	}
	c.Close()
	scanFiles(t, dir, "after close")
	// The scan finds a document's plaintext where there is some.
	os.WriteFile(filepath.Join(dir, "cache.control"), bookDoc(demoMembers[0], 2025).Body, 0o600)
	if found, _ := plaintextIn(t, dir); len(found) < 3 {
		t.Errorf("the scan missed a document in a control file: found only %v", found)
	}
}
