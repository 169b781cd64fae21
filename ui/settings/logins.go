package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// LoginLog is the "Riwayat login" card in Settings: the last logins
// (time, client, IP) with this session marked, so a member notices a login
// that was not theirs. The controller fetches; the section only shows.
type LoginLog struct {
	intro    *widget.Label
	status   *widget.Label
	activity *widget.Activity
	rows     *fyne.Container
	logins   []service.Login

	content fyne.CanvasObject
}

func NewLoginLog() *LoginLog {
	s := &LoginLog{}
	s.intro = widget.NewLabel(lang.L("logins.intro"))
	s.intro.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.activity = widget.NewActivity()
	s.activity.Hide()
	s.rows = container.NewVBox()
	s.content = container.NewVBox(s.intro, container.NewBorder(nil, nil, s.activity, nil, s.status), s.rows)
	return s
}

// Content is the section's root object.
func (s *LoginLog) Content() fyne.CanvasObject { return s.content }

// Logins are the logins shown.
func (s *LoginLog) Logins() []service.Login { return s.logins }

// SetUnavailable says the log needs an online session.
func (s *LoginLog) SetUnavailable() {
	s.stop()
	s.logins = nil
	s.rows.RemoveAll()
	s.status.SetText(lang.L("logins.onlineOnly"))
	s.status.Show()
}

// SetLoading shows progress while the controller fetches.
func (s *LoginLog) SetLoading() {
	s.status.SetText(lang.L("logins.loading"))
	s.status.Show()
	s.activity.Show()
	s.activity.Start()
}

// SetError says the log could not be fetched, with a sentence chosen by
// the controller.
func (s *LoginLog) SetError(text string) {
	s.stop()
	s.status.SetText(text)
	s.status.Show()
}

// SetLogins lists the logins, newest first, this session marked.
func (s *LoginLog) SetLogins(logins []service.Login) {
	s.stop()
	s.logins = logins
	s.rows.RemoveAll()
	if len(logins) == 0 {
		s.status.SetText(lang.L("logins.none"))
		s.status.Show()
		return
	}
	s.status.Hide()
	head := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// Time, client, IP, the "this session" mark.
	row := func(objs ...fyne.CanvasObject) *fyne.Container {
		return layouts.NewShare([]float32{0.32, 0.34, 0.16, 0.18}, objs...)
	}
	grid := container.NewVBox(row(head("logins.when"), head("logins.client"), head("logins.ip"), widget.NewLabel("")))
	for _, l := range logins {
		cell := func(text string) *widget.Label {
			c := widget.NewLabel(text)
			c.Truncation = fyne.TextTruncateEllipsis
			return c
		}
		var mark fyne.CanvasObject = widget.NewLabel("")
		if l.Current {
			mark = container.NewHBox(container.NewCenter(widgets.NewBadge(lang.L("logins.current"), theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess)))
		}
		grid.Add(row(cell(i18n.FormatDateTime(l.At)), cell(l.ClientName), cell(l.IP), mark))
	}
	s.rows.Add(grid)
	hint := widget.NewLabel(lang.L("logins.hint"))
	hint.Wrapping = fyne.TextWrapWord
	s.rows.Add(hint)
}

func (s *LoginLog) stop() {
	s.activity.Stop()
	s.activity.Hide()
}
