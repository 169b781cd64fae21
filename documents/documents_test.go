package documents

import (
	"testing"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestProblemText_PlaceFirstInEachLanguage(t *testing.T) {
	at := SourceOf("/tmp/x/rudi-2025.pdf", []byte("abc"))
	at.Page, at.Line = 2, 14
	p := Errorf("bad_date", at, "tanggal %q tidak ada", "date %q does not exist", "31-02-2025")
	if got, want := p.Text(member.ID), `rudi-2025.pdf, halaman 2, baris 14: tanggal "31-02-2025" tidak ada`; got != want {
		t.Errorf("ID: %q, want %q", got, want)
	}
	if got, want := p.Text(member.EN), `rudi-2025.pdf, page 2, line 14: date "31-02-2025" does not exist`; got != want {
		t.Errorf("EN: %q, want %q", got, want)
	}
	// sha256("abc"), the FIPS 180-2 example.
	if at.SHA256 != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("SHA256 = %s", at.SHA256)
	}
}
