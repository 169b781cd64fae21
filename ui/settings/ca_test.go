package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// The custom server's CA: a field of its own; a paste that is not PEM
// certificates is refused with a sentence and stores nothing (neither the
// CA nor the rest of the server); a real CA (the sandbox's) is stored with
// the server, goes into its profile, and is shown again.
func TestView_CustomServerCA(t *testing.T) {
	srv, _, _ := uitest.Sandbox(t)
	caPEM := string(srv.CertPEM())
	v, s, w := newViewTest(t)
	v.profile.SetSelected("Server kustom")
	if !uitest.Contains(w.Content(), "CA (PEM)") {
		t.Fatal("no CA field in the custom server's form")
	}
	v.customURL.SetText("https://api.example.id")
	v.customPins.SetText(settingsPin("a") + "\n" + settingsPin("b"))
	v.customDomains.SetText("example.id")
	v.customCA.SetText("not a certificate")
	test.Tap(v.customSave)
	if v.customStatus.Importance != widget.DangerImportance || !strings.Contains(v.customStatus.Text, "sertifikat PEM") {
		t.Fatalf("a bad CA: %q", v.customStatus.Text)
	}
	if u, _, _ := s.CustomServer(); u != "" || s.CustomCA() != "" || s.ServerProfile() != prefs.ProfileDemo {
		t.Fatal("something was stored with a bad CA")
	}
	v.customCA.SetText(caPEM)
	test.Tap(v.customSave)
	if v.customStatus.Importance != widget.SuccessImportance || s.ServerProfile() != prefs.ProfileCustom {
		t.Fatalf("a good CA: %q", v.customStatus.Text)
	}
	if got := string(s.CustomProfile().ExtraRootsPEM); got != strings.TrimSpace(caPEM) {
		t.Fatal("the profile does not trust the CA given")
	}
	v2 := New(w, s)
	if v2.customCA.Text != strings.TrimSpace(caPEM) {
		t.Fatal("the stored CA is not shown again")
	}
}
