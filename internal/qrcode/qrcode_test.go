package qrcode

import "testing"

func TestImage(t *testing.T) {
	t.Parallel()
	img, err := Image("18012345678", 200)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 200 {
		t.Errorf("QR size %v", b)
	}
}
