// Package prefs is the app's typed settings: every setting has a key
// constant, a default and a validating setter, so no view reads a raw key.
// It is Fyne-free: the store is any Store, which fyne.Preferences satisfies.
package prefs

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service"
)

// Settings is a typed wrapper over a Store (the app's Fyne Preferences).
//
// Preferences are a plain file in the user's config dir. Nothing that
// identifies the member or grants access goes here: no NIK, KPJ, email,
// password, token or MFA secret. Remembered sessions live in the OS keyring
// and member data in the encrypted cache; what is stored here only says how
// the app looks and which server it talks to (pins are public keys' hashes,
// not secrets).
type Settings struct {
	p Store
}

// Store is the part of fyne.Preferences that Settings uses.
type Store interface {
	String(key string) string
	StringWithFallback(key, fallback string) string
	SetString(key, value string)
	StringList(key string) []string
	SetStringList(key string, value []string)
	IntWithFallback(key string, fallback int) int
	SetInt(key string, value int)
	BoolWithFallback(key string, fallback bool) bool
	SetBool(key string, value bool)
}

// New wraps p (fyne.App.Preferences(), or NewMemoryStore in tests).
func New(p Store) *Settings { return &Settings{p: p} }

// Languages the app speaks; the first is the default.
var Languages = []string{"id", "en"}

// DefaultLanguage is Bahasa Indonesia, whatever the OS locale says.
const DefaultLanguage = "id"

// Preference keys. They are stored on disk, so they never change spelling.
const (
	KeyLanguage       = "language"
	KeyTheme          = "theme"
	KeyServerProfile  = "server.profile"
	KeyCustomURL      = "server.custom.url"
	KeyCustomPins     = "server.custom.pins"
	KeyCustomDomains  = "server.custom.domains"
	KeyCustomCA       = "server.custom.ca"
	KeyIdleLockMinute = "security.idle_lock_minutes"
	KeyOfflineCache   = "cache.offline"
)

// ThemeMode chooses light, dark or the system's variant.
type ThemeMode string

// Theme modes, as stored.
const (
	ThemeSystem ThemeMode = "system"
	ThemeLight  ThemeMode = "light"
	ThemeDark   ThemeMode = "dark"
)

// ThemeModes lists the modes in the order the settings view offers them.
var ThemeModes = []ThemeMode{ThemeSystem, ThemeLight, ThemeDark}

// Server profiles, as stored.
const (
	ProfileDemo     = "demo"
	ProfileOfficial = "official"
	ProfileCustom   = "custom"
)

// ServerProfiles lists the profiles in the order the settings view offers them.
var ServerProfiles = []string{ProfileDemo, ProfileOfficial, ProfileCustom}

// IdleLockChoices are the idle-lock times offered; anything else stored is
// read as the default.
var IdleLockChoices = []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, 30 * time.Minute}

// Defaults.
const (
	DefaultTheme         = ThemeSystem
	DefaultServerProfile = ProfileDemo
	DefaultIdleLock      = 5 * time.Minute
	DefaultOfflineCache  = true
)

// Errors of SetCustomServer; the settings view turns them into sentences.
var (
	ErrCustomURL     = errors.New("settings: custom server URL must be https://host[:port]")
	ErrCustomPins    = errors.New("settings: custom server needs at least two distinct base64 SHA-256 pins")
	ErrCustomDomains = errors.New("settings: custom server needs allowed domains that include its host")
	ErrCustomCA      = errors.New("settings: custom server CA must be PEM certificates")
)

// ErrInvalidSetting is returned for a value outside a setting's choices.
var ErrInvalidSetting = errors.New("settings: invalid value")

// Language is the interface language code, "id" unless the member chose "en".
func (s *Settings) Language() string {
	code := s.p.StringWithFallback(KeyLanguage, DefaultLanguage)
	if !slices.Contains(Languages, code) {
		return DefaultLanguage
	}
	return code
}

// SetLanguage stores the language code; it does not switch the language
// (the UI's i18n.SetLanguage does).
func (s *Settings) SetLanguage(code string) error {
	if !slices.Contains(Languages, code) {
		return fmt.Errorf("%w: language %q", ErrInvalidSetting, code)
	}
	s.p.SetString(KeyLanguage, code)
	return nil
}

// Theme is the chosen theme mode, ThemeSystem by default.
func (s *Settings) Theme() ThemeMode {
	m := ThemeMode(s.p.StringWithFallback(KeyTheme, string(DefaultTheme)))
	if !slices.Contains(ThemeModes, m) {
		return DefaultTheme
	}
	return m
}

// SetTheme stores the theme mode.
func (s *Settings) SetTheme(m ThemeMode) error {
	if !slices.Contains(ThemeModes, m) {
		return fmt.Errorf("%w: theme %q", ErrInvalidSetting, m)
	}
	s.p.SetString(KeyTheme, string(m))
	return nil
}

// ServerProfile is "demo", "official" or "custom"; "demo" by default.
func (s *Settings) ServerProfile() string {
	p := s.p.StringWithFallback(KeyServerProfile, DefaultServerProfile)
	if !slices.Contains(ServerProfiles, p) {
		return DefaultServerProfile
	}
	return p
}

// SetServerProfile stores the profile name. Choosing "custom" needs a custom
// server stored first, so the client is never built from half a profile.
func (s *Settings) SetServerProfile(name string) error {
	if !slices.Contains(ServerProfiles, name) {
		return fmt.Errorf("%w: server profile %q", ErrInvalidSetting, name)
	}
	if name == ProfileCustom {
		if u, _, _ := s.CustomServer(); u == "" {
			return fmt.Errorf("%w: no custom server stored", ErrCustomURL)
		}
	}
	s.p.SetString(KeyServerProfile, name)
	return nil
}

// CustomServer is the stored custom server: its https URL, its SPKI pins
// (base64 SHA-256, the first primary) and its allowed domains. The URL is
// empty when none is stored.
func (s *Settings) CustomServer() (serverURL string, pins []string, domains []string) {
	return s.p.String(KeyCustomURL), s.p.StringList(KeyCustomPins), s.p.StringList(KeyCustomDomains)
}

// SetCustomServer validates and stores a custom server. The URL must be
// https://host[:port] with an optional path prefix, at least two distinct
// base64 SHA-256 pins are needed (a primary and a backup, as the client
// requires), and the host must be one of the allowed domains or under one.
// Nothing is stored when anything is wrong; the error matches ErrCustomURL,
// ErrCustomPins or ErrCustomDomains.
func (s *Settings) SetCustomServer(serverURL string, pins, domains []string) error {
	serverURL = strings.TrimSpace(serverURL)
	u, err := url.Parse(serverURL)
	if err != nil || u.Scheme != "https" || u.Hostname() == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return ErrCustomURL
	}
	cleanPins, err := cleanPinList(pins)
	if err != nil {
		return err
	}
	cleanDomains := cleanList(domains, strings.ToLower)
	host := strings.ToLower(u.Hostname())
	allowed := false
	for _, d := range cleanDomains {
		if strings.ContainsAny(d, "/:@ *") || strings.HasPrefix(d, ".") {
			return fmt.Errorf("%w: %q is not a domain name", ErrCustomDomains, d)
		}
		if host == d || strings.HasSuffix(host, "."+d) {
			allowed = true
		}
	}
	if !allowed {
		return ErrCustomDomains
	}
	s.p.SetString(KeyCustomURL, strings.TrimRight(serverURL, "/"))
	s.p.SetStringList(KeyCustomPins, cleanPins)
	s.p.SetStringList(KeyCustomDomains, cleanDomains)
	return nil
}

// CustomProfile is the stored custom server as a service profile.
func (s *Settings) CustomProfile() service.Profile {
	u, pins, domains := s.CustomServer()
	p := service.Profile{Name: ProfileCustom, BaseURL: u, Pins: pins, AllowedDomains: domains}
	if ca := s.CustomCA(); ca != "" {
		p.ExtraRootsPEM = []byte(ca)
	}
	return p
}

func cleanList(in []string, norm func(string) string) []string {
	var out []string
	for _, v := range in {
		v = norm(strings.TrimSpace(v))
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func cleanPinList(pins []string) ([]string, error) {
	out := cleanList(pins, func(s string) string { return s })
	for _, p := range out {
		raw, err := base64.StdEncoding.DecodeString(p)
		if err != nil || len(raw) != sha256.Size {
			return nil, fmt.Errorf("%w: %q is not a base64 SHA-256 hash", ErrCustomPins, p)
		}
	}
	if len(out) < 2 {
		return nil, ErrCustomPins
	}
	return out, nil
}

// IdleLock is how long the app waits without input before it locks;
// 5 minutes by default.
func (s *Settings) IdleLock() time.Duration {
	d := time.Duration(s.p.IntWithFallback(KeyIdleLockMinute, int(DefaultIdleLock/time.Minute))) * time.Minute
	if !slices.Contains(IdleLockChoices, d) {
		return DefaultIdleLock
	}
	return d
}

// SetIdleLock stores one of IdleLockChoices.
func (s *Settings) SetIdleLock(d time.Duration) error {
	if !slices.Contains(IdleLockChoices, d) {
		return fmt.Errorf("%w: idle lock %v", ErrInvalidSetting, d)
	}
	s.p.SetInt(KeyIdleLockMinute, int(d/time.Minute))
	return nil
}

// OfflineCache says whether member data is kept (encrypted) for offline
// viewing; on by default.
func (s *Settings) OfflineCache() bool {
	return s.p.BoolWithFallback(KeyOfflineCache, DefaultOfflineCache)
}

// SetOfflineCache turns the offline cache on or off.
func (s *Settings) SetOfflineCache(on bool) { s.p.SetBool(KeyOfflineCache, on) }
