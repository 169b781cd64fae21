package layouts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The layouts here reflow: a narrow window gets more rows, not a wider
// window. Fyne asks a layout for its minimum before it gives it a width, so
// their minimum height follows the width they were last laid out in, as a
// wrapped label's does; the canvas sees that minimum change on its next
// frame and lays the parent out again. Use them on the UI goroutine.

// flowLayout places its objects left to right at their minimum sizes,
// starting a new row where the next would pass the right edge.
type flowLayout struct{ width float32 }

// NewFlow lays objects out in rows, each object at its minimum size, as
// many rows as the width needs: the dashboard's tabs on a narrow window.
func NewFlow(objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &flowLayout{}, Objects: objects}
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, l.place(objects, l.width, false))
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

// place walks the rows for a width (0: not laid out yet, one row), moves
// and sizes the objects when move is set, and returns the rows' height.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	var x, y, rowH float32
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && width > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		rowH = max(rowH, m.Height)
	}
	return y + rowH
}

// columnsLayout puts its objects in rows of cols equal columns where the
// width has room for each one's minimum, else one above the other.
type columnsLayout struct {
	cols  int
	width float32
}

// NewColumnsOrStack lays objects out in rows of cols equal columns where
// the width has room for that many of the widest, and one above the other
// where it has not: the dashboard summary's two cards on a narrow window.
func NewColumnsOrStack(cols int, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columnsLayout{cols: max(cols, 1)}, Objects: objects}
}

// rows splits the shown objects into rows for a width (0: not laid out
// yet, as many columns as asked), and gives each column's width.
func (l *columnsLayout) rows(objects []fyne.CanvasObject, width float32) (rows [][]fyne.CanvasObject, colW float32, widest float32) {
	var shown []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			shown = append(shown, o)
			widest = max(widest, o.MinSize().Width)
		}
	}
	pad := theme.Padding()
	cols := l.cols
	if width > 0 && width+0.5 < float32(cols)*widest+float32(cols-1)*pad {
		cols = 1
	}
	for i := 0; i < len(shown); i += cols {
		rows = append(rows, shown[i:min(i+cols, len(shown))])
	}
	return rows, (width - float32(cols-1)*pad) / float32(cols), widest
}

func rowHeight(row []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	rows, _, widest := l.rows(objects, l.width)
	var h float32
	for i, row := range rows {
		if i > 0 {
			h += theme.Padding()
		}
		h += rowHeight(row)
	}
	return fyne.NewSize(widest, h)
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	rows, colW, _ := l.rows(objects, size.Width)
	pad := theme.Padding()
	y := float32(0)
	for i, row := range rows {
		h := rowHeight(row)
		if len(rows) == 1 {
			h = size.Height // one row fills the height, as Fyne's grid does
		}
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(colW+pad), y))
			o.Resize(fyne.NewSize(colW, h))
		}
		if i < len(rows)-1 {
			y += h + pad
		}
	}
}
