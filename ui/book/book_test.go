package book

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// The form says under each field what is wrong (a card's error under its
// own card), makes nothing until it is right, then hands over what was
// typed.
func TestCreateView_FieldErrorsThenSubmit(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := NewCreateView()
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	var got []book.New
	v.OnSubmit = func(n book.New, password string, remember bool) {
		if password != "Kebun#Mangga#2031" || !remember {
			t.Errorf("password %q, remember %v", password, remember)
		}
		got = append(got, n)
	}
	test.Type(v.name, "Wening Prameswari")
	test.Type(v.birth, "31-02-1990")
	v.AddCard("", "")
	test.Type(v.cards[0].kpj, "23011122233")
	test.Type(v.cards[0].employer, "PT Lintang Samudra Niaga")
	test.Type(v.cards[1].kpj, "2304445556")
	test.Type(v.password, "Kebun#Mangga#2031")
	test.Type(v.confirm, "Kebun#Mangga#2030")
	test.Tap(v.submit)
	if len(got) != 0 {
		t.Fatal("an invalid form was submitted")
	}
	for _, l := range []string{"birth_date", "confirm"} {
		if !v.errs[l].Visible() {
			t.Errorf("no error under %s", l)
		}
	}
	if !v.cards[1].err.Visible() || v.cards[0].err.Visible() {
		t.Errorf("card errors: first %v, second %v", v.cards[0].err.Visible(), v.cards[1].err.Visible())
	}
	if !v.errs["cards"].Visible() && !uitest.Contains(v.Content(), "Tulis nama pemberi kerja kartu ini.") {
		t.Error("the second card's missing employer is not said")
	}
	v.birth.SetText("12-04-1990")
	v.cards[1].kpj.SetText("23044455566")
	v.cards[1].employer.SetText("CV Kayu Manis")
	v.confirm.SetText("Kebun#Mangga#2031")
	v.remember.SetChecked(true)
	test.Tap(v.submit)
	if len(got) != 1 || len(got[0].Cards) != 2 || !got[0].BirthDate.Equal(time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("submitted %+v", got)
	}
}

// The preview shows each file's rows, its refused rows with their reason
// and line, whether the totals agreed, and a kept file; storing is offered
// only when there is something to store.
func TestPreviewView_ShowsWhatWouldBeStored(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "en")
	v := NewPreviewView()
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	at := member.Source{File: "rsjht-2025.pdf", Page: 2, Line: 14}
	p := book.Preview{
		Files: []book.FilePreview{
			{Name: "rsjht-2025.pdf", Rows: 12, Document: documents.Document{Kind: documents.KindStatement, Year: 2025, KPJ: "23011122233", TotalsChecked: true},
				Refused: []documents.Refused{{Source: at, Text: "13 31-02-2025", Reason: documents.Errorf("bad_date", at, "tanggal tidak ada", "no such date")}}},
			{Name: "rsjht-2024.pdf", Kept: true},
		},
		Rows: make([]book.Row, 12), Docs: []book.NewDoc{{}},
	}
	var stored []book.Preview
	v.OnConfirm = func(p book.Preview) { stored = append(stored, p) }
	v.SetPreview(p)
	for _, want := range []string{"12 rows read", "Every row agrees with the document's \"Jumlah\" (totals).",
		"Refused: rsjht-2025.pdf, page 2, line 14: no such date — «13 31-02-2025»", "JHT-JP statement 2025 · •••••••2233",
		"This document is in your records already; importing it again changes nothing.",
		"12 rows from 1 documents would be added (1 rows refused). Nothing is stored yet."} {
		if !uitest.Contains(v.Content(), want) {
			t.Errorf("no %q in %q", want, uitest.Texts(v.Content()))
		}
	}
	test.Tap(v.confirm)
	if len(stored) != 1 {
		t.Fatal("confirm did not hand the preview over")
	}
	// Figures typed again, the same: nothing to add.
	v.SetPreview(book.Preview{Files: []book.FilePreview{{Name: "JMO balance", Kept: true, Typed: true}}})
	if !v.confirm.Disabled() || !uitest.Contains(v.Content(), "These figures are in your records already; adding them again changes nothing.") {
		t.Errorf("typed again: confirm disabled %v, %q", v.confirm.Disabled(), uitest.Texts(v.Content()))
	}
	p.Problem = documents.Errorf("other_member", member.Source{File: "lain.pdf"}, "milik peserta lain", "belongs to another member")
	v.SetPreview(p)
	if !v.confirm.Disabled() || !uitest.Contains(v.Content(), "lain.pdf: belongs to another member") {
		t.Error("a refused import may be stored")
	}
}
