package dashboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

func (d *Dashboard) buildMenu() {
	call := func(f *func()) func() {
		return func() {
			if *f != nil {
				(*f)()
			}
		}
	}
	d.menu.Items = []*fyne.MenuItem{
		fyne.NewMenuItemWithIcon(lang.L("dashboard.settings"), theme.SettingsIcon(), call(&d.OnSettings)),
		fyne.NewMenuItemWithIcon(lang.L("dashboard.lock"), theme.NewThemedResource(assets.LockIcon), call(&d.OnLock)), // a padlock: the crossed eye means "hide the KPJ"
		fyne.NewMenuItemWithIcon(lang.L("dashboard.logout"), theme.LogoutIcon(), call(&d.OnLogout)),
		fyne.NewMenuItemSeparator(),
		// After the items screenshots.sh already clicks, so their places hold.
		fyne.NewMenuItemWithIcon(lang.L("statement.button"), theme.DownloadIcon(), d.ShowStatementDialog),
		fyne.NewMenuItemWithIcon(lang.L("sms.menu"), theme.MailComposeIcon(), d.showSMS),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItemWithIcon(lang.L("dashboard.forget"), theme.DeleteIcon(), call(&d.OnForget)),
	}
	d.menu.Refresh()
}

func (d *Dashboard) showMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d.menuButton)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.menuButton)
	pop := widget.NewPopUpMenu(d.menu, c)
	size := pop.MinSize()
	pop.ShowAtPosition(fyne.NewPos(pos.X+d.menuButton.Size().Width-size.Width, pos.Y+d.menuButton.Size().Height))
}

func (d *Dashboard) toggleKPJ() {
	if !d.hasData {
		return
	}
	d.kpjRevealed = !d.kpjRevealed
	d.applyKPJ()
	d.balance.setKPJ(d.displayKPJ)
}

func (d *Dashboard) applyKPJ() {
	d.kpj.SetText(lang.L("dashboard.kpj", map[string]any{"KPJ": d.displayKPJ(primaryKPJ(d.data))}))
	if d.kpjRevealed {
		d.revealButton.SetIcon(theme.VisibilityOffIcon())
	} else {
		d.revealButton.SetIcon(theme.VisibilityIcon())
	}
}

// displayKPJ is kpj masked unless the member asked to see it.
func (d *Dashboard) displayKPJ(kpj string) string {
	if d.kpjRevealed {
		return kpj
	}
	return i18n.MaskKPJ(kpj)
}

// primaryKPJ is the member's open card, or the first one.
func primaryKPJ(data memberdata.Data) string {
	for _, c := range data.Member.Cards {
		if c.Status == "aktif" {
			return c.KPJ
		}
	}
	if len(data.Member.Cards) > 0 {
		return data.Member.Cards[0].KPJ
	}
	if len(data.Cards) > 0 {
		return data.Cards[0].KPJ
	}
	return ""
}

// smsRegistration is the SMS 2757 registration prefilled from the
// member's data (the NIK is only held masked, so the member types it).
func (d *Dashboard) smsRegistration() sms.Registration {
	if !d.hasData {
		return sms.Registration{}
	}
	m := d.data.Member
	return sms.Registration{FullName: m.FullName, BirthDate: m.BirthDate, KPJ: primaryKPJ(d.data), Email: m.Email}
}

// showSMS asks the shell for the SMS 2757 helper, prefilled.
func (d *Dashboard) showSMS() {
	if d.OnSMS != nil {
		d.OnSMS(d.smsRegistration())
	}
}
