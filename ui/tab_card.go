package ui

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
)

// cardFaceSize is the digital card's size: the ID-1 card ratio (85.6 × 54 mm).
var cardFaceSize = fyne.NewSize(620, 391)

// The card keeps its own colours in both themes, like a printed card.
var (
	cardDark  = color.NRGBA{R: 0x06, G: 0x5F, B: 0x46, A: 0xFF}
	cardLight = color.NRGBA{R: 0x12, G: 0x9E, B: 0x6E, A: 0xFF}
	cardText  = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
	cardMuted = color.NRGBA{R: 0xD8, G: 0xF3, B: 0xE8, A: 0xFF}
)

// cardTab is Kartu: a digital membership card per KPJ with a QR code of
// the KPJ, which can be saved as a PNG.
type cardTab struct {
	d       *Dashboard
	cards   []service.Card
	current int

	picker     *widget.Select
	pickerKey  *widget.Label
	name       *canvas.Text
	kpj        *canvas.Text
	qr         *canvas.Image
	face       *fyne.Container // the card itself, what Save writes
	faceHolder *fyne.Container
	saveButton *widget.Button
	empty      *widget.Label

	content fyne.CanvasObject
}

func newCardTab(d *Dashboard) *cardTab {
	c := &cardTab{d: d}
	c.pickerKey = widget.NewLabel("")
	c.picker = widget.NewSelect(nil, func(s string) {
		for i, card := range c.cards {
			if card.KPJ == s {
				c.show(i)
			}
		}
	})
	c.saveButton = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), c.save)
	c.saveButton.Disable()
	c.faceHolder = container.NewStack()
	c.empty = emptyState()
	c.empty.Hide()
	c.pickerKey.Hide()
	c.picker.Hide()
	bar := container.NewHBox(c.pickerKey, c.picker, layout.NewSpacer(), c.saveButton)
	c.content = container.NewBorder(container.NewPadded(bar), nil, nil, nil,
		container.NewVScroll(container.NewStack(container.NewCenter(c.faceHolder), container.NewCenter(c.empty))))
	return c
}

func (c *cardTab) setData(data MemberData) {
	c.pickerKey.SetText(lang.L("dash.card.pick"))
	c.saveButton.SetText(lang.L("dash.card.save"))
	c.empty.SetText(lang.L("dash.card.none"))
	c.cards = data.Cards
	if len(c.cards) == 0 {
		c.clearFace()
		c.empty.Show()
		return
	}
	c.empty.Hide()
	opts := make([]string, len(c.cards))
	for i, card := range c.cards {
		opts[i] = card.KPJ
	}
	c.picker.SetOptions(opts)
	if len(opts) > 1 {
		c.pickerKey.Show()
		c.picker.Show()
	} else {
		c.pickerKey.Hide()
		c.picker.Hide()
	}
	// The open card first: it is the one a member shows.
	first := 0
	for i, card := range c.cards {
		if card.Status == "aktif" {
			first = i
			break
		}
	}
	c.picker.SetSelectedIndex(first)
	c.show(first)
}

// show draws the card at index i.
func (c *cardTab) show(i int) {
	c.current = i
	c.face = c.buildFace(c.cards[i])
	c.faceHolder.Objects = []fyne.CanvasObject{container.NewGridWrap(cardFaceSize, c.face)}
	c.faceHolder.Refresh()
	c.saveButton.Enable()
}

func cardLabel(text string, size float32, col color.Color, bold bool) *canvas.Text {
	t := canvas.NewText(text, col)
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

func (c *cardTab) buildFace(card service.Card) *fyne.Container {
	bg := canvas.NewLinearGradient(cardDark, cardLight, 135)
	stripe := canvas.NewRectangle(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x22})
	stripe.SetMinSize(fyne.NewSize(0, 4))

	brand := cardLabel("BPJS Ketenagakerjaan", 20, cardText, true)
	kind := cardLabel(lang.L("dash.card.title"), 13, cardMuted, false)
	c.name = cardLabel(card.FullName, 24, cardText, true)
	c.kpj = cardLabel(card.KPJ, 22, cardText, true)

	row := func(key, value string) []fyne.CanvasObject {
		return []fyne.CanvasObject{cardLabel(key, 12, cardMuted, false), cardLabel(value, 13, cardText, true)}
	}
	var details []fyne.CanvasObject
	details = append(details, row(lang.L("dash.card.nik"), card.NIKMasked)...)
	details = append(details, row(lang.L("dash.card.birth"), FormatDate(card.BirthDate))...)
	details = append(details, row(lang.L("dash.card.segment"), segmentText(card.Segment))...)
	details = append(details, row(lang.L("dash.card.status"), statusText(card.Status))...)
	details = append(details, row(lang.L("dash.card.employer"), card.EmployerName)...)
	details = append(details, row(lang.L("dash.card.programs"), programList(card.Programs))...)
	details = append(details, row(lang.L("dash.card.since"), FormatDate(card.MemberSince))...)
	grid := container.New(layout.NewFormLayout(), details...)

	var qrObj fyne.CanvasObject = layout.NewSpacer()
	if img, err := qrImage(card.KPJ, 256); err == nil {
		c.qr = canvas.NewImageFromImage(img)
		c.qr.FillMode = canvas.ImageFillContain
		c.qr.ScaleMode = canvas.ImageScalePixels
		c.qr.SetMinSize(fyne.NewSize(140, 140))
		white := canvas.NewRectangle(color.White)
		white.CornerRadius = 8
		caption := cardLabel(lang.L("dash.card.qrCaption"), 11, cardMuted, false)
		caption.Alignment = fyne.TextAlignCenter
		qrObj = container.NewVBox(layout.NewSpacer(),
			container.NewStack(white, container.NewPadded(c.qr)), caption)
	} else {
		c.qr = nil
		slog.Error("card QR code", "err", err)
	}

	head := container.NewVBox(brand, kind)
	body := container.NewBorder(container.NewVBox(c.name, c.kpj), nil, nil, container.NewPadded(qrObj), grid)
	inner := container.NewBorder(container.NewVBox(head, stripe), nil, nil, nil, body)
	return container.NewStack(bg, container.NewPadded(container.NewPadded(inner)))
}

// cardImage captures the card as it is drawn on screen, cropped to it.
// It reads the canvas, so it runs on the UI goroutine.
func (c *cardTab) cardImage() image.Image {
	if c.face == nil {
		return nil
	}
	drv := fyne.CurrentApp().Driver()
	cnv := drv.CanvasForObject(c.face)
	if cnv == nil {
		return nil
	}
	shot := cnv.Capture()
	if shot == nil || cnv.Size().Width <= 0 {
		return nil
	}
	scale := float32(shot.Bounds().Dx()) / cnv.Size().Width
	pos := drv.AbsolutePositionForObject(c.face)
	size := c.face.Size()
	r := image.Rect(int(pos.X*scale), int(pos.Y*scale),
		int((pos.X+size.Width)*scale), int((pos.Y+size.Height)*scale)).Intersect(shot.Bounds())
	out := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), shot, r.Min, draw.Src)
	return out
}

// save asks where to put the card and writes the PNG off the UI goroutine.
// The image is taken before the file dialog opens, so the dialog is not in it.
func (c *cardTab) save() {
	img := c.cardImage()
	if img == nil {
		return
	}
	kpj := c.cards[c.current].KPJ
	dlg := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			slog.Error("save card: choose file", "err", err)
			c.d.SetNotice(lang.L("dash.card.saveFailed"), true)
			return
		}
		if w == nil {
			return // cancelled
		}
		name := w.URI().Name()
		c.saveButton.Disable()
		go func() {
			err := png.Encode(w, img)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				c.saveButton.Enable()
				if err != nil {
					slog.Error("save card", "err", err)
					c.d.SetNotice(lang.L("dash.card.saveFailed"), true)
					return
				}
				c.d.SetNotice(lang.L("dash.card.saved", map[string]any{"Name": name}), false)
			})
		}()
	}, c.d.win)
	dlg.SetFileName(lang.L("dash.card.fileName", map[string]any{"Last4": last4(kpj)}))
	dlg.Show()
}

func last4(s string) string {
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

func (c *cardTab) clearFace() {
	c.face, c.name, c.kpj, c.qr = nil, nil, nil, nil
	c.faceHolder.Objects = nil
	c.faceHolder.Refresh()
	c.saveButton.Disable()
}

func (c *cardTab) clear() {
	c.cards = nil
	c.picker.ClearSelected()
	c.picker.SetOptions(nil)
	c.pickerKey.Hide()
	c.picker.Hide()
	c.clearFace()
}
