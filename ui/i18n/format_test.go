package i18n

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestFormatRupiah(t *testing.T) {
	for amount, want := range map[member.Rupiah]string{
		0: "Rp 0", 999: "Rp 999", 1000: "Rp 1.000", 45678900: "Rp 45.678.900",
		1234567890123: "Rp 1.234.567.890.123", -1500: "-Rp 1.500",
	} {
		if got := FormatRupiah(amount); got != want {
			t.Errorf("FormatRupiah(%d) = %q, want %q", amount, got, want)
		}
	}
}

func TestFormatDate_FollowsLanguage(t *testing.T) {
	test.NewTempApp(t)
	day := time.Date(2026, time.August, 17, 0, 0, 0, 0, time.UTC)
	instant := time.Date(2026, time.August, 17, 7, 5, 0, 0, time.UTC) // 14:05 in Jakarta
	t.Cleanup(func() { _ = SetLanguage(DefaultLanguage) })

	if err := SetLanguage("id"); err != nil {
		t.Fatal(err)
	}
	if got := FormatDate(day); got != "17 Agustus 2026" {
		t.Errorf("id date = %q", got)
	}
	if got := FormatDateTime(instant); got != "17 Agustus 2026 14.05 WIB" {
		t.Errorf("id date-time = %q", got)
	}
	if err := SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if got := FormatDate(day); got != "17 August 2026" {
		t.Errorf("en date = %q", got)
	}
	if got := FormatMonth(day); got != "August 2026" {
		t.Errorf("en month = %q", got)
	}
	if got := FormatDateTime(instant); got != "17 August 2026 14:05 WIB" {
		t.Errorf("en date-time = %q", got)
	}
}

func TestMaskKPJ(t *testing.T) {
	if got := MaskKPJ("18012345678"); got != "•••••••5678" {
		t.Fatalf("MaskKPJ = %q", got)
	}
}

func TestFormatRupiahShort(t *testing.T) {
	test.NewTempApp(t)
	if err := LoadTranslations("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage(DefaultLanguage) })
	cases := []struct {
		v      float64
		id, en string
	}{
		{0, "Rp 0", "Rp 0"},
		{750, "Rp 750", "Rp 750"},
		{500_000, "Rp 500 rb", "Rp 500K"},
		{50_000_000, "Rp 50 jt", "Rp 50M"},
		{12_500_000, "Rp 12,5 jt", "Rp 12.5M"},
		{1_200_000_000, "Rp 1,2 M", "Rp 1.2B"},
	}
	for _, code := range []string{"id", "en"} {
		if err := SetLanguage(code); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			want := c.id
			if code == "en" {
				want = c.en
			}
			if got := FormatRupiahShort(c.v); got != want {
				t.Errorf("%s: FormatRupiahShort(%v) = %q, want %q", code, c.v, got, want)
			}
		}
	}
}
