//go:build testenv

package shell

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// The secret scan, for a book: a member makes a book of their own records
// (remembered, against the real keyring), imports their documents (the
// demo member's printouts, payslips, employment facts and 1721-A1) through
// the preview, locks, opens it again with the password and quits. No
// figure, name, NIK, KPJ or employer of the book, no document (not its
// bytes, not its PDF header), nor its password or key is in plaintext in
// the data dir, the app's storage, HOME, the temp dir or the log.
func TestSecretScan_BookWithImportedDocumentsLeavesNoPlaintext(t *testing.T) {
	home, tmp := t.TempDir(), t.TempDir()
	h := newHarness(t, withRealKeyring())
	var log syncBuffer
	h.restart(h.keys, &log)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	t.Setenv("TMPDIR", tmp)
	const password = "Kebun#Mangga#2031"
	rudi := book.New{Name: "Rudi Hartono", BirthDate: time.Date(1993, 9, 21, 0, 0, 0, 0, time.UTC), NIK: "3216062109930005",
		Cards: []book.Card{{KPJ: "22056789012", Employer: "PT Sumber Rejeki Plastindo"}}}

	h.waitVerified()
	h.c.show(screenBookCreate)
	h.c.submitBook(rudi, password, true)
	h.waitFor("the book's dashboard", func() bool { return h.c.current == screenDashboard && h.c.app.BookOpen() })

	var sources []book.Source
	for _, f := range demodocs.Files() {
		sources = append(sources, book.Source{Name: f.Name, Data: f.Data})
	}
	h.c.importBook(sources)
	var confirm *widget.Button
	h.waitFor("the preview", func() bool {
		top := h.c.win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		confirm = uitest.Find(top, func(b *widget.Button) bool { return b.Text == lang.L("book.preview.confirm") && !b.Disabled() })
		return confirm != nil
	})
	test.Tap(confirm)
	h.waitFor("the imported data", func() bool { d := h.c.app.Data(); return d != nil && len(d.Contributions) >= 5 && len(d.Payslips) > 0 })
	ctx := context.Background()
	dataKey, err := h.keys.Get(ctx, keystore.AccountKeyItem(h.c.app.ProfileName(), h.c.app.Identifier()), keystore.PurposeAccountKey)
	if err != nil {
		t.Fatalf("no copy of the book's key in the keyring to look for: %v", err)
	}

	h.c.lock()
	h.waitVerified()
	if h.c.app.Data() != nil || strings.Contains(h.dashTexts(), "Rudi Hartono") {
		t.Error("decrypted data kept after the lock")
	}
	h.c.shutdown()
	h.drain()

	secrets := []string{"Rudi Hartono", "3216062109930005", "22056789012", "Sumber Rejeki", "22098765", password, dataKey, "%PDF-"}
	for _, s := range sources {
		// A stretch from the middle of each original, as stored whole.
		mid := len(s.Data) / 2
		secrets = append(secrets, string(s.Data[mid:min(mid+48, len(s.Data))]))
		if line, _, ok := bytes.Cut(s.Data[bytes.IndexByte(s.Data, '\n')+1:], []byte("\n")); ok && !strings.HasSuffix(s.Name, ".pdf") {
			secrets = append(secrets, string(line)) // a CSV's first row of figures
		}
	}
	roots := []string{h.dataDir, home, tmp}
	if root := h.app.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		roots = append(roots, root.Path())
	}
	hits := scanForSecrets(roots, secrets)
	if out := log.String(); !strings.Contains(out, "screen shown") {
		t.Fatalf("the captured log is too quiet to prove anything:\n%s", out)
	} else {
		hits = append(hits, secretsIn("the log", []byte(out), secrets)...)
	}
	if len(hits) != 0 {
		t.Fatalf("plaintext after a book's import:\n%s", strings.Join(hits, "\n"))
	}
	var size int64
	_ = filepath.WalkDir(h.dataDir, func(_ string, d fs.DirEntry, _ error) error {
		if d != nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	var docs int
	for _, s := range sources {
		docs += len(s.Data)
	}
	if size < int64(docs) {
		t.Fatalf("the data dir holds %d bytes, less than the %d bytes of documents kept: the scan proves nothing", size, docs)
	}
}
