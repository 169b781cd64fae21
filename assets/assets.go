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
