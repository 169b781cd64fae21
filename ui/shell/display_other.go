//go:build !(linux || freebsd || openbsd || netbsd || dragonfly)

package shell

import "errors"

// ErrNoDisplay means no graphical session can be reached.
var ErrNoDisplay = errors.New("no display")

// CheckDisplay always succeeds where the OS itself provides the desktop.
func CheckDisplay() error { return nil }
