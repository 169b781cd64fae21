package shell

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// fitCase is a screen and a scale members have: the window's size is what
// firstWindowSize gives for its work area (the screen less a 40 px taskbar)
// at the scale Fyne computes from FYNE_SCALE (1.25 becomes 1.3).
type fitCase struct {
	screenW, screenH float32
	scale            float32
}

// fitCases: a 1366×768 laptop and a 1920×1080 one at 100–175 %. Fyne lays
// out in logical units, so a window of that logical size is what the member
// sees, scaled. The smallest, 1366×768 at 175 %, leaves a 742×368 window:
// the login view puts its aside under the form (the offline accounts first)
// and its labels beside their fields, and the dashboard wraps its tabs and
// stacks its summary's cards. (Windows offers 100 % by default on such a
// screen; a member who cannot read small text may still choose 175 %.)
var fitCases = []fitCase{
	{1366, 768, 1}, {1366, 768, 1.25}, {1366, 768, 1.5}, {1366, 768, 1.75},
	{1920, 1080, 1}, {1920, 1080, 1.25}, {1920, 1080, 1.5}, {1920, 1080, 1.75},
}

func (f fitCase) String() string {
	return fmt.Sprintf("%.0f×%.0f at %.0f%%", f.screenW, f.screenH, f.scale*100)
}

func (f fitCase) window() fyne.Size {
	s := windowScale(f.scale, 1)
	work := fyne.NewSize(f.screenW/s, (f.screenH-40)/s)
	return firstWindowSize(work, true, fyne.Size{}, false)
}

// checkOnWindow fails for each object not wholly inside the window (seen
// without scrolling), and when the window's content needs more than the
// window: the real driver would then grow the window past the screen.
func checkOnWindow(t *testing.T, h *harness, where string, objs map[string]fyne.CanvasObject) {
	t.Helper()
	win := h.c.win.Canvas().Size()
	min := h.c.win.Content().MinSize().Add(fyne.NewSquareSize(2 * theme.Padding()))
	if min.Width > win.Width+0.5 || min.Height > win.Height+0.5 {
		t.Errorf("%s: the content needs %v, more than the window's %v", where, min, win)
	}
	// No button is narrower than its text: a Fyne button does not shorten
	// it, so a squeezed one shows it cut at both ends.
	uitest.Walk(h.c.win.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text != "" && b.Size().Width+0.5 < b.MinSize().Width {
			t.Errorf("%s: the button %q is %.0f wide, its text needs %.0f", where, b.Text, b.Size().Width, b.MinSize().Width)
		}
		return true
	})
	d := fyne.CurrentApp().Driver()
	for _, name := range outsideWindow(win, objs) {
		o := objs[name]
		if o == nil || !o.Visible() {
			t.Errorf("%s: %s is not shown", where, name)
			continue
		}
		t.Errorf("%s: %s at %v size %v is not inside the %v window", where, name, d.AbsolutePositionForObject(o), o.Size(), win)
	}
}

// At every screen and scale members have, the main actions of each view
// are inside the window the shell opens, without scrolling: Masuk and the
// offline accounts, Perbarui and the dashboard's tabs, Simpan in Settings.
func TestWindowFit_EveryScreenAndScale(t *testing.T) {
	for _, code := range prefs.Languages {
		t.Run(code, func(t *testing.T) {
			h := newHarness(t)
			uitest.SetLanguage(t, code)
			h.c.buildViews()
			h.c.show(screenLogin)
			h.waitVerified()
			resize := func(f fitCase) string {
				h.c.win.Resize(f.window())
				h.drain()
				return fmt.Sprintf("%s (%v)", f, h.c.win.Canvas().Size())
			}
			for _, f := range fitCases {
				where := "login, " + resize(f)
				checkOnWindow(t, h, where, map[string]fyne.CanvasObject{"Masuk": h.loginButton()})
			}

			h.login("budi@contoh.id", "Sandbox#2026", false)
			h.waitDashboard()
			tabs := []string{"dashboard.tab.summary", "dashboard.tab.balance", "dashboard.tab.contributions",
				"dashboard.tab.claims", "dashboard.tab.card", "simulation.tab", "rights.tab", "audit.tab"}
			// Every tab's content, not only the summary's, fits the window.
			for _, shown := range tabs {
				test.Tap(uitest.Button(t, h.screen(), lang.L(shown)))
				for _, f := range fitCases {
					where := "dashboard, " + lang.L(shown) + ", " + resize(f)
					objs := map[string]fyne.CanvasObject{"Perbarui": uitest.Button(t, h.screen(), lang.L("dashboard.refresh"))}
					for _, key := range tabs {
						objs["the tab "+lang.L(key)] = uitest.Button(t, h.screen(), lang.L(key))
					}
					checkOnWindow(t, h, where, objs)
					// The --verbose "on screen" line names the same objects.
					if acts := h.c.mainActions(); len(acts) != len(objs) || len(outsideWindow(h.c.win.Canvas().Size(), acts)) != 0 {
						t.Errorf("%s: the main actions reported are %d, %v outside; want %d, none", where, len(acts), outsideWindow(h.c.win.Canvas().Size(), acts), len(objs))
					}
				}
			}
			test.Tap(uitest.Button(t, h.screen(), lang.L(tabs[0])))

			h.c.openSettings(screenDashboard)
			h.drain()
			profile := uitest.Find(h.screen(), func(s *widget.Select) bool {
				return len(s.Options) == len(prefs.ServerProfiles) && s.Options[2] == lang.L("settings.profile.custom")
			})
			if profile == nil {
				t.Fatal("no server profile choice in Settings")
			}
			profile.SetSelectedIndex(2)
			h.drain()
			for _, f := range fitCases {
				where := "settings, custom server, " + resize(f)
				checkOnWindow(t, h, where, map[string]fyne.CanvasObject{"Simpan": uitest.Button(t, h.screen(), lang.L("settings.custom.save"))})
			}
			h.c.show(screenDashboard)
			h.c.logout()
			h.waitVerified()
			h.waitFor("an offline account on the login view", func() bool {
				return uitest.Find(h.screen(), func(b *widget.Button) bool { return strings.Contains(b.Text, "•") }) != nil
			})
			for _, f := range fitCases {
				where := "login after logout, " + resize(f)
				checkOnWindow(t, h, where, map[string]fyne.CanvasObject{
					"Masuk":               h.loginButton(),
					"the offline account": uitest.Find(h.screen(), func(b *widget.Button) bool { return strings.Contains(b.Text, "•") }),
				})
			}
		})
	}
}
