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

var typedCards = []CardChoice{{KPJ: "23011122233", Employer: "PT Lintang Samudra Niaga"}, {KPJ: "23044455566", Employer: "CV Kayu Manis"}}

// showForm puts v in a test window, on 7 December 2026.
func showForm(t *testing.T, v *TypedView) {
	v.now = func() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) }
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
}

// A balance typed as JMO shows it (Indonesian thousands) becomes the
// card's balance as of its date, typed (no document), and reaches the
// preview, which offers to store it.
func TestBalanceForm_ReachesThePreview(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := NewBalanceForm(typedCards)
	showForm(t, v)
	var got []documents.Bundle
	v.OnSubmit = func(b documents.Bundle) { got = append(got, b) }
	v.card.SetSelectedIndex(1)
	test.Type(v.amount, "12.345.678")
	test.Type(v.date, "30-11-2026")
	v.status.SetSelectedIndex(0)
	test.Type(v.period, "10-2026")
	test.Tap(v.submit)
	if len(got) != 1 || len(got[0].Balances) != 1 || len(got[0].Cards) != 1 {
		t.Fatalf("submitted %+v", got)
	}
	b := got[0].Balances[0]
	if b.KPJ != "23044455566" || b.Total != 12345678 || !b.AsOf.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) ||
		b.Source == nil || *b.Source != TypedSource || got[0].Cards[0].Status != "aktif" {
		t.Fatalf("balance %+v, card %+v", b, got[0].Cards[0])
	}
	if lp := got[0].LastPaid; len(lp) != 1 || lp[0].KPJ != "23044455566" || !lp[0].Month.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("last paid %+v", lp)
	}

	p := NewPreviewView()
	pw := test.NewWindow(p.Content())
	t.Cleanup(pw.Close)
	var stored []book.Preview
	p.OnConfirm = func(p book.Preview) { stored = append(stored, p) }
	p.SetPreview(book.Typed("Saldo JHT dari JMO", got[0]))
	for _, want := range []string{"Diketik sendiri", "Kartu: •••••••5566 · CV Kayu Manis", "Saldo 30 November 2026 · •••••••5566 ·",
		"Rp 12.345.678", "Bulan terakhir dibayar Oktober 2026 · •••••••5566", "3 baris yang Anda ketik akan", "Belum ada yang disimpan."} {
		if !uitest.Contains(p.Content(), want) {
			t.Errorf("no %q in %q", want, uitest.Texts(p.Content()))
		}
	}
	test.Tap(p.confirm)
	if len(stored) != 1 || len(stored[0].Rows) != 3 || stored[0].Rows[1].Doc != "" || stored[0].Rows[1].Balance.Total != 12345678 {
		t.Fatalf("stored %+v", stored)
	}
}

// A month typed with its Rapel becomes one card's JHT-only month.
func TestMonthForm_BuildsAMonth(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "en")
	v := NewMonthForm(typedCards[:1])
	showForm(t, v)
	var got []documents.Bundle
	v.OnSubmit = func(b documents.Bundle) { got = append(got, b) }
	test.Type(v.period, "10-2026")
	test.Type(v.date, "12/11/2026")
	test.Type(v.wage, "5.000.000")
	test.Type(v.amount, "Rp 285.000,00")
	test.Type(v.backPay, "100.000")
	test.Tap(v.submit)
	if len(got) != 1 || len(got[0].Months) != 1 {
		t.Fatalf("submitted %+v", got)
	}
	m := got[0].Months[0]
	want := member.MonthContribution{Period: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), KPJ: "23011122233", EmployerName: "PT Lintang Samudra Niaga",
		ReportedWage: 5000000, JHT: 285000, PaidDate: time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC), BackPay: 100000, OnlyJHTJP: true}
	if m.Source == nil || *m.Source != TypedSource {
		t.Fatalf("source %v", m.Source)
	}
	m.Source = nil
	if m != want {
		t.Fatalf("month %+v, want %+v", m, want)
	}
}

// What cannot be right is refused under its field, in the member's
// language, nothing is handed over, and what was typed stays.
func TestTypedForms_RefuseBadInputAndKeepIt(t *testing.T) {
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	v := NewMonthForm(typedCards)
	showForm(t, v)
	submitted := 0
	v.OnSubmit = func(documents.Bundle) { submitted++ }
	test.Type(v.period, "12-2026")
	test.Type(v.date, "31-02-2026")
	test.Type(v.wage, "lima juta")
	test.Type(v.amount, "285.000")
	test.Tap(v.submit)
	if submitted != 0 {
		t.Fatal("a bad form was handed over")
	}
	for field, want := range map[string]string{
		"card":   "Pilih kartu pemilik angka ini.",
		"period": "Bulan ini belum selesai: iurannya baru dapat diketik setelah bulannya berakhir.",
		"date":   "Tanggal ini tidak ada: tulis sebagai DD-MM-YYYY, mis. 30-11-2026.",
		"wage":   "Ini bukan jumlah uang: tulis dalam rupiah, mis. 12.345.678.",
	} {
		if l := v.errs[field]; !l.Visible() || l.Text != want {
			t.Errorf("%s: %q (shown %v), want %q", field, l.Text, l.Visible(), want)
		}
	}
	if v.errs["amount"].Visible() {
		t.Error("a right amount is refused")
	}
	if v.wage.Text != "lima juta" || v.date.Text != "31-02-2026" || v.period.Text != "12-2026" {
		t.Error("what was typed is lost")
	}

	uitest.SetLanguage(t, "en")
	b := NewBalanceForm(typedCards[:1])
	showForm(t, b)
	b.OnSubmit = func(documents.Bundle) { submitted++ }
	test.Type(b.amount, "12.345.678x")
	test.Type(b.date, "01-01-2027")
	test.Type(b.period, "13-2026")
	test.Tap(b.submit)
	if submitted != 0 || b.errs["amount"].Text != "This is not an amount: write it in rupiah, e.g. 12.345.678." ||
		b.errs["date"].Text != "This date is in the future." || b.errs["card"].Visible() ||
		b.errs["period"].Text != "This month does not exist: write it as MM-YYYY, e.g. 08-2026." {
		t.Errorf("submitted %d; amount %q, date %q", submitted, b.errs["amount"].Text, b.errs["date"].Text)
	}
}
