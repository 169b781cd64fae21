package login

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// DemoAccount is a sandbox member the login view offers to try.
type DemoAccount struct {
	Identifier string
	Password   string
	Note       string // a translation key: login.demo.note.budi, ...
}

// View is the first screen: the server's identity, then the login form.
// The form stays disabled until the server has been verified.
type View struct {
	identity   *identityPanel
	identifier *widget.Entry
	password   *widget.Entry
	remember   *widget.Check
	rememberNo *widget.Label // why "remember me" is unavailable
	submit     *widget.Button
	busy       *widget.Activity
	message    *widget.Label
	register   *widget.Button
	sms        *widget.Button
	settings   *widget.Button
	offline    *fyne.Container
	demo       *fyne.Container
	demoCard   *widget.Card
	aside      *fyne.Container   // beside the form: identity, offline accounts, notices (arrange.go)
	formBox    fyne.CanvasObject // the form, in its scroll (arrange.go)
	columns    *fyne.Container   // the form's and the aside's scrolls (arrange.go)

	verified    bool
	refused     bool // the server could not be verified: the offline accounts lead
	stacked     bool // the aside is under the form: the offline accounts lead (arrange.go)
	compact     bool // labels beside their fields, to fit a short window (arrange.go)
	busyNow     bool
	lockedUntil time.Time
	now         func() time.Time
	do          func(func()) // applies ticks on the UI goroutine
	stopTicker  chan struct{}
	content     fyne.CanvasObject
	scrolls     []*container.Scroll // the form's and the aside's (arrange.go)
	lock        lockMode            // the lock screen (locked.go)
	attempts    int                 // logins submitted (Attempts)
	filling     bool                // SetIdentifier is filling the form in
	own         fyne.CanvasObject   // the entry to the member's own records (ownrecords.go)

	OnSubmit   func(identifier, password string, remember bool)
	OnRegister func()
	OnSMS      func() // the SMS 2757 helper, for members without internet
	OnOffline  func(ref int64, masked string, asOf time.Time)
	OnSettings func()
	OnRetry    func()
	OnNotMe    func() // the lock screen's "Bukan Anda? Keluar": the form is cleared for another account
	// OnOwnRecords makes or opens a book of the member's own records (no
	// server: offered whatever the server check says).
	OnOwnRecords func()
}

// New builds the login screen in its "checking the server" state. do runs
// the lockout countdown's ticks on the UI goroutine (nil: fyne.Do).
func New(do func(func())) *View {
	if do == nil {
		do = fyne.Do
	}
	v := &View{
		identity:   newIdentityPanel(),
		identifier: widget.NewEntry(),
		password:   widget.NewPasswordEntry(),
		busy:       widget.NewActivity(),
		message:    widget.NewLabel(""),
		offline:    container.NewVBox(),
		demo:       container.NewVBox(),
		now:        time.Now,
		do:         do,
	}
	v.identifier.SetPlaceHolder(lang.L("login.identifier.placeholder"))
	v.password.SetPlaceHolder(lang.L("login.password"))
	v.remember = widget.NewCheck(lang.L("login.remember"), nil)
	v.rememberNo = widget.NewLabel("")
	v.rememberNo.Wrapping = fyne.TextWrapWord
	v.rememberNo.Importance = widget.WarningImportance
	v.rememberNo.Hide()
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	clearMessage(v.message)
	v.busy.Hide()

	v.submit = widget.NewButtonWithIcon(lang.L("login.submit"), theme.LoginIcon(), v.trySubmit)
	v.submit.Importance = widget.HighImportance
	v.identifier.OnSubmitted = func(string) { v.window().Focus(v.password) }
	v.password.OnSubmitted = func(string) { v.trySubmit() }
	v.identifier.OnChanged = func(string) { v.typed() }
	v.password.OnChanged = func(string) { v.typed() }

	v.register = widget.NewButton(lang.L("login.register"), func() {
		if v.OnRegister != nil {
			v.OnRegister()
		}
	})
	v.register.Importance = widget.LowImportance
	v.sms = widget.NewButtonWithIcon(lang.L("sms.loginLink"), theme.MailComposeIcon(), func() {
		if v.OnSMS != nil {
			v.OnSMS()
		}
	})
	v.sms.Importance = widget.LowImportance
	v.settings = widget.NewButtonWithIcon(lang.L("login.settings"), theme.SettingsIcon(), func() {
		if v.OnSettings != nil {
			v.OnSettings()
		}
	})
	v.settings.Importance = widget.LowImportance
	v.identity.OnRetry = func() {
		if v.OnRetry != nil {
			v.OnRetry()
		}
	}
	v.demoCard = widget.NewCard(lang.L("login.demo.title"), lang.L("login.demo.intro"), v.demo)
	v.demoCard.Hide()

	heading := widget.NewLabelWithStyle(lang.L("login.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	idLabel, pwLabel := widget.NewLabel(lang.L("login.identifier")), widget.NewLabel(lang.L("login.password"))
	v.buildLock()
	// Labels sit above their fields, and "remember me" above Masuk; on a
	// window too short for the form and the offline accounts under it, beside
	// them (compact: arrange.go).
	labels := func() float32 { return max(idLabel.MinSize().Width, pwLabel.MinSize().Width) }
	form := container.NewVBox(
		heading, v.lock.box,
		v.labelled(labels, idLabel, v.identifier),
		v.labelled(labels, pwLabel, v.password),
		v.labelled(func() float32 { return v.remember.MinSize().Width }, v.remember, container.NewBorder(nil, nil, nil, steadyBusy(v.busy), v.submit)),
		v.message,
		v.lock.notMe,
	)
	var top fyne.CanvasObject
	v.own = v.ownRecords()
	v.content, top = v.build(form)
	// What a lock screen leaves out (SetLocked).
	v.lock.others = []fyne.CanvasObject{top, heading, idLabel, v.identifier, v.remember, v.rememberNo, v.register, v.sms, v.own, v.offline, v.demoCard}
	v.setFormEnabled(false)
	return v
}

// MainActions are the objects a member must reach without scrolling:
// Masuk and the first offline account, if any (named, not by its text:
// that holds a masked identifier).
func (v *View) MainActions() map[string]fyne.CanvasObject {
	out := map[string]fyne.CanvasObject{"Masuk": v.submit}
	for _, o := range v.offline.Objects {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out["offline account"] = b
			break
		}
	}
	return out
}

// Content is the view's root object.
func (v *View) Content() fyne.CanvasObject { return v.content }

func (v *View) window() fyne.Canvas {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.identifier); c != nil {
		return c
	}
	return noCanvas{}
}

// SetChecking shows that the server is being verified; the form is locked.
func (v *View) SetChecking(host string) {
	v.verified = false
	v.setRefused(false)
	v.identity.SetChecking(host)
	v.setFormEnabled(false)
	v.showIdentityWhileLocked()
	v.relayout() // the identity panel's height changed
}

// SetVerified shows the verified server and unlocks the form.
func (v *View) SetVerified(r service.SecurityReport) {
	v.verified = true
	v.setRefused(false)
	v.identity.SetVerified(r)
	v.setFormEnabled(true)
	v.showIdentityWhileLocked()
	v.relayout() // the identity panel's height changed
	v.FocusFirst()
}

// FocusFirst puts the cursor where the member types next, when the view is
// on screen and the form is open.
func (v *View) FocusFirst() {
	if !v.verified || !v.onScreen() {
		return
	}
	if v.identifier.Text == "" {
		v.window().Focus(v.identifier)
	} else {
		v.window().Focus(v.password)
	}
}

// onScreen reports whether the view is the window's content right now.
func (v *View) onScreen() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(v.identifier)
	if c == nil || c.Content() == nil {
		return false
	}
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found || o == nil {
			return
		}
		if o == v.content {
			found = true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case *widgets.ActivityCatcher:
			walk(x.Content())
		}
	}
	walk(c.Content())
	return found
}

// SetRefused shows why the server was refused; the form stays locked.
func (v *View) SetRefused(host string, err error) {
	v.verified = false
	v.setRefused(true)
	v.identity.SetRefused(host, err)
	v.setFormEnabled(false)
	v.showIdentityWhileLocked()
	v.relayout() // the identity panel's height changed
}

// SetIdentifier fills the identifier, e.g. after registration or from "remember me".
func (v *View) SetIdentifier(identifier string, remember bool) {
	identifier, remember = notBook(identifier, remember)
	v.filling = true // not the member typing: a message stays
	v.identifier.SetText(identifier)
	v.filling = false
	v.remember.SetChecked(remember && !v.rememberNo.Visible())
}

// SetBusy locks the form while a login is under way.
func (v *View) SetBusy(busy bool) {
	v.busyNow = busy
	if busy {
		v.busy.Show()
		v.busy.Start()
		clearMessage(v.message)
	} else {
		v.busy.Stop()
		v.busy.Hide()
	}
	v.setFormEnabled(v.verified && !busy)
}

// ShowError shows one sentence for a failed login; a lockout starts a countdown.
func (v *View) ShowError(err error) {
	var locked *service.LockedError
	if errors.As(err, &locked) {
		v.startCountdown(v.now().Add(locked.RetryAfter))
		return
	}
	v.ShowMessage(i18n.Describe(err))
	var creds *service.CredentialsError
	if errors.As(err, &creds) {
		v.password.SetText("")
		v.window().Focus(v.password)
	}
}

// HasMessage reports whether a sentence is shown under the form.
func (v *View) HasMessage() bool { return v.message.Text != "" }

// Identifier is the identifier typed (or filled in).
func (v *View) Identifier() string { return v.identifier.Text }

// ClearPassword empties the password entry; called after every attempt.
func (v *View) ClearPassword() { v.password.SetText("") }

// SetOfflineAccounts offers the cached accounts for offline viewing,
// each by its masked identifier and "as of" date (no name: the list shows
// without a password).
func (v *View) SetOfflineAccounts(accounts []cache.AccountSummary) {
	v.offline.RemoveAll()
	if len(accounts) == 0 {
		v.relayout()
		return
	}
	v.offline.Add(widget.NewSeparator())
	v.offline.Add(widget.NewLabel(lang.L("login.offline.intro")))
	for _, a := range accounts {
		a := a
		args := map[string]any{"Name": a.Masked, "When": i18n.FormatDateTime(a.FetchedAt)}
		text, icon := offlineEntry(a, args)
		b := widget.NewButtonWithIcon(text, icon, func() {
			if v.OnOffline != nil {
				v.OnOffline(a.Ref, a.Masked, a.FetchedAt)
			}
		})
		b.Alignment = widget.ButtonAlignLeading
		v.offline.Add(b)
	}
	v.relayout()
}

// SetRememberUnavailable says why "remember me" cannot be offered (no
// keyring answered), or offers it again ("").
func (v *View) SetRememberUnavailable(reason string) {
	v.rememberNo.SetText(reason)
	if reason == "" {
		v.rememberNo.Hide()
	} else {
		v.remember.SetChecked(false)
		v.showUnlessLocked(v.rememberNo)
	}
	v.setFormEnabled(v.verified && !v.busyNow)
}

// SetDemoAccounts lists the sandbox's members with a button that fills the form.
func (v *View) SetDemoAccounts(accounts []DemoAccount) {
	v.demo.RemoveAll()
	for _, a := range accounts {
		a := a
		fill := widget.NewButton(lang.L("login.demo.use"), func() {
			v.identifier.SetText(a.Identifier)
			v.password.SetText(a.Password)
			v.window().Focus(v.submit)
		})
		// The note wraps in the room beside its button: a label that does
		// not wrap is drawn past its cell, under the button and the card.
		line := widget.NewLabel(lang.L("login.demo.line", map[string]any{"ID": a.Identifier, "Note": lang.L(a.Note)}))
		line.Wrapping = fyne.TextWrapWord
		v.demo.Add(container.NewBorder(nil, nil, nil, fill, line))
	}
	if len(accounts) > 0 {
		v.demo.Add(widget.NewLabelWithStyle(lang.L("login.demo.password", map[string]any{"Password": accounts[0].Password}),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		v.showUnlessLocked(v.demoCard)
	} else {
		v.demoCard.Hide()
	}
	v.relayout()
}

// typed: the member is at the form again, so news about the last
// session ("Anda telah keluar.") has been read and goes; a problem stays
// until the next attempt.
func (v *View) typed() {
	if !v.filling && v.message.Importance != widget.DangerImportance && v.message.Text != "" {
		clearMessage(v.message)
	}
	v.updateSubmit()
}

// Attempts counts the logins submitted: news that arrives after a newer
// attempt (a logout's answer from the server) is not shown over it.
func (v *View) Attempts() int { return v.attempts }

// ScrollToTop shows the view from its top (it is reopened after a logout
// where the member left it scrolled).
func (v *View) ScrollToTop() {
	for _, s := range v.scrolls {
		s.ScrollToTop()
	}
}

func (v *View) trySubmit() {
	if v.submit.Disabled() || v.OnSubmit == nil {
		return
	}
	v.attempts++
	v.OnSubmit(strings.TrimSpace(v.identifier.Text), v.password.Text, v.remember.Checked)
}

func (v *View) setFormEnabled(on bool) {
	for _, w := range []fyne.Disableable{v.identifier, v.password, v.remember} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if v.rememberNo.Visible() {
		v.remember.Disable()
	}
	v.updateSubmit()
}

// updateSubmit enables Masuk only when the server is verified, nothing is
// under way, no lockout runs, and both fields have something in them.
func (v *View) updateSubmit() {
	ready := v.verified && !v.busyNow && !v.now().Before(v.lockedUntil) &&
		strings.TrimSpace(v.identifier.Text) != "" && v.password.Text != ""
	if ready {
		v.submit.Enable()
	} else {
		v.submit.Disable()
	}
}

// startCountdown shows the time left of a lockout, once a second, and
// re-enables the form when it ends.
func (v *View) startCountdown(until time.Time) {
	v.lockedUntil = until
	if v.stopTicker != nil {
		close(v.stopTicker)
	}
	stop := make(chan struct{})
	v.stopTicker = stop
	v.tickCountdown()
	everySecond(v.do, stop, func() {
		if v.stopTicker == stop && v.tickCountdown() {
			v.Stop()
		}
	})
}

// everySecond runs tick through do (on the UI goroutine) once a second
// until stop is closed: the lockout's and the offline wait's countdowns.
func everySecond(do func(func()), stop <-chan struct{}, tick func()) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				do(tick)
			}
		}
	}()
}

// tickCountdown updates the lockout sentence; it reports whether the lockout is over.
func (v *View) tickCountdown() bool {
	left := v.lockedUntil.Sub(v.now())
	if left <= 0 {
		v.ShowInfo(lang.L("login.unpaused"))
		v.updateSubmit()
		return true
	}
	v.ShowMessage(lang.L("errors.loginPaused",
		map[string]any{"Wait": i18n.FormatWait(left)}))
	v.updateSubmit()
	return false
}

// Stop ends background work (the countdown) when the view is left.
func (v *View) Stop() {
	if v.stopTicker != nil {
		close(v.stopTicker)
		v.stopTicker = nil
	}
}

// noCanvas stands in before the view is shown, so Focus calls are harmless.
type noCanvas struct{ fyne.Canvas }

func (noCanvas) Focus(fyne.Focusable) {}
