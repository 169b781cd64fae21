package book

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

var today = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

func valid() New {
	return New{Name: "Wening Prameswari", BirthDate: time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC), NIK: "3374015204900007",
		Cards: []Card{{KPJ: "23011122233", Employer: "PT Lintang Samudra Niaga"}}}
}

func TestNew_Validate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		edit  func(*New)
		field string
		card  int
		code  string
	}{
		{"no name", func(n *New) { n.Name = " " }, "full_name", -1, "required"},
		{"no birth date", func(n *New) { n.BirthDate = time.Time{} }, "birth_date", -1, "required"},
		{"born 14 years ago", func(n *New) { n.BirthDate = today.AddDate(-14, 0, 0) }, "birth_date", -1, "invalid_date"},
		{"NIK of no province", func(n *New) { n.NIK = "9974015204900007" }, "nik", -1, "format"},
		{"NIK of 15 digits", func(n *New) { n.NIK = "337401520490000" }, "nik", -1, "length"},
		{"NIK with 31 February", func(n *New) { n.NIK = "3374013102900007" }, "nik", -1, "invalid_date"},
		{"no card", func(n *New) { n.Cards = nil }, "kpj", 0, "required"},
		{"KPJ of 10 digits", func(n *New) { n.Cards[0].KPJ = "2301112223" }, "kpj", 0, "length"},
		{"KPJ with a letter", func(n *New) { n.Cards[0].KPJ = "2301112223A" }, "kpj", 0, "format"},
		{"the same card twice", func(n *New) { n.Cards = append(n.Cards, n.Cards[0]) }, "kpj", 1, "taken"},
		{"no employer", func(n *New) { n.Cards[0].Employer = "" }, FieldEmployer, 0, "required"},
	}
	if errs := valid().Validate(today); len(errs) != 0 {
		t.Fatalf("a valid book refused: %v", errs[0])
	}
	n := valid()
	n.NIK = ""
	if errs := n.Validate(today); len(errs) != 0 {
		t.Fatalf("a book without NIK refused: %v", errs[0])
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := valid()
			c.edit(&n)
			errs := n.Validate(today)
			if len(errs) != 1 || errs[0].Field != c.field || errs[0].Card != c.card || errs[0].Code != c.code {
				t.Fatalf("got %+v", errs)
			}
		})
	}
	// A NIK whose date differs from the birth date typed is a warning.
	n = valid()
	n.BirthDate = time.Date(1990, 4, 13, 0, 0, 0, 0, time.UTC)
	if errs := n.Validate(today); len(errs) != 0 || !n.NIKMismatch() || valid().NIKMismatch() {
		t.Fatalf("mismatch: %v, %v", errs, n.NIKMismatch())
	}
}

// Rows survive their encoding, and go back into the bundles they came
// from; the data says "data per" the newest document.
func TestRows_RoundTripAndData(t *testing.T) {
	t.Parallel()
	src := documents.SourceOf("rsjht-2025.pdf", []byte("x"))
	doc := documents.Document{Kind: documents.KindStatement, File: src.File, SHA256: src.SHA256, PrintedAt: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)}
	s := src
	s.Line = 21
	b := documents.Bundle{Months: []member.MonthContribution{{Period: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), KPJ: "23011122233",
		ReportedWage: 5_000_000, JHTEmployer: 185_000, JHTWorker: 100_000, Source: &s}}}
	rows := append(valid().Rows(today), RowsOf(b, src.SHA256)...)
	for i := range rows {
		enc, err := rows[i].Encode()
		if err != nil {
			t.Fatal(err)
		}
		if rows[i], err = DecodeRow(int64(i+1), enc); err != nil {
			t.Fatal(err)
		}
	}
	if rows[2].Source() != s || rows[2].Month.JHTWorker != 100_000 {
		t.Fatalf("the month read back as %+v from %+v", rows[2].Month, rows[2].Source())
	}
	if _, err := DecodeRow(9, []byte(`{"k":"month"}`)); err == nil {
		t.Fatal("a row holding nothing was read")
	}
	c := Contents{Rows: rows, Docs: []Doc{{ID: 1, Document: doc}}}
	data, err := c.Data("book:00", today)
	if err != nil {
		t.Fatal(err)
	}
	if data.Member.FullName != "Wening Prameswari" || !data.FetchedAt.Equal(doc.PrintedAt) || data.Contributions[2025].Totals.JHT != 285_000 || len(data.Cards) != 1 {
		t.Fatalf("data: %+v", data)
	}
	if m := MissingOf(rows); !m.Balance || m.Statement || !m.Payslips {
		t.Fatalf("missing: %+v", m)
	}
	// A row naming a document the book does not keep is refused.
	if _, err := (Contents{Rows: rows}).Data("book:00", today); err == nil {
		t.Fatal("a row of no document was taken")
	}
}

// The export holds the whole book: the JSON reads back to every row, each
// kind's CSV to its rows with their document, a formula-looking cell is
// guarded, and the originals sit under their base names.
func TestExport_TheWholeBook(t *testing.T) {
	t.Parallel()
	src := documents.SourceOf("slip.csv", []byte("x"))
	s := src
	s.Line = 2
	b := documents.Bundle{Payslips: []member.Payslip{{Period: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Employer: "=HYPERLINK(\"x\")",
		BasicWage: 5_000_000, DeductJHT: 100_000, Source: s}}}
	rows := append(valid().Rows(today), RowsOf(b, src.SHA256)...)
	for i := range rows {
		rows[i].ID = int64(i + 1)
	}
	c := Contents{Rows: rows, Docs: []Doc{{ID: 1, Document: documents.Document{Kind: documents.KindPayslips, File: "slip.csv", SHA256: src.SHA256}, Imported: today}}}
	files, err := Export(c, []Source{{Name: "../../etc/slip.csv", Data: []byte("x")}}, today)
	if err != nil {
		t.Fatal(err)
	}
	var back exported
	if err := json.Unmarshal(files[ExportJSON], &back); err != nil || len(back.Rows) != 3 || back.Identity.Name != "Wening Prameswari" || len(back.Documents) != 1 {
		t.Fatalf("the JSON read back as %+v, %v", back, err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["slip-gaji.csv"], []byte("\uFEFF"))))
	r.Comma = ';'
	table, err := r.ReadAll()
	if err != nil || len(table) != 2 {
		t.Fatalf("slip-gaji.csv: %q, %v", table, err)
	}
	if got := table[1]; got[0] != "2026-09" || got[1] != "'=HYPERLINK(\"x\")" || got[3] != "5000000" || got[6] != "100000" || got[12] != "slip.csv" || got[14] != "2" {
		t.Errorf("the payslip's row %q", got)
	}
	if string(files["dokumen/slip.csv"]) != "x" || files["kartu.csv"] == nil || files["dokumen.csv"] == nil {
		t.Errorf("files: %d, the original at dokumen/slip.csv: %q", len(files), files["dokumen/slip.csv"])
	}
}

// A typed preview (a JMO balance with its last month paid): rows of no
// document, importable without one; read back, the last month paid is the
// member's last contribution and the balance the card's.
func TestTyped_BalanceAndLastPaid(t *testing.T) {
	t.Parallel()
	typed := member.Source{File: "diketik"}
	b := documents.Bundle{
		Balances: []member.BalanceAccount{{KPJ: "23011122233", EmployerName: "PT Lintang Samudra Niaga", Total: 12_345_678,
			AsOf: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Source: &typed}},
		LastPaid: []documents.CardMonth{{KPJ: "23011122233", Month: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Source: typed}},
	}
	p := Typed("Saldo JHT dari JMO", b)
	if !p.Importable() || len(p.Docs) != 0 || len(p.Rows) != 2 || !p.Files[0].Typed || p.Files[0].Rows != 2 {
		t.Fatalf("preview %+v", p)
	}
	if (Preview{}).Importable() {
		t.Fatal("an empty preview is importable")
	}
	rows := valid().Rows(today)
	for _, r := range p.Rows {
		enc, err := r.Encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeRow(int64(len(rows)+1), enc)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, back)
	}
	if rows[len(rows)-1].Kind != KindLastPaid || rows[len(rows)-1].Source() != typed || rows[len(rows)-1].Doc != "" {
		t.Fatalf("the last paid row read back as %+v", rows[len(rows)-1])
	}
	data, err := Contents{Rows: rows}.Data("book:00", today)
	if err != nil {
		t.Fatal(err)
	}
	if !data.Member.LastContribution.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) || data.Balance.Total != 12_345_678 {
		t.Fatalf("last contribution %v, balance %v", data.Member.LastContribution, data.Balance.Total)
	}
	files, err := Export(Contents{Rows: rows}, nil, today)
	if err != nil || !bytes.Contains(files["bulan-terakhir.csv"], []byte("23011122233;2026-10;")) {
		t.Fatalf("bulan-terakhir.csv %q, %v", files["bulan-terakhir.csv"], err)
	}
}
