package dashboard

import (
	"io"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// dashFetchedAt is the fixtures' fetch instant (14.05 WIB on the sandbox's
// reference day), so header texts and goldens do not depend on the clock.
var dashFetchedAt = fixtures.FetchedAt

// dashDemoMember is a demo member's data as their login gives it, read
// from its fixture (package fixtures, which checks it against the
// sandbox's seed).
func dashDemoMember(t *testing.T, email string) memberdata.Data {
	t.Helper()
	d, err := fixtures.Load(email)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newTestDashboard shows a dashboard in a test window of the app's size.
func newTestDashboard(t *testing.T) (*Dashboard, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	if err := i18n.LoadTranslations("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.SetLanguage(i18n.DefaultLanguage) })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	d := New(w)
	q := uitest.NewQueue(t)
	d.SetRunner(async.Runner{Do: q.Do})
	dashQueues[d] = q
	t.Cleanup(func() { delete(dashQueues, d) })
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1000, 720))
	return d, w
}

// dashQueues stand in for fyne.Do for each test dashboard's work off the
// UI goroutine (the audit): awaitAudit applies what they hold.
var dashQueues = map[*Dashboard]*uitest.Queue{}

// awaitAudit applies the audit of the data on screen, computed off the UI
// goroutine, as the UI loop would.
func awaitAudit(t *testing.T, d *Dashboard) {
	t.Helper()
	dashQueues[d].WaitFor("the audit", func() bool { return d.auditReport() != nil })
}

// setAudited is SetData followed by the audit's report.
func setAudited(t *testing.T, d *Dashboard, data memberdata.Data) {
	t.Helper()
	d.SetData(data)
	awaitAudit(t, d)
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func dashOffline(d memberdata.Data) memberdata.Data {
	d.Offline = true
	return d
}

// dashTexts collects the text of every visible label and canvas text.
func dashTexts(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		case *widgets.Badge:
			out = append(out, v.Text)
		case *widget.Card:
			out = append(out, v.Title, v.Subtitle)
			walk(v.Content)
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, v)
			for _, c := range r.Objects() {
				walk(c)
			}
			return
		}
	}
	walk(o)
	return out
}
