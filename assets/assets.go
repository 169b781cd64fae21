// Package assets holds the files the app embeds: its icon and its translations.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon (512×512 PNG), used for the app and its windows.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Translations holds translations/<lang>.json in go-i18n's JSON format.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the folder inside Translations.
const TranslationsDir = "translations"

//go:embed icons/lock.svg
var lockSVG []byte

//go:embed icons/lock-broken.svg
var lockBrokenSVG []byte

// LockIcon is a closed padlock: a verified server.
var LockIcon = fyne.NewStaticResource("lock.svg", lockSVG)

// LockBrokenIcon is a padlock with a warning: a refused server.
var LockBrokenIcon = fyne.NewStaticResource("lock-broken.svg", lockBrokenSVG)
