package cardimage

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// goFonts stand in for the theme's fonts: any TrueType font draws the card.
var goFonts = Fonts{Regular: goregular.TTF, Bold: gobold.TTF}

func budiCard() Texts {
	return Texts{
		Brand: "BPJS Ketenagakerjaan", Kind: "Kartu Peserta Digital", Name: "Budi Santoso", KPJ: "18012345678",
		Caption: "Pindai untuk nomor KPJ",
		Keys:    []string{"NIK", "Tanggal lahir", "Segmen", "Status", "Pemberi kerja", "Program", "Peserta sejak"},
		Values: []string{"317405••••••0001", "17 Agustus 1985", "Penerima Upah", "Aktif", "PT Nusantara Data Teknologi",
			"JHT, JKK, JKM, JP", "1 November 2011"},
	}
}

func TestRender_TwiceTheScreenSizeWithRoundedCorners(t *testing.T) {
	t.Parallel()
	img, err := Render(budiCard(), goFonts)
	if err != nil {
		t.Fatal(err)
	}
	want := image.Rect(0, 0, Width*Scale, Height*Scale)
	if img.Bounds() != want {
		t.Fatalf("card image %v, want %v", img.Bounds(), want)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the top left corner is not cut off")
	}
	if _, _, _, a := img.At(Width*Scale/2, 4).RGBA(); a != 0xffff {
		t.Error("the card's top edge is not opaque")
	}
	// The QR code sits on a white tile: its margin, above the code.
	tileX, tileY := (Width-20-132-16+(132+16)/2)*Scale, (Height-20-132-16-18+3)*Scale
	if got := color.NRGBAModel.Convert(img.At(tileX, tileY)).(color.NRGBA); got != White {
		t.Errorf("QR tile at (%d, %d) is %v, want white", tileX, tileY, got)
	}
}

func TestWritePNG_WritesAPNGAndClosesTheWriter(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	w := &closeCounter{Writer: &buf}
	if err := WritePNG(w, budiCard(), goFonts); err != nil {
		t.Fatal(err)
	}
	if w.closed != 1 {
		t.Errorf("writer closed %d times, want once", w.closed)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("saved card is not a PNG: %v", err)
	}
	if img.Bounds() != image.Rect(0, 0, Width*Scale, Height*Scale) {
		t.Errorf("PNG is %v", img.Bounds())
	}
}

func TestWritePNG_ABadFontIsAnErrorAndTheWriterIsClosed(t *testing.T) {
	t.Parallel()
	w := &closeCounter{Writer: io.Discard}
	err := WritePNG(w, budiCard(), Fonts{Regular: []byte("not a font"), Bold: gobold.TTF})
	if err == nil {
		t.Fatal("a card drawn without a font")
	}
	if w.closed != 1 {
		t.Errorf("writer closed %d times after an error, want once", w.closed)
	}
	closeErr := errors.New("disk full")
	if err := WritePNG(&closeCounter{Writer: io.Discard, err: closeErr}, budiCard(), goFonts); !errors.Is(err, closeErr) {
		t.Errorf("a failed close reads %v, want %v", err, closeErr)
	}
}

func TestOutsideRounded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		x, y int
		want bool
	}{
		{0, 0, true}, {99, 0, true}, {0, 49, true}, {99, 49, true}, // the four corners
		{10, 10, false}, {50, 0, false}, {0, 25, false}, {50, 25, false},
	} {
		if got := outsideRounded(tc.x, tc.y, 100, 50, 10); got != tc.want {
			t.Errorf("outsideRounded(%d, %d) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestMix(t *testing.T) {
	t.Parallel()
	if got := mix(Light, Dark, 0); got != Light {
		t.Errorf("mix at 0 = %v", got)
	}
	if got := mix(Light, Dark, 1); got != Dark {
		t.Errorf("mix at 1 = %v", got)
	}
	half := mix(color.NRGBA{A: 0x10}, color.NRGBA{R: 200, G: 100, B: 50, A: 0x20}, 0.5)
	if half != (color.NRGBA{R: 100, G: 50, B: 25, A: 0xFF}) {
		t.Errorf("mix halfway = %v", half)
	}
}

type closeCounter struct {
	io.Writer
	closed int
	err    error
}

func (c *closeCounter) Close() error { c.closed++; return c.err }
