// Package ui is the Fyne front end: windows, views and the controllers that
// connect them to the service, cache and keystore packages.
package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

// MinWindowSize fits the dashboard's widest tab on a 1366×768 laptop.
var MinWindowSize = fyne.NewSize(960, 640)

// Params are what the main window needs from the composition root.
type Params struct {
	App     fyne.App
	Version string
	Demo    bool
	DataDir string
}

// NewMainWindow builds the app's one window.
func NewMainWindow(p Params) fyne.Window {
	p.App.SetIcon(assets.Icon)
	title := lang.L("Cek BPJSTK")
	if p.Demo {
		title = lang.L("Cek BPJSTK (demo)")
	}
	w := p.App.NewWindow(title)
	w.SetIcon(assets.Icon)
	w.Resize(MinWindowSize)
	w.SetContent(welcomeView(p))
	w.CenterOnScreen()
	return w
}

func welcomeView(p Params) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(128, 128))
	name := canvas.NewText(lang.L("Cek BPJSTK"), theme.Color(theme.ColorNameForeground))
	name.TextSize = 28
	name.TextStyle.Bold = true
	name.Alignment = fyne.TextAlignCenter
	tagline := widget.NewLabelWithStyle(lang.L("Your BPJS Ketenagakerjaan membership, balance and contributions."),
		fyne.TextAlignCenter, fyne.TextStyle{})
	version := canvas.NewText(lang.L("Version {{.Version}}", map[string]any{"Version": p.Version}), color.Gray{Y: 0x80})
	version.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewVBox(icon, name, tagline, version))
}
