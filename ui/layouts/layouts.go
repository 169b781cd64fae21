// Package layouts holds the app's own Fyne layouts.
package layouts

import "fyne.io/fyne/v2"

// columnLayout lays its objects out as one centred column of a fixed width,
// so forms read well on a wide window and wrapped labels know their width.
// A flexible column (min > 0) narrows to min where the window is narrower,
// but never below what its content needs.
type columnLayout struct{ width, min float32 }

func (l columnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		if o.Visible() {
			m := o.MinSize()
			w, h = max(w, m.Width), max(h, m.Height)
		}
	}
	if l.min > 0 {
		return fyne.NewSize(max(l.min, w), h)
	}
	return fyne.NewSize(l.width, h)
}

func (l columnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(l.width, size.Width)
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

// NewColumn centres content in a column of the given width.
func NewColumn(width float32, content fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: columnLayout{width: width}, Objects: []fyne.CanvasObject{content}}
}

// NewFlexColumn centres content in a column of the given width where the
// space has room for it, and narrows it down to min, or to what the content
// needs if that is more, where it has not.
func NewFlexColumn(min, width float32, content fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: columnLayout{width: width, min: min}, Objects: []fyne.CanvasObject{content}}
}

// shareLayout lays a row out in columns that take fixed shares of the
// width (the shares add up to 1), so rows stacked in a VBox line up like
// a table whatever their texts.
type shareLayout struct{ shares []float32 }

func (l shareLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l shareLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		share := float32(0)
		if i < len(l.shares) {
			share = l.shares[i]
		}
		w := size.Width * share
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w
	}
}

// NewShare lays objects out in a row of columns that take fixed shares of
// the width (the shares add up to 1).
func NewShare(shares []float32, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: shareLayout{shares: shares}, Objects: objects}
}

// maxWidthLayout centres one object and caps its width, so a form stays
// readable in a wide window.
type maxWidthLayout struct{ width float32 }

// NewMaxWidth centres content and caps its width.
func NewMaxWidth(width float32, content ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &maxWidthLayout{width: width}, Objects: content}
}

func (l *maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, l.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (l *maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
