package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// cardPNGScale renders the saved card at twice the on-screen size, sharp
// enough to print.
const cardPNGScale = 2

// cardTexts is what the card says, resolved in the app's language on the
// UI goroutine so the drawing can run anywhere.
type cardTexts struct {
	Brand, Kind, Name, KPJ, Caption string
	Keys, Values                    []string
	Regular, Bold                   []byte // TrueType fonts of the theme
}

// textOf reads the texts the on-screen card shows.
func (c *cardTab) textOf() cardTexts {
	t := cardTexts{Brand: "BPJS Ketenagakerjaan", Kind: c.kind.Text, Name: c.name.Text, KPJ: c.kpj.Text, Caption: c.qrCaption.Text,
		Regular: theme.TextFont().Content(), Bold: theme.TextBoldFont().Content()}
	for i := range c.keys {
		t.Keys = append(t.Keys, c.keys[i].Text)
		t.Values = append(t.Values, c.values[i].Text)
	}
	return t
}

// renderCardImage draws the membership card in Go (no canvas capture, which
// depends on the driver): the same gradient, texts and QR code as on screen.
func renderCardImage(t cardTexts) (image.Image, error) {
	const s = cardPNGScale
	w, h := int(cardFaceSize.Width)*s, int(cardFaceSize.Height)*s
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	radius := 14 * s
	for y := range h {
		for x := range w {
			if outsideRounded(x, y, w, h, radius) {
				continue
			}
			f := (float64(x)/float64(w) + float64(y)/float64(h)) / 2
			img.SetNRGBA(x, y, mix(cardLight, cardDark, f))
		}
	}

	regular, err := opentype.Parse(t.Regular)
	if err != nil {
		return nil, fmt.Errorf("card font: %w", err)
	}
	bold, err := opentype.Parse(t.Bold)
	if err != nil {
		return nil, fmt.Errorf("card bold font: %w", err)
	}
	faces := map[string]font.Face{}
	face := func(f *opentype.Font, name string, size float64) font.Face {
		key := fmt.Sprintf("%s-%v", name, size)
		if fc, ok := faces[key]; ok {
			return fc
		}
		fc, ferr := opentype.NewFace(f, &opentype.FaceOptions{Size: size * s, DPI: 72, Hinting: font.HintingFull})
		if ferr != nil {
			err = ferr
			return nil
		}
		faces[key] = fc
		return fc
	}
	write := func(fc font.Face, col color.Color, x, baseline int, text string) int {
		if fc == nil {
			return 0
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: fc, Dot: fixed.P(x*s, baseline*s)}
		d.DrawString(text)
		return d.Dot.X.Round() / s
	}

	pad := 20
	write(face(bold, "b", 20), cardWhite, pad, 38, t.Brand)
	write(face(regular, "r", 13), cardMuted, pad, 58, t.Kind)
	draw.Draw(img, image.Rect(pad*s, 68*s, w-pad*s, 71*s), image.NewUniform(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x55}), image.Point{}, draw.Over)
	write(face(bold, "b", 24), cardWhite, pad, 104, t.Name)
	write(face(bold, "b", 22), cardWhite, pad, 136, t.KPJ)
	y := 168
	for i := range t.Keys {
		write(face(regular, "r", 12), cardMuted, pad, y, t.Keys[i])
		write(face(bold, "b", 13), cardWhite, pad+124, y, t.Values[i])
		y += 22
	}
	if err != nil {
		return nil, fmt.Errorf("card font face: %w", err)
	}

	// QR code on a white tile, bottom right, as on screen.
	side := 132
	tileX, tileY := int(cardFaceSize.Width)-pad-side-16, int(cardFaceSize.Height)-pad-side-16-18
	tile := image.Rect(tileX*s, tileY*s, (tileX+side+16)*s, (tileY+side+16)*s)
	for py := tile.Min.Y; py < tile.Max.Y; py++ {
		for px := tile.Min.X; px < tile.Max.X; px++ {
			if !outsideRounded(px-tile.Min.X, py-tile.Min.Y, tile.Dx(), tile.Dy(), 8*s) {
				img.Set(px, py, color.White)
			}
		}
	}
	code, err := qrImage(t.KPJ, side*s)
	if err != nil {
		return nil, err
	}
	draw.Draw(img, image.Rect((tileX+8)*s, (tileY+8)*s, (tileX+8+side)*s, (tileY+8+side)*s), code, image.Point{}, draw.Src)
	capFace := face(regular, "r", 11)
	if capFace != nil {
		width := font.MeasureString(capFace, t.Caption).Round() / s
		write(capFace, cardMuted, tileX+(side+16-width)/2, tileY+side+16+15, t.Caption)
	}
	return img, nil
}

// outsideRounded reports whether (x, y) lies in a cut-off corner of a
// w×h rectangle with corner radius r.
func outsideRounded(x, y, w, h, r int) bool {
	cx, cy := -1, -1
	switch {
	case x < r && y < r:
		cx, cy = r, r
	case x >= w-r && y < r:
		cx, cy = w-r-1, r
	case x < r && y >= h-r:
		cx, cy = r, h-r-1
	case x >= w-r && y >= h-r:
		cx, cy = w-r-1, h-r-1
	default:
		return false
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy > r*r
}

func mix(a, b color.NRGBA, f float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*f) }
	return color.NRGBA{R: l(a.R, b.R), G: l(a.G, b.G), B: l(a.B, b.B), A: 0xFF}
}
