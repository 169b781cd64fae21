// Package assets holds the files the app embeds: its icons, its translations
// and the Latin subsets of its text faces.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon (512×512 PNG), used for the app (and its packages).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// icon-window.png is icon.png at 96×96, made with ImageMagick:
//
//	convert icon.png -filter Lanczos -resize 96x96 -strip PNG32:icon-window.png
//
//go:embed icon-window.png
var windowIconPNG []byte

// WindowIcon is the icon a window shows in its title bar, the taskbar and
// the window switcher (96×96 covers them up to 200 %). The 512×512 Icon
// there cost every start-up its PNG decode and a 1 MiB icon property sent
// to the X server before the first frame (the start-up profile: 7 % of the
// app's CPU to the first frame); this one costs 28 times less.
var WindowIcon = fyne.NewStaticResource("icon-window.png", windowIconPNG)

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

// Latin subsets of the Noto Sans faces Fyne embeds (fonts/LICENSE.txt;
// made by scripts/fonts.sh). ui/widgets.UseLatinFonts puts them in place of
// Fyne's own.
var (
	//go:embed fonts/NotoSans-Regular.latin.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.latin.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.latin.ttf
	FontItalic []byte
	//go:embed fonts/NotoSans-BoldItalic.latin.ttf
	FontBoldItalic []byte
)
