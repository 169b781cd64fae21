package shell

import (
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	smstext "github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/login"
	"github.com/cekbpjstk/cekbpjstk/ui/register"
	"github.com/cekbpjstk/cekbpjstk/ui/settings"
	"github.com/cekbpjstk/cekbpjstk/ui/sms"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Each view is built on first use, with the session's state in it; the
// feature views never see each other, only their callbacks reach the shell.

func (c *Shell) loginView() *login.View {
	if c.login != nil {
		return c.login
	}
	l := login.New(c.do)
	l.OnSubmit = c.submitLogin
	l.OnRegister = func() { c.show(screenRegister) }
	l.OnSMS = func() { sms.Show(c.win, smstext.Registration{}) }
	l.OnOffline = c.openOffline
	l.OnSettings = func() { c.openSettings(screenLogin) }
	l.OnRetry = c.checkServer
	l.OnOwnRecords = func() { c.show(screenBookCreate) }
	c.login = l
	switch r := c.verifyResult.(type) {
	case service.SecurityReport:
		l.SetVerified(r)
	case error:
		l.SetRefused(c.app.Host(), r)
	default:
		l.SetChecking(c.app.Host())
	}
	identifier, remembered := c.app.Identifier(), c.app.Remembered()
	if identifier != "" {
		l.SetIdentifier(identifier, remembered == identifier)
	} else if remembered != "" {
		l.SetIdentifier(remembered, true)
	}
	if demo := c.app.Demo(); demo != nil {
		l.SetDemoAccounts(demoAccounts(demo))
	}
	if err := c.app.KeyringErr(); err != nil {
		l.SetRememberUnavailable(i18n.Describe(err))
	}
	c.refreshOfflineAccounts()
	return l
}

func demoAccounts(demo *app.DemoServer) []login.DemoAccount {
	out := make([]login.DemoAccount, len(demo.Accounts))
	for i, a := range demo.Accounts {
		out[i] = login.DemoAccount{Identifier: a.Identifier, Password: a.Password, Note: a.Note}
	}
	return out
}

func (c *Shell) mfaView() *login.MFAView {
	if c.mfa == nil {
		c.mfa = login.NewMFAView()
		c.mfa.OnSubmit = c.submitMFA
		c.mfa.OnCancel = func() { c.show(screenLogin) }
		if demo := c.app.Demo(); demo != nil {
			c.mfa.DemoCode = demo.TOTPCode
		}
	}
	return c.mfa
}

func (c *Shell) registerView() *register.View {
	if c.register == nil {
		c.register = register.New(c.win)
		c.register.Do = c.do
		c.register.OnSubmit = c.submitRegistration
		c.register.OnBack = func() { c.show(screenLogin) }
		c.register.OnConfirm = c.confirmRegistration
		c.register.OnResend = c.resendRegistration
		c.register.OnEditForm = c.app.CancelRegistration
		if demo := c.app.Demo(); demo != nil {
			c.register.DemoCodes = c.app.DemoRegistrationCodes
			members := make([]register.DemoMember, len(demo.Registrations))
			for i, r := range demo.Registrations {
				members[i] = register.DemoMember{Form: r.Form, Note: r.Note}
			}
			c.register.SetDemoMembers(members)
		}
	}
	return c.register
}

func (c *Shell) dashView() *dashboard.Dashboard {
	if c.dash == nil {
		c.dash = dashboard.New(c.win)
		c.dash.SetRunner(c.session) // the audit, off the UI goroutine
		// From another goroutine, so that they are queued even before the
		// event loop runs (fyne.Do on the main goroutine then runs inline,
		// and the start-up dashboard would fill every tab before its first
		// frame); one goroutine keeps them in order.
		c.dash.SetLater(func(fs []func()) {
			go func() {
				for _, f := range fs {
					c.do(f)
				}
			}()
		})
		// Once a refresh (or the cached start-up data) is on every tab, the
		// garbage of decoding, shaping and laying it out is returned to the
		// OS rather than kept as idle heap: the app mostly sits showing a
		// dashboard.
		c.dash.OnFilled = func() { go debug.FreeOSMemory() }
		c.dash.OnRefresh = c.startRefresh
		c.dash.OnCancelRefresh = c.app.CancelRefresh
		c.dash.OnLock = c.lock
		c.dash.OnLogout = c.logout
		c.dash.OnSettings = func() { c.openSettings(screenDashboard) }
		c.dash.OnForget = c.confirmForget
		c.dash.OnGoOnline = c.goOnline
		c.dash.OnSMS = func(pre smstext.Registration) { sms.Show(c.win, pre) }
		c.dash.OnPayslip = c.savePayslip
		c.dash.Documents = c.bookEvidence
		c.dash.OnPayslips = c.savePayslips
		if data := c.app.Data(); data != nil {
			c.dash.SetData(*data)
		}
	}
	return c.dash
}

func (c *Shell) settingsPage() *settings.View {
	if c.settingsView == nil {
		c.settingsView = settings.New(c.win, c.prefs)
		c.settingsView.OnBack = func() { c.show(c.returnTo) }
		c.settingsView.OnLanguageChanged = c.changeLanguage
		c.settingsView.OnThemeChanged = func(m prefs.ThemeMode) { widgets.ApplyTheme(c.p.App, m) }
		c.settingsView.OnProfileChanged = c.changeProfile
		c.settingsView.OnIdleLockChanged = c.idle.SetTimeout
		c.settingsView.OnOfflineCacheChanged = c.offlineCacheChanged
		c.settingsView.OnClearData = c.clearAllData
		c.loginLog = settings.NewLoginLog()
		c.settingsView.AddSection(lang.L("logins.title"), c.loginLog.Content())
	}
	return c.settingsView
}

func (c *Shell) unlockPage() *login.UnlockView {
	if c.unlock == nil {
		c.unlock = login.NewUnlockView(c.do)
		c.unlock.OnSubmit = c.submitUnlock
		c.unlock.OnBack = func() { c.show(screenLogin) }
	}
	return c.unlock
}

func (c *Shell) loadingPage() *loadingView {
	if c.loading == nil {
		c.loading = newLoadingView()
		c.loading.OnBack = func() { c.show(screenLogin) }
	}
	return c.loading
}

// loadingView is shown between login and the first data.
type loadingView struct {
	message  *widget.Label
	progress *widget.ProgressBarInfinite
	back     *widget.Button
	content  fyne.CanvasObject
	OnBack   func()
}

func newLoadingView() *loadingView {
	v := &loadingView{message: widget.NewLabel(""), progress: widget.NewProgressBarInfinite()}
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Alignment = fyne.TextAlignCenter
	v.back = widget.NewButton(lang.L("login.back"), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	v.content = container.NewCenter(layouts.NewColumn(420, container.NewVBox(v.message, v.progress, container.NewCenter(v.back))))
	return v
}

func (v *loadingView) Content() fyne.CanvasObject { return v.content }

func (v *loadingView) SetLoading() {
	v.message.SetText(lang.L("login.loading"))
	v.message.Importance = widget.MediumImportance
	v.progress.Show()
	v.progress.Start()
	v.back.Hide()
}

func (v *loadingView) SetError(text string) {
	v.message.SetText(text)
	v.message.Importance = widget.DangerImportance
	v.message.Refresh()
	v.progress.Stop()
	v.progress.Hide()
	v.back.Show()
}
