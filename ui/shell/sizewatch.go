package shell

import (
	"time"

	"fyne.io/fyne/v2"
)

// sizeWatch lays the window's one content object over the whole window
// and reports each new size: Fyne has no resize callback, and a size kept
// only when the app stops is lost when the process ends first (Fyne 2.7.1
// queues its stopped hook and returns from Run without running it: seen
// as 1 start in 3 opening at the old size after a SIGTERM).
type sizeWatch struct {
	last    fyne.Size
	resized func(fyne.Size)
}

func (w *sizeWatch) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size != w.last {
		w.last = size
		w.resized(size)
	}
}

func (w *sizeWatch) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min
}

// sizeSettle is how long the window keeps a size before it is kept for the
// next start (a drag resizes it many times a second).
const sizeSettle = 700 * time.Millisecond

// resized keeps the window's size once it has settled (rememberSize: only
// a size the member chose).
func (c *Shell) resized(fyne.Size) {
	c.sizeSeq++
	n := c.sizeSeq
	time.AfterFunc(sizeSettle, func() {
		c.do(func() {
			if n == c.sizeSeq && c.windowOpen.Load() {
				c.rememberSize()
				c.reportOnScreen()
			}
		})
	})
}
