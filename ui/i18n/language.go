// Package i18n is the app's language: the embedded translations, the
// formats of money, dates and times, and the sentences that explain an
// error to the member. Values go into templates, never concatenated.
package i18n

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
)

// Languages the app speaks; the first is the default.
var Languages = prefs.Languages

// DefaultLanguage is Bahasa Indonesia, whatever the OS locale says.
const DefaultLanguage = prefs.DefaultLanguage

// SetLanguage makes code ("id" or "en") the language of every lang.L call.
//
// Fyne picks its language from the OS locale and offers no way to choose
// one. The app's language is a setting of its own (Bahasa Indonesia unless
// the member picks English, whatever the OS says), so the chosen messages are
// registered under the locale Fyne will pick (the system's), under our own
// languages, and under English, Fyne's fallback. Each file holds every key,
// Fyne's own ("Cancel", "OK") included, so a later call replaces all of an
// earlier one.
func SetLanguage(code string) error {
	if !slices.Contains(Languages, code) {
		return fmt.Errorf("unknown language %q (want one of %v)", code, Languages)
	}
	if code == currentLanguage && languageLoaded {
		return nil
	}
	data, err := mergedTranslations(code)
	if err != nil {
		return err
	}
	for _, l := range localeTargets() {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return fmt.Errorf("load %s translations as %s: %w", code, l, err)
		}
	}
	currentLanguage, languageLoaded = code, true
	return nil
}

var (
	currentLanguage = DefaultLanguage
	languageLoaded  bool
)

// localeTargets are the locales Fyne may choose from: its fallback, ours,
// and the system's (in full and as a bare language, e.g. pt-BR and pt).
// Each registration re-runs Fyne's locale matching, so the list stays short.
func localeTargets() []fyne.Locale {
	targets := []fyne.Locale{"en", "id"}
	sys := lang.SystemLocale()
	for _, l := range []fyne.Locale{sys, fyne.Locale(sys.LanguageString())} {
		if l != "" && !slices.Contains(targets, l) {
			targets = append(targets, l)
		}
	}
	return targets
}

// mergedTranslations joins every translation file of one language: the
// files are split by area (login.id.json, dashboard.id.json, ...) so that
// views can be worked on apart, and named <area>.<code>.json or <code>.json.
func mergedTranslations(code string) ([]byte, error) {
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	// Raw values: the messages are only copied into one object here, not read.
	merged := map[string]json.RawMessage{}
	for _, e := range entries {
		name := e.Name()
		if name != code+".json" && !strings.HasSuffix(name, "."+code+".json") {
			continue
		}
		data, err := assets.Translations.ReadFile(path.Join(assets.TranslationsDir, name))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		var messages map[string]json.RawMessage
		if err := json.Unmarshal(data, &messages); err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		for k, v := range messages {
			if _, dup := merged[k]; dup {
				return nil, fmt.Errorf("translation key %q is defined twice (again in %s)", k, name)
			}
			merged[k] = v
		}
	}
	if len(merged) == 0 {
		return nil, fmt.Errorf("no %s translations embedded", code)
	}
	return json.Marshal(merged)
}

// LoadTranslations registers the embedded translations with Fyne, with code
// as the app's language. (SetLanguage registers every key under each locale
// Fyne may pick, so the files need no registration of their own: that
// parsed both languages again at every start.)
func LoadTranslations(code string) error {
	languageLoaded = false
	return SetLanguage(code)
}

// CurrentLanguage is the code last passed to SetLanguage.
func CurrentLanguage() string { return currentLanguage }
