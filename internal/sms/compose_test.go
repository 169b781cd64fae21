package sms

import (
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

func TestComposeRegistration(t *testing.T) {
	t.Parallel()
	dewi := Registration{NIK: "5171044407950004", FullName: "Dewi Lestari", BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC),
		KPJ: "21045678901", Email: "dewi@contoh.id"}
	tests := []struct {
		name      string
		mut       func(*Registration)
		want      string
		field     string
		errorCode string
	}{
		{"Dewi, the seed text's example shape", func(*Registration) {},
			"DAFTAR SALDO#5171044407950004#DEWI LESTARI#04-07-1995#21045678901#dewi@contoh.id", "", ""},
		{"three names, extra spaces", func(r *Registration) { r.FullName = "  Ni  Made Dewi Lestari " },
			"DAFTAR SALDO#5171044407950004#NI MADE DEWI LESTARI#04-07-1995#21045678901#dewi@contoh.id", "", ""},
		{"birth date not the NIK's: composed with the birth date typed", func(r *Registration) { r.BirthDate = r.BirthDate.AddDate(0, 0, 1) },
			"DAFTAR SALDO#5171044407950004#DEWI LESTARI#05-07-1995#21045678901#dewi@contoh.id", "", ""},
		{"short NIK", func(r *Registration) { r.NIK = "517104440795" }, "", "nik", ""},
		{"no name", func(r *Registration) { r.FullName = " " }, "", "full_name", "required"},
		{"# in the name", func(r *Registration) { r.FullName = "Dewi#Lestari" }, "", "full_name", "format"},
		{"KPJ of 10 digits", func(r *Registration) { r.KPJ = "2104567890" }, "", "kpj", ""},
		{"bad email", func(r *Registration) { r.Email = "dewi@contoh" }, "", "email", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dewi
			tt.mut(&r)
			got, err := ComposeRegistration(r)
			if tt.field == "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var fe *validate.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || (tt.errorCode != "" && fe.Code != tt.errorCode) {
				t.Fatalf("err = %v, want field %s code %s", err, tt.field, tt.errorCode)
			}
		})
	}
}

func TestNIKDateDiffers(t *testing.T) {
	t.Parallel()
	// 5171044407950004: day 44 = 4 + 40 (a woman), July 1995.
	r := Registration{NIK: "5171044407950004", BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC)}
	if _, differs := NIKDateDiffers(r); differs {
		t.Error("the NIK's own date was said to differ")
	}
	r.BirthDate = time.Date(1995, 7, 5, 0, 0, 0, 0, time.UTC)
	d, differs := NIKDateDiffers(r)
	if !differs || !d.Equal(time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("5 July vs the NIK's 4 July: %v %v", d, differs)
	}
	r.NIK = "517104440795" // invalid: an error for the form, not a date warning
	if _, differs := NIKDateDiffers(r); differs {
		t.Error("a short NIK was said to differ")
	}
	r.NIK, r.BirthDate = "5171044407950004", time.Time{}
	if _, differs := NIKDateDiffers(r); differs {
		t.Error("no birth date yet was said to differ")
	}
}

func TestComposeBalance(t *testing.T) {
	t.Parallel()
	if got, err := ComposeBalance(" 18012345678 "); err != nil || got != "SALDO 18012345678" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := ComposeBalance("1801234567X"); err == nil {
		t.Fatal("a KPJ with a letter passed")
	}
	if got := QRText("SALDO 18012345678"); got != "SMSTO:2757:SALDO 18012345678" {
		t.Fatalf("QR text %q", got)
	}
}
