package ui

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func settingsPin(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return base64.StdEncoding.EncodeToString(h[:])
}

func newTestSettings(t *testing.T) *Settings {
	t.Helper()
	a := test.NewTempApp(t)
	return NewSettings(a.Preferences())
}

func TestSettings_Defaults(t *testing.T) {
	s := newTestSettings(t)
	if s.Language() != "id" || s.Theme() != ThemeSystem || s.ServerProfile() != ProfileDemo ||
		s.IdleLock() != 5*time.Minute || !s.OfflineCache() {
		t.Errorf("defaults: %q %q %q %v %v", s.Language(), s.Theme(), s.ServerProfile(), s.IdleLock(), s.OfflineCache())
	}
	if u, pins, domains := s.CustomServer(); u != "" || len(pins) != 0 || len(domains) != 0 {
		t.Errorf("custom server before any: %q %v %v", u, pins, domains)
	}
}

func TestSettings_RoundTrips(t *testing.T) {
	s := newTestSettings(t)
	if err := s.SetLanguage("en"); err != nil || s.Language() != "en" {
		t.Errorf("language: %v %q", err, s.Language())
	}
	for _, m := range ThemeModes {
		if err := s.SetTheme(m); err != nil || s.Theme() != m {
			t.Errorf("theme %q: %v %q", m, err, s.Theme())
		}
	}
	for _, d := range IdleLockChoices {
		if err := s.SetIdleLock(d); err != nil || s.IdleLock() != d {
			t.Errorf("idle lock %v: %v %v", d, err, s.IdleLock())
		}
	}
	s.SetOfflineCache(false)
	if s.OfflineCache() {
		t.Error("offline cache stays on")
	}
	pins := []string{settingsPin("a"), settingsPin("b")}
	if err := s.SetCustomServer(" https://api.example.id:8443/ ", pins, []string{"Example.ID"}); err != nil {
		t.Fatal(err)
	}
	u, gotPins, domains := s.CustomServer()
	if u != "https://api.example.id:8443" || !slices.Equal(gotPins, pins) || !slices.Equal(domains, []string{"example.id"}) {
		t.Errorf("custom server: %q %v %v", u, gotPins, domains)
	}
	if p := s.CustomProfile(); p.BaseURL != u || len(p.Pins) != 2 || p.AllowedDomains[0] != "example.id" {
		t.Errorf("custom profile: %+v", p)
	}
	for _, name := range ServerProfiles {
		if err := s.SetServerProfile(name); err != nil || s.ServerProfile() != name {
			t.Errorf("profile %q: %v %q", name, err, s.ServerProfile())
		}
	}
}

func TestSettings_InvalidValuesAreRefused(t *testing.T) {
	s := newTestSettings(t)
	if s.SetLanguage("fr") == nil || s.SetTheme("sepia") == nil || s.SetIdleLock(2*time.Minute) == nil ||
		s.SetServerProfile("staging") == nil {
		t.Error("a value outside the choices was accepted")
	}
	if err := s.SetServerProfile(ProfileCustom); !errors.Is(err, ErrCustomURL) {
		t.Errorf("custom profile without a custom server: %v", err)
	}
	// Values written by hand (or an older version) fall back to defaults.
	fyne.CurrentApp().Preferences().SetString(KeyTheme, "sepia")
	fyne.CurrentApp().Preferences().SetInt(KeyIdleLockMinute, 7)
	fyne.CurrentApp().Preferences().SetString(KeyLanguage, "fr")
	if s.Theme() != ThemeSystem || s.IdleLock() != DefaultIdleLock || s.Language() != "id" {
		t.Errorf("stray values: %q %v %q", s.Theme(), s.IdleLock(), s.Language())
	}
}

func TestSettings_InvalidCustomServerIsRejected(t *testing.T) {
	good := []string{settingsPin("a"), settingsPin("b")}
	for _, tc := range []struct {
		name    string
		url     string
		pins    []string
		domains []string
		want    error
	}{
		{"http", "http://api.example.id", good, []string{"example.id"}, ErrCustomURL},
		{"no host", "https://", good, []string{"example.id"}, ErrCustomURL},
		{"user info", "https://me:pw@api.example.id", good, []string{"example.id"}, ErrCustomURL},
		{"query", "https://api.example.id/?token=x", good, []string{"example.id"}, ErrCustomURL},
		{"not a URL", "api.example.id", good, []string{"example.id"}, ErrCustomURL},
		{"one pin", "https://api.example.id", good[:1], []string{"example.id"}, ErrCustomPins},
		{"the same pin twice", "https://api.example.id", []string{good[0], good[0]}, []string{"example.id"}, ErrCustomPins},
		{"pin not base64", "https://api.example.id", []string{"not-a-pin!", good[1]}, []string{"example.id"}, ErrCustomPins},
		{"pin of SHA-1 size", "https://api.example.id", []string{base64.StdEncoding.EncodeToString(make([]byte, 20)), good[1]}, []string{"example.id"}, ErrCustomPins},
		{"host outside domains", "https://api.example.id", good, []string{"example.com"}, ErrCustomDomains},
		{"suffix is not a subdomain", "https://evilexample.id", good, []string{"example.id"}, ErrCustomDomains},
		{"no domains", "https://api.example.id", good, nil, ErrCustomDomains},
		{"domain with a scheme", "https://api.example.id", good, []string{"https://example.id", "example.id"}, ErrCustomDomains},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestSettings(t)
			if err := s.SetCustomServer(tc.url, tc.pins, tc.domains); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if u, _, _ := s.CustomServer(); u != "" {
				t.Errorf("stored %q after a refusal", u)
			}
		})
	}
}

// No setting holds an identifier, a token or a password: the keys are all
// known, and none of them is about the member.
func TestSettings_KeysHoldNoSecret(t *testing.T) {
	s := newTestSettings(t)
	_ = s.SetLanguage("en")
	_ = s.SetTheme(ThemeDark)
	_ = s.SetIdleLock(time.Minute)
	s.SetOfflineCache(false)
	_ = s.SetCustomServer("https://api.example.id", []string{settingsPin("a"), settingsPin("b")}, []string{"example.id"})
	for _, k := range []string{KeyLanguage, KeyTheme, KeyServerProfile, KeyCustomURL, KeyCustomPins, KeyCustomDomains, KeyIdleLockMinute, KeyOfflineCache} {
		for _, bad := range []string{"token", "password", "nik", "kpj", "email", "secret", "identifier"} {
			if strings.Contains(k, bad) {
				t.Errorf("key %q looks like it holds a %s", k, bad)
			}
		}
	}
}

func TestTheme_ForcesTheVariant(t *testing.T) {
	a := test.NewTempApp(t)
	bg := theme.ColorNameBackground
	light := NewTheme(ThemeLight).Color(bg, theme.VariantDark)
	dark := NewTheme(ThemeDark).Color(bg, theme.VariantLight)
	if light != theme.DefaultTheme().Color(bg, theme.VariantLight) || dark != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Error("light or dark mode does not force its variant")
	}
	if NewTheme(ThemeSystem).Color(bg, theme.VariantDark) != dark || NewTheme(ThemeSystem).Color(bg, theme.VariantLight) != light {
		t.Error("system mode does not follow the variant asked for")
	}
	ApplyTheme(a, ThemeDark)
	if _, ok := a.Settings().Theme().(*modeTheme); !ok {
		t.Errorf("ApplyTheme set %T", a.Settings().Theme())
	}
}

func newSettingsViewTest(t *testing.T) (*SettingsView, *Settings, fyne.Window) {
	t.Helper()
	s := newTestSettings(t)
	regSetLanguage(t, "id")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewSettingsView(w, s)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(760, 1100))
	return v, s, w
}

func TestSettingsView_ShowsTheStoredValues(t *testing.T) {
	v, _, _ := newSettingsViewTest(t)
	if v.language.Selected != "Bahasa Indonesia" || v.themeMode.Selected != "Ikuti sistem" ||
		v.profile.Selected != "Demo (sandbox bawaan)" || v.idleLock.Selected != "Kunci setelah 5 menit tidak digunakan" || !v.offline.Checked {
		t.Errorf("shown: %q %q %q %q %v", v.language.Selected, v.themeMode.Selected, v.profile.Selected, v.idleLock.Selected, v.offline.Checked)
	}
	if v.customBox.Visible() {
		t.Error("custom server fields shown for the demo profile")
	}
}

func TestSettingsView_SelectsStoreAndFireCallbacks(t *testing.T) {
	v, s, _ := newSettingsViewTest(t)
	var lang string
	var mode ThemeMode
	var idle time.Duration
	var offline *bool
	profiles := 0
	v.OnLanguageChanged = func(c string) { lang = c }
	v.OnThemeChanged = func(m ThemeMode) { mode = m }
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
	if mode != ThemeDark || s.Theme() != ThemeDark {
		t.Errorf("theme: callback %q, stored %q", mode, s.Theme())
	}
	if idle != 30*time.Minute || s.IdleLock() != 30*time.Minute {
		t.Errorf("idle: callback %v, stored %v", idle, s.IdleLock())
	}
	if offline == nil || *offline || s.OfflineCache() {
		t.Errorf("offline: callback %v, stored %v", offline, s.OfflineCache())
	}
	if profiles != 1 || s.ServerProfile() != ProfileOfficial {
		t.Errorf("profile: %d callbacks, stored %q", profiles, s.ServerProfile())
	}
}

func TestSettingsView_CustomServer(t *testing.T) {
	v, s, _ := newSettingsViewTest(t)
	profiles := 0
	v.OnProfileChanged = func() { profiles++ }

	v.profile.SetSelected("Server kustom")
	if !v.customBox.Visible() {
		t.Fatal("custom fields hidden")
	}
	if s.ServerProfile() != ProfileDemo || profiles != 0 {
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
	if s.ServerProfile() != ProfileCustom || profiles != 1 || v.customStatus.Importance != widget.SuccessImportance {
		t.Errorf("saving a valid server: profile %q, %d callbacks, %q", s.ServerProfile(), profiles, v.customStatus.Text)
	}
}

func TestSettingsView_ClearDataAsksFirst(t *testing.T) {
	v, _, w := newSettingsViewTest(t)
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

func TestSettingsView_RefreshAfterALanguageSwitch(t *testing.T) {
	v, s, _ := newSettingsViewTest(t)
	fired := false
	v.OnLanguageChanged = func(string) { fired = true }
	v.OnThemeChanged = func(ThemeMode) { fired = true }
	_ = s.SetLanguage("en")
	_ = s.SetTheme(ThemeLight)
	regSetLanguage(t, "en")
	v.Refresh()
	if fired {
		t.Error("Refresh fired a callback")
	}
	if v.title.Text != "Settings" || v.themeMode.Selected != "Light" || v.language.Selected != "English" ||
		v.dataTitle.Text != "Data on this device" {
		t.Errorf("after switching: %q %q %q %q", v.title.Text, v.themeMode.Selected, v.language.Selected, v.dataTitle.Text)
	}
}

func TestSettingsView_AddSectionAppendsACard(t *testing.T) {
	v, _, _ := newSettingsViewTest(t)
	n := len(v.sections.Objects)
	title := v.AddSection("Riwayat masuk", widget.NewLabel("…"))
	if len(v.sections.Objects) != n+1 || title.Text != "Riwayat masuk" {
		t.Error("section not appended last")
	}
}

func TestSettingsView_Markup(t *testing.T) {
	_, _, w := newSettingsViewTest(t)
	test.ApplyTheme(t, test.Theme())
	test.AssertRendersToMarkup(t, "settings/view.xml", w.Canvas())
}
