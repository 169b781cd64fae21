package login

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// identityPanel shows who the server is before the member types a password:
// checking, verified (with the pin and the certificate's expiry), or refused
// (with the reason, and that nothing was sent).
type identityPanel struct {
	widget.BaseWidget
	icon       *widget.Icon
	background *canvas.Rectangle
	title      *widget.Label
	host       *widget.Label
	details    *widget.Label
	progress   *widget.ProgressBarInfinite
	retry      *widget.Button

	OnRetry func()
}

var _ fyne.Widget = (*identityPanel)(nil)

func newIdentityPanel() *identityPanel {
	p := &identityPanel{
		icon:       widget.NewIcon(theme.NewThemedResource(assets.LockIcon)),
		background: canvas.NewRectangle(color.Transparent),
		title:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		host:       widget.NewLabel(""), // regular: a monospace font would be one more to load before the first frame
		details:    widget.NewLabel(""),
		progress:   widget.NewProgressBarInfinite(),
	}
	p.details.Wrapping = fyne.TextWrapWord
	p.title.Wrapping = fyne.TextWrapWord
	p.background.CornerRadius = theme.InputRadiusSize() * 2
	p.background.StrokeWidth = 1
	p.retry = widget.NewButtonWithIcon(lang.L("login.identity.checkAgain"), theme.ViewRefreshIcon(), func() {
		if p.OnRetry != nil {
			p.OnRetry()
		}
	})
	p.ExtendBaseWidget(p)
	return p
}

func (p *identityPanel) CreateRenderer() fyne.WidgetRenderer {
	head := container.NewBorder(nil, nil, p.icon, nil, container.NewVBox(p.title, p.host))
	body := container.NewVBox(head, p.details, p.progress, container.NewHBox(p.retry))
	return widget.NewSimpleRenderer(container.NewStack(p.background, container.NewPadded(body)))
}

// SetChecking shows that the server is being verified.
func (p *identityPanel) SetChecking(host string) {
	p.setTone(theme.ColorNameDisabled, assets.LockIcon)
	p.title.SetText(lang.L("login.identity.checking"))
	p.host.SetText(host)
	p.details.SetText(lang.L("login.identity.checkingNote"))
	p.progress.Show()
	p.progress.Start()
	p.retry.Hide()
}

// SetVerified shows a verified server and what was checked.
func (p *identityPanel) SetVerified(r service.SecurityReport) {
	p.setTone(theme.ColorNameSuccess, assets.LockIcon)
	p.title.SetText(lang.L("login.identity.verified"))
	p.host.SetText(r.Host)
	role := lang.L("login.identity.primary")
	if r.PinRole == "backup" {
		role = lang.L("login.identity.backup")
	}
	p.details.SetText(lang.L("login.identity.details",
		map[string]any{
			"Role": role, "Pin": shortPin(r.PinSHA256), "Expiry": i18n.FormatDate(r.NotAfter),
			"TLS": r.TLSVersion, "Cipher": r.CipherSuite,
		}))
	p.progress.Stop()
	p.progress.Hide()
	p.retry.Hide()
}

// SetRefused shows why the server was refused; the password stays disabled.
func (p *identityPanel) SetRefused(host string, err error) {
	p.setTone(theme.ColorNameError, assets.LockBrokenIcon)
	p.title.SetText(lang.L("login.identity.refused"))
	p.host.SetText(host)
	p.details.SetText(lang.L("login.identity.refusedNote",
		map[string]any{"Reason": i18n.Describe(err)}))
	p.progress.Stop()
	p.progress.Hide()
	p.retry.Show()
}

func (p *identityPanel) setTone(name fyne.ThemeColorName, icon fyne.Resource) {
	c := theme.Color(name)
	r, g, b, _ := c.RGBA()
	// #nosec G115 -- RGBA returns 16-bit channels; >>8 leaves 0..255
	p.background.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x22}
	p.background.StrokeColor = c
	p.background.Refresh()
	switch name {
	case theme.ColorNameError:
		p.icon.SetResource(theme.NewErrorThemedResource(icon))
	case theme.ColorNameSuccess:
		p.icon.SetResource(theme.NewSuccessThemedResource(icon))
	default:
		p.icon.SetResource(theme.NewDisabledResource(icon))
	}
}

// shortPin abbreviates a base64 pin for display; the full pin is in the log.
func shortPin(pin string) string {
	if len(pin) <= 12 {
		return pin
	}
	return pin[:12] + "…"
}
