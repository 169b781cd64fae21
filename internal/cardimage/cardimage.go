// Package cardimage draws the digital membership card as an image and
// writes it as a PNG, in Go (no canvas capture, which depends on the
// driver): the same gradient, texts and QR code as the card on screen.
//
// It is Fyne-free. The texts come resolved in the app's language and the
// fonts as TrueType bytes, so the drawing can run on any goroutine.
package cardimage

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/cekbpjstk/cekbpjstk/internal/qrcode"
)

// Width and Height are the card's size on screen, in Fyne units: the ID-1
// card ratio (85.6 × 54 mm).
const (
	Width  = 620
	Height = 391
)

// Scale renders the saved card at twice the on-screen size, sharp enough
// to print.
const Scale = 2

// The card keeps its own colours in both themes, like a printed card.
var (
	Dark  = color.NRGBA{R: 0x06, G: 0x5F, B: 0x46, A: 0xFF} // the gradient's dark end
	Light = color.NRGBA{R: 0x12, G: 0x9E, B: 0x6E, A: 0xFF} // the gradient's light end
	White = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF} // the main texts
	Muted = color.NRGBA{R: 0xD8, G: 0xF3, B: 0xE8, A: 0xFF} // the keys and captions
)

// Texts is what the card says, in the app's language.
type Texts struct {
	Brand, Kind, Name, KPJ, Caption string
	Keys, Values                    []string // the detail rows, key and value
}

// Fonts are the TrueType fonts the card is drawn in (the app theme's).
type Fonts struct {
	Regular, Bold []byte
}

// Render draws the card: Width×Height times Scale pixels, the corners
// rounded (transparent), the QR code of the KPJ bottom right.
func Render(t Texts, fonts Fonts) (image.Image, error) {
	const s = Scale
	w, h := Width*s, Height*s
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	radius := 14 * s
	for y := range h {
		for x := range w {
			if outsideRounded(x, y, w, h, radius) {
				continue
			}
			f := (float64(x)/float64(w) + float64(y)/float64(h)) / 2
			img.SetNRGBA(x, y, mix(Light, Dark, f))
		}
	}

	regular, err := opentype.Parse(fonts.Regular)
	if err != nil {
		return nil, fmt.Errorf("card font: %w", err)
	}
	bold, err := opentype.Parse(fonts.Bold)
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
	write(face(bold, "b", 20), White, pad, 38, t.Brand)
	write(face(regular, "r", 13), Muted, pad, 58, t.Kind)
	draw.Draw(img, image.Rect(pad*s, 68*s, w-pad*s, 71*s), image.NewUniform(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x55}), image.Point{}, draw.Over)
	write(face(bold, "b", 24), White, pad, 104, t.Name)
	write(face(bold, "b", 22), White, pad, 136, t.KPJ)
	y := 168
	for i := range t.Keys {
		write(face(regular, "r", 12), Muted, pad, y, t.Keys[i])
		if i < len(t.Values) {
			write(face(bold, "b", 13), White, pad+124, y, t.Values[i])
		}
		y += 22
	}
	if err != nil {
		return nil, fmt.Errorf("card font face: %w", err)
	}

	// QR code on a white tile, bottom right, as on screen.
	side := 132
	tileX, tileY := Width-pad-side-16, Height-pad-side-16-18
	tile := image.Rect(tileX*s, tileY*s, (tileX+side+16)*s, (tileY+side+16)*s)
	for py := tile.Min.Y; py < tile.Max.Y; py++ {
		for px := tile.Min.X; px < tile.Max.X; px++ {
			if !outsideRounded(px-tile.Min.X, py-tile.Min.Y, tile.Dx(), tile.Dy(), 8*s) {
				img.Set(px, py, color.White)
			}
		}
	}
	code, err := qrcode.Image(t.KPJ, side*s)
	if err != nil {
		return nil, err
	}
	draw.Draw(img, image.Rect((tileX+8)*s, (tileY+8)*s, (tileX+8+side)*s, (tileY+8+side)*s), code, image.Point{}, draw.Src)
	capFace := face(regular, "r", 11)
	if capFace != nil {
		width := font.MeasureString(capFace, t.Caption).Round() / s
		write(capFace, Muted, tileX+(side+16-width)/2, tileY+side+16+15, t.Caption)
	}
	return img, nil
}

// WritePNG draws the card and writes it to w as a PNG, closing w.
func WritePNG(w io.WriteCloser, t Texts, fonts Fonts) error {
	img, err := Render(t, fonts)
	if err == nil {
		err = png.Encode(w, img)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
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

// mix is the colour f of the way from a to b, opaque.
func mix(a, b color.NRGBA, f float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*f) }
	return color.NRGBA{R: l(a.R, b.R), G: l(a.G, b.G), B: l(a.B, b.B), A: 0xFF}
}
