package login

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The login views keep their layout still while a request runs or a
// message comes: a click aimed at a button lands on that button. The
// activity beside a submit button has its room reserved whether it spins
// or not (a Border with it on the side shrank the button when it showed),
// and a message line keeps its height when it is empty (a hidden label
// that showed pushed every link below it down).

// steadyBusy is busy in a slot of its own size, shown or not.
func steadyBusy(busy *widget.Activity) fyne.CanvasObject {
	side := theme.IconInlineSize() + 2*theme.Padding()
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSquareSize(side))
	return container.NewStack(room, busy)
}

// clearMessage empties a message line without giving up its room.
func clearMessage(l *widget.Label) {
	l.SetText("")
	l.Show()
}
