//go:build linux || freebsd || openbsd || netbsd || dragonfly

package shell

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNoDisplay means no graphical session can be reached.
var ErrNoDisplay = errors.New("no display")

// CheckDisplay reports whether a window could be opened at all. GLFW, under
// Fyne, fails deep inside its init with a panic or a C-level message when
// there is no display; checking first lets main print a sentence and exit.
func CheckDisplay() error {
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	display := os.Getenv("DISPLAY")
	if display == "" {
		return fmt.Errorf("%w: neither DISPLAY nor WAYLAND_DISPLAY is set", ErrNoDisplay)
	}
	host, number, ok := parseX11Display(display)
	if !ok {
		return fmt.Errorf("%w: DISPLAY=%q is not a display name", ErrNoDisplay, display)
	}
	network, addr := "unix", filepath.Join("/tmp/.X11-unix", "X"+strconv.Itoa(number))
	if host != "" && host != "unix" {
		network, addr = "tcp", net.JoinHostPort(host, strconv.Itoa(6000+number))
	}
	// #nosec G704 -- the X server named by the user's own DISPLAY, only to see whether it answers; nothing is sent
	conn, err := net.DialTimeout(network, addr, 2*time.Second)
	if err != nil {
		return fmt.Errorf("%w: cannot reach X display %s: %v", ErrNoDisplay, display, err)
	}
	return conn.Close()
}

// parseX11Display splits "host:N.S" into host and N.
func parseX11Display(d string) (host string, number int, ok bool) {
	i := strings.LastIndex(d, ":")
	if i < 0 {
		return "", 0, false
	}
	host, rest := d[:i], d[i+1:]
	if dot := strings.Index(rest, "."); dot >= 0 {
		rest = rest[:dot]
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 {
		return "", 0, false
	}
	return host, n, true
}
