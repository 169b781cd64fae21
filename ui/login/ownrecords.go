package login

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
)

// The member's own records (a book, internal/book): the way to make one,
// offered whatever the server check says (it needs no server), and how a
// book is listed with the offline accounts.

// ownRecords is the entry to a book of the member's own records.
func (v *View) ownRecords() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(lang.L("book.login.entry"), theme.DocumentIcon(), func() {
		if v.OnOwnRecords != nil {
			v.OnOwnRecords()
		}
	})
	note := widget.NewLabel(lang.L("book.login.entryNote"))
	// At the default importance: LowImportance draws it in the disabled
	// colour, which read as a greyed-out, unavailable option (seen in the
	// real window under the button).
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), b, note)
}

// offlineEntry is an offline account's button text and icon.
func offlineEntry(a cache.AccountSummary, args map[string]any) (string, fyne.Resource) {
	switch {
	case a.Book && a.Locked:
		return lang.L("book.login.locked", args), theme.NewThemedResource(assets.LockIcon)
	case a.Book:
		return lang.L("book.login.view", args), theme.DocumentIcon()
	case a.Locked:
		return lang.L("login.offline.locked", args), theme.NewThemedResource(assets.LockIcon)
	}
	return lang.L("login.offline.view", args), theme.HistoryIcon()
}

// notBook drops a book's identifier: it is no login (a book opens from
// the list of offline accounts).
func notBook(identifier string, remember bool) (string, bool) {
	if book.IsBook(identifier) {
		return "", false
	}
	return identifier, remember
}

// SetBook says whether the account the prompt opens is a book: its
// password is the one the member chose for the book, not a BPJSTK one.
func (v *UnlockView) SetBook(isBook bool) {
	heading, why := lang.L("login.unlock.title"), lang.L("login.unlock.intro")
	if isBook {
		heading, why = lang.L("book.unlock.title"), lang.L("book.unlock.intro")
	}
	v.heading.SetText(heading)
	v.why.SetText(why)
}
