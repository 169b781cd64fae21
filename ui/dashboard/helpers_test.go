package dashboard

import (
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// dashFetchedAt is the fixtures' fetch instant (14.05 WIB on the sandbox's
// reference day), so header texts and goldens do not depend on the clock.
var dashFetchedAt = fixtures.FetchedAt

// dashDemoMember is a demo member's data as their login gives it, read
// from its fixture (package fixtures, which checks it against the
// sandbox's seed).
func dashDemoMember(t *testing.T, email string) memberdata.Data {
	t.Helper()
	return fixtures.Member(t, email)
}

// newTestDashboard shows a dashboard in a test window of the app's size.
func newTestDashboard(t *testing.T) (*Dashboard, fyne.Window) {
	t.Helper()
	fixtures.StartUI(t)
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

// noticeShown reports whether the Ringkasan's audit notice shows, and what
// it says.
func noticeShown(t *testing.T, d *Dashboard) (bool, string) {
	t.Helper()
	n := d.summary.audit.Content()
	return n.Visible(), strings.Join(dashTexts(t, n), " ")
}

// auditHeadline is Periksa iuran's headline as shown: the first text of
// the check, "" while it shows no report.
func auditHeadline(t *testing.T, d *Dashboard) string {
	t.Helper()
	for _, s := range dashTexts(t, d.audit.Content()) {
		for _, head := range []string{"Kami menemukan", "Tidak ada temuan"} {
			if strings.HasPrefix(s, head) {
				return s
			}
		}
	}
	return ""
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func dashOffline(d memberdata.Data) memberdata.Data {
	d.Offline = true
	return d
}

// dashTexts collects the text of every visible label and canvas text.
func dashTexts(t *testing.T, o fyne.CanvasObject) []string { return fixtures.Texts(t, o) }
