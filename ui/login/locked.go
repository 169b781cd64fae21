package login

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

// lockMode is the login view as a lock screen: who is locked, why, the
// password (focused), and "Bukan Anda? Keluar"; nothing else (no register
// link, SMS link, offline or demo lists). Masuk logs the same account in
// again, through the same OnSubmit.
type lockMode struct {
	on     bool
	who    *widget.Label
	why    *widget.Label
	box    *fyne.Container
	notMe  *widget.Button
	others []fyne.CanvasObject // hidden while locked
	shown  []bool              // their visibility before the lock
}

func (v *View) buildLock() {
	title := widget.NewLabelWithStyle(lang.L("login.locked.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	v.lock.who = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.lock.why = widget.NewLabel("")
	v.lock.why.Wrapping = fyne.TextWrapWord
	v.lock.box = container.NewVBox(container.NewHBox(widget.NewIcon(theme.NewPrimaryThemedResource(lockedIcon())), title),
		v.lock.who, v.lock.why)
	v.lock.box.Hide()
	v.lock.notMe = widget.NewButtonWithIcon(lang.L("login.locked.notMe"), theme.LogoutIcon(), func() {
		v.SetLocked("", "")
		v.SetIdentifier("", false)
		v.password.SetText("")
		if v.OnNotMe != nil {
			v.OnNotMe()
		}
		v.FocusFirst()
	})
	v.lock.notMe.Importance = widget.LowImportance
	v.lock.notMe.Hide()
}

// lockedIcon is the lock screen's mark: the padlock, as on the menu's
// Kunci, not the crossed eye that means "hide".
func lockedIcon() fyne.Resource { return assets.LockIcon }

// SetLocked turns the view into the lock screen of identifier, saying why
// (the lock's sentence); "" turns it back into the login form.
func (v *View) SetLocked(identifier, why string) {
	identifier, _ = notBook(identifier, false) // a book reopens from the offline list, with its own password
	if identifier == "" {
		if !v.lock.on {
			return
		}
		v.lock.on = false
		for i, o := range v.lock.others {
			if v.lock.shown[i] {
				o.Show()
			}
		}
		v.lock.box.Hide()
		v.lock.notMe.Hide()
		v.identity.Show()
		v.relayout()
		return
	}
	if !v.lock.on {
		v.lock.shown = v.lock.shown[:0]
		for _, o := range v.lock.others {
			v.lock.shown = append(v.lock.shown, o.Visible())
			o.Hide()
		}
	}
	v.lock.on = true
	// The remembered state stays as it was: the keyring's note is no
	// business of the lock screen.
	remembered := v.remember.Checked
	v.SetIdentifier(identifier, remembered)
	v.password.SetText("")
	v.lock.who.SetText(identifier)
	v.lock.why.SetText(why)
	clearMessage(v.message)
	v.lock.box.Show()
	v.lock.notMe.Show()
	v.showIdentityWhileLocked()
	v.relayout()
}

// Locked reports whether the view is the lock screen.
func (v *View) Locked() bool { return v.lock.on }

// showIdentityWhileLocked shows the server's identity on the lock screen
// only while it is not verified (checking, or refused: the member must
// know why Masuk is closed).
func (v *View) showIdentityWhileLocked() {
	if !v.lock.on {
		return
	}
	if v.verified {
		v.identity.Hide()
	} else {
		v.identity.Show()
	}
}

// showUnlessLocked shows o, or, on the lock screen, marks it to show when
// the lock screen goes.
func (v *View) showUnlessLocked(o fyne.CanvasObject) {
	if !v.lock.on {
		o.Show()
		return
	}
	for i, x := range v.lock.others {
		if x == o {
			v.lock.shown[i] = true
		}
	}
}
