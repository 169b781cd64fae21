package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
)

func TestTheme_ForcesTheVariant(t *testing.T) {
	a := test.NewTempApp(t)
	bg := theme.ColorNameBackground
	light := NewTheme(prefs.ThemeLight).Color(bg, theme.VariantDark)
	dark := NewTheme(prefs.ThemeDark).Color(bg, theme.VariantLight)
	if light != theme.DefaultTheme().Color(bg, theme.VariantLight) || dark != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Error("light or dark mode does not force its variant")
	}
	if NewTheme(prefs.ThemeSystem).Color(bg, theme.VariantDark) != dark || NewTheme(prefs.ThemeSystem).Color(bg, theme.VariantLight) != light {
		t.Error("system mode does not follow the variant asked for")
	}
	ApplyTheme(a, prefs.ThemeDark)
	if _, ok := a.Settings().Theme().(*modeTheme); !ok {
		t.Errorf("ApplyTheme set %T", a.Settings().Theme())
	}
}

func TestAppThemeDefinesTheAmountSize(t *testing.T) {
	th := NewTheme(prefs.ThemeLight)
	heading := theme.DefaultTheme().Size(theme.SizeNameHeadingText)
	if got := th.Size(SizeNameAmount); got != heading*1.6 {
		t.Fatalf("amount size %v, want %v", got, heading*1.6)
	}
	if got := th.Size(theme.SizeNameText); got != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Fatalf("text size %v changed", got)
	}
	if l := NewAmountLabel(); l.SizeName != SizeNameAmount || !l.TextStyle.Bold || l.Importance != widget.HighImportance {
		t.Fatalf("amount label %+v", l)
	}
}
