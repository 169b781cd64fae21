// Package ui is the Fyne front end: the window, its views, and the
// controller that connects them to the service, cache and keystore packages.
//
// Widgets present and the controller decides; no network, keyring or disk
// work runs on the UI goroutine, and results come back through fyne.Do.
package ui

import (
	"fyne.io/fyne/v2"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

// MinWindowSize fits the dashboard's widest tab on a 1366×768 laptop.
var MinWindowSize = fyne.NewSize(1024, 700)

var appIcon = assets.Icon
