package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
)

// modeTheme is Fyne's default theme with the variant forced for "light" and
// "dark" and left to the system for "system". theme.LightTheme and
// theme.DarkTheme are deprecated since Fyne 2.0; wrapping the default theme
// is the supported way to pin a variant.
type modeTheme struct {
	fyne.Theme
	mode prefs.ThemeMode
}

var _ fyne.Theme = (*modeTheme)(nil)

// NewTheme returns the app theme for mode.
func NewTheme(mode prefs.ThemeMode) fyne.Theme {
	return &modeTheme{Theme: sizedTheme{theme.DefaultTheme()}, mode: mode}
}

// WithAppSizes adds the app's own sizes (SizeNameAmount) to th, e.g. to
// Fyne's test theme for goldens.
func WithAppSizes(th fyne.Theme) fyne.Theme { return sizedTheme{th} }

// sizedTheme adds the app's own sizes to a theme.
type sizedTheme struct{ fyne.Theme }

func (t sizedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == SizeNameAmount {
		return t.Theme.Size(theme.SizeNameHeadingText) * 1.6
	}
	return t.Theme.Size(n)
}

// Color looks the colour up in the forced variant, or in v for "system".
func (t *modeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case prefs.ThemeLight:
		v = theme.VariantLight
	case prefs.ThemeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// ApplyTheme makes mode the look of every window of a; it does nothing
// when a already has it (main applies it before the fonts preload on other
// goroutines, which read the theme; the shell applies it again).
func ApplyTheme(a fyne.App, mode prefs.ThemeMode) {
	if t, ok := a.Settings().Theme().(*modeTheme); ok && t.mode == mode {
		return
	}
	a.Settings().SetTheme(NewTheme(mode))
}
