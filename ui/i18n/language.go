// Package i18n is the app's language: the embedded translations, the
// formats of money, dates and times, and the sentences that explain an
// error to the member. Values go into templates, never concatenated.
package i18n

import (
	"bytes"
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

// localeTargets are the locales Fyne may choose from: English, its fallback
// (and its choice when the system's locale does not parse, e.g. "C"), and
// the system's own. Fyne matches the system's locales against the locales
// it has messages for, and one registered under the system's locale itself
// is the exact match it picks. Each registration parses the messages again
// (about 5 ms on this machine, at every start), so there are no others.
func localeTargets() []fyne.Locale {
	targets := []fyne.Locale{"en"}
	if sys := lang.SystemLocale(); sys != "" && sys != "en" {
		targets = append(targets, sys)
	}
	return targets
}

// mergedTranslations joins every translation file of one language into one
// JSON object: the files are split by area (login.id.json,
// dashboard.id.json, ...) so that views can be worked on apart, and named
// <area>.<code>.json or <code>.json. The files are joined as text, at every
// start, rather than decoded and encoded again (4 ms); go-i18n reads the
// result, and the tests check that each file is one JSON object and that
// no key is defined twice.
func mergedTranslations(code string) ([]byte, error) {
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	merged := []byte{'{'}
	for _, e := range entries {
		name := e.Name()
		if name != code+".json" && !strings.HasSuffix(name, "."+code+".json") {
			continue
		}
		data, err := assets.Translations.ReadFile(path.Join(assets.TranslationsDir, name))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		body := bytes.TrimSpace(data)
		if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
			return nil, fmt.Errorf("%s: not one JSON object", name)
		}
		body = bytes.TrimSpace(body[1 : len(body)-1])
		if len(body) == 0 {
			continue
		}
		if len(merged) > 1 {
			merged = append(merged, ',')
		}
		merged = append(merged, body...)
	}
	if len(merged) == 1 {
		return nil, fmt.Errorf("no %s translations embedded", code)
	}
	return append(merged, '}'), nil
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
