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

// columnsLayout puts its objects side by side in equal columns where the
// width has room for each one's minimum, else one above the other.
type columnsLayout struct{ width float32 }

// NewColumnsOrStack lays objects out in equal columns, side by side where
// the width has room for all of them and one above the other where it has
// not: the dashboard summary's two cards on a narrow window.
func NewColumnsOrStack(objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columnsLayout{}, Objects: objects}
}

func (l *columnsLayout) visible(objects []fyne.CanvasObject) (shown []fyne.CanvasObject, widest fyne.Size) {
	for _, o := range objects {
		if o.Visible() {
			shown = append(shown, o)
			widest = widest.Max(o.MinSize())
		}
	}
	return shown, widest
}

// beside reports whether n columns of at least cell fit in width (0: not
// laid out yet, side by side).
func beside(n int, cell, width float32) bool {
	return width == 0 || width+0.5 >= float32(n)*cell+float32(n-1)*theme.Padding()
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	shown, widest := l.visible(objects)
	if len(shown) == 0 {
		return fyne.Size{}
	}
	if beside(len(shown), widest.Width, l.width) {
		return fyne.NewSize(widest.Width, widest.Height)
	}
	var h float32
	for _, o := range shown {
		h += o.MinSize().Height
	}
	return fyne.NewSize(widest.Width, h+float32(len(shown)-1)*theme.Padding())
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	shown, widest := l.visible(objects)
	if len(shown) == 0 {
		return
	}
	pad := theme.Padding()
	if beside(len(shown), widest.Width, size.Width) {
		w := (size.Width - float32(len(shown)-1)*pad) / float32(len(shown))
		for i, o := range shown {
			o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
			o.Resize(fyne.NewSize(w, size.Height))
		}
		return
	}
	y := float32(0)
	for _, o := range shown {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}
