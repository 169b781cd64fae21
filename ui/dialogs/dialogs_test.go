package dialogs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestShowDialog_EscapeDismissesAndGivesTheKeysBack(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 400))
	entry := widget.NewEntry()
	w.SetContent(entry)
	var typed []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) { typed = append(typed, e.Name) })
	w.Canvas().Focus(entry)

	answer := "none"
	confirm := dialog.NewConfirm("Forget?", "Really?", func(ok bool) {
		if ok {
			answer = "yes"
		} else {
			answer = "no"
		}
	}, w)
	Show(confirm, w)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog is not shown")
	}
	if w.Canvas().Focused() != nil {
		t.Fatal("the entry behind the dialog kept the focus, so it would get the Escape")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	if len(typed) != 1 || typed[0] != fyne.KeyDown {
		t.Fatalf("other keys did not reach the window's handler: %v", typed)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the dialog")
	}
	if answer != "no" {
		t.Fatalf("Escape answered %q, want the dismissal (no)", answer)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(typed) != 2 || typed[1] != fyne.KeyEscape {
		t.Fatalf("after the dialog, Escape is the window's again: %v", typed)
	}
}
