package rightstab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
)

// answerTexts are the short answers' texts, one string per question.
func answerTexts(t *testing.T, r *Tab) []string {
	t.Helper()
	var out []string
	card, ok := r.answers.Objects[0].(*widget.Card)
	if !ok {
		t.Fatalf("the answers are not a card: %T", r.answers.Objects[0])
	}
	for _, row := range card.Content.(*fyne.Container).Objects {
		out = append(out, strings.Join(fixtures.Texts(t, row), " "))
	}
	return out
}

// Hak saya opens with one line per question, in the order members ask
// them, each answered from the same results as its section below, and on
// screen without scrolling; "Rincian" scrolls to that section.
func TestRights_OpensWithTheAnswers(t *testing.T) {
	fixtures.AtClock(t, fixtures.Today)
	cases := []struct {
		email string
		want  []string // one fragment per answer, in order
	}{
		// Budi: two cards, the active one; 15 years in: the partial
		// withdrawal is open; JP going on; JKP met; two cards to merge.
		{"budi@contoh.id", []string{"Belum: kartu Anda masih aktif", "bulan iuran", "Ya, syarat iurannya terpenuhi", "Ya: 2 kartu"}},
		// Siti: her claim is under way; 76 JP months; her card closed too
		// long ago for JKP; one card.
		{"siti@contoh.id", []string{"sudah diajukan; statusnya: Diproses", "76 bulan iuran, di bawah 180", "batas pengajuan JKP-nya sudah lewat", "Tidak: Anda hanya punya satu kartu."}},
		// Eko: self-employed since his lay-off on 14 August 2026; the JKP
		// answer is about that lay-off (he could not be laid off today).
		{"eko@contoh.id", []string{"Belum: kartu Anda masih aktif", "89 bulan iuran", "Untuk PHK Anda pada 14 Agustus 2026: ya", "Ya: 2 kartu"}},
	}
	for _, c := range cases {
		t.Run(c.email, func(t *testing.T) {
			r := newTestTab(t)
			r.SetData(fixtures.Member(t, c.email))
			got := answerTexts(t, r)
			if len(got) != 4 {
				t.Fatalf("%d answers, want 4: %q", len(got), got)
			}
			for i, frag := range c.want {
				if !strings.Contains(got[i], frag) {
					t.Errorf("answer %d = %q, want it to say %q", i+1, got[i], frag)
				}
			}
			win := fyne.CurrentApp().Driver().AllWindows()
			var size fyne.Size
			for _, w := range win {
				if w.Content() == r.Content() {
					size = w.Canvas().Size()
				}
			}
			d := fyne.CurrentApp().Driver()
			for i, row := range r.answerRows {
				pos := d.AbsolutePositionForObject(row.more)
				if pos.Y+row.more.Size().Height > size.Height {
					t.Errorf("answer %d's Rincian is below the fold (%v in %v)", i+1, pos, size)
				}
				if row.target == nil {
					t.Fatalf("answer %d leads to no section", i+1)
				}
			}
			// Each Rincian brings its section to the top of the tab, or, for
			// a last section shorter than the tab, scrolls to the end.
			scroll := r.Content().(*container.Scroll)
			for i, row := range r.answerRows {
				scroll.ScrollToTop()
				test.Tap(row.more)
				top := d.AbsolutePositionForObject(row.target).Y - d.AbsolutePositionForObject(scroll).Y
				end := scroll.Content.Size().Height - scroll.Size().Height
				if (top < -1 || top > 1) && scroll.Offset.Y < end-1 {
					t.Errorf("answer %d: its section is %v below the tab's top after Rincian (offset %v of %v)", i+1, top, scroll.Offset.Y, end)
				}
				if scroll.Offset.Y < 1 {
					t.Errorf("answer %d: Rincian did not scroll", i+1)
				}
			}
		})
	}
}
