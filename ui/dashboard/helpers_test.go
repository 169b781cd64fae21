package dashboard

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// dashFetchedAt is a fixed fetch instant (14.05 WIB on the sandbox's
// reference day) so header texts and goldens do not depend on the clock.
var dashFetchedAt = time.Date(2026, time.November, 16, 7, 5, 0, 0, time.UTC)

// dashLogin logs a demo member in, answering Siti's TOTP challenge.
func dashLogin(t *testing.T, client *service.Client, email string) {
	t.Helper()
	ctx := context.Background()
	res, err := client.Login(ctx, email, sandbox.DemoPassword, false)
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	if res.MFA != nil {
		code, err := sandbox.TOTPCode(sandbox.SitiTOTPSecret, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := client.VerifyMFA(ctx, code); err != nil {
			t.Fatalf("MFA %s: %v", email, err)
		}
	}
}

// dashFetchMemberData reads everything the dashboard shows, as the controller does.
func dashFetchMemberData(t *testing.T, client *service.Client) memberdata.Data {
	t.Helper()
	ctx := context.Background()
	var err error
	data := memberdata.Data{Identifier: "test", Contributions: map[int]member.Contributions{}, FetchedAt: dashFetchedAt}
	if data.Member, err = client.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	if data.Balance, err = client.Balance(ctx); err != nil {
		t.Fatal(err)
	}
	latest, err := client.Contributions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range latest.AvailableYears {
		c, err := client.Contributions(ctx, y)
		if err != nil {
			t.Fatalf("contributions %d: %v", y, err)
		}
		data.Contributions[y] = c
	}
	if data.Claims, err = client.Claims(ctx); err != nil {
		t.Fatal(err)
	}
	if data.Cards, err = client.Cards(ctx); err != nil {
		t.Fatal(err)
	}
	return data
}

// dashMemberCache fetches each demo member once per test binary: logging in
// over TLS is the slow part, and the data is deterministic.
var dashMemberCache = struct {
	sync.Mutex
	m map[string]memberdata.Data
}{m: map[string]memberdata.Data{}}

func dashDemoMember(t *testing.T, email string) memberdata.Data {
	t.Helper()
	dashMemberCache.Lock()
	defer dashMemberCache.Unlock()
	if d, ok := dashMemberCache.m[email]; ok {
		return d
	}
	client := uitest.SandboxClient(t)
	dashLogin(t, client, email)
	d := dashFetchMemberData(t, client)
	dashMemberCache.m[email] = d
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
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1000, 720))
	return d, w
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
