package shell

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// outsideWindow names the objects of objs not wholly inside a window of
// size win, where the member cannot see them without scrolling: hidden,
// of no size, or past an edge (sorted).
func outsideWindow(win fyne.Size, objs map[string]fyne.CanvasObject) []string {
	d := fyne.CurrentApp().Driver()
	var out []string
	for name, o := range objs {
		if o == nil || !o.Visible() {
			out = append(out, name)
			continue
		}
		pos, size := d.AbsolutePositionForObject(o), o.Size()
		if size.Width <= 0 || size.Height <= 0 || pos.X < 0 || pos.Y < 0 ||
			pos.X+size.Width > win.Width+0.5 || pos.Y+size.Height > win.Height+0.5 {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// mainActions are the current screen's objects a member must reach
// without scrolling (none for screens that scroll as a whole).
func (c *Shell) mainActions() map[string]fyne.CanvasObject {
	switch {
	case c.current == screenLogin && c.login != nil:
		return c.login.MainActions()
	case c.current == screenDashboard && c.dash != nil:
		return c.dash.MainActions()
	}
	return nil
}

// onScreenSettle is how long after a screen is shown its layout is read:
// a wrapped row takes a frame or two to settle.
const onScreenSettle = 300 * time.Millisecond

// reportOnScreenSoon logs, with --verbose, which of the screen's main
// actions lie outside the window once it has settled (reportOnScreen).
func (c *Shell) reportOnScreenSoon() {
	if !c.verbose() {
		return
	}
	time.AfterFunc(onScreenSettle, func() { c.do(c.reportOnScreen) })
}

// reportOnScreen logs which of the screen's main actions lie outside the
// window, "" where the layouts fit: the window tests under Xvfb read it at
// each scale, and a member's --verbose log says so. Labels only, no
// member data.
func (c *Shell) reportOnScreen() {
	if !c.verbose() || !c.windowOpen.Load() {
		return
	}
	objs := c.mainActions()
	if objs == nil {
		return
	}
	win := c.win.Canvas().Size()
	c.log.Debug("on screen", "screen", screenNames[c.current], "window", win, "actions", len(objs),
		"outside", strings.Join(outsideWindow(win, objs), ","))
}

// verbose reports whether debug lines are logged (--verbose).
func (c *Shell) verbose() bool { return c.log.Enabled(context.Background(), slog.LevelDebug) }
