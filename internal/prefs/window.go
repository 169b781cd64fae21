package prefs

import (
	"fmt"
	"strconv"
	"strings"
)

// KeyWindowSize is the window's size the member chose, "WIDTHxHEIGHT" in
// the toolkit's logical units (device-independent: the same numbers at
// any scale). One key, so it is written in one change: Fyne saves the
// preferences file on each change and, at exit, may not save a second
// change made right after the first.
const KeyWindowSize = "window.size"

// The bounds of a stored window size: anything outside is a corrupt or
// hand-edited file and is read as "no size chosen".
const (
	minWindowSide = 200
	maxWindowSide = 20000
)

// WindowSize is the size the member last gave the window; ok is false when
// none was stored (or what is stored is malformed or out of bounds), and
// the shell then sizes the window from the screen.
func (s *Settings) WindowSize() (width, height int, ok bool) {
	w, h, found := strings.Cut(s.p.String(KeyWindowSize), "x")
	if !found {
		return 0, 0, false
	}
	width, errW := strconv.Atoi(w)
	height, errH := strconv.Atoi(h)
	if errW != nil || errH != nil || !windowSideOK(width) || !windowSideOK(height) {
		return 0, 0, false
	}
	return width, height, true
}

// SetWindowSize stores the size the member gave the window.
func (s *Settings) SetWindowSize(width, height int) error {
	if !windowSideOK(width) || !windowSideOK(height) {
		return fmt.Errorf("%w: window size %d×%d", ErrInvalidSetting, width, height)
	}
	s.p.SetString(KeyWindowSize, strconv.Itoa(width)+"x"+strconv.Itoa(height))
	return nil
}

func windowSideOK(n int) bool { return n >= minWindowSide && n <= maxWindowSide }
