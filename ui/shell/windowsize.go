package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The window's size. Fyne sizes a window in logical units; a screen's work
// area at 150 % on a 1920×1080 laptop with a taskbar is about 1280×690 of
// them, and at 125 % on a 1366×768 one about 1090×580, so a fixed first
// size either runs off the screen or wastes it.
var (
	// windowMin is the smallest window every view's main actions fit in
	// without scrolling (TestWindowFit_EveryScreenAndScale holds it): the
	// work area of a 1366×768 screen at 125 % (which Fyne rounds to 1.3),
	// less a 40 px taskbar and the title bar: 1034×524.
	windowMin = fyne.NewSize(1024, 520)
	// windowPreferred is the first size where the screen has room for it:
	// the size every view was laid out for; larger only spreads the
	// dashboard's cards thin, and costs start-up time and memory (a larger
	// framebuffer to paint before the first frame). The member can resize;
	// the size is kept.
	windowPreferred = fyne.NewSize(1024, 700)
	// windowFrame is what the window manager adds around the content (the
	// title bar and borders), in logical units: GLFW sizes the content.
	windowFrame = fyne.NewSize(16, 36)
)

// firstWindowSize chooses the window's first size: the size the member
// chose last (saved), else the preferred one, never larger than the work
// area less the frame, and never smaller than windowMin unless the work
// area itself is smaller (then the work area wins: a window past the
// screen's edge hides its bottom, a tight one scrolls).
func firstWindowSize(work fyne.Size, haveWork bool, saved fyne.Size, haveSaved bool) fyne.Size {
	want := windowPreferred
	if haveSaved {
		want = saved
	}
	if !haveWork {
		if haveSaved {
			return saved
		}
		return windowPreferred
	}
	room := fyne.NewSize(max(work.Width-windowFrame.Width, 1), max(work.Height-windowFrame.Height, 1))
	size := want.Max(windowMin).Min(room)
	return fyne.NewSize(float32(int(size.Width)), float32(int(size.Height)))
}

// sizeWindow gives the window its first size (on the main goroutine, after
// NewWindow and before the window is shown: primaryWorkArea reads GLFW).
func (c *Shell) sizeWindow() {
	area, haveWork := primaryWorkArea(c.p.App)
	w, h, haveSaved := c.prefs.WindowSize()
	c.firstSize = firstWindowSize(area.size, haveWork, fyne.NewSize(float32(w), float32(h)), haveSaved)
	c.log.Debug("window size", "work_area", area.size, "scale", area.scale, "saved", haveSaved, "size", c.firstSize)
	c.win.Resize(c.firstSize)
}

// noteMinimum grows firstSize to the content's minimum, as Fyne grows the
// window itself when a view needs more: that size is not the member's
// choice either.
func (c *Shell) noteMinimum() {
	if content := c.win.Content(); content != nil {
		pad := theme.Padding() * 2
		c.firstSize = c.firstSize.Max(content.MinSize().AddWidthHeight(pad, pad))
	}
}

// rememberSize keeps the size the member gave the window, for the next
// start. A window left at the size the app gave it (its first size, or
// grown to a view's minimum) stores nothing: a later, larger screen then
// still gets a size from its own work area.
func (c *Shell) rememberSize() {
	c.noteMinimum()
	now := c.win.Canvas().Size()
	if near(now.Width, c.firstSize.Width) && near(now.Height, c.firstSize.Height) {
		return
	}
	if err := c.prefs.SetWindowSize(int(now.Width), int(now.Height)); err != nil {
		c.log.Debug("window size not kept", "err", err)
	}
}

// near: equal to the logical pixel (sizes go through physical pixels).
func near(a, b float32) bool { return a-b < 1.5 && b-a < 1.5 }
