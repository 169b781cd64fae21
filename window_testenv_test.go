//go:build testenv

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startXvfb starts an X server of the given screen size on a display it
// picks itself (-displayfd) and returns the DISPLAY value; it is stopped at
// the end of the test.
func startXvfb(t *testing.T, width, height int) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	// -noreset: an X server resets when its last client leaves, and an app
	// started during the reset cannot open the display ("X11: Failed to
	// open display", seen twice: xdotool and xprop come and go between the
	// app's runs). scripts/testenv.sh starts its own the same way.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb gave no display number")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start in 20 s")
	}
	return ""
}

// windowGeometry waits for the app's window on display and returns its
// size in pixels.
func windowGeometry(t *testing.T, display string, output fmt.Stringer) (id string, width, height int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Cek BPJSTK")
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		out, _ := cmd.Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			g := exec.Command("xdotool", "getwindowgeometry", "--shell", ids[0])
			g.Env = cmd.Env
			geo, err := g.Output()
			if err == nil {
				for _, l := range strings.Split(string(geo), "\n") {
					if v, ok := strings.CutPrefix(l, "WIDTH="); ok {
						width, _ = strconv.Atoi(v)
					}
					if v, ok := strings.CutPrefix(l, "HEIGHT="); ok {
						height, _ = strconv.Atoi(v)
					}
				}
				if width > 10 && height > 10 {
					return ids[0], width, height
				}
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no window named Cek BPJSTK within 60 s; output:\n%s", output.String())
	return "", 0, 0
}

// runWindow starts the app on display at scale with its own config dir
// (where Fyne keeps the preferences, the chosen window size among them).
func runWindow(t *testing.T, bin, display, scale, config string) (*exec.Cmd, *lockedBuilder, chan error) {
	t.Helper()
	cmd := exec.Command(bin, "--verbose", "--data-dir", filepath.Join(config, "data"))
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "FYNE_SCALE="+scale, "XDG_CONFIG_HOME="+config, "HOME="+config)
	output := &lockedBuilder{} // read while the app runs (waitOnScreen)
	cmd.Stdout, cmd.Stderr = output, output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, output, exited
}

func stopWindow(t *testing.T, cmd *exec.Cmd, output fmt.Stringer, exited chan error) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v; output:\n%s", err, output.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("still running 15 s after SIGTERM; output:\n%s", output.String())
	}
}

// windowCases are the screens and scales the real-window tests open the
// app on.
var windowCases = []struct {
	w, h  int
	scale string
	fyne  float64 // the scale Fyne computes
}{
	{1366, 768, "1", 1}, {1366, 768, "1.25", 1.3}, {1366, 768, "1.5", 1.5}, {1366, 768, "1.75", 1.8},
	{1920, 1080, "1.25", 1.3}, {1920, 1080, "1.5", 1.5}, {1920, 1080, "1.75", 1.8},
}

// Logged in as a demo member, in the real window on each screen and scale:
// Perbarui and every dashboard tab are on screen without scrolling (the
// app's --verbose "on screen" line).
func TestWindow_DashboardFitsAtEveryScale(t *testing.T) {
	requireDisplay(t)
	bin := buildApp(t)
	for _, c := range windowCases {
		t.Run(fmt.Sprintf("%dx%d@%s", c.w, c.h, c.scale), func(t *testing.T) {
			display := startXvfb(t, c.w, c.h)
			cmd, output, exited := runWindow(t, bin, display, c.scale, t.TempDir())
			id, _, _ := windowGeometry(t, display, output)
			waitOutput(t, output, `msg="server verified"`)
			time.Sleep(700 * time.Millisecond) // the verified form takes the focus on the UI goroutine
			xdotool := func(args ...string) {
				x := exec.Command("xdotool", args...)
				x.Env = append(os.Environ(), "DISPLAY="+display)
				if out, err := x.CombinedOutput(); err != nil {
					t.Fatalf("xdotool %v: %v %s", args, err, out)
				}
			}
			// No window manager: keys go to the window under the pointer.
			xdotool("mousemove", "--window", id, "40", "40")
			xdotool("type", "--delay", "5", "budi@contoh.id")
			xdotool("key", "Tab")
			xdotool("type", "--delay", "5", "Sandbox#2026")
			xdotool("key", "Return")
			line := waitOnScreen(t, output, "dashboard")
			if !strings.Contains(line, ` outside=""`) || !strings.Contains(line, "actions=9") {
				t.Errorf("Perbarui and the 8 tabs are not all on screen: %s", line)
			}
			// ... and the dashboard did not grow the window past the screen
			// (a view that needs more than the window makes Fyne grow it).
			if _, w, h := windowGeometry(t, display, output); w > c.w || h > c.h {
				t.Errorf("with the dashboard the window is %d×%d px, larger than the %d×%d screen", w, h, c.w, c.h)
			}
			// Let the app settle before the SIGTERM: a preferences write
			// (the window's size, 700 ms after it changed) makes Fyne's file
			// watcher call fyne.Do, and one arriving while Fyne 2.7.1 closes
			// its queue races the close (seen once under -race, exit 66).
			time.Sleep(1500 * time.Millisecond)
			stopWindow(t, cmd, output, exited)
		})
	}
}

// The real window on real X screens of the sizes members have, at the
// scales they use (FYNE_SCALE; Fyne rounds 1.25 to 1.3 and 1.75 to 1.8):
// it opens inside the screen, as large as the layouts need where the screen
// has room, and a size the member gives it is the size of the next start.
// (No window manager runs here, so the work area is the whole screen; the
// shell's TestFirstWindowSize covers a taskbar, and TestWindowFit_… checks
// each view's main actions at these sizes.)
func TestWindow_FitsTheScreenAtEveryScale(t *testing.T) {
	requireDisplay(t)
	bin := buildApp(t)
	for _, c := range windowCases {
		t.Run(fmt.Sprintf("%dx%d@%s", c.w, c.h, c.scale), func(t *testing.T) {
			display := startXvfb(t, c.w, c.h)
			config := t.TempDir()
			cmd, output, exited := runWindow(t, bin, display, c.scale, config)
			id, w, h := windowGeometry(t, display, output)
			if w > c.w || h > c.h {
				t.Errorf("the window is %d×%d px, larger than the %d×%d screen", w, h, c.w, c.h)
			}
			// Inside the real window, at this scale, the login view's main
			// action is on screen without scrolling (the app's --verbose
			// "on screen" line; TestWindowFit_… checks every view's).
			if line := waitOnScreen(t, output, "login"); !strings.Contains(line, ` outside=""`) || strings.Contains(line, "actions=0") {
				t.Errorf("the login view's main actions are not all on screen: %s", line)
			}
			// Never smaller than the layouts need (1024×520 logical) where
			// the screen has room for it.
			minW, minH := int(1024*c.fyne), int(520*c.fyne)
			if (w < minW && c.w >= minW+40) || (h < minH && c.h >= minH+60) {
				t.Errorf("the window is %d×%d px, smaller than the layouts' %d×%d on a %d×%d screen", w, h, minW, minH, c.w, c.h)
			}
			// The window's icon is the small one (96×96), not the 512×512
			// app icon: its first two values are its width and height.
			prop := exec.Command("xprop", "-id", id, "-notype", "32c", "_NET_WM_ICON")
			prop.Env = append(os.Environ(), "DISPLAY="+display)
			if out, err := prop.Output(); err != nil || !strings.HasPrefix(strings.TrimSpace(string(out)), "_NET_WM_ICON = 96, 96,") {
				t.Errorf("the window's icon property starts %.40q (%v), want a 96×96 icon", out, err)
			}
			// A screen narrower than windowMin (1366×768 at 150 % and 175 %): the
			// window is as large as the work area, and a smaller size is not
			// kept (the first size never goes under windowMin where the screen
			// allows it), so there is no other size to choose.
			if c.w < minW {
				stopWindow(t, cmd, output, exited)
				return
			}
			// The member gives it another size; the next start opens at that
			// size. Larger where the work area has room: a smaller one must
			// stay above every view's minimum, which Fyne enforces and which
			// is more than 1024×520 once the login view has filled in (the
			// window was raised back to the app's own size, and nothing
			// kept). At the screen's limit, 40 px narrower if it can be.
			roomW := int((float64(c.w)/c.fyne-16)*c.fyne) - 2
			roomH := int((float64(c.h)/c.fyne-36)*c.fyne) - 2
			chosenW, chosenH := max(w, min(w+40, roomW)), max(h, min(h+30, roomH))
			if chosenW-w < 4 && chosenH-h < 4 {
				chosenW, chosenH = max(w-40, minW+6), h
			}
			if chosenW == w && chosenH == h {
				t.Fatalf("no other size to choose than %d×%d", w, h)
			}
			resize := exec.Command("xdotool", "windowsize", "--sync", id, strconv.Itoa(chosenW), strconv.Itoa(chosenH))
			resize.Env = append(os.Environ(), "DISPLAY="+display)
			if out, err := resize.CombinedOutput(); err != nil {
				t.Fatalf("xdotool windowsize: %v %s", err, out)
			}
			// The resize event reaches the app's loop before the SIGTERM (a
			// loaded machine). On failure the app's --verbose log says what
			// size it chose at the next start and from what.
			time.Sleep(3 * time.Second)
			stopWindow(t, cmd, output, exited)
			cmd, output, exited = runWindow(t, bin, display, c.scale, config)
			_, w2, h2 := windowGeometry(t, display, output)
			stopWindow(t, cmd, output, exited) // before reading its output: the process no longer writes it
			if abs(w2-chosenW) > 3 || abs(h2-chosenH) > 3 {
				t.Errorf("reopened at %d×%d px, want the %d×%d the member chose (first %d×%d)\n%s", w2, h2, chosenW, chosenH, w, h, output.String())
			}
		})
	}
}

// waitOnScreen waits for the app's "on screen" line of screen (shell's
// reportOnScreen) and returns it.
func waitOnScreen(t *testing.T, output fmt.Stringer, screen string) string {
	t.Helper()
	return waitOutput(t, output, `msg="on screen" screen=`+screen+" ")
}

// waitOutput waits up to 30 s for a line of the app's output holding
// text, and returns it.
func waitOutput(t *testing.T, output fmt.Stringer, text string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, l := range strings.Split(output.String(), "\n") {
			if strings.Contains(l, text) {
				return l
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no line with %q within 30 s; output:\n%s", text, output.String())
	return ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
