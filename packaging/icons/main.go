// Command icons renders the app icon at the sizes the installers need: PNGs
// for the freedesktop hicolor theme and one multi-size Windows .ico. It reads
// a single source PNG (assets/icon.png) and uses only Go, so it runs the same
// on Linux, macOS and Windows build machines and gives the same bytes.
//
//	go run ./packaging/icons -src assets/icon.png -png-dir DIR -ico FILE.ico
//
// The .ico holds 16..48 px as 32-bit BMP entries (what every Windows shell and
// NSIS read) and 64..256 px as PNG entries (Vista and later).
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// PNGSizes are the hicolor sizes a .deb installs.
var PNGSizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

// ICOSizes are the sizes in the Windows .ico.
var ICOSizes = []int{16, 20, 24, 32, 40, 48, 64, 128, 256}

func main() {
	src := flag.String("src", "assets/icon.png", "source PNG, square, at least 512 px")
	pngDir := flag.String("png-dir", "", "write hicolor PNGs here as NxN/apps/NAME.png")
	name := flag.String("name", "io.github.cekbpjstk", "icon name in the hicolor tree")
	icoPath := flag.String("ico", "", "write a multi-size .ico here")
	flag.Parse()
	if err := run(*src, *pngDir, *name, *icoPath); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(src, pngDir, name, icoPath string) error {
	f, err := os.Open(src) // #nosec G304 -- a build tool: the path is its own command-line argument
	if err != nil {
		return err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() || b.Dx() < 256 {
		return fmt.Errorf("%s is %dx%d; want a square of at least 256 px", src, b.Dx(), b.Dy())
	}
	if pngDir != "" {
		for _, s := range PNGSizes {
			if s > b.Dx() {
				continue
			}
			var buf bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, scale(img, s)); err != nil {
				return err
			}
			dir := filepath.Join(pngDir, fmt.Sprintf("%dx%d", s, s), "apps")
			if err := os.MkdirAll(dir, 0o755); err != nil { // #nosec G301 -- installed icon dirs are world-readable
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, name+".png"), buf.Bytes(), 0o644); err != nil { // #nosec G306 -- icons are public files
				return err
			}
		}
	}
	if icoPath != "" {
		var imgs []*image.NRGBA
		for _, s := range ICOSizes {
			imgs = append(imgs, scale(img, s))
		}
		data, err := encodeICO(imgs)
		if err != nil {
			return err
		}
		if err := os.WriteFile(icoPath, data, 0o644); err != nil { // #nosec G306 -- icons are public files
			return err
		}
	}
	return nil
}

// scale resizes with Catmull-Rom, which averages over the whole source
// footprint when shrinking, so 16 px stays legible instead of aliased.
func scale(src image.Image, size int) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	if src.Bounds().Dx() == size {
		draw.Copy(dst, image.Point{}, src, src.Bounds(), draw.Src, nil)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// encodeICO writes the ICONDIR, one ICONDIRENTRY per image, then the images.
func encodeICO(imgs []*image.NRGBA) ([]byte, error) {
	var blobs [][]byte
	for _, m := range imgs {
		var blob []byte
		if m.Bounds().Dx() > 48 {
			var buf bytes.Buffer
			if err := png.Encode(&buf, m); err != nil {
				return nil, err
			}
			blob = buf.Bytes()
		} else {
			blob = dib(m)
		}
		blobs = append(blobs, blob)
	}
	// Every size in ICOSizes is at most 256 and the blobs are a
	// few hundred KiB, so the narrowing conversions below cannot overflow.
	var out bytes.Buffer
	le := binary.LittleEndian
	hdr := make([]byte, 6)
	le.PutUint16(hdr[2:], 1)                 // type: icon
	le.PutUint16(hdr[4:], uint16(len(imgs))) // #nosec G115 -- a handful of sizes
	out.Write(hdr)
	offset := 6 + 16*len(imgs)
	for i, m := range imgs {
		s := m.Bounds().Dx()
		e := make([]byte, 16)
		e[0], e[1] = byte(s%256), byte(s%256)      // #nosec G115 -- s%256 fits a byte; 0 means 256
		le.PutUint16(e[4:], 1)                     // planes
		le.PutUint16(e[6:], 32)                    // bits per pixel
		le.PutUint32(e[8:], uint32(len(blobs[i]))) // #nosec G115 -- small blobs
		le.PutUint32(e[12:], uint32(offset))       // #nosec G115 -- small file
		offset += len(blobs[i])
		out.Write(e)
	}
	for _, b := range blobs {
		out.Write(b)
	}
	return out.Bytes(), nil
}

// dib is a BITMAPINFOHEADER + bottom-up BGRA pixels + a 1-bit AND mask; the
// header's height counts both, hence twice the image height.
func dib(m *image.NRGBA) []byte {
	w, h := m.Bounds().Dx(), m.Bounds().Dy()
	le := binary.LittleEndian
	maskStride := ((w + 31) / 32) * 4
	buf := make([]byte, 40+w*h*4+maskStride*h)
	le.PutUint32(buf[0:], 40)
	le.PutUint32(buf[4:], uint32(w))   // #nosec G115 -- w <= 256
	le.PutUint32(buf[8:], uint32(2*h)) // #nosec G115 -- h <= 256
	le.PutUint16(buf[12:], 1)
	le.PutUint16(buf[14:], 32)
	le.PutUint32(buf[20:], uint32(w*h*4+maskStride*h)) // #nosec G115 -- at most 256*256*4 plus the mask
	px := buf[40:]
	mask := buf[40+w*h*4:]
	for y := 0; y < h; y++ {
		row := h - 1 - y
		for x := 0; x < w; x++ {
			c := m.NRGBAAt(x, y)
			i := (row*w + x) * 4
			px[i], px[i+1], px[i+2], px[i+3] = c.B, c.G, c.R, c.A
			if c.A == 0 {
				mask[row*maskStride+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	return buf
}
