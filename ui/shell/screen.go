package shell

import (
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenArea is the primary monitor's work area (the screen less the
// taskbar, dock or panels) in the toolkit's logical units at the scale the
// window will have, and that scale.
type screenArea struct {
	size  fyne.Size
	scale float32
}

// primaryWorkArea asks GLFW for the primary monitor's work area and turns
// it into logical units at the scale Fyne 2.7.1 will give the window. Fyne
// has no API for it, so this reads GLFW directly: it must run on the main
// goroutine after App.NewWindow (which initialises GLFW) and before the
// window is shown, as shell.New does. ok is false where no monitor can be
// read (the test driver, where GLFW was never initialised; a headless
// session); the caller then keeps its fallback size.
func primaryWorkArea(a fyne.App) (area screenArea, ok bool) {
	defer func() {
		if recover() != nil { // go-gl panics on a GLFW error (not initialised)
			area, ok = screenArea{}, false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return screenArea{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			w, h = mode.Width, mode.Height
		}
	}
	if w <= 0 || h <= 0 {
		return screenArea{}, false
	}
	s := windowScale(userScale(a), systemScale(m))
	return screenArea{size: fyne.NewSize(float32(w)/s, float32(h)/s), scale: s}, true
}

// The rest mirrors how Fyne 2.7.1 computes a window's scale
// (internal/driver/glfw: scale.go calculateScale and userScale,
// device_desktop.go SystemScaleForWindow, window_desktop.go getMonitorScale
// and detectScale), which it only does once the window exists.

// userScale is FYNE_SCALE, else the app's scale setting, else 1.
func userScale(a fyne.App) float32 {
	if env := os.Getenv("FYNE_SCALE"); env != "" && env != "auto" {
		if v, err := strconv.ParseFloat(env, 32); err == nil && v > 0 {
			return float32(v)
		}
	}
	if a != nil && os.Getenv("FYNE_SCALE") != "auto" {
		if v := a.Settings().Scale(); v > 0 {
			return v
		}
	}
	return 1
}

// systemScale is the monitor's own: none on macOS (points, scaled at the
// texture), Windows' content scale, elsewhere the DPI over 120.
func systemScale(m *glfw.Monitor) float32 {
	switch runtime.GOOS {
	case "darwin":
		return 1
	case "windows":
		x, _ := m.GetContentScale()
		if x > 0 {
			return x
		}
		return 1
	}
	if env := os.Getenv("FYNE_DISABLE_DPI_DETECTION"); strings.EqualFold(env, "true") || strings.EqualFold(env, "t") || env == "1" {
		return 1
	}
	mm, _ := m.GetPhysicalSize()
	mode := m.GetVideoMode()
	if mode == nil || (runtime.GOOS == "linux" && mm == 60) {
		return 1
	}
	return detectedScale(mm, mode.Width)
}

// detectedScale is Fyne's calculateDetectedScale: the DPI over 120, at
// least 1, and 1 when the monitor reports nonsense.
func detectedScale(widthMm, widthPx int) float32 {
	if widthMm <= 0 {
		return 1
	}
	dpi := float32(widthPx) / (float32(widthMm) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return max(dpi/120, 1)
}

// windowScale is Fyne's calculateScale: the product, to one decimal.
func windowScale(user, system float32) float32 {
	return float32(math.Round(float64(user*system*10)) / 10)
}
