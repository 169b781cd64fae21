package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Badge is a short word on a rounded, coloured background ("Aktif",
// "Offline"). Colours are theme names, so a badge follows light and dark.
type Badge struct {
	widget.BaseWidget

	Text       string
	Background fyne.ThemeColorName
	Foreground fyne.ThemeColorName
}

var _ fyne.Widget = (*Badge)(nil)

// NewBadge returns a badge; bg and fg are theme colour names.
func NewBadge(text string, bg, fg fyne.ThemeColorName) *Badge {
	b := &Badge{Text: text, Background: bg, Foreground: fg}
	b.ExtendBaseWidget(b)
	return b
}

// Set changes the text and colours together.
func (b *Badge) Set(text string, bg, fg fyne.ThemeColorName) {
	b.Text, b.Background, b.Foreground = text, bg, fg
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *Badge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, bg: canvas.NewRectangle(nil), text: canvas.NewText("", nil)}
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b    *Badge
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) padding() fyne.Size {
	p := theme.Padding()
	return fyne.NewSize(p*2, p/2)
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *badgeRenderer) MinSize() fyne.Size {
	p := r.padding()
	return r.text.MinSize().Add(fyne.NewSize(p.Width*2, p.Height*2))
}

func (r *badgeRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := r.b.Theme()
	r.bg.FillColor = th.Color(r.b.Background, v)
	r.bg.CornerRadius = theme.Size(theme.SizeNameInputRadius) * 2
	r.text.Text = r.b.Text
	r.text.Color = th.Color(r.b.Foreground, v)
	r.text.TextSize = theme.Size(theme.SizeNameCaptionText)
	r.bg.Refresh()
	r.text.Refresh()
	r.Layout(r.b.Size())
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }
func (r *badgeRenderer) Destroy()                     {}
