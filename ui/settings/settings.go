package settings

import (
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
)

// View shows and edits the settings. Each change is stored at once and
// reported through its callback; the controller applies it (switches the
// language, the theme, rebuilds the client, wipes the data).
//
// The view is a column of cards; AddSection appends another one.
type View struct {
	OnLanguageChanged     func(code string)
	OnThemeChanged        func(prefs.ThemeMode)
	OnProfileChanged      func()
	OnIdleLockChanged     func(time.Duration)
	OnOfflineCacheChanged func(bool)
	OnClearData           func()
	OnBack                func()

	win      fyne.Window
	s        *prefs.Settings
	content  fyne.CanvasObject
	sections *fyne.Container

	title      *widget.Label
	backButton *widget.Button

	// Section titles; Card's own title is heading-sized, louder than the
	// page title, so each card carries a sub-heading label instead.
	languageTitle, themeTitle, serverTitle, securityTitle, dataTitle *widget.Label

	language, themeMode, profile, idleLock *widget.Select
	profileHelp, idleLockHelp              *widget.Label

	customBox                                     *fyne.Container
	customURL, customPins, customDomains          *widget.Entry
	customURLLabel, customPinsLabel, customDomLbl *widget.Label
	customSave                                    *widget.Button
	customBar                                     *fyne.Container // Simpan and its status, below the scroll
	customCA                                      *widget.Entry   // PEM: the server's own CA, "" for the system's roots
	customCALabel                                 *widget.Label
	customStatus                                  *widget.Label

	offline                *widget.Check
	offlineHelp, clearHelp *widget.Label
	clearButton            *widget.Button
	clearDialog            *dialog.ConfirmDialog // the last one shown

	refreshing bool // Refresh sets widgets; their callbacks must not store
}

// New builds the view over s; win hosts its dialogs.
func New(win fyne.Window, s *prefs.Settings) *View {
	v := &View{win: win, s: s}
	v.build()
	v.Refresh()
	return v
}

// Content is the view's root object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// AddSection appends a titled card below the others and returns its title
// label, so its owner can retitle it after a language switch.
func (v *View) AddSection(title string, content fyne.CanvasObject) *widget.Label {
	l := sectionTitle(title)
	v.sections.Add(section(l, content))
	return l
}

func sectionTitle(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func section(title *widget.Label, content fyne.CanvasObject) *widget.Card {
	return widget.NewCard("", "", container.NewVBox(title, content))
}

func (v *View) build() {
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.SizeName = theme.SizeNameHeadingText
	v.languageTitle, v.themeTitle, v.serverTitle = sectionTitle(""), sectionTitle(""), sectionTitle("")
	v.securityTitle, v.dataTitle = sectionTitle(""), sectionTitle("")
	v.backButton = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() {
		if v.OnBack != nil {
			v.OnBack()
		}
	})
	v.backButton.Importance = widget.LowImportance

	v.language = widget.NewSelect(nil, func(string) {
		if v.refreshing {
			return
		}
		code := prefs.Languages[v.language.SelectedIndex()]
		if v.s.SetLanguage(code) == nil && v.OnLanguageChanged != nil {
			v.OnLanguageChanged(code)
		}
	})
	v.themeMode = widget.NewSelect(nil, func(string) {
		if v.refreshing {
			return
		}
		m := prefs.ThemeModes[v.themeMode.SelectedIndex()]
		if v.s.SetTheme(m) == nil && v.OnThemeChanged != nil {
			v.OnThemeChanged(m)
		}
	})

	v.profile = widget.NewSelect(nil, func(string) { v.profileSelected() })
	v.profileHelp = wrapped("")
	v.customURL = widget.NewEntry()
	v.customURL.SetPlaceHolder("https://")
	v.customPins = widget.NewMultiLineEntry()
	v.customPins.SetMinRowsVisible(2)
	v.customDomains = widget.NewEntry()
	v.customURLLabel, v.customPinsLabel, v.customDomLbl = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.customCA = widget.NewMultiLineEntry()
	v.customCA.SetMinRowsVisible(4)
	v.customCA.TextStyle.Monospace = true
	v.customCA.Wrapping = fyne.TextWrapBreak // PEM lines are wider than the form
	v.customCALabel = widget.NewLabel("")
	v.customSave = widget.NewButton("", v.saveCustom)
	v.customStatus = wrapped("")
	v.customBox = container.NewVBox(
		container.New(layout.NewFormLayout(),
			v.customURLLabel, v.customURL,
			v.customPinsLabel, v.customPins,
			v.customDomLbl, v.customDomains,
			v.customCALabel, v.customCA),
	)
	// The custom server's Simpan and its status stay under the scroll, at
	// the window's bottom, so a short window (a 1366×768 laptop at 125 %)
	// shows them without scrolling past the form; shown with the form.
	v.customBar = layouts.NewMaxWidth(720, container.NewPadded(container.NewBorder(widget.NewSeparator(), nil, nil, v.customSave, v.customStatus)))

	v.idleLock = widget.NewSelect(nil, func(string) {
		if v.refreshing {
			return
		}
		d := prefs.IdleLockChoices[v.idleLock.SelectedIndex()]
		if v.s.SetIdleLock(d) == nil && v.OnIdleLockChanged != nil {
			v.OnIdleLockChanged(d)
		}
	})
	v.idleLockHelp = wrapped("")

	v.offline = widget.NewCheck("", func(on bool) {
		if v.refreshing {
			return
		}
		v.s.SetOfflineCache(on)
		if v.OnOfflineCacheChanged != nil {
			v.OnOfflineCacheChanged(on)
		}
	})
	v.offlineHelp = wrapped("")
	v.clearButton = widget.NewButtonWithIcon("", theme.DeleteIcon(), v.confirmClear)
	v.clearButton.Importance = widget.DangerImportance
	v.clearHelp = wrapped("")

	v.sections = container.NewVBox(
		section(v.languageTitle, v.language),
		section(v.themeTitle, v.themeMode),
		section(v.serverTitle, container.NewVBox(v.profile, v.profileHelp, v.customBox)),
		section(v.securityTitle, container.NewVBox(v.idleLock, v.idleLockHelp)),
		section(v.dataTitle, container.NewVBox(v.offline, v.offlineHelp, widget.NewSeparator(),
			container.NewHBox(v.clearButton), v.clearHelp)),
	)
	header := container.NewHBox(v.backButton, v.title)
	v.content = container.NewBorder(nil, v.customBar, nil, nil,
		container.NewVScroll(layouts.NewMaxWidth(720, container.NewVBox(header, v.sections))))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Refresh re-reads every value and rewrites every text, for after a
// language switch or a change made elsewhere. It fires no callback.
func (v *View) Refresh() {
	v.refreshing = true
	defer func() { v.refreshing = false }()

	v.title.SetText(lang.L("settings.title"))
	v.backButton.SetText(lang.L("settings.back"))

	v.languageTitle.SetText(lang.L("settings.language"))
	v.language.Options = []string{lang.L("settings.language.id"), lang.L("settings.language.en")}
	v.language.SetSelectedIndex(slices.Index(prefs.Languages, v.s.Language()))

	v.themeTitle.SetText(lang.L("settings.theme"))
	v.themeMode.Options = []string{lang.L("settings.theme.system"), lang.L("settings.theme.light"), lang.L("settings.theme.dark")}
	v.themeMode.SetSelectedIndex(slices.Index(prefs.ThemeModes, v.s.Theme()))

	v.serverTitle.SetText(lang.L("settings.server"))
	v.profile.Options = []string{lang.L("settings.profile.demo"), lang.L("settings.profile.official"), lang.L("settings.profile.custom")}
	v.customURLLabel.SetText(lang.L("settings.custom.url"))
	v.customPinsLabel.SetText(lang.L("settings.custom.pins"))
	v.customPins.SetPlaceHolder(lang.L("settings.custom.pinsPlaceholder"))
	v.customDomLbl.SetText(lang.L("settings.custom.domains"))
	v.customDomains.SetPlaceHolder(lang.L("settings.custom.domainsPlaceholder"))
	v.customCALabel.SetText(lang.L("settings.custom.ca"))
	v.customCA.SetPlaceHolder(lang.L("settings.custom.caPlaceholder"))
	v.customCA.SetText(v.s.CustomCA())
	v.customSave.SetText(lang.L("settings.custom.save"))
	u, pins, domains := v.s.CustomServer()
	v.customURL.SetText(u)
	v.customPins.SetText(strings.Join(pins, "\n"))
	v.customDomains.SetText(strings.Join(domains, ", "))
	v.customStatus.SetText("")
	v.profile.SetSelectedIndex(slices.Index(prefs.ServerProfiles, v.s.ServerProfile()))
	v.showProfile(v.s.ServerProfile())

	v.securityTitle.SetText(lang.L("settings.security"))
	v.idleLock.Options = []string{lang.L("settings.idle.1"), lang.L("settings.idle.5"), lang.L("settings.idle.15"), lang.L("settings.idle.30")}
	v.idleLock.SetSelectedIndex(slices.Index(prefs.IdleLockChoices, v.s.IdleLock()))
	v.idleLockHelp.SetText(lang.L("settings.idle.hint"))

	v.dataTitle.SetText(lang.L("settings.data"))
	v.offline.Text = lang.L("settings.offline")
	v.offline.SetChecked(v.s.OfflineCache())
	v.offlineHelp.SetText(lang.L("settings.offline.hint"))
	v.clearButton.SetText(lang.L("settings.clear"))
	v.clearHelp.SetText(lang.L("settings.clear.hint"))
}

func (v *View) showProfile(name string) {
	switch name {
	case prefs.ProfileOfficial:
		v.profileHelp.SetText(lang.L("settings.profile.official.about"))
	case prefs.ProfileCustom:
		v.profileHelp.SetText(lang.L("settings.profile.custom.about"))
	default:
		v.profileHelp.SetText(lang.L("settings.profile.demo.about"))
	}
	if name == prefs.ProfileCustom {
		v.customBox.Show()
		v.customBar.Show()
	} else {
		v.customBox.Hide()
		v.customBar.Hide()
	}
}

func (v *View) profileSelected() {
	if v.refreshing {
		return
	}
	name := prefs.ServerProfiles[v.profile.SelectedIndex()]
	v.showProfile(name)
	v.customStatus.SetText("")
	if name == prefs.ProfileCustom {
		if u, _, _ := v.s.CustomServer(); u == "" {
			// Stored only once a valid custom server is saved.
			v.customStatus.Importance = widget.MediumImportance
			v.customStatus.SetText(lang.L("settings.custom.fillIn"))
			return
		}
	}
	if v.s.SetServerProfile(name) == nil && v.OnProfileChanged != nil {
		v.OnProfileChanged()
	}
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == ' ' || r == '\t' || r == ';' })
}

func (v *View) saveCustom() {
	// The CA is checked first, so that nothing is stored when any part is wrong.
	err := prefs.ValidateCA(v.customCA.Text)
	if err == nil {
		err = v.s.SetCustomServer(v.customURL.Text, splitList(v.customPins.Text), splitList(v.customDomains.Text))
	}
	if err == nil {
		err = v.s.SetCustomCA(v.customCA.Text)
	}
	if err == nil {
		err = v.s.SetServerProfile(prefs.ProfileCustom)
	}
	if err != nil {
		v.customStatus.Importance = widget.DangerImportance
		switch {
		case errors.Is(err, prefs.ErrCustomURL):
			v.customStatus.SetText(lang.L("settings.custom.urlInvalid"))
		case errors.Is(err, prefs.ErrCustomCA):
			v.customStatus.SetText(lang.L("settings.custom.caInvalid"))
		case errors.Is(err, prefs.ErrCustomPins):
			v.customStatus.SetText(lang.L("settings.custom.pinsInvalid"))
		default:
			v.customStatus.SetText(lang.L("settings.custom.domainsInvalid"))
		}
		return
	}
	v.customStatus.Importance = widget.SuccessImportance
	v.customStatus.SetText(lang.L("settings.custom.saved"))
	if v.OnProfileChanged != nil {
		v.OnProfileChanged()
	}
}

func (v *View) confirmClear() {
	v.clearDialog = dialog.NewConfirm(lang.L("settings.clear.title"),
		lang.L("settings.clear.body"),
		func(ok bool) {
			if ok && v.OnClearData != nil {
				v.OnClearData()
			}
		}, v.win)
	v.clearDialog.SetConfirmText(lang.L("settings.clear.confirm"))
	v.clearDialog.SetDismissText(lang.L("Cancel"))
	v.clearDialog.SetConfirmImportance(widget.DangerImportance)
	dialogs.Show(v.clearDialog, v.win)
}
