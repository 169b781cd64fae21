package register

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// StrengthMeter shows a password's zxcvbn score (0..4) as five segments and
// a word ("Sangat lemah" … "Sangat kuat"). It shows nothing filled while
// the password is empty.
type StrengthMeter struct {
	widget.BaseWidget

	score int  // 0..4
	empty bool // no password typed: grey segments, no word

	word *canvas.Text // a Label's padding would make the meter a full row tall
}

var _ fyne.Widget = (*StrengthMeter)(nil)

// NewStrengthMeter returns an empty meter.
func NewStrengthMeter() *StrengthMeter {
	m := &StrengthMeter{empty: true, word: canvas.NewText("", color.Transparent)}
	m.ExtendBaseWidget(m)
	return m
}

// SetScore shows score (clamped to 0..4); empty clears the meter.
func (m *StrengthMeter) SetScore(score int, empty bool) {
	m.score = min(max(score, 0), 4)
	m.empty = empty
	m.Refresh()
}

// Score is the score shown and whether the meter is empty.
func (m *StrengthMeter) Score() (int, bool) { return m.score, m.empty }

// Text is the word shown ("" while empty).
func (m *StrengthMeter) Text() string {
	if m.empty {
		return ""
	}
	return strengthWord(m.score)
}

func strengthWord(score int) string {
	switch score {
	case 0:
		return lang.L("register.strength.0")
	case 1:
		return lang.L("register.strength.1")
	case 2:
		return lang.L("register.strength.2")
	case 3:
		return lang.L("register.strength.3")
	default:
		return lang.L("register.strength.4")
	}
}

// CreateRenderer is called by Fyne.
func (m *StrengthMeter) CreateRenderer() fyne.WidgetRenderer {
	r := &strengthRenderer{m: m}
	for i := range r.segments {
		r.segments[i] = canvas.NewRectangle(color.Transparent)
		r.segments[i].CornerRadius = 2
	}
	r.Refresh()
	return r
}

type strengthRenderer struct {
	m        *StrengthMeter
	segments [5]*canvas.Rectangle
}

const (
	segmentHeight = 6
	labelWidth    = 96 // room for "Sangat lemah" in caption size
)

func (r *strengthRenderer) Layout(size fyne.Size) {
	th := r.m.Theme()
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	lw := fyne.Max(labelWidth, r.m.word.MinSize().Width)
	barW := size.Width - lw - 2*pad
	segW := (barW - 4*pad) / 5
	y := (size.Height - segmentHeight) / 2
	for i, s := range r.segments {
		s.Move(fyne.NewPos(float32(i)*(segW+pad), y))
		s.Resize(fyne.NewSize(segW, segmentHeight))
	}
	wh := r.m.word.MinSize().Height
	r.m.word.Move(fyne.NewPos(barW+2*pad, (size.Height-wh)/2))
	r.m.word.Resize(fyne.NewSize(lw, wh))
}

func (r *strengthRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("Ag", r.m.Theme().Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Height
	return fyne.NewSize(5*24+labelWidth, fyne.Max(h, segmentHeight)+r.m.Theme().Size(theme.SizeNameInnerPadding)/2)
}

func (r *strengthRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	off := th.Color(theme.ColorNameInputBorder, v)
	on := off
	text := th.Color(theme.ColorNameForeground, v)
	switch {
	case r.m.empty:
	case r.m.score <= 1:
		on = th.Color(theme.ColorNameError, v)
		text = on
	case r.m.score == 2:
		on = th.Color(theme.ColorNameWarning, v)
	default:
		on = th.Color(theme.ColorNameSuccess, v)
	}
	for i, s := range r.segments {
		if !r.m.empty && i <= r.m.score {
			s.FillColor = on
		} else {
			s.FillColor = off
		}
		s.Refresh()
	}
	r.m.word.Text = r.m.Text()
	r.m.word.Color = text
	r.m.word.TextSize = th.Size(theme.SizeNameCaptionText)
	r.m.word.Refresh()
}

func (r *strengthRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.segments[0], r.segments[1], r.segments[2], r.segments[3], r.segments[4], r.m.word}
}

func (r *strengthRenderer) Destroy() {}
