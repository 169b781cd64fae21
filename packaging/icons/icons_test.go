package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestRun_HicolorPNGsAndICO renders the real app icon and reads the .ico
// back the way Windows does: the directory, then each entry's BMP or PNG.
func TestRun_HicolorPNGsAndICO(t *testing.T) {
	dir := t.TempDir()
	ico := filepath.Join(dir, "app.ico")
	if err := run("../../assets/icon.png", dir, "x", ico); err != nil {
		t.Fatal(err)
	}
	for _, s := range PNGSizes {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("%dx%d/apps/x.png", s, s)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != s || cfg.Height != s {
			t.Errorf("%d px PNG: %dx%d, %v", s, cfg.Width, cfg.Height, err)
		}
	}

	data, err := os.ReadFile(ico)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(data[0:]) != 0 || le.Uint16(data[2:]) != 1 || int(le.Uint16(data[4:])) != len(ICOSizes) {
		t.Fatalf("ICONDIR = % x", data[:6])
	}
	for i, s := range ICOSizes {
		e := data[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if w != s || le.Uint16(e[6:]) != 32 || int(off+size) > len(data) {
			t.Errorf("entry %d: width %d, bpp %d, %d bytes at %d", i, w, le.Uint16(e[6:]), size, off)
			continue
		}
		blob := data[off : off+size]
		if s > 48 {
			m, err := png.Decode(bytes.NewReader(blob))
			if err != nil || m.Bounds().Dx() != s {
				t.Errorf("entry %d: PNG %v", i, err)
			}
			continue
		}
		// BITMAPINFOHEADER: 40 bytes, width, twice the height (XOR + AND masks), 32 bpp
		if le.Uint32(blob[0:]) != 40 || le.Uint32(blob[4:]) != uint32(s) || le.Uint32(blob[8:]) != uint32(2*s) || le.Uint16(blob[14:]) != 32 {
			t.Errorf("entry %d: header % x", i, blob[:16])
		}
		if want := 40 + s*s*4 + ((s+31)/32)*4*s; len(blob) != want {
			t.Errorf("entry %d: %d bytes, want %d", i, len(blob), want)
		}
		// the icon's centre is opaque
		c := ((s/2)*s + s/2) * 4
		if blob[40+c+3] != 0xff {
			t.Errorf("entry %d: centre alpha %d", i, blob[40+c+3])
		}
	}
}
