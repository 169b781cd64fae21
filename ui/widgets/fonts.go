package widgets

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

var latinFonts sync.Once

// Fyne's full Noto Sans faces, kept before UseLatinFonts replaces them (a
// slice header each: their pages are read only if used).
var fullRegular, fullBold = theme.DefaultTextFont().Content(), theme.DefaultTextBoldFont().Content()

// FullTextFaces are Fyne's full Noto Sans regular and bold (3246 glyphs),
// for text drawn outside Fyne, where no system font stands in for a
// character the Latin subsets lack: the card image a member saves and
// shares must show any name Noto Sans can.
func FullTextFaces() (regular, bold []byte) { return fullRegular, fullBold }

// UseLatinFonts makes Fyne's text faces (Noto Sans regular, bold, italic
// and bold italic) the Latin subsets in assets/fonts, the same faces with
// 784 of their 3246 glyphs: the scripts the app's two languages and
// Indonesian names are written in, with the punctuation, currency and
// symbols it uses. Call it once, before any text is measured (main calls
// it before it creates the app).
//
// Why: Fyne parses every glyph of each face it uses, at the first text of
// that style. A full face costs about 11 ms of CPU and keeps 1 MB of heap,
// and its 450 KB file is resident; a subset under 1 ms and 0.2 MB, and
// 60 KB (measured with go-text on this project's machine; the start-up
// A/B is in docs/bench.txt's notes). A character outside the subsets
// still shows: Fyne falls back to a system font for it, as it does now for
// a character Noto Sans lacks (✓, →).
//
// How: Fyne loads a theme's face, then its own default face for the style
// as a fallback, unless both are the same resource
// (internal/painter.lookupFaces). A theme returning the subsets would have
// Fyne parse the full faces too; so the subsets go into Fyne's own
// default resources, which the app theme (the default theme's fonts)
// returns. TestUseLatinFonts_ReplacesFynesFaces checks that Fyne's defaults
// are still *fyne.StaticResource values it can do this with.
func UseLatinFonts() {
	latinFonts.Do(func() {
		for _, f := range []struct {
			res  fyne.Resource
			data []byte
		}{
			{theme.DefaultTextFont(), assets.FontRegular},
			{theme.DefaultTextBoldFont(), assets.FontBold},
			{theme.DefaultTextItalicFont(), assets.FontItalic},
			{theme.DefaultTextBoldItalicFont(), assets.FontBoldItalic},
		} {
			if r, ok := f.res.(*fyne.StaticResource); ok {
				r.StaticContent = f.data
			}
		}
	})
}
