// Package widgets holds the app's own widgets and theme, shared by the
// feature views: badges, tints, the large amount label.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SizeNameAmount is the text size of the large balance figures; the app
// theme defines it (sizedTheme).
const SizeNameAmount fyne.ThemeSizeName = "cekbpjstk.amount"

// NewAmountLabel is a large, bold, primary-coloured figure. The size comes
// from the app theme rather than a container.ThemeOverride: Fyne keys its
// font cache by theme scope, so each override loaded every font again
// (~4 MB and ~15 ms per label).
func NewAmountLabel() *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = SizeNameAmount
	l.Importance = widget.HighImportance
	return l
}

// WithAlpha is c with its alpha replaced.
func WithAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	// #nosec G115 -- RGBA returns 16-bit channels; >>8 leaves 0..255
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
