package book

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
)

// ShowPaste asks for text copied from JMO or a spreadsheet; onRead gets
// it (nothing is stored before its preview is approved).
func ShowPaste(win fyne.Window, onRead func(text string)) {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapOff
	entry.SetMinRowsVisible(12)
	intro := widget.NewLabel(lang.L("book.paste.intro"))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("book.paste.title"), lang.L("book.paste.import"), lang.L("book.preview.cancel"),
		container.NewBorder(intro, nil, nil, nil, entry), func(ok bool) {
			if ok && entry.Text != "" {
				onRead(entry.Text)
			}
		}, win)
	d.Resize(fyne.NewSize(720, 480))
	dialogs.Show(d, win)
	win.Canvas().Focus(entry)
}
