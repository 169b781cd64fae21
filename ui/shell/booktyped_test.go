package shell

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// The book's two forms, from its bar: a balance typed as JMO shows it and
// a month typed from a payslip go through the preview and, confirmed,
// are the book's data, as typed rows (no document). A bad amount is
// refused in the form and nothing is stored.
func TestBook_TypedBalanceAndMonthReachTheData(t *testing.T) {
	h := newHarness(t)
	h.makeBook()
	ctx := context.Background()
	rowsOf := func() []book.Row {
		c, err := h.c.app.BookContents(ctx, h.c.app.Epoch())
		if err != nil {
			t.Fatal(err)
		}
		return c.Rows
	}
	before := len(rowsOf())
	top := func() fyne.CanvasObject { return h.c.win.Canvas().Overlays().Top() }

	// A bad amount: refused under the field, the form stays, nothing stored.
	test.Tap(uitest.Button(t, h.screen(), lang.L("book.bar.balance")))
	test.Type(uitest.Entry(t, top(), "12.345.678"), "dua belas juta")
	test.Type(uitest.Entry(t, top(), lang.L("book.typed.dateHint")), "30-11-2026")
	test.Tap(uitest.Button(t, top(), lang.L("book.typed.preview")))
	if !uitest.Contains(top(), "Ini bukan jumlah uang: tulis dalam rupiah, mis. 12.345.678.") {
		t.Fatalf("no refusal: %q", uitest.Texts(top()))
	}
	if n := len(rowsOf()); n != before {
		t.Fatalf("%d rows stored by a refused form", n-before)
	}

	// Corrected: the preview, then the book's balance.
	amount := uitest.Entry(t, top(), "12.345.678")
	if amount.Text != "dua belas juta" {
		t.Fatalf("what was typed is lost: %q", amount.Text)
	}
	amount.SetText("12.345.678")
	test.Tap(uitest.Button(t, top(), lang.L("book.typed.preview")))
	confirmTop := func(what string) {
		var confirm *widget.Button
		h.waitFor(what, func() bool {
			confirm = uitest.Find(top(), func(b *widget.Button) bool { return b.Text == lang.L("book.preview.confirm") && !b.Disabled() })
			return confirm != nil
		})
		test.Tap(confirm)
	}
	confirmTop("the balance's preview")
	h.waitFor("the typed balance in the data", func() bool {
		d := h.c.app.Data()
		return d != nil && len(d.Balance.Accounts) == 1 && d.Balance.Accounts[0].Total == 12345678
	})
	h.waitFor("the saved message", func() bool { return uitest.Contains(top(), "1 baris yang Anda ketik tersimpan") })
	if uitest.Contains(top(), "Dokumen aslinya disimpan") {
		t.Errorf("the saved message: %q", uitest.Texts(top()))
	}

	// October 2026 of the card, its JHT typed as jht.
	typeOctober := func(jht string) {
		test.Tap(uitest.Button(t, h.screen(), lang.L("book.bar.month")))
		test.Type(uitest.Entry(t, top(), lang.L("book.typed.monthHint")), "10-2026")
		test.Type(uitest.Entry(t, top(), lang.L("book.typed.dateHint")), "12-11-2026")
		test.Type(uitest.Entry(t, top(), "4.500.000"), "5.000.000")
		test.Type(uitest.Entry(t, top(), "285.000"), jht)
		test.Tap(uitest.Button(t, top(), lang.L("book.typed.preview")))
	}
	typeOctober("285.000")
	confirmTop("the month's preview")
	h.waitFor("the typed month in the data", func() bool {
		d := h.c.app.Data()
		if d == nil {
			return false
		}
		for _, m := range d.Contributions[2026].Months {
			if m.Period.Month() == time.October && m.KPJ == "23011122233" && m.ReportedWage == 5000000 {
				return true
			}
		}
		return false
	})
	// The app's data holds the month as soon as the store is done, a moment
	// before the UI applies the result (the preview closed, the saved
	// message shown): wait for the message, or it can open over the next
	// form's preview, where the refusal below is then never found (a
	// ci-fresh run failed so, under load).
	h.waitFor("the month's saved message", func() bool { return uitest.Contains(top(), "1 baris yang Anda ketik tersimpan") })
	// The same month again with another JHT: the preview refuses it, as it
	// would a document that contradicts the book.
	n := len(rowsOf())
	typeOctober("300.000")
	h.waitFor("the refusal", func() bool { return uitest.Contains(top(), "Oktober 2026: JHT") })
	if b := uitest.Button(t, top(), lang.L("book.preview.confirm")); !b.Disabled() {
		t.Error("a contradicting month may be stored")
	}
	if len(rowsOf()) != n {
		t.Error("a refused month was stored")
	}
	typed := 0
	for _, r := range rowsOf() {
		if (r.Kind == book.KindBalance || r.Kind == book.KindMonth) && r.Doc == "" {
			typed++
		}
	}
	if typed != 2 {
		t.Fatalf("%d typed rows in the book, want the balance and the month", typed)
	}
}

// makeBook makes Wening's book of one card from the login view's form
// and waits for its dashboard.
func (h *harness) makeBook() {
	h.waitVerified()
	h.c.show(screenBookCreate)
	h.c.submitBook(book.New{Name: "Wening Prameswari", BirthDate: time.Date(1990, 4, 12, 0, 0, 0, 0, time.UTC),
		Cards: []book.Card{{KPJ: "23011122233", Employer: "PT Lintang Samudra Niaga"}}}, "Kebun#Mangga#2031", false)
	h.waitFor("the book's dashboard", func() bool { return h.c.current == screenDashboard && h.c.app.BookOpen() })
}
