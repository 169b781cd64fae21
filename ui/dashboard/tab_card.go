package dashboard

import (
	"image/color"
	"io"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/cardimage"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/qrcode"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// cardFaceSize is the digital card's size: the ID-1 card ratio (85.6 × 54 mm).
var cardFaceSize = fyne.NewSize(cardimage.Width, cardimage.Height)

// The card keeps its own colours in both themes, like a printed card: the
// PNG's.
var (
	cardDark  = cardimage.Dark
	cardLight = cardimage.Light
	cardWhite = cardimage.White
	cardMuted = cardimage.Muted
)

// cardTab is Kartu: a digital membership card per KPJ with a QR code of
// the KPJ, which can be saved as a PNG.
type cardTab struct {
	d       *Dashboard
	cards   []member.Card
	current int

	picker     *widget.Select
	pickerBox  *fyne.Container
	pickerKey  *widget.Label
	kind       *canvas.Text
	name       *canvas.Text
	kpj        *canvas.Text
	keys       []*canvas.Text
	values     []*canvas.Text
	qr         *canvas.Image
	qrCaption  *canvas.Text
	face       *fyne.Container // the card itself, what Save writes
	faceBox    *fyne.Container
	saveButton *widget.Button
	empty      *widget.Label

	content fyne.CanvasObject
}

func newCardTab(d *Dashboard) *cardTab {
	c := &cardTab{d: d}
	c.pickerKey = widget.NewLabel("")
	c.picker = widget.NewSelect(nil, func(s string) {
		if i := c.picker.SelectedIndex(); i >= 0 && i < len(c.cards) {
			c.show(i)
		}
	})
	c.saveButton = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), c.save)
	c.saveButton.Disable()
	c.buildFace()
	c.faceBox.Hide()
	c.empty = emptyState()
	c.empty.Hide()
	c.pickerKey.Hide()

	c.pickerBox = container.NewGridWrap(fyne.NewSize(380, c.picker.MinSize().Height), c.picker)
	c.pickerBox.Hide()
	bar := container.NewHBox(c.pickerKey, c.pickerBox, layout.NewSpacer(), c.saveButton)
	c.content = container.NewBorder(container.NewPadded(bar), nil, nil, nil,
		container.NewVScroll(container.NewStack(container.NewCenter(c.faceBox), container.NewCenter(c.empty))))
	return c
}

func (c *cardTab) setData(data memberdata.Data) {
	c.pickerKey.SetText(lang.L("dashboard.card.pick"))
	c.saveButton.SetText(lang.L("dashboard.card.save"))
	c.empty.SetText(lang.L("dashboard.card.none"))
	c.cards = data.Cards
	if len(c.cards) == 0 {
		c.clearFace()
		c.empty.Show()
		return
	}
	c.empty.Hide()
	opts := make([]string, len(c.cards))
	for i, card := range c.cards {
		opts[i] = lang.L("dashboard.card.option", map[string]any{"KPJ": card.KPJ, "Employer": card.EmployerName})
	}
	c.picker.SetOptions(opts)
	if len(opts) > 1 {
		c.pickerKey.Show()
		c.pickerBox.Show()
	} else {
		c.pickerKey.Hide()
		c.pickerBox.Hide()
	}
	// The open card first: it is the one a member shows.
	first := 0
	for i, card := range c.cards {
		if card.Status == "aktif" {
			first = i
			break
		}
	}
	c.picker.ClearSelected()
	c.picker.SetSelectedIndex(first)
}

// show draws the card at index i.
func (c *cardTab) show(i int) {
	c.current = i
	card := c.cards[i]
	c.kind.Text = lang.L("dashboard.card.title")
	c.name.Text = card.FullName
	c.kpj.Text = card.KPJ
	values := []struct{ key, value string }{
		{lang.L("dashboard.card.nik"), card.NIKMasked},
		{lang.L("dashboard.card.birth"), i18n.FormatDate(card.BirthDate)},
		{lang.L("dashboard.card.segment"), segmentText(card.Segment)},
		{lang.L("dashboard.card.status"), statusText(card.Status)},
		{lang.L("dashboard.card.employer"), card.EmployerName},
		{lang.L("dashboard.card.programs"), programList(card.Programs)},
		{lang.L("dashboard.card.since"), i18n.FormatDate(card.MemberSince)},
	}
	for j, v := range values {
		c.keys[j].Text, c.values[j].Text = v.key, v.value
	}
	c.qrCaption.Text = lang.L("dashboard.card.qrCaption")
	if img, err := qrcode.Image(card.KPJ, 256); err == nil {
		c.qr.Image = img
	} else {
		c.qr.Image = nil
		slog.Error("card QR code", "err", err)
	}
	c.faceBox.Show()
	c.face.Refresh()
	c.saveButton.Enable()
}

func cardLabel(size float32, col color.Color, bold bool) *canvas.Text {
	t := canvas.NewText("", col)
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

// buildFace makes the card's objects once; show only changes their text,
// so the card's size never changes and needs no relayout.
func (c *cardTab) buildFace() {
	bg := canvas.NewLinearGradient(cardDark, cardLight, 135)
	stripe := canvas.NewRectangle(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x33})
	stripe.SetMinSize(fyne.NewSize(0, 3))

	brand := cardLabel(20, cardWhite, true)
	brand.Text = "BPJS Ketenagakerjaan"
	c.kind = cardLabel(13, cardMuted, false)
	c.name = cardLabel(24, cardWhite, true)
	c.kpj = cardLabel(22, cardWhite, true)

	rows := make([]fyne.CanvasObject, 0, 7)
	c.keys, c.values = nil, nil
	for range 7 {
		k, v := cardLabel(13, cardMuted, false), cardLabel(14, cardWhite, true)
		c.keys, c.values = append(c.keys, k), append(c.values, v)
		rows = append(rows, container.NewBorder(nil, nil,
			container.NewGridWrap(fyne.NewSize(124, v.MinSize().Height), k), nil, v))
	}
	details := container.New(layout.NewCustomPaddedVBoxLayout(5), rows...)

	c.qr = canvas.NewImageFromImage(nil)
	c.qr.FillMode = canvas.ImageFillContain
	c.qr.ScaleMode = canvas.ImageScalePixels
	c.qr.SetMinSize(fyne.NewSize(132, 132))
	white := canvas.NewRectangle(color.White)
	white.CornerRadius = 8
	c.qrCaption = cardLabel(11, cardMuted, false)
	c.qrCaption.Alignment = fyne.TextAlignCenter
	qrBox := container.NewVBox(layout.NewSpacer(), container.NewStack(white, container.NewPadded(c.qr)), c.qrCaption)

	head := container.NewVBox(brand, c.kind, stripe)
	body := container.NewBorder(container.NewVBox(c.name, c.kpj), nil, nil, qrBox, details)
	c.face = container.NewStack(bg, container.NewPadded(container.NewPadded(container.NewBorder(head, nil, nil, nil, body))))
	c.faceBox = container.NewGridWrap(cardFaceSize, c.face)
}

// save asks where to put the card, then draws and writes the PNG off the
// UI goroutine.
func (c *cardTab) save() {
	if !c.faceBox.Visible() || c.current >= len(c.cards) {
		return
	}
	text, fonts := c.textOf(), cardFonts()
	dlg := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			slog.Error("save card: choose file", "err", err)
			c.d.toast.Show(lang.L("dashboard.card.saveFailed"), true, "", nil)
			return
		}
		if w == nil {
			return // cancelled
		}
		uri := w.URI()
		c.saveButton.Disable()
		c.d.saveInBackground(w, func(w io.WriteCloser) error {
			return cardimage.WritePNG(w, text, fonts)
		}, func(err error) {
			c.saveButton.Enable()
			if !c.d.hasData {
				return // locked or logged out meanwhile: no notice over the login
			}
			if err != nil {
				slog.Error("save card", "err", err)
				c.d.toast.Show(lang.L("dashboard.card.saveFailed"), true, "", nil)
				return
			}
			c.d.toast.ShowSaved(uri, func(name, folder string) string {
				return lang.L("dashboard.card.saved", map[string]any{"Name": name, "Folder": folder})
			})
		})
	}, c.d.win)
	dlg.SetFileName(lang.L("dashboard.card.fileName", map[string]any{"Last4": last4(text.KPJ)}))
	dlg.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	dialogs.Show(dlg, c.d.win)
}

// textOf reads the texts the on-screen card shows.
func (c *cardTab) textOf() cardimage.Texts {
	t := cardimage.Texts{Brand: "BPJS Ketenagakerjaan", Kind: c.kind.Text, Name: c.name.Text, KPJ: c.kpj.Text, Caption: c.qrCaption.Text}
	for i := range c.keys {
		t.Keys = append(t.Keys, c.keys[i].Text)
		t.Values = append(t.Values, c.values[i].Text)
	}
	return t
}

// cardFonts are the faces the card on screen is drawn in, in full: the PNG
// is drawn with no fallback font for a character the app's Latin subsets
// lack (widgets.FullTextFaces).
func cardFonts() cardimage.Fonts {
	regular, bold := widgets.FullTextFaces()
	return cardimage.Fonts{Regular: regular, Bold: bold}
}

func last4(s string) string {
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

func (c *cardTab) clearFace() {
	c.name.Text, c.kpj.Text, c.qr.Image = "", "", nil
	for j := range c.keys {
		c.keys[j].Text, c.values[j].Text = "", ""
	}
	c.faceBox.Hide()
	c.face.Refresh()
	c.saveButton.Disable()
}

func (c *cardTab) clear() {
	c.cards = nil
	c.picker.ClearSelected()
	c.picker.SetOptions(nil)
	c.pickerKey.Hide()
	c.pickerBox.Hide()
	c.clearFace()
}
