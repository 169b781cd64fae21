// Package qrcode draws QR codes as images (Fyne-free): the SMS helper's
// code and the digital card's.
package qrcode

import (
	"fmt"
	"image"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// Image encodes text as a QR code of side×side pixels (medium error
// correction, so a slightly smudged screen or print still scans).
func Image(text string, side int) (image.Image, error) {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("encode QR: %w", err)
	}
	scaled, err := barcode.Scale(code, side, side)
	if err != nil {
		return nil, fmt.Errorf("scale QR: %w", err)
	}
	return scaled, nil
}
