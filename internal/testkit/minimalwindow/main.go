// Command minimalwindow is the baseline of make bench: the smallest Fyne
// app with one window, built with the same toolchain and tags as the app.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.cekbpjstk.minimalwindow")
	w := a.NewWindow("Minimal Fyne window")
	w.SetContent(widget.NewLabel("Hello"))
	w.ShowAndRun()
}
