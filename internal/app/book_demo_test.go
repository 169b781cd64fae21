package app

import (
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
)

// rudi is the demo documents' member (sandbox/demodocs: invented).
func rudi() book.New {
	return book.New{Name: "Rudi Hartono", BirthDate: time.Date(1993, 9, 21, 0, 0, 0, 0, time.UTC), NIK: "3216062109930005",
		Cards: []book.Card{{KPJ: "22056789012", Employer: "PT Sumber Rejeki Plastindo"}}}
}

func demoSources() []book.Source {
	var out []book.Source
	for _, f := range demodocs.Files() {
		out = append(out, book.Source{Name: f.Name, Data: f.Data})
	}
	return out
}

// The demo member's own documents, read by the real readers: the preview
// holds every printout with its totals checked; confirmed, the book's
// data has every year, "data per" the newest printout, and June 2026 (never
// paid) missing; the same files again change nothing; and a restart opens
// the same data with the password.
func TestBook_ImportsTheDemoDocuments(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	data, err := a.CreateBook(ctx, rudi(), bookPassword, false)
	if err != nil {
		t.Fatal(err)
	}
	epoch := a.Epoch()
	p, err := a.PreviewImport(ctx, epoch, demoSources())
	if err != nil {
		t.Fatal(err)
	}
	if !p.Importable() || p.Problem != nil {
		t.Fatalf("preview of the demo documents refused: %+v", p.Problem)
	}
	statements := 0
	for _, f := range p.Files {
		if f.Problem != nil {
			t.Errorf("%s: %s", f.Name, f.Problem.Text(member.EN))
			continue
		}
		if strings.HasSuffix(f.Name, ".pdf") {
			statements++
			if !f.Document.TotalsChecked || f.Rows == 0 {
				t.Errorf("%s: %d rows, totals checked %v", f.Name, f.Rows, f.Document.TotalsChecked)
			}
		}
	}
	if statements < 5 {
		t.Fatalf("%d statements in the preview", statements)
	}
	got, err := a.ConfirmImport(ctx, epoch, p)
	if err != nil {
		t.Fatal(err)
	}
	june := member.Month(2026, time.June)
	for _, m := range got.Contributions[2026].Months {
		if m.Period.Equal(june) {
			t.Error("June 2026, never paid, is in the book")
		}
	}
	if len(got.Contributions) < 5 || got.FetchedAt.Year() != 2026 || len(got.Balance.Accounts) != 1 || got.Balance.Total <= 0 ||
		got.Identifier != data.Identifier || got.Member.FullName != "Rudi Hartono" {
		t.Fatalf("after the import: %d years, as of %v, balance %v", len(got.Contributions), got.FetchedAt, got.Balance.Total)
	}
	again, err := a.PreviewImport(ctx, epoch, demoSources())
	if err != nil || again.Importable() {
		t.Fatalf("the same documents again: importable %v, %v", again.Importable(), err)
	}
	a.Lock()
	if err := a.WaitLockSaved(ctx); err != nil {
		t.Fatal(err)
	}
	b, _ := e.start()
	s := bookRef(t, b, ctx)
	reopened, err := b.UnlockOffline(ctx, s.Ref, bookPassword)
	if err != nil || len(reopened.Contributions) != len(got.Contributions) || reopened.Balance.Total != got.Balance.Total {
		t.Fatalf("reopened: %d years, balance %v, %v", len(reopened.Contributions), reopened.Balance.Total, err)
	}
	c, err := b.BookContents(ctx, b.Epoch())
	if err != nil || len(c.Docs) != len(p.Docs) {
		t.Fatalf("the book keeps %d documents, %v", len(c.Docs), err)
	}
	for i, d := range c.Docs {
		original, err := b.BookDocument(ctx, b.Epoch(), d.ID)
		if err != nil || string(original) != string(p.Docs[i].Body) {
			t.Fatalf("document %s read back wrong: %v", d.Document.File, err)
		}
	}
	originals, err := b.BookOriginals(ctx, b.Epoch())
	if err != nil || len(originals) != len(p.Docs) || originals[0].Name != p.Docs[0].Doc.Document.File || string(originals[0].Data) != string(p.Docs[0].Body) {
		t.Fatalf("the originals for the evidence pack: %d, %v", len(originals), err)
	}
	if s.FetchedAt.Year() != 2026 || !s.Book {
		t.Fatalf("listed as %+v", s)
	}
	e.noConnection()
}

// Upah saya on a book: the wage and the payslips the member types become
// the book's rows, so a later correction (which derives the data from
// the rows) keeps them; a payslip taken out of the table leaves the book.
func TestBook_UpahSayaKeptAsRows(t *testing.T) {
	t.Parallel()
	e := newBookEnv(t, keystore.NewMemory())
	a, _ := e.start()
	ctx := e.ctx()
	if _, err := a.CreateBook(ctx, rudi(), bookPassword, false); err != nil {
		t.Fatal(err)
	}
	epoch := a.Epoch()
	p, err := a.PreviewImport(ctx, epoch, demoSources())
	if err != nil {
		t.Fatal(err)
	}
	data, err := a.ConfirmImport(ctx, epoch, p)
	if err != nil || len(data.Payslips) < 2 {
		t.Fatalf("import: %d payslips, %v", len(data.Payslips), err)
	}
	wage := []member.PayslipWage{{From: member.Month(2024, time.January), Wage: 6_100_000}}
	if saved, err := a.SetPayslip(ctx, epoch, wage); err != nil || !saved {
		t.Fatalf("SetPayslip: %v, %v", saved, err)
	}
	slips := data.Payslips[1:] // the member takes the first one out
	if _, err := a.SetPayslips(ctx, epoch, slips); err != nil {
		t.Fatal(err)
	}
	// A correction elsewhere derives the data from the rows again.
	c, err := a.BookContents(ctx, epoch)
	if err != nil {
		t.Fatal(err)
	}
	var month book.Row
	for _, r := range c.Rows {
		if r.Kind == book.KindMonth {
			month = r
			break
		}
	}
	after, err := a.EditBook(ctx, epoch, []book.Row{month}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Payslip) != 1 || after.Payslip[0].Wage != 6_100_000 || len(after.Payslips) != len(slips) {
		t.Fatalf("after a correction: wages %+v, %d payslips (want %d)", after.Payslip, len(after.Payslips), len(slips))
	}
	wages := 0
	for _, r := range c.Rows {
		if r.Kind == book.KindWage && r.Doc == "" {
			wages++
		}
	}
	if wages != 1 {
		t.Fatalf("%d typed wage rows", wages)
	}
}
