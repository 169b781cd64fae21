package shell

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The session's steps, each one: update the views, run the application
// layer's blocking call off the UI goroutine, apply its result.

// cacheOpened shows what opening the offline cache found, and the
// remembered account's last data when the login view is still up.
func (c *Shell) cacheOpened(o app.Opening) {
	if o.KeyringErr != nil {
		// "Remember me" says why it is unavailable; the keyring may only
		// be slow on this start: ask again in the background.
		if c.login != nil {
			c.login.SetRememberUnavailable(i18n.Describe(o.KeyringErr))
		}
		c.retryKeyring(0)
	}
	if o.Locked {
		if l := c.loginView(); !l.HasMessage() {
			l.ShowInfo(lang.L("login.lock.restarted"))
		}
	}
	switch report := o.Report; {
	case o.Err != nil:
		// The application layer logged it; the login view works without a cache.
	case report.DataLost():
		dialogs.Show(dialog.NewInformation(lang.L("login.cacheReset.title"),
			lang.L("login.cacheReset.body"), c.win), c.win)
	}
	// An unbuilt login view takes the remembered account when it is built.
	if c.login != nil && o.Remembered != "" && c.login.Identifier() == "" {
		c.login.SetIdentifier(o.Remembered, true)
	}
	c.refreshOfflineAccounts()
	if o.Cached != nil && c.current == screenLogin && c.app.Data() == nil {
		c.showOffline(*o.Cached, true)
	}
}

// checkServer builds a client for the chosen profile and verifies the
// server's certificate and domain. Nothing else is sent.
func (c *Shell) checkServer() {
	c.verifyResult = nil
	if c.login != nil { // an unbuilt login view reads verifyResult when built
		c.login.SetChecking(c.app.Host())
	}
	async.Run(c.plain, app.ActionTimeout, c.app.CheckServer, func(chk app.Check, err error) {
		if errors.Is(err, app.ErrStale) {
			return // a later check overtook this one; its answer is applied
		}
		if chk.Demo != nil {
			if c.login != nil {
				c.login.SetDemoAccounts(demoAccounts(chk.Demo))
			}
			if c.mfa != nil {
				c.mfa.DemoCode = chk.Demo.TOTPCode
			}
		}
		c.updateTitle()
		if err != nil {
			c.verifyResult = err
			if c.login != nil {
				c.login.SetRefused(chk.Host, err)
			}
			return
		}
		c.verifyResult = chk.Report
		if c.login != nil {
			c.login.SetVerified(chk.Report)
		}
		c.refreshOfflineAccounts()
		if id, ok := c.app.ShouldResume(); ok && c.current == screenDashboard {
			c.resume(id)
		}
	})
}

func (c *Shell) refreshOfflineAccounts() {
	if c.login == nil {
		return // loginView lists them when it is built
	}
	c.listings++
	n := c.listings
	async.Run(c.plain, app.KeyringTimeout, c.app.OfflineAccounts, func(accounts []cache.AccountSummary, err error) {
		if n != c.listings {
			return // a newer listing is on its way (a listing from before a lock would show the book unlocked)
		}
		if err != nil {
			c.log.Warn("list offline accounts", "err", err)
		}
		if c.login != nil {
			c.login.SetOfflineAccounts(accounts)
		}
		c.book.refs = map[int64]bool{}
		for _, a := range accounts {
			c.book.refs[a.Ref] = a.Book
		}
	})
}

func (c *Shell) submitLogin(identifier, password string, remember bool) {
	l := c.loginView()
	l.SetBusy(true)
	l.ClearPassword()
	async.Run(c.plain, app.ActionTimeout, func(ctx context.Context) (service.LoginResult, error) {
		return c.app.Login(ctx, identifier, password, remember)
	}, func(result service.LoginResult, err error) {
		c.loginView().SetBusy(false)
		switch {
		case errors.Is(err, app.ErrStale), errors.Is(err, app.ErrNoServer):
			return
		case err != nil:
			c.loginView().ShowError(err)
			return
		case result.MFA != nil:
			c.mfaView().Reset(result.MFA.AttemptsRemaining)
			c.show(screenMFA)
			return
		}
		c.loggedIn()
	})
}

func (c *Shell) submitMFA(code string) {
	c.mfaView().SetBusy(true)
	async.Do(c.plain, app.ActionTimeout, func(ctx context.Context) error {
		return c.app.VerifyMFA(ctx, code)
	}, func(err error) {
		c.mfaView().SetBusy(false)
		if errors.Is(err, app.ErrStale) || errors.Is(err, app.ErrNoServer) {
			return
		}
		if err != nil {
			var creds *service.CredentialsError
			if errors.As(err, &creds) {
				c.mfaView().SetAttempts(creds.AttemptsRemaining)
			}
			if errors.Is(err, service.ErrLocked) || (errors.Is(err, service.ErrUnauthorized) && !errors.Is(err, service.ErrInvalidCredentials)) {
				// The challenge is spent: back to the password.
				c.show(screenLogin)
				c.loginView().ShowError(err)
				return
			}
			c.mfaView().ShowError(err)
			return
		}
		c.mfaView().ClearCode() // the code is spent; don't keep it on screen
		c.loggedIn()
	})
}

// loggedIn remembers (or forgets) the identifier and loads the dashboard.
func (c *Shell) loggedIn() {
	identifier := c.app.Identifier()
	async.Do(c.session, app.KeyringTimeout, c.app.RememberLogin, func(err error) {
		if err != nil && c.current == screenDashboard && c.app.Remembered() == identifier {
			c.dashView().SetNotice(lang.L("login.keyringUnavailable"), true)
		}
	})
	if data := c.app.Data(); data != nil && data.Identifier == identifier {
		c.dashView().OpenSummary() // every login opens on Ringkasan
		c.show(screenDashboard)
	} else {
		if c.dash != nil {
			c.dash.Clear()
		}
		c.loadingPage().SetLoading()
		c.show(screenLoading)
	}
	c.startRefresh()
}

// resume continues a remembered session in the background while the
// cached dashboard is already on screen.
func (c *Shell) resume(identifier string) {
	c.dashView().SetNotice(lang.L("login.resume.connecting"), false)
	async.Do(c.session, app.ActionTimeout, func(ctx context.Context) error {
		return c.app.Resume(ctx, identifier)
	}, func(err error) {
		switch {
		case errors.Is(err, app.ErrStale), errors.Is(err, app.ErrNoServer):
		case errors.Is(err, service.ErrUnauthorized):
			c.dashView().SetNotice(lang.L("login.resume.offline"), false)
		case err != nil:
			c.dashView().SetNotice(i18n.Describe(err), true)
		default:
			c.startRefresh()
		}
	})
}

// startRefresh fetches fresh data; a result whose session ended meanwhile
// is dropped, and a 401 (the application layer has locked) shows the login.
func (c *Shell) startRefresh() {
	if c.refreshing {
		return
	}
	c.refreshing = true
	c.dashView().SetRefreshing(true)
	epoch := c.app.Epoch()
	// The summary shows as soon as it is in, the history tabs wait with
	// their progress (refreshStage); a stage of an ended session is dropped.
	onStage := func(st app.Stage) {
		c.session.Apply(func() {
			if st.Epoch == c.app.Epoch() && c.refreshing {
				c.refreshStage(st)
			}
		})
	}
	refresh := func(ctx context.Context) (app.RefreshResult, error) { return c.app.RefreshStages(ctx, onStage) }
	async.Run(c.plain, app.RefreshTimeout, refresh, func(r app.RefreshResult, err error) {
		if errors.Is(err, service.ErrUnauthorized) {
			c.lockWith(i18n.Describe(err))
			return
		}
		if c.app.Epoch() != epoch || errors.Is(err, app.ErrStale) {
			return // the lock, logout or profile change reset the views
		}
		c.refreshing = false
		c.dashView().SetRefreshing(false)
		c.refreshDone(r, err)
	})
}

// refreshStage shows how far a refresh has come: its summary, once, with
// the history tabs waiting, then their progress.
func (c *Shell) refreshStage(st app.Stage) {
	d := c.dashView()
	if st.Summary != nil {
		d.SetSummary(*st.Summary)
		d.SetNotice("", false)
		if c.current == screenLoading {
			c.show(screenDashboard)
		}
	}
	d.SetHistoryProgress(st.HistoryYears, st.HistoryTotal)
}

func (c *Shell) refreshDone(r app.RefreshResult, err error) {
	if errors.Is(err, app.ErrNoServer) || errors.Is(err, app.ErrRefreshing) {
		return
	}
	if err != nil {
		data := c.app.Data()
		if c.dash != nil && c.dash.HistoryPending() {
			// The failed refresh's summary leaves the screen: the data
			// before it comes back whole, or, after a login, none.
			if data != nil {
				c.dash.SetData(*data)
			} else {
				c.dash.Clear()
				c.loadingPage().SetLoading()
				c.show(screenLoading)
			}
		}
		if data == nil {
			c.loadingPage().SetError(i18n.Describe(err))
			return
		}
		c.dashView().SetNotice(lang.L("login.refreshFailed",
			map[string]any{"Reason": i18n.Describe(err), "When": i18n.FormatDateTime(data.FetchedAt)}), true)
		return
	}
	c.dashView().SetData(r.Data)
	c.dashView().SetNotice("", false)
	if r.SaveErr != nil {
		c.dashView().SetNotice(i18n.Describe(r.SaveErr), true)
	}
	if c.current == screenLoading {
		c.show(screenDashboard)
	}
	c.refreshOfflineAccounts()
}

// keyringRetries bounds the background retries of a keyring that did not
// answer at start: every keyringRetryEvery, for two minutes.
const keyringRetries = 24

var keyringRetryEvery = 5 * time.Second // a variable for tests

// retryKeyring asks the keyring again a while later; when it answers,
// "remember me" is offered again and the remembered account filled in.
func (c *Shell) retryKeyring(attempt int) {
	if attempt >= keyringRetries {
		return
	}
	time.AfterFunc(keyringRetryEvery, func() {
		c.do(func() {
			async.Run(c.plain, app.KeyringTimeout, c.app.RetryKeyring, func(id string, err error) {
				if err != nil {
					c.retryKeyring(attempt + 1)
					return
				}
				c.log.Info("the keyring answered on a retry")
				if c.login != nil {
					c.login.SetRememberUnavailable("")
					if id != "" && c.login.Identifier() == "" {
						c.login.SetIdentifier(id, true)
					}
				}
			})
		})
	})
}

// openOffline opens an account of the login view's list: at once for the
// remembered account (the keyring holds its key), else after the password.
func (c *Shell) openOffline(ref int64, masked string, asOf time.Time) {
	async.Run(c.session, app.KeyringTimeout, func(ctx context.Context) (memberdata.Data, error) {
		return c.app.OpenOffline(ctx, ref)
	}, func(data memberdata.Data, err error) {
		switch {
		case errors.Is(err, app.ErrStale), errors.Is(err, app.ErrNoCache):
		case errors.Is(err, app.ErrPasswordNeeded):
			if c.current == screenLogin {
				c.unlockRef = ref
				c.unlockPage().Reset(masked, asOf)
				c.unlockPage().SetBook(c.book.refs[ref])
				c.show(screenUnlock)
			}
		case err != nil:
			c.loginView().ShowMessage(i18n.Describe(err))
		case c.current == screenLogin:
			c.showOffline(data, true)
		}
	})
}

// submitUnlock opens the offline data with the typed password.
func (c *Shell) submitUnlock(password string) {
	ref := c.unlockRef
	c.unlockPage().SetBusy(true)
	async.Run(c.session, app.ActionTimeout, func(ctx context.Context) (memberdata.Data, error) {
		return c.app.UnlockOffline(ctx, ref, password)
	}, func(data memberdata.Data, err error) {
		u := c.unlockPage()
		u.SetBusy(false)
		var wait *app.WaitError
		switch {
		case errors.Is(err, app.ErrStale):
		case errors.As(err, &wait):
			u.ShowWrong(wait.Until)
		case errors.Is(err, cache.ErrWrongPassword):
			u.ShowWrong(time.Time{})
		case err != nil:
			u.ShowMessage(i18n.Describe(err))
		case c.current == screenUnlock:
			c.showOffline(data, true)
		}
	})
}

// showOffline puts cached data on the dashboard; with resume, the
// remembered session then continues in the background once the server is
// verified.
func (c *Shell) showOffline(data memberdata.Data, resume bool) {
	if !c.app.UseCached(c.app.Epoch(), data) {
		return
	}
	began := time.Now()
	c.dashView().SetData(data)
	c.log.Debug("dashboard filled", "took", time.Since(began))
	c.show(screenDashboard)
	c.refreshBookBar()
	if id, ok := c.app.ShouldResume(); resume && ok {
		c.resume(id)
	}
}

// goOnline leaves the offline view for the login form, identifier filled in.
func (c *Shell) goOnline() {
	id := c.app.GoOnline()
	c.dropMemberData()
	c.loginView().SetIdentifier(id, c.app.Remembered() == id)
	c.show(screenLogin)
}

// loadLogins fetches the login history for Settings while a session is
// open; offline, locked or logged out, the section says it needs one.
func (c *Shell) loadLogins() {
	section := c.settingsPage()
	log := c.loginLog
	if !c.app.Online() {
		log.SetUnavailable()
		return
	}
	log.SetLoading()
	async.Run(c.session, app.ActionTimeout, c.app.Logins, func(logins []service.Login, err error) {
		// Dropped if the settings view was rebuilt, or the member left.
		if c.settingsView != section || c.loginLog != log {
			return
		}
		if err != nil {
			log.SetError(i18n.Describe(err))
			return
		}
		log.SetLogins(logins)
	})
}
