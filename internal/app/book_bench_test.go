package app

import (
	"context"
	"fmt"
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
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// fortyYears is a book of forty years on one card: a statement a year
// (12 months and the year's balance each) and 480 payslips, in rows as
// the import stores them.
func fortyYears() book.Contents {
	c := book.Contents{Rows: rudi().Rows(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))}
	kpj := "22056789012"
	slips := documents.SourceOf("slip-gaji.csv", []byte("slips"))
	c.Docs = append(c.Docs, book.Doc{ID: 1, Document: documents.Document{Kind: documents.KindPayslips, File: slips.File, SHA256: slips.SHA256}})
	for y := 1986; y < 2026; y++ {
		name := fmt.Sprintf("rsjht-%d.pdf", y)
		src := documents.SourceOf(name, []byte(name))
		c.Docs = append(c.Docs, book.Doc{ID: int64(len(c.Docs) + 1), Document: documents.Document{Kind: documents.KindStatement, File: name,
			SHA256: src.SHA256, Year: y, KPJ: kpj, PrintedAt: time.Date(y+1, 1, 10, 0, 0, 0, 0, time.UTC), TotalsChecked: true}})
		wage := member.Rupiah(1_000_000 + (y-1986)*150_000)
		for m := time.January; m <= time.December; m++ {
			at := src
			at.Page, at.Line = 1, 20+int(m)
			c.Rows = append(c.Rows, book.Row{Kind: book.KindMonth, Doc: src.SHA256, Month: &member.MonthContribution{
				Period: member.Month(y, m), KPJ: kpj, EmployerName: "PT Sumber Rejeki Plastindo", ReportedWage: wage,
				JHTEmployer: wage * 37 / 1000, JHTWorker: wage * 2 / 100, PaidDate: member.Month(y, m).AddDate(0, 1, 9), Source: &at}})
			ps := slips
			ps.Line = len(c.Rows)
			c.Rows = append(c.Rows, book.Row{Kind: book.KindPayslip, Doc: slips.SHA256, Payslip: &member.Payslip{
				Period: member.Month(y, m), Employer: "PT Sumber Rejeki Plastindo", KPJ: kpj, BasicWage: wage, DeductJHT: wage * 2 / 100, Source: ps}})
		}
		c.Rows = append(c.Rows, book.Row{Kind: book.KindBalance, Doc: src.SHA256, Balance: &member.BalanceAccount{KPJ: kpj,
			EmployerName: "PT Sumber Rejeki Plastindo", Total: member.Rupiah(y-1985) * 3_000_000, AsOf: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC),
			History: []member.YearBalance{{Year: y, Closing: member.Rupiah(y-1985) * 3_000_000}}}})
	}
	return c
}

// BenchmarkBook_DataFortyYears: the dashboard's data derived from a
// book of forty years and 480 payslips (each import and correction does
// it; opening reads the snapshot it saved, as a cached account does).
func BenchmarkBook_DataFortyYears(b *testing.B) {
	c := fortyYears()
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := c.Data("book:00", now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBook_OpenFortyYears: a book of forty years and 480 payslips
// opened as the login view's list opens it (its key at hand, as the
// password or the keyring gives it): the snapshot read and decoded, then
// its rows and documents' records read and decrypted (the rows view).
func BenchmarkBook_OpenFortyYears(b *testing.B) {
	dir := b.TempDir()
	a := New(Params{DataDir: dir, Keys: keystore.NewMemory(), Settings: prefs.New(prefs.NewMemoryStore()),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), KDF: testKDF})
	b.Cleanup(a.Close)
	ctx := context.Background()
	a.OpenCache(ctx, nil)
	data, err := a.CreateBook(ctx, rudi(), bookPassword, false)
	if err != nil {
		b.Fatal(err)
	}
	id, key, store, err := a.book.open(a.Epoch())
	if err != nil {
		b.Fatal(err)
	}
	c := fortyYears()
	var docs []book.NewDoc
	for _, d := range c.Docs {
		docs = append(docs, book.NewDoc{Doc: d, Body: []byte(d.Document.File)})
	}
	if _, err := a.book.save(ctx, store, id, key, c, c.Rows[len(rudi().Rows(time.Now())):], docs, cache.SaveOptions{}); err != nil {
		b.Fatal(err)
	}
	ref := bookRefB(b, a)
	for b.Loop() {
		got, err := memberdata.LoadRef(ctx, store, ref, key)
		if err != nil || len(got.Contributions) != 40 || got.Identifier != data.Identifier {
			b.Fatalf("opened %d years, %v", len(got.Contributions), err)
		}
		if _, err := a.book.load(ctx, store, id, key); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBook_PreviewOneYearStatement: the preview of one year's
// statement printout (the demo member's 2025), read by the real reader
// and merged with the book, from the file's bytes to the preview (the
// screen shows it next: the target is 300 ms from the file chosen).
func BenchmarkBook_PreviewOneYearStatement(b *testing.B) {
	a := New(Params{DataDir: b.TempDir(), Keys: keystore.NewMemory(), Settings: prefs.New(prefs.NewMemoryStore()),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), KDF: testKDF})
	b.Cleanup(a.Close)
	ctx := context.Background()
	a.OpenCache(ctx, nil)
	if _, err := a.CreateBook(ctx, rudi(), bookPassword, false); err != nil {
		b.Fatal(err)
	}
	var year []book.Source
	for _, s := range demoSources() {
		if strings.HasSuffix(s.Name, "2025.pdf") {
			year = append(year, s)
		}
	}
	if len(year) != 1 {
		b.Fatalf("%d statements of 2025", len(year))
	}
	for b.Loop() {
		p, err := a.PreviewImport(ctx, a.Epoch(), year)
		if err != nil || !p.Importable() {
			b.Fatalf("preview: %v", err)
		}
	}
}

func bookRefB(b *testing.B, a *App) int64 {
	list, err := a.OfflineAccounts(context.Background())
	if err != nil || len(list) != 1 {
		b.Fatalf("accounts: %v %v", list, err)
	}
	return list[0].Ref
}
