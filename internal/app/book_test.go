package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsrec"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// An invented member (no real person's name, NIK or KPJ).
const bookPassword = "Kebun#Mangga#2031"

func newBook() book.New {
	return book.New{
		Name: "Wening Prameswari", BirthDate: time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC), NIK: "3374015204900007",
		Cards: []book.Card{{KPJ: "23011122233", Employer: "PT Lintang Samudra Niaga"}, {KPJ: "23044455566", Employer: "CV Kayu Manis"}},
	}
}

// bookEnv is a data dir, a keyring and a server that records every
// connection it gets: a book must never reach it.
type bookEnv struct {
	t    *testing.T
	dir  string
	keys cache.KeyStore
	rec  *tlsrec.Recorder
	now  func() time.Time
}

func newBookEnv(t *testing.T, keys cache.KeyStore) *bookEnv {
	return &bookEnv{t: t, dir: t.TempDir(), keys: keys, rec: tlsrec.Listen(t),
		now: func() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) }}
}

func (e *bookEnv) profile() service.Profile {
	return service.Profile{Name: "server", BaseURL: e.rec.URL, AllowedDomains: []string{"127.0.0.1"},
		Pins: []string{e.rec.Pin, strings.Repeat("B", 43) + "="}, ExtraRootsPEM: e.rec.CertPEM}
}

// start is the app started on the env (its cache opened, as at start-up);
// no server check: a book needs none.
func (e *bookEnv) start() (*App, Opening) {
	e.t.Helper()
	p := e.profile()
	a := New(Params{DataDir: e.dir, Keys: e.keys, Settings: prefs.New(prefs.NewMemoryStore()), Server: &p,
		Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), KDF: testKDF, Now: e.now})
	e.t.Cleanup(a.Close)
	return a, a.OpenCache(e.ctx(), nil)
}

func (e *bookEnv) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	e.t.Cleanup(cancel)
	return ctx
}

// noConnection fails the test if the server saw any connection.
func (e *bookEnv) noConnection() {
	e.t.Helper()
	time.Sleep(200 * time.Millisecond) // anything on its way arrives
	if n := e.rec.Conns(); n != 0 {
		e.t.Fatalf("the server saw %d connections", n)
	}
}

func bookRef(t *testing.T, a *App, ctx context.Context) cache.AccountSummary {
	t.Helper()
	list, err := a.OfflineAccounts(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("offline accounts: %+v, %v", list, err)
	}
	return list[0]
}

// A book is made, listed, locked and opened again with its password,
// across a restart, and no connection to any server is ever attempted;
// the same recorder does see a server check, so it would have seen one.
func TestBook_CreateLockReopenWithNoNetwork(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	n := newBook()
	data, err := a.CreateBook(ctx, n, bookPassword, false)
	if err != nil {
		t.Fatal(err)
	}
	if !book.IsBook(data.Identifier) || data.Member.FullName != n.Name || len(data.Cards) != 2 || !data.Offline ||
		data.Member.NIKMasked != "3374********0007" || !a.BookOpen() || a.Online() {
		t.Fatalf("the book opened as %+v", data)
	}
	s := bookRef(t, a, ctx)
	if !s.Book || !s.Wrapped || s.Locked {
		t.Fatalf("listed as %+v", s)
	}
	if id := a.Lock(); id != data.Identifier {
		t.Fatalf("lock returned %q", id)
	}
	if err := a.WaitLockSaved(ctx); err != nil {
		t.Fatal(err)
	}
	if a.Data() != nil || a.BookOpen() {
		t.Fatal("data in memory after the lock")
	}

	b, o := e.start()
	if o.Cached != nil {
		t.Fatal("a book not remembered opened without its password")
	}
	s = bookRef(t, b, ctx)
	if !s.Locked || !s.Book {
		t.Fatalf("after a restart listed as %+v", s)
	}
	if _, err := b.OpenOffline(ctx, s.Ref); !errors.Is(err, ErrPasswordNeeded) {
		t.Fatalf("open without password: %v", err)
	}
	if _, err := b.UnlockOffline(ctx, s.Ref, "Salah#Sandi#2031"); !errors.Is(err, cache.ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	got, err := b.UnlockOffline(ctx, s.Ref, bookPassword)
	if err != nil || got.Identifier != data.Identifier || got.Member.FullName != n.Name || !b.BookOpen() {
		t.Fatalf("unlock: %+v, %v", got.Member, err)
	}
	if id, ok := b.ShouldResume(); ok {
		t.Fatalf("a book would resume a server session as %q", id)
	}
	contents, err := b.BookContents(ctx, b.Epoch())
	if err != nil || len(contents.Rows) != 3 || contents.Identity().NIK != n.NIK {
		t.Fatalf("contents: %+v, %v", contents, err)
	}
	e.noConnection()

	// Control: a server check of the same profile does reach the recorder.
	_, _ = b.CheckServer(ctx)
	if e.rec.Conns() == 0 {
		t.Fatal("the recorder saw no server check: the test proves nothing")
	}
}

// What the member types is checked as registration checks it, and a weak
// password is refused: nothing is made.
func TestBook_CreateRefusesBadFields(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	bad := newBook()
	bad.NIK = "9974015204900007" // no province 99
	bad.Cards[1].KPJ = "2304445556"
	bad.Cards[0].Employer = " "
	_, err := a.CreateBook(ctx, bad, bookPassword, false)
	var fe *BookFieldError
	if !errors.As(err, &fe) || len(fe.Fields) != 3 {
		t.Fatalf("bad fields: %v", err)
	}
	want := map[string]int{"nik": -1, "kpj": 1, book.FieldEmployer: 0}
	for _, f := range fe.Fields {
		if c, ok := want[f.Field]; !ok || c != f.Card {
			t.Errorf("refused %s of card %d (%s)", f.Field, f.Card, f.Code)
		}
	}
	if _, err := a.CreateBook(ctx, newBook(), "wening1990", false); err == nil {
		t.Fatal("a weak password was taken")
	}
	if list, _ := a.OfflineAccounts(ctx); len(list) != 0 {
		t.Fatalf("a refused book was stored: %+v", list)
	}
}

// readBundles is the tests' reader for files of invented figures: each
// "file" names the bundle the test built for it. The readers' own tests
// cover reading; these cover what the book does with what was read.
func readBundles(bundles map[string]documents.Bundle) func(string, []byte) (documents.Bundle, error) {
	return func(name string, data []byte) (documents.Bundle, error) {
		b, ok := bundles[string(data)]
		if !ok {
			return documents.Bundle{}, documents.Errorf("unknown_format", documents.SourceOf(name, data), "bukan dokumen", "not a document")
		}
		return b, nil
	}
}

func statementBundle(name string, year int, kpj string, identity documents.Identity) documents.Bundle {
	src := documents.SourceOf(name, []byte(name))
	b := documents.Bundle{Identity: identity,
		Documents: []documents.Document{{Kind: documents.KindStatement, File: name, SHA256: src.SHA256, Rows: 12, Year: year, KPJ: kpj,
			PrintedAt: time.Date(year+1, 1, 15, 0, 0, 0, 0, time.UTC), TotalsChecked: true}},
		Cards: []member.KPJCard{{KPJ: kpj, EmployerName: "PT Lintang Samudra Niaga"}}}
	for m := 1; m <= 12; m++ {
		s := src
		s.Page, s.Line = 1, 20+m
		b.Months = append(b.Months, member.MonthContribution{Period: time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC), KPJ: kpj,
			EmployerName: "PT Lintang Samudra Niaga", ReportedWage: 5_000_000, JHTEmployer: 185_000, JHTWorker: 100_000,
			JPEmployer: 100_000, JPWorker: 50_000, PaidDate: time.Date(year, time.Month(m)+1, 10, 0, 0, 0, 0, time.UTC), Source: &s})
	}
	b.Refused = []documents.Refused{{Source: member.Source{File: name, Page: 1, Line: 40}, Text: "13 xx-2025",
		Reason: documents.Errorf("bad_date", member.Source{File: name, Page: 1, Line: 40}, "tanggal tidak ada", "no such date")}}
	return b
}

// An import shows its preview and stores nothing until confirmed; the
// same document again changes nothing; a document of another member is
// refused whole; a row is corrected and deleted with the data following.
func TestBook_ImportPreviewConfirmAndEdit(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	n := newBook()
	data, err := a.CreateBook(ctx, n, bookPassword, false)
	if err != nil {
		t.Fatal(err)
	}
	me := documents.Identity{Name: "WENING  PRAMESWARI", BirthDate: n.BirthDate, NIK: n.NIK}
	other := documents.Identity{Name: "Galih Wicaksono", BirthDate: n.BirthDate, NIK: "3374011010880002"}
	a.book.read = readBundles(map[string]documents.Bundle{
		"rsjht-2024.pdf": statementBundle("rsjht-2024.pdf", 2024, "23011122233", me),
		"rsjht-2025.pdf": statementBundle("rsjht-2025.pdf", 2025, "23011122233", me),
		"lain-2025.pdf":  statementBundle("lain-2025.pdf", 2025, "23099988877", other),
	})
	src := func(name string) book.Source { return book.Source{Name: name, Data: []byte(name)} }
	epoch := a.Epoch()
	p, err := a.PreviewImport(ctx, epoch, []book.Source{src("rsjht-2024.pdf"), src("rsjht-2025.pdf"), {Name: "foto.jpg", Data: []byte("\xff\xd8")}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Importable() || len(p.Rows) != 26 || len(p.Docs) != 2 || p.Refused() != 2 || len(p.Files) != 3 ||
		p.Files[2].Problem == nil || !p.Files[0].Document.TotalsChecked || p.Files[0].Rows != 13 {
		t.Fatalf("preview: %+v", p)
	}
	if c, _ := a.BookContents(ctx, epoch); len(c.Rows) != 3 || len(c.Docs) != 0 {
		t.Fatalf("a preview stored something: %d rows, %d documents", len(c.Rows), len(c.Docs))
	}
	got, err := a.ConfirmImport(ctx, epoch, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Contributions) != 2 || len(got.Contributions[2025].Months) != 12 || !got.FetchedAt.Equal(time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)) ||
		got.Identifier != data.Identifier || a.Data().Contributions[2024].Totals.JHT != 12*285_000 {
		t.Fatalf("after the import: %d years, as of %v", len(got.Contributions), got.FetchedAt)
	}
	c, err := a.BookContents(ctx, epoch)
	if err != nil || len(c.Rows) != 3+26 || len(c.Docs) != 2 {
		t.Fatalf("stored: %d rows, %d documents, %v", len(c.Rows), len(c.Docs), err)
	}
	original, err := a.BookDocument(ctx, epoch, c.Docs[1].ID)
	if err != nil || string(original) != "rsjht-2025.pdf" {
		t.Fatalf("the original document: %q, %v", original, err)
	}

	// The same document again: kept, nothing to add.
	again, err := a.PreviewImport(ctx, epoch, []book.Source{src("rsjht-2025.pdf")})
	if err != nil || again.Importable() || !again.Files[0].Kept {
		t.Fatalf("the same document again: %+v, %v", again, err)
	}
	if _, err := a.ConfirmImport(ctx, epoch, p); !errors.Is(err, cache.ErrDocumentKept) {
		t.Fatalf("confirming the same preview twice: %v", err)
	}
	// Another member's document is refused whole.
	foreign, err := a.PreviewImport(ctx, epoch, []book.Source{src("lain-2025.pdf")})
	if err != nil || foreign.Importable() || foreign.Problem == nil || foreign.Problem.Code != "other_member" {
		t.Fatalf("another member's document: %+v, %v", foreign.Problem, err)
	}
	if c2, _ := a.BookContents(ctx, epoch); len(c2.Rows) != len(c.Rows) || len(c2.Docs) != 2 {
		t.Fatal("a refused import changed the book")
	}

	// Correct one month's wage, delete another month.
	var fix book.Row
	var drop int64
	for _, r := range c.Rows {
		if r.Kind == book.KindMonth && r.Month.Period.Equal(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
			fix = r
		}
		if r.Kind == book.KindMonth && r.Month.Period.Equal(time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)) {
			drop = r.ID
		}
	}
	m := *fix.Month
	m.ReportedWage = 5_500_000
	fix.Month = &m
	edited, err := a.EditBook(ctx, epoch, []book.Row{fix}, []int64{drop})
	if err != nil {
		t.Fatal(err)
	}
	months := edited.Contributions[2025].Months
	if len(months) != 11 || months[2].ReportedWage != 5_500_000 {
		t.Fatalf("after the correction: %d months, March's wage %v", len(months), months[2].ReportedWage)
	}
	if _, err := a.EditBook(ctx, epoch, nil, []int64{c.Rows[0].ID}); err == nil {
		t.Fatal("the book's identity was deleted")
	}
	e.noConnection()
}

// A book opens with the data its rows and documents give now, not the
// snapshot its last import or edit saved: an earlier version of the app
// may have derived them differently. Here the stored snapshot names the
// member otherwise; the book still opens under the name its identity row
// holds, by password and, remembered, at start-up.
func TestBook_OpensDerivedAgainFromItsRows(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	n := newBook()
	data, err := a.CreateBook(ctx, n, bookPassword, true)
	if err != nil {
		t.Fatal(err)
	}
	id, key, store, err := a.book.open(a.Epoch())
	if err != nil {
		t.Fatal(err)
	}
	stale := data
	stale.Member.FullName = "Nama Versi Lama"
	snap, err := memberdata.Snapshot(stale)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveBook(ctx, a.ProfileName(), id, key, snap, cache.BookChange{}, cache.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	// Control: the snapshot itself now says the other name.
	if saved, err := memberdata.Load(ctx, store, a.ProfileName(), id, key); err != nil || saved.Member.FullName != stale.Member.FullName {
		t.Fatalf("the stale snapshot was not saved: %q, %v", saved.Member.FullName, err)
	}
	a.Close()

	b, o := e.start()
	if o.Cached == nil || o.Cached.Member.FullName != n.Name {
		t.Fatalf("remembered book at start-up: %+v", o.Cached)
	}
	if !b.UseCached(b.Epoch(), *o.Cached) {
		t.Fatal("the start-up data was not taken")
	}
	if id := b.Lock(); id != data.Identifier {
		t.Fatalf("lock returned %q", id)
	}
	if err := b.WaitLockSaved(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := b.UnlockOffline(ctx, bookRef(t, b, ctx).Ref, bookPassword)
	if err != nil || got.Member.FullName != n.Name || len(got.Cards) != 2 {
		t.Fatalf("unlocked: %q, %d cards, %v", got.Member.FullName, len(got.Cards), err)
	}
	e.noConnection()
}

// A figure typed again, the same, is not stored twice: its preview says
// the book holds it already and adds nothing; typed with a new figure
// beside it, only the new one is added.
func TestBook_TypedAgainIsNotStoredTwice(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	if _, err := a.CreateBook(ctx, newBook(), bookPassword, false); err != nil {
		t.Fatal(err)
	}
	src := member.Source{File: "JMO"}
	balance := func(kpj string, total member.Rupiah) member.BalanceAccount {
		return member.BalanceAccount{KPJ: kpj, Total: total, AsOf: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Source: &src}
	}
	epoch := a.Epoch()
	typed := documents.Bundle{Balances: []member.BalanceAccount{balance("23011122233", 41_250_000)}}
	p, err := a.PreviewTyped(ctx, epoch, "Saldo dari JMO", typed)
	if err != nil || !p.Importable() || len(p.Rows) != 1 || p.Files[0].Kept {
		t.Fatalf("first preview: %+v, %v", p, err)
	}
	if _, err := a.ConfirmImport(ctx, epoch, p); err != nil {
		t.Fatal(err)
	}
	rows := func() int {
		c, err := a.BookContents(ctx, epoch)
		if err != nil {
			t.Fatal(err)
		}
		return len(c.Rows)
	}
	before := rows()

	p, err = a.PreviewTyped(ctx, epoch, "Saldo dari JMO", typed)
	if err != nil || p.Importable() || len(p.Rows) != 0 || !p.Files[0].Kept || !p.Files[0].Typed || p.Files[0].Rows != 0 {
		t.Fatalf("the same figure again: %+v, %v", p, err)
	}
	if _, err := a.ConfirmImport(ctx, epoch, p); !errors.Is(err, ErrImportRefused) {
		t.Fatalf("confirming it: %v", err)
	}

	typed.Balances = append(typed.Balances, balance("23044455566", 3_100_000))
	p, err = a.PreviewTyped(ctx, epoch, "Saldo dari JMO", typed)
	if err != nil || !p.Importable() || len(p.Rows) != 1 || p.Rows[0].Balance.KPJ != "23044455566" || p.Files[0].Kept {
		t.Fatalf("with a new figure beside it: %+v, %v", p, err)
	}
	if _, err := a.ConfirmImport(ctx, epoch, p); err != nil {
		t.Fatal(err)
	}
	if got := rows(); got != before+1 {
		t.Fatalf("%d rows after adding one figure to %d", got, before)
	}
}
