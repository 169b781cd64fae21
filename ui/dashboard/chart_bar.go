package dashboard

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// chartSeries is one layer of a stacked bar chart.
type chartSeries struct {
	Name  string
	Color fyne.ThemeColorName
}

// barChart draws stacked bars with Fyne canvas primitives: a legend, a
// rupiah axis with gridlines, one bar per label. Colours are theme colours
// read on every refresh, so the chart reads in light and dark alike.
type barChart struct {
	widget.BaseWidget

	Labels []string      // one per bar, under it
	Series []chartSeries // stacked bottom to top
	// Values[i][s] is bar i's part of series s; missing parts count as 0.
	Values [][]float64
	// FormatAxis writes a value on the vertical axis.
	FormatAxis func(float64) string
	Empty      string // shown when there is nothing to draw
	// Missing[i] marks bar i as a month with nothing recorded: its label
	// in the error colour over a short error-coloured mark on the axis.
	Missing []bool
}

var _ fyne.Widget = (*barChart)(nil)

// newBarChart returns an empty chart of the given series.
func newBarChart(series ...chartSeries) *barChart {
	c := &barChart{Series: series, FormatAxis: i18n.FormatRupiahShort}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces the bars and redraws.
func (c *barChart) SetData(labels []string, values [][]float64) {
	c.Labels, c.Values = labels, values
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c}
	r.rebuild()
	return r
}

// barChartRenderer keeps its pieces in fields so tests can measure them.
type barChartRenderer struct {
	c       *barChart
	top     float64 // the axis maximum
	ticks   []float64
	grid    []*canvas.Line
	yLabels []*canvas.Text
	bars    [][]*canvas.Rectangle // [bar][series]
	xLabels []*canvas.Text
	marks   []*canvas.Rectangle // per bar: the missing mark, nil when not missing
	swatch  []*canvas.Rectangle
	legend  []*canvas.Text
	empty   *canvas.Text
	objects []fyne.CanvasObject
	size    fyne.Size
}

const (
	chartPad      = float32(6)
	chartSwatch   = float32(10)
	chartMinWidth = float32(260)
	chartMinPlot  = float32(120)
	// chartMissingMark is the height of a missing month's mark on the axis.
	chartMissingMark = float32(4)
)

func (r *barChartRenderer) color(name fyne.ThemeColorName) color.Color {
	return r.c.Theme().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
}

func (r *barChartRenderer) textSize() float32 {
	return r.c.Theme().Size(theme.SizeNameCaptionText)
}

// rebuild makes the canvas objects for the current data.
func (r *barChartRenderer) rebuild() {
	c := r.c
	fg, grid := r.color(theme.ColorNameForeground), r.color(theme.ColorNameSeparator)
	ts := r.textSize()
	maxSum := 0.0
	for _, v := range c.Values {
		s := 0.0
		for _, x := range v {
			s += math.Max(x, 0)
		}
		maxSum = math.Max(maxSum, s)
	}
	r.top, r.ticks = niceAxis(maxSum, 4)
	r.grid, r.yLabels, r.bars, r.xLabels, r.marks, r.swatch, r.legend = nil, nil, nil, nil, nil, nil, nil
	r.objects = r.objects[:0]
	format := c.FormatAxis
	if format == nil {
		format = i18n.FormatRupiahShort
	}
	for _, t := range r.ticks {
		l := canvas.NewLine(grid)
		l.StrokeWidth = 1
		r.grid = append(r.grid, l)
		txt := canvas.NewText(format(t), fg)
		txt.TextSize = ts
		txt.Alignment = fyne.TextAlignTrailing
		r.yLabels = append(r.yLabels, txt)
		r.objects = append(r.objects, l, txt)
	}
	for i := range c.Labels {
		var stack []*canvas.Rectangle
		for s, ser := range c.Series {
			rect := canvas.NewRectangle(r.color(ser.Color))
			if i < len(c.Values) && s < len(c.Values[i]) && c.Values[i][s] <= 0 {
				rect.Hide()
			}
			stack = append(stack, rect)
			r.objects = append(r.objects, rect)
		}
		r.bars = append(r.bars, stack)
		txt := canvas.NewText(c.Labels[i], fg)
		txt.TextSize = ts
		txt.Alignment = fyne.TextAlignCenter
		var mark *canvas.Rectangle
		if i < len(c.Missing) && c.Missing[i] {
			txt.Color = r.color(theme.ColorNameError)
			txt.TextStyle.Bold = true
			mark = canvas.NewRectangle(r.color(theme.ColorNameError))
			r.objects = append(r.objects, mark)
		}
		r.marks = append(r.marks, mark)
		r.xLabels = append(r.xLabels, txt)
		r.objects = append(r.objects, txt)
	}
	for _, ser := range c.Series {
		sw := canvas.NewRectangle(r.color(ser.Color))
		sw.CornerRadius = 2
		txt := canvas.NewText(ser.Name, fg)
		txt.TextSize = ts
		r.swatch = append(r.swatch, sw)
		r.legend = append(r.legend, txt)
		r.objects = append(r.objects, sw, txt)
	}
	r.empty = canvas.NewText(c.Empty, r.color(theme.ColorNamePlaceHolder))
	r.empty.Alignment = fyne.TextAlignCenter
	r.empty.Hidden = len(c.Labels) > 0 && maxSum > 0
	r.objects = append(r.objects, r.empty)
	if r.empty.Visible() {
		for _, o := range r.objects[:len(r.objects)-1] {
			o.Hide()
		}
	}
}

// niceAxis picks an axis maximum and ticks at a round step (1, 2, 2.5 or 5
// times a power of ten) with about n intervals.
func niceAxis(max float64, n int) (top float64, ticks []float64) {
	if max <= 0 {
		return 1, []float64{0}
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	top = math.Ceil(max/step-1e-9) * step
	for v := 0.0; v <= top+step/2; v += step {
		ticks = append(ticks, v)
	}
	return top, ticks
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	r.size = size
	ts := r.textSize()
	lineH := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height

	// Legend along the top.
	x := float32(0)
	for i, sw := range r.swatch {
		sw.Resize(fyne.NewSquareSize(chartSwatch))
		sw.Move(fyne.NewPos(x, (lineH-chartSwatch)/2))
		x += chartSwatch + chartPad/2
		w := fyne.MeasureText(r.legend[i].Text, ts, fyne.TextStyle{}).Width
		r.legend[i].Resize(fyne.NewSize(w, lineH))
		r.legend[i].Move(fyne.NewPos(x, 0))
		x += w + chartPad*2
	}

	axisW := float32(0)
	for _, l := range r.yLabels {
		axisW = max(axisW, fyne.MeasureText(l.Text, ts, fyne.TextStyle{}).Width)
	}
	plotX := axisW + chartPad
	plotTop := lineH + chartPad + lineH/2
	plotBottom := size.Height - lineH - chartPad
	plotH := max(plotBottom-plotTop, 1)
	plotW := max(size.Width-plotX, 1)

	for i, t := range r.ticks {
		y := plotBottom - float32(t/r.top)*plotH
		r.grid[i].Position1 = fyne.NewPos(plotX, y)
		r.grid[i].Position2 = fyne.NewPos(size.Width, y)
		r.yLabels[i].Resize(fyne.NewSize(axisW, lineH))
		r.yLabels[i].Move(fyne.NewPos(0, y-lineH/2))
	}

	n := len(r.bars)
	if n == 0 {
		r.empty.Resize(size)
		r.empty.Move(fyne.NewPos(0, size.Height/2-lineH/2))
		return
	}
	slot := plotW / float32(n)
	barW := slot * 0.7
	// Label every bar whose label fits; else every second, third...
	labelW := float32(0)
	for _, l := range r.xLabels {
		labelW = max(labelW, fyne.MeasureText(l.Text, ts, fyne.TextStyle{}).Width)
	}
	every := max(1, int(math.Ceil(float64((labelW+chartPad)/slot))))
	for i, stack := range r.bars {
		bx := plotX + slot*float32(i) + (slot-barW)/2
		y := plotBottom
		for s, rect := range stack {
			v := 0.0
			if i < len(r.c.Values) && s < len(r.c.Values[i]) {
				v = math.Max(r.c.Values[i][s], 0)
			}
			h := float32(v/r.top) * plotH
			y -= h
			rect.Resize(fyne.NewSize(barW, h))
			rect.Move(fyne.NewPos(bx, y))
		}
		if m := r.marks[i]; m != nil {
			m.Resize(fyne.NewSize(barW, chartMissingMark))
			m.Move(fyne.NewPos(bx, plotBottom-chartMissingMark))
		}
		l := r.xLabels[i]
		l.Hidden = (n-1-i)%every != 0 && r.marks[i] == nil // the newest and the missing are always labelled
		l.Resize(fyne.NewSize(slot, lineH))
		l.Move(fyne.NewPos(plotX+slot*float32(i), plotBottom+chartPad/2))
	}
	r.empty.Resize(size)
}

func (r *barChartRenderer) MinSize() fyne.Size {
	lineH := fyne.MeasureText("0", r.textSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(chartMinWidth, chartMinPlot+3*lineH+2*chartPad)
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barChartRenderer) Destroy()                     {}

func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.size)
	canvas.Refresh(r.c)
}
