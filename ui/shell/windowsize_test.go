package shell

import (
	"bytes"
	"image"
	"image/color"
	_ "image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

func TestFirstWindowSize(t *testing.T) {
	t.Parallel()
	size := fyne.NewSize
	cases := []struct {
		name      string
		work      fyne.Size
		haveWork  bool
		saved     fyne.Size
		haveSaved bool
		want      fyne.Size
	}{
		// 1920×1080 at 100 %, a 40 px taskbar: room for the preferred size.
		{"full HD at 100%", size(1920, 1040), true, fyne.Size{}, false, size(1024, 700)},
		// At 150 %: 1280×693 logical; 693-36 = 657 high.
		{"full HD at 150%", size(1280, 693.3), true, fyne.Size{}, false, size(1024, 657)},
		// 1366×768 at 125 % (Fyne: 1.3) with a 40 px taskbar: 1050.8×560, room for 1034×524.
		{"1366×768 at 125%", size(1050.8, 560), true, fyne.Size{}, false, size(1024, 524)},
		// 1366×768 at 175 %: smaller than windowMin; the screen wins.
		{"1366×768 at 175%", size(780.6, 416), true, fyne.Size{}, false, size(764, 380)},
		{"the member's size where it fits", size(1920, 1040), true, size(1500, 900), true, size(1500, 900)},
		{"the member's size, too big for this screen", size(1280, 693.3), true, size(1500, 900), true, size(1264, 657)},
		{"the member's size, below the minimum", size(1920, 1040), true, size(600, 300), true, size(1024, 520)},
		{"no screen, nothing saved", fyne.Size{}, false, fyne.Size{}, false, size(1024, 700)},
		{"no screen, a saved size", fyne.Size{}, false, size(1300, 760), true, size(1300, 760)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := firstWindowSize(c.work, c.haveWork, c.saved, c.haveSaved); got != c.want {
				t.Errorf("firstWindowSize = %v, want %v", got, c.want)
			}
		})
	}
}

func TestWindowScale_AsFyneComputesIt(t *testing.T) {
	t.Parallel()
	// calculateDetectedScale: a 1920 px wide monitor 344 mm wide is 141.8
	// DPI, 1.18 × the 120 DPI baseline; under 120 DPI it is 1; nonsense is 1.
	cases := []struct {
		mm, px int
		user   float32
		want   float32
	}{
		{344, 1920, 1, 1.2},
		{344, 1920, 1.5, 1.8},
		{527, 1920, 1, 1},      // a 24" monitor: 92.5 DPI
		{527, 1920, 1.25, 1.3}, // rounded to one decimal, as Fyne does
		{0, 1920, 1.75, 1.8},
		{1, 1920, 1, 1}, // 48768 DPI: nonsense
	}
	for _, c := range cases {
		if got := windowScale(c.user, detectedScale(c.mm, c.px)); got != c.want {
			t.Errorf("%d mm, %d px, user %v: scale %v, want %v", c.mm, c.px, c.user, got, c.want)
		}
	}
}

// The window's icon is the small one (TestWindow_FitsTheScreenAtEveryScale
// checks the real window's icon property): the 512×512 app icon cost each
// start-up its decode and a 1 MiB icon property before the first frame.
func TestWindowIcon_IsSmall(t *testing.T) {
	t.Parallel()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(assets.WindowIcon.Content()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width > 128 || cfg.Height > 128 || cfg.Width < 48 {
		t.Errorf("the window icon is %d×%d, want 48–128 px", cfg.Width, cfg.Height)
	}
}

// Only a size the member gave the window is kept: not the one the app gave
// it, nor the one the toolkit grew it to for a view's minimum (kept, that
// made a 1108×556 window on a 1366×768 screen after a run on a smaller one).
func TestRememberSize_OnlyTheMembersChoice(t *testing.T) {
	h := newHarness(t)
	h.waitVerified()
	h.drain()
	settings := h.c.prefs
	h.c.win.Resize(h.c.firstSize)
	h.c.rememberSize()
	if w, hh, ok := settings.WindowSize(); ok {
		t.Fatalf("the first size was kept as the member's: %d×%d", w, hh)
	}
	// A view that needs 1108×556 in a window first given 1024×520.
	pad := 2 * theme.Padding()
	needs := canvas.NewRectangle(color.Transparent)
	needs.SetMinSize(fyne.NewSize(1108, 556))
	h.c.win.SetContent(needs)
	h.c.firstSize = fyne.NewSize(1024, 520)
	min := fyne.NewSize(1108+pad, 556+pad)
	h.c.win.Resize(min) // what Fyne does to a window below its content's minimum
	h.c.rememberSize()
	if w, hh, ok := settings.WindowSize(); ok {
		t.Fatalf("the toolkit's growth to %v was kept as the member's: %d×%d", min, w, hh)
	}
	h.c.win.Resize(fyne.NewSize(1300, 760))
	h.c.rememberSize()
	if w, hh, ok := settings.WindowSize(); !ok || w != 1300 || hh != 760 {
		t.Fatalf("the member's 1300×760 kept as %d×%d (%v)", w, hh, ok)
	}
}
