package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tint is a rounded background in a theme colour made translucent, for
// banners. It re-reads the colour on every refresh, so it follows a switch
// between light and dark.
type Tint struct {
	widget.BaseWidget

	Color fyne.ThemeColorName
	Alpha uint8
}

var _ fyne.Widget = (*Tint)(nil)

// NewTint returns a tint of the theme colour name at alpha (0–255).
func NewTint(name fyne.ThemeColorName, alpha uint8) *Tint {
	t := &Tint{Color: name, Alpha: alpha}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *Tint) CreateRenderer() fyne.WidgetRenderer {
	r := &tintRenderer{t: t, rect: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type tintRenderer struct {
	t    *Tint
	rect *canvas.Rectangle
}

func (r *tintRenderer) Layout(size fyne.Size)        { r.rect.Resize(size) }
func (r *tintRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }
func (r *tintRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect} }
func (r *tintRenderer) Destroy()                     {}

func (r *tintRenderer) Refresh() {
	th := r.t.Theme()
	r.rect.FillColor = WithAlpha(th.Color(r.t.Color, fyne.CurrentApp().Settings().ThemeVariant()), r.t.Alpha)
	r.rect.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.rect.Refresh()
}
