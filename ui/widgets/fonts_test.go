package widgets

import (
	"bytes"
	"io/fs"
	"path"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

// Fyne's full faces, read before any test can call UseLatinFonts.
var fullFaces = map[string][]byte{
	"regular":     theme.DefaultTextFont().Content(),
	"bold":        theme.DefaultTextBoldFont().Content(),
	"italic":      theme.DefaultTextItalicFont().Content(),
	"bold italic": theme.DefaultTextBoldItalicFont().Content(),
}

var latinFaces = map[string][]byte{
	"regular": assets.FontRegular, "bold": assets.FontBold,
	"italic": assets.FontItalic, "bold italic": assets.FontBoldItalic,
}

func parseFace(t *testing.T, name string, b []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// Fyne's default faces are StaticResources whose content becomes the
// subsets, and stay so (the app theme returns them).
func TestUseLatinFonts_ReplacesFynesFaces(t *testing.T) {
	UseLatinFonts()
	for name, r := range map[string]fyne.Resource{
		"regular": theme.DefaultTextFont(), "bold": theme.DefaultTextBoldFont(),
		"italic": theme.DefaultTextItalicFont(), "bold italic": theme.DefaultTextBoldItalicFont(),
	} {
		if _, ok := r.(*fyne.StaticResource); !ok {
			t.Errorf("%s: Fyne's default face is a %T, not a *fyne.StaticResource: UseLatinFonts cannot replace it", name, r)
			continue
		}
		if !bytes.Equal(r.Content(), latinFaces[name]) {
			t.Errorf("%s: Fyne's default face is not the Latin subset after UseLatinFonts", name)
		}
		if got := NewTheme("system").Font(fyne.TextStyle{Bold: name == "bold" || name == "bold italic", Italic: name == "italic" || name == "bold italic"}); got != r {
			t.Errorf("%s: the app theme returns %v, not Fyne's default face (Fyne would then parse both)", name, got.Name())
		}
		if len(latinFaces[name]) >= len(fullFaces[name])/4 {
			t.Errorf("%s: the subset is %d bytes, the full face %d: not a subset", name, len(latinFaces[name]), len(fullFaces[name]))
		}
	}
}

// Text drawn outside Fyne (the card image) has no system font to fall back
// on: it gets the full faces, which have what the subsets leave out.
func TestFullTextFaces_AfterTheSwap(t *testing.T) {
	UseLatinFonts()
	regular, bold := FullTextFaces()
	if !bytes.Equal(regular, fullFaces["regular"]) || !bytes.Equal(bold, fullFaces["bold"]) {
		t.Fatal("FullTextFaces are not Fyne's full Noto Sans regular and bold")
	}
	const r = 'ệ' // Vietnamese, in Noto Sans, not in the subsets
	if _, ok := parseFace(t, "full", regular).NominalGlyph(r); !ok {
		t.Errorf("the full face lacks %q", r)
	}
	if _, ok := parseFace(t, "subset", latinFaces["regular"]).NominalGlyph(r); ok {
		t.Errorf("the subset has %q: pick a character it leaves out", r)
	}
}

// Every character of both languages' translations that Noto Sans has, the
// subsets have, with the same advance: text lays out as with the full
// faces (the tests measure with those), and no translation needs a system
// font that Noto Sans would not have needed.
func TestLatinFonts_CoverTheTranslations(t *testing.T) {
	runes := map[rune]bool{}
	err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".json" {
			return err
		}
		b, err := fs.ReadFile(assets.Translations, p)
		for _, r := range string(b) {
			runes[r] = true
		}
		return err
	})
	if err != nil || len(runes) < 60 {
		t.Fatalf("read %d distinct characters from the translations (%v)", len(runes), err)
	}
	// and what the app writes itself: money, dates, the card's dots
	for _, r := range "Rp 1.234.567,89 – — • · × … « » “ ” ‘ ’ é ñ ü Ş ș ț" {
		runes[r] = true
	}
	for name, full := range fullFaces {
		fullFace, sub := parseFace(t, name, full), parseFace(t, name+" subset", latinFaces[name])
		covered := 0
		for r := range runes {
			if r < ' ' {
				continue
			}
			fg, inFull := fullFace.NominalGlyph(r)
			if !inFull {
				continue // Noto Sans lacks it (✓, →): a system font draws it either way
			}
			sg, inSub := sub.NominalGlyph(r)
			if !inSub {
				t.Errorf("%s: %q (U+%04X) is in Noto Sans but not in the subset: add it to scripts/fonts.sh's ranges and run it", name, r, r)
				continue
			}
			if a, b := fullFace.HorizontalAdvance(fg), sub.HorizontalAdvance(sg); a != b {
				t.Errorf("%s: %q is %v wide in the subset, %v in Noto Sans", name, r, b, a)
			}
			covered++
		}
		if covered < 60 {
			t.Errorf("%s: only %d characters checked", name, covered)
		}
	}
}
