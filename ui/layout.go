package ui

import "fyne.io/fyne/v2"

// columnLayout lays its objects out as one centred column of a fixed width,
// so forms read well on a wide window and wrapped labels know their width.
type columnLayout struct{ width float32 }

func (l columnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
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

// newColumn centres content in a column of the given width.
func newColumn(width float32, content fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: columnLayout{width: width}, Objects: []fyne.CanvasObject{content}}
}
