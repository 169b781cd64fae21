package prefs

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func settingsPin(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return base64.StdEncoding.EncodeToString(h[:])
}

func newTestSettings(t *testing.T) (*Settings, *MemoryStore) {
	t.Helper()
	store := NewMemoryStore()
	return New(store), store
}

func TestSettings_Defaults(t *testing.T) {
	t.Parallel()
	s, _ := newTestSettings(t)
	if s.Language() != "id" || s.Theme() != ThemeSystem || s.ServerProfile() != ProfileDemo ||
		s.IdleLock() != 5*time.Minute || !s.OfflineCache() {
		t.Errorf("defaults: %q %q %q %v %v", s.Language(), s.Theme(), s.ServerProfile(), s.IdleLock(), s.OfflineCache())
	}
	if u, pins, domains := s.CustomServer(); u != "" || len(pins) != 0 || len(domains) != 0 {
		t.Errorf("custom server before any: %q %v %v", u, pins, domains)
	}
}

func TestSettings_RoundTrips(t *testing.T) {
	t.Parallel()
	s, _ := newTestSettings(t)
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
	t.Parallel()
	s, store := newTestSettings(t)
	if s.SetLanguage("fr") == nil || s.SetTheme("sepia") == nil || s.SetIdleLock(2*time.Minute) == nil ||
		s.SetServerProfile("staging") == nil {
		t.Error("a value outside the choices was accepted")
	}
	if err := s.SetServerProfile(ProfileCustom); !errors.Is(err, ErrCustomURL) {
		t.Errorf("custom profile without a custom server: %v", err)
	}
	// Values written by hand (or an older version) fall back to defaults.
	store.SetString(KeyTheme, "sepia")
	store.SetInt(KeyIdleLockMinute, 7)
	store.SetString(KeyLanguage, "fr")
	if s.Theme() != ThemeSystem || s.IdleLock() != DefaultIdleLock || s.Language() != "id" {
		t.Errorf("stray values: %q %v %q", s.Theme(), s.IdleLock(), s.Language())
	}
}

func TestSettings_InvalidCustomServerIsRejected(t *testing.T) {
	t.Parallel()
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
			s, _ := newTestSettings(t)
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
	t.Parallel()
	s, _ := newTestSettings(t)
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
