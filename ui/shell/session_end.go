package shell

import (
	"errors"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// How a session ends: a lock (by hand or after idle time), a logout,
// forgetting this device, clearing all data, turning offline data off.
// Each drops the member data the views hold.

// lock drops tokens and decrypted data and goes back to the login view.
func (c *Shell) lock() { c.lockWith(lang.L("login.lock.manual")) }

func (c *Shell) autoLock() {
	if c.current != screenDashboard && c.current != screenMFA && c.current != screenLoading && c.current != screenBookRows {
		return
	}
	c.lockWith(lang.L("login.lock.idle",
		map[string]any{"Minutes": int(c.prefs.IdleLock().Minutes())}))
}

func (c *Shell) lockWith(message string) {
	id := c.app.Lock()
	c.dropMemberData()
	// A new client holds no tokens; the old one, and its tokens, went.
	c.checkServer()
	if id != "" && !book.IsBook(id) {
		// The lock screen: who is locked, the password, "Bukan Anda? Keluar".
		c.loginView().SetIdentifier(id, c.app.Remembered() == id)
		c.loginView().SetLocked(id, message)
	} else {
		c.loginView().ShowInfo(message)
	}
	c.show(screenLogin)
}

// dropMemberData clears decrypted member data from the views (the
// application layer has dropped its copy).
func (c *Shell) dropMemberData() {
	// Every dialog and overlay (export, card, SMS helper, confirmations)
	// closes with the session; their work in flight is cancelled.
	dialogs.CloseAll(c.win)
	if c.login != nil {
		c.login.SetLocked("", "") // a lock sets it again after this
	}
	if c.unlock != nil {
		c.unlock.Reset("", time.Time{})
	}
	c.refreshing = false
	if c.dash != nil {
		c.dash.SetRefreshing(false)
		c.dash.Clear()
	}
	c.idle.Stop()
}

// logout ends the session here at once and tells the server after. The
// login view gets a fresh client at once, so a quick new login can never be
// mixed up with the old session's logout still on its way.
func (c *Shell) logout() {
	tell := c.app.Logout()
	c.dropMemberData()
	c.checkServer()
	c.show(screenLogin)
	if tell == nil {
		return
	}
	tried := c.loginView().Attempts()
	async.Do(c.plain, app.ActionTimeout, tell, func(err error) {
		if c.loginView().Attempts() != tried {
			return // the member has tried again since: news of the old session is stale
		}
		if err != nil {
			c.loginView().ShowInfo(lang.L("login.logout.serverUnreached"))
			return
		}
		c.loginView().ShowInfo(lang.L("login.logout.done"))
	})
}

func (c *Shell) confirmForget() {
	id := c.app.Identifier()
	dialogs.Show(dialog.NewConfirm(lang.L("login.forget.title"),
		lang.L("login.forget.body"),
		func(ok bool) {
			if ok {
				c.forget(id)
			}
		}, c.win), c.win)
}

// forget logs out, then deletes one account's cached data and keyring items.
func (c *Shell) forget(identifier string) {
	work := c.app.PrepareForget(identifier)
	c.logout()
	async.Do(c.plain, app.ActionTimeout, work, func(err error) {
		if err != nil {
			dialogs.Show(dialog.NewError(errors.New(i18n.Describe(err)), c.win), c.win)
		}
		c.loginView().SetIdentifier("", false)
		c.refreshOfflineAccounts()
	})
}

// clearAllData (Settings) ends the session and deletes every cached
// account and every keyring item of the app.
func (c *Shell) clearAllData() {
	async.Do(c.plain, app.ActionTimeout, c.app.ClearAll, func(err error) {
		c.dropMemberData()
		if c.current != screenLogin {
			c.current, c.returnTo = screenLogin, screenLogin
			c.show(screenLogin)
		}
		c.loginView().SetIdentifier("", false)
		c.checkServer()
		if err != nil {
			dialogs.Show(dialog.NewError(errors.New(i18n.Describe(err)), c.win), c.win)
			return
		}
		dialogs.Show(dialog.NewInformation(lang.L("login.clearAll.title"), lang.L("login.clearAll.body"), c.win), c.win)
		c.refreshOfflineAccounts()
	})
}

// offlineCacheChanged: turning offline data off asks, then deletes the
// data and its keys; "no" turns the setting back on.
func (c *Shell) offlineCacheChanged(on bool) {
	if on {
		return
	}
	dialogs.Show(dialog.NewConfirm(lang.L("settings.offline.title"),
		lang.L("settings.offline.body"),
		func(ok bool) {
			if !ok {
				c.prefs.SetOfflineCache(true)
				if c.settingsView != nil {
					c.settingsView.Refresh()
				}
				return
			}
			async.Do(c.plain, app.ActionTimeout, c.app.DeleteOfflineData, func(err error) {
				if err != nil {
					dialogs.Show(dialog.NewError(errors.New(i18n.Describe(err)), c.win), c.win)
				}
				c.refreshOfflineAccounts()
			})
		}, c.win), c.win)
}
