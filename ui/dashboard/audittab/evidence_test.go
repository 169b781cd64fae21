package audittab

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// pdfText is every stream of a PDF fpdf wrote, inflated, with the raw
// bytes: what anyone opening the file could read.
func pdfText(t *testing.T, b []byte) []byte {
	t.Helper()
	out := bytes.Clone(b)
	for _, m := range regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`).FindAllSubmatch(b, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not deflated
		}
		if s, err := io.ReadAll(r); err == nil {
			out = append(out, s...)
		}
	}
	return out
}

// Rudi's card has payslip findings: its line carries the evidence pack's
// button. The pack, saved where the member chose, is a PDF there and a CSV
// beside it, written off the UI goroutine, and the member is told both
// names; the PDF holds his card number masked but its last four digits,
// never whole, and the CSV the month deducted and not paid in.
func TestEvidence_PackWritesThePDFAndTheCSVBeside(t *testing.T) {
	a, _, _ := newTestTab(t)
	q := uitest.NewQueue(t)
	a.p.Runner = async.Runner{Do: q.Do}
	showChecked(t, a, "rudi@contoh.id", func(d *memberdata.Data) { d.Payslips = fixtures.RudiPayslips() })
	uitest.Button(t, a.cards, "Simpan paket bukti (PDF + CSV)")

	dir := t.TempDir()
	w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, packName(fixtures.RudiKPJ))))
	if err != nil {
		t.Fatal(err)
	}
	a.savePack(a.packInput(fixtures.RudiKPJ), w)
	q.WaitFor("the pack", func() bool { return dialogs.CurrentToast(a.p.Win) != nil })
	if got := dialogs.CurrentToast(a.p.Win).Text(); !strings.HasPrefix(got, "Paket bukti disimpan: paket-bukti-9012.pdf dan paket-bukti-9012.csv di folder "+dir) {
		t.Errorf("toast %q", got)
	}

	pdf, err := os.ReadFile(filepath.Join(dir, "paket-bukti-9012.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("the PDF: %v (%.8q)", err, pdf)
	}
	text := pdfText(t, pdf)
	// The core fonts write "•" as Windows-1252's 0x95.
	if !bytes.Contains(text, []byte("\x95\x95\x95\x95\x95\x95\x959012")) {
		t.Error("the PDF lacks the masked card number")
	}
	if bytes.Contains(text, []byte(fixtures.RudiKPJ)) {
		t.Error("the PDF holds the whole card number")
	}
	if !bytes.Contains(text, []byte("Pasal 19")) || !bytes.Contains(text, []byte("Rudi Hartono")) {
		t.Error("the PDF lacks the law or the member's name")
	}

	raw, err := os.ReadFile(filepath.Join(dir, "paket-bukti-9012.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var sep []string
	for _, row := range rows {
		if row[0] == "2026-09" {
			sep = row
		}
		if strings.Contains(strings.Join(row, ";"), fixtures.RudiKPJ) {
			t.Errorf("the CSV holds the whole card number: %q", row)
		}
	}
	// September: JHT 119.120 + JP 59.560 deducted, nothing credited (an
	// empty cell), all of it the gap.
	if len(sep) < 10 || sep[5] != "178680" || sep[8] != "" || sep[9] != "178680" {
		t.Errorf("September's row %q", sep)
	}
}

// A card with no payslip finding has no pack button; a failed write says
// so in the member's language.
func TestEvidence_NoButtonWithoutPayslipFindingsAndAFailureSaid(t *testing.T) {
	a, _, _ := newTestTab(t)
	q := uitest.NewQueue(t)
	a.p.Runner = async.Runner{Do: q.Do}
	show(t, a, "rudi@contoh.id")
	if uitest.Contains(a.cards, "Simpan paket bukti (PDF + CSV)") {
		t.Error("a pack button with no payslip finding")
	}
	uitest.SetLanguage(t, "en")
	dir := t.TempDir()
	w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, "pack.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	in := a.packInput("00000000000") // no such card
	a.savePack(in, w)
	q.WaitFor("the failure", func() bool { return dialogs.CurrentToast(a.p.Win) != nil })
	if got := dialogs.CurrentToast(a.p.Win).Text(); got != "This card is not in your data." {
		t.Errorf("toast %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "pack.csv")); !os.IsNotExist(err) {
		t.Errorf("a CSV was written after the failure (%v)", err)
	}
}

// A book's original documents (Params.Documents) go into the pack: the
// PDF attaches them under their names.
func TestEvidence_PackAttachesTheOriginalDocuments(t *testing.T) {
	a, _, _ := newTestTab(t)
	q := uitest.NewQueue(t)
	a.p.Runner = async.Runner{Do: q.Do}
	original := []byte("No;Bulan;Upah\n1;09-2026;5.956.000\n")
	a.p.Documents = func(context.Context) ([]evidence.Document, error) {
		return []evidence.Document{{Name: "slip-gaji-rudi-2026.csv", Content: original}}, nil
	}
	showChecked(t, a, "rudi@contoh.id", func(d *memberdata.Data) { d.Payslips = fixtures.RudiPayslips() })
	dir := t.TempDir()
	w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, "pack.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	a.savePack(a.packInput(fixtures.RudiKPJ), w)
	q.WaitFor("the pack", func() bool { return dialogs.CurrentToast(a.p.Win) != nil })
	pdf, err := os.ReadFile(filepath.Join(dir, "pack.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	if !bytes.Contains(text, []byte("slip-gaji-rudi-2026.csv")) || !bytes.Contains(text, original) {
		t.Error("the PDF does not attach the original document")
	}
}
