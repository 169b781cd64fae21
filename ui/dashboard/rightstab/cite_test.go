package rightstab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// A "Dasar" line is readable (the body's size, not caption-sized) and in
// the member's language: "Article" for "Pasal" in English.
func TestCite_ReadableAndInTheMembersLanguage(t *testing.T) {
	fixtures.StartUI(t)
	uitest.SetLanguage(t, "en")
	l := cite("PP 46/2015 Pasal 22", false)
	if !strings.Contains(l.Text, "PP 46/2015 Article 22") || strings.Contains(l.Text, "Pasal") {
		t.Errorf("English citation %q", l.Text)
	}
	if l.SizeName == theme.SizeNameCaptionText {
		t.Error("the citation is caption-sized")
	}
	uitest.SetLanguage(t, "id")
	if l := cite("PP 46/2015 Pasal 22", false); !strings.Contains(l.Text, "Pasal 22") {
		t.Errorf("Indonesian citation %q", l.Text)
	}
}
