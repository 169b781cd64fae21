package shell

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// A book made from the login view's form opens on the dashboard under
// the book's bar, which says what the book lacks; with the demo's
// documents imported, the whole book exports to a folder of its own: the
// JSON, a CSV a kind of row, and every original byte for byte.
func TestBook_MadeShownAndExported(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.c.show(screenBookCreate)
	rudi := book.New{Name: "Rudi Hartono", BirthDate: time.Date(1993, 9, 21, 0, 0, 0, 0, time.UTC), NIK: "3216062109930005",
		Cards: []book.Card{{KPJ: "22056789012", Employer: "PT Sumber Rejeki Plastindo"}}}
	h.c.submitBook(rudi, "Kebun#Mangga#2031", false)
	h.waitFor("the book's dashboard", func() bool { return h.c.current == screenDashboard && h.c.app.BookOpen() })
	h.waitFor("the bar's missing list", func() bool { return h.contains("Slip gaji belum ada") })
	if !h.contains("belum ada dokumen") || !uitest.Contains(h.screen(), "Impor berkas") {
		t.Fatalf("the bar: %q", uitest.Texts(h.screen()))
	}

	ctx := context.Background()
	var sources []book.Source
	for _, f := range demodocs.Files() {
		sources = append(sources, book.Source{Name: f.Name, Data: f.Data})
	}
	p, err := h.c.app.PreviewImport(ctx, h.c.app.Epoch(), sources)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.c.app.ConfirmImport(ctx, h.c.app.Epoch(), p); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	folder, err := h.c.writeBookExport(ctx, h.c.app.Epoch(), storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"catatan.json", "iuran.csv", "saldo.csv", "slip-gaji.csv", "pekerjaan.csv", "dokumen.csv", "kartu.csv"} {
		b, err := os.ReadFile(filepath.Join(folder.Path(), name))
		if err != nil || len(b) < 10 {
			t.Errorf("%s: %d bytes, %v", name, len(b), err)
		}
	}
	for _, s := range sources {
		b, err := os.ReadFile(filepath.Join(folder.Path(), book.ExportDocs, s.Name))
		if err != nil || string(b) != string(s.Data) {
			t.Errorf("the original %s: %v", s.Name, err)
		}
	}
	if iuran, _ := os.ReadFile(filepath.Join(folder.Path(), "iuran.csv")); !strings.Contains(string(iuran), "2026-05;22056789012") {
		t.Errorf("iuran.csv lacks May 2026 of the card:\n%.300s", iuran)
	}
}

// A locked book is listed as the member's records and its password
// prompt speaks of the book's own password, not a BPJSTK one; the
// password opens it back on the book's bar.
func TestBook_LockedBookOpensWithItsPassword(t *testing.T) {
	h := newHarness(t)
	h.makeBook()
	h.c.lock()
	h.waitFor("the book in the list", func() bool { return h.contains("Terkunci: catatan saya") })
	var ref int64
	for r, isBook := range h.c.book.refs {
		if isBook {
			ref = r
		}
	}
	h.c.openOffline(ref, "•••", time.Now())
	h.waitFor("the password prompt", func() bool { return h.c.current == screenUnlock })
	if !h.contains("Buka catatan saya") || h.contains("kata sandi BPJSTK") {
		t.Fatalf("the prompt: %q", uitest.Texts(h.screen()))
	}
	h.c.submitUnlock("Kebun#Mangga#2031")
	h.waitFor("the book again", func() bool { return h.c.current == screenDashboard && h.c.app.BookOpen() && h.contains("Catatan saya") })
}
