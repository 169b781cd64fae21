package settings

import (
	"crypto/sha256"
	"encoding/base64"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func settingsPin(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return base64.StdEncoding.EncodeToString(h[:])
}

func newViewTest(t *testing.T) (*View, *prefs.Settings, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := prefs.New(prefs.NewMemoryStore())
	uitest.SetLanguage(t, "id")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := New(w, s)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(760, 1100))
	return v, s, w
}

func TestView_ShowsTheStoredValues(t *testing.T) {
	v, _, _ := newViewTest(t)
	if v.language.Selected != "Bahasa Indonesia" || v.themeMode.Selected != "Ikuti sistem" ||
		v.profile.Selected != "Demo (sandbox bawaan)" || v.idleLock.Selected != "Kunci setelah 5 menit tidak digunakan" || !v.offline.Checked {
		t.Errorf("shown: %q %q %q %q %v", v.language.Selected, v.themeMode.Selected, v.profile.Selected, v.idleLock.Selected, v.offline.Checked)
	}
	if v.customBox.Visible() {
		t.Error("custom server fields shown for the demo profile")
	}
}

func TestView_SelectsStoreAndFireCallbacks(t *testing.T) {
	v, s, _ := newViewTest(t)
	var lang string
	var mode prefs.ThemeMode
	var idle time.Duration
	var offline *bool
	profiles := 0
	v.OnLanguageChanged = func(c string) { lang = c }
	v.OnThemeChanged = func(m prefs.ThemeMode) { mode = m }
	v.OnIdleLockChanged = func(d time.Duration) { idle = d }
	v.OnOfflineCacheChanged = func(on bool) { offline = &on }
	v.OnProfileChanged = func() { profiles++ }

	v.language.SetSelectedIndex(1)
	v.themeMode.SetSelected("Gelap")
	v.idleLock.SetSelectedIndex(3)
	test.Tap(v.offline)
	v.profile.SetSelected("Resmi BPJS Ketenagakerjaan")

	if lang != "en" || s.Language() != "en" {
		t.Errorf("language: callback %q, stored %q", lang, s.Language())
	}
	if mode != prefs.ThemeDark || s.Theme() != prefs.ThemeDark {
		t.Errorf("theme: callback %q, stored %q", mode, s.Theme())
	}
	if idle != 30*time.Minute || s.IdleLock() != 30*time.Minute {
		t.Errorf("idle: callback %v, stored %v", idle, s.IdleLock())
	}
	if offline == nil || *offline || s.OfflineCache() {
		t.Errorf("offline: callback %v, stored %v", offline, s.OfflineCache())
	}
	if profiles != 1 || s.ServerProfile() != prefs.ProfileOfficial {
		t.Errorf("profile: %d callbacks, stored %q", profiles, s.ServerProfile())
	}
}

func TestView_CustomServer(t *testing.T) {
	v, s, _ := newViewTest(t)
	profiles := 0
	v.OnProfileChanged = func() { profiles++ }

	v.profile.SetSelected("Server kustom")
	if !v.customBox.Visible() {
		t.Fatal("custom fields hidden")
	}
	if s.ServerProfile() != prefs.ProfileDemo || profiles != 0 {
		t.Error("custom chosen before a custom server was saved")
	}
	v.customURL.SetText("http://api.example.id")
	v.customPins.SetText(settingsPin("a") + "\n" + settingsPin("b"))
	v.customDomains.SetText("example.id")
	test.Tap(v.customSave)
	if v.customStatus.Importance != widget.DangerImportance || v.customStatus.Text != "Alamat harus diawali https:// dan menyebut server, mis. https://api.contoh.id." {
		t.Errorf("http accepted: %q", v.customStatus.Text)
	}
	v.customURL.SetText("https://api.example.id")
	v.customPins.SetText(settingsPin("a"))
	test.Tap(v.customSave)
	if v.customStatus.Text != "Isi minimal dua pin berbeda, masing-masing hash SHA-256 base64 (44 karakter, diakhiri =)." {
		t.Errorf("one pin accepted: %q", v.customStatus.Text)
	}
	v.customPins.SetText(settingsPin("a") + "\n" + settingsPin("b"))
	test.Tap(v.customSave)
	if s.ServerProfile() != prefs.ProfileCustom || profiles != 1 || v.customStatus.Importance != widget.SuccessImportance {
		t.Errorf("saving a valid server: profile %q, %d callbacks, %q", s.ServerProfile(), profiles, v.customStatus.Text)
	}
}

func TestView_ClearDataAsksFirst(t *testing.T) {
	v, _, w := newViewTest(t)
	cleared := 0
	v.OnClearData = func() { cleared++ }

	test.Tap(v.clearButton)
	if cleared != 0 {
		t.Fatal("data cleared without asking")
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no confirmation shown")
	}
	cancel := findButton(w.Canvas().Overlays().Top(), "Batal")
	if cancel == nil {
		t.Fatal("no Batal button in the confirmation")
	}
	test.Tap(cancel)
	if cleared != 0 {
		t.Fatal("cancel cleared the data")
	}

	test.Tap(v.clearButton)
	del := findButton(w.Canvas().Overlays().Top(), "Hapus")
	if del == nil {
		t.Fatal("no Hapus button in the confirmation")
	}
	test.Tap(del)
	if cleared != 1 {
		t.Errorf("OnClearData called %d times after confirming", cleared)
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestView_RefreshAfterALanguageSwitch(t *testing.T) {
	v, s, _ := newViewTest(t)
	fired := false
	v.OnLanguageChanged = func(string) { fired = true }
	v.OnThemeChanged = func(prefs.ThemeMode) { fired = true }
	_ = s.SetLanguage("en")
	_ = s.SetTheme(prefs.ThemeLight)
	uitest.SetLanguage(t, "en")
	v.Refresh()
	if fired {
		t.Error("Refresh fired a callback")
	}
	if v.title.Text != "Settings" || v.themeMode.Selected != "Light" || v.language.Selected != "English" ||
		v.dataTitle.Text != "Data on this device" {
		t.Errorf("after switching: %q %q %q %q", v.title.Text, v.themeMode.Selected, v.language.Selected, v.dataTitle.Text)
	}
}

func TestView_AddSectionAppendsACard(t *testing.T) {
	v, _, _ := newViewTest(t)
	n := len(v.sections.Objects)
	title := v.AddSection("Riwayat masuk", widget.NewLabel("…"))
	if len(v.sections.Objects) != n+1 || title.Text != "Riwayat masuk" {
		t.Error("section not appended last")
	}
}

func TestView_Markup(t *testing.T) {
	_, _, w := newViewTest(t)
	test.ApplyTheme(t, test.Theme())
	test.AssertRendersToMarkup(t, "view.xml", w.Canvas())
}
