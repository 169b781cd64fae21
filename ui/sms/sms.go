// Package sms is the SMS 2757 helper. It says first what BPJS
// Ketenagakerjaan said of the service in February 2025 ("sudah tidak
// relevan", use JMO) and which channels work instead (JMO, the 175 line, a
// branch office, this app's offline copy); then, for a member who still
// wants to try it, it composes the one-time registration and the balance
// request, each with a copy button and a QR code a phone's camera turns
// into a ready SMS, marked as something that may no longer answer. It
// works without the network and without a login. The messages themselves
// are composed by internal/sms (imported as smstext).
package sms

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/qrcode"
	smstext "github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// helper is the SMS 2757 helper's form, messages and QR code.
type helper struct {
	win fyne.Window

	nik, name, birth, kpj, email *widget.Entry
	regError, balError           *widget.Label
	regWarn                      *widget.Label
	regText, balText             *widget.Label
	regCopy, balCopy             *widget.Button
	qrFor                        *widget.RadioGroup
	qr                           *canvas.Image
	qrCaption                    *widget.Label
	copied                       *widget.Label

	reg, bal string // composed messages, "" while a field is wrong
	content  fyne.CanvasObject
}

// qrSide is the QR code's side on screen; it is drawn at twice that.
const qrSide = 220

// newHelper builds the helper with the fields prefilled (any may be empty).
func newHelper(win fyne.Window, pre smstext.Registration) *helper {
	h := &helper{win: win}
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.SetText(text)
		e.OnChanged = func(string) { h.update() }
		return e
	}
	birth := ""
	if !pre.BirthDate.IsZero() {
		birth = pre.BirthDate.Format("02-01-2006")
	}
	h.nik = entry(pre.NIK, "3174xxxxxxxxxxxx")
	h.name = entry(pre.FullName, lang.L("sms.namePlaceholder"))
	h.birth = entry(birth, "DD-MM-YYYY")
	h.kpj = entry(pre.KPJ, "11 digit")
	h.email = entry(pre.Email, "nama@contoh.id")

	msg := func() *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		l.Wrapping = fyne.TextWrapBreak
		l.Selectable = true
		return l
	}
	errLabel := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		return l
	}
	h.regText, h.balText = msg(), msg()
	h.regError, h.balError = errLabel(), errLabel()
	h.regWarn = errLabel()
	h.regWarn.Importance = widget.WarningImportance
	h.regWarn.Hide()
	h.copied = widget.NewLabel("")
	h.copied.Importance = widget.SuccessImportance
	h.regCopy = widget.NewButtonWithIcon(lang.L("sms.copy"), theme.ContentCopyIcon(), func() { h.copy(h.reg) })
	h.balCopy = widget.NewButtonWithIcon(lang.L("sms.copy"), theme.ContentCopyIcon(), func() { h.copy(h.bal) })
	h.qrFor = widget.NewRadioGroup([]string{lang.L("sms.qrRegister"), lang.L("sms.qrBalance")}, func(string) { h.update() })
	h.qrFor.Horizontal = true
	h.qrFor.Required = true
	h.qrFor.Selected = lang.L("sms.qrRegister")
	h.qr = canvas.NewImageFromImage(nil)
	h.qr.FillMode = canvas.ImageFillContain
	h.qr.ScaleMode = canvas.ImageScalePixels
	h.qr.SetMinSize(fyne.NewSquareSize(qrSide))
	h.qrCaption = widget.NewLabel("")
	h.qrCaption.Wrapping = fyne.TextWrapWord
	h.qrCaption.Alignment = fyne.TextAlignCenter

	// What BPJS Ketenagakerjaan said of the service comes first (smstext
	// package comment): the composer below may no longer be answered.
	intro := widget.NewLabel(lang.L("sms.intro", map[string]any{
		"Quote": smstext.StatusQuote, "Month": i18n.FormatMonth(smstext.StatusSince), "Care": smstext.CareNumber}))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.WarningImportance
	caveat := widget.NewLabel(lang.L("sms.caveat", map[string]any{
		"Operators": strings.Join(smstext.Operators, ", "), "Care": smstext.CareNumber}))
	caveat.Wrapping = fyne.TextWrapWord
	caveat.Importance = widget.WarningImportance

	form := widget.NewForm(
		widget.NewFormItem(lang.L("sms.nik"), h.nik),
		widget.NewFormItem(lang.L("sms.name"), h.name),
		widget.NewFormItem(lang.L("sms.birth"), h.birth),
		widget.NewFormItem(lang.L("sms.kpj"), h.kpj),
		widget.NewFormItem(lang.L("sms.email"), h.email),
	)
	heading := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewVBox(intro, form,
		heading("sms.regTitle"), container.NewBorder(nil, nil, nil, h.regCopy, h.regText), h.regError, h.regWarn,
		heading("sms.balTitle"), container.NewBorder(nil, nil, nil, h.balCopy, h.balText), h.balError,
		h.copied)
	right := container.NewVBox(heading("sms.qrTitle"), h.qrFor, container.NewCenter(h.qr), h.qrCaption)
	h.content = container.NewBorder(nil, caveat, nil, nil,
		container.NewVScroll(container.NewBorder(nil, nil, nil, right, left)))
	h.update()
	return h
}

// update recomposes both messages from the fields.
func (h *helper) update() {
	birth, birthErr := time.Time{}, error(nil)
	if s := strings.TrimSpace(h.birth.Text); s != "" {
		var err error
		if birth, err = time.Parse("02-01-2006", s); err != nil {
			birthErr = &validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeFormat}
		}
	}
	var err error
	reg := smstext.Registration{NIK: h.nik.Text, FullName: h.name.Text, BirthDate: birth, KPJ: h.kpj.Text, Email: h.email.Text}
	h.reg, err = smstext.ComposeRegistration(reg)
	if birthErr != nil {
		h.reg, err = "", birthErr
	}
	h.show(h.regText, h.regError, h.regCopy, h.reg, err, "DAFTAR SALDO#NIK#NAMA#DD-MM-YYYY#KPJ#email")
	// A warning, not a block: Dukcapil keeps a NIK when a birth date is
	// corrected, and the service matches the birth date on the record.
	if nikDate, differs := smstext.NIKDateDiffers(reg); differs && birthErr == nil {
		h.regWarn.SetText(lang.L("sms.nikDateWarning", map[string]any{"Date": i18n.FormatDate(nikDate)}))
		h.regWarn.Show()
	} else {
		h.regWarn.SetText("")
		h.regWarn.Hide()
	}
	h.bal, err = smstext.ComposeBalance(h.kpj.Text)
	h.show(h.balText, h.balError, h.balCopy, h.bal, err, "SALDO KPJ")

	text := h.reg
	if h.qrFor.Selected == lang.L("sms.qrBalance") {
		text = h.bal
	}
	if text == "" {
		h.qr.Image = nil
		h.qrCaption.SetText(lang.L("sms.qrWaiting"))
	} else if img, err := qrcode.Image(smstext.QRText(text), qrSide*2); err == nil {
		h.qr.Image = img
		h.qrCaption.SetText(lang.L("sms.qrCaption", map[string]any{"Number": smstext.Number}))
	}
	h.qr.Refresh()
}

func (h *helper) show(text, errLabel *widget.Label, copyButton *widget.Button, msg string, err error, pattern string) {
	if err == nil {
		text.SetText(msg)
		errLabel.SetText("")
		errLabel.Hide()
		copyButton.Enable()
		return
	}
	text.SetText(pattern)
	var fe *validate.FieldError
	if errors.As(err, &fe) && !h.blank(fe.Field) {
		errLabel.SetText(i18n.FieldErrorText(fe.Field, fe.Code))
		errLabel.Show()
	} else {
		errLabel.SetText("")
		errLabel.Hide()
	}
	copyButton.Disable()
}

// blank: a field not filled in yet is not an error worth a red line.
func (h *helper) blank(field string) bool {
	e := map[string]*widget.Entry{validate.FieldNIK: h.nik, validate.FieldFullName: h.name,
		validate.FieldBirthDate: h.birth, validate.FieldKPJ: h.kpj, validate.FieldEmail: h.email}[field]
	return e != nil && strings.TrimSpace(e.Text) == ""
}

func (h *helper) copy(text string) {
	if text == "" {
		return
	}
	copyForAMinute(fyne.CurrentApp().Clipboard(), text)
	h.copied.SetText(lang.L("sms.copied") + " " + lang.L("sms.clipboardClears", map[string]any{"Seconds": int(clipboardClearAfter.Seconds())}))
}

// Show opens the SMS 2757 helper in a dialog over win, with the fields
// prefilled from pre (any may be empty; the dashboard passes what it knows
// of the member, the login screen nothing).
func Show(win fyne.Window, pre smstext.Registration) {
	h := newHelper(win, pre)
	d := dialog.NewCustom(lang.L("sms.title"), lang.L("sms.close"), h.content, win)
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 940), min(size.Height-40, 640)))
	dialogs.Show(d, win)
}
