package dashboard

import (
	"testing"

	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// A book (the member's own records) is offline data with no server: the
// header says "Catatan saya" instead of Offline and offers no login to
// refresh it; the data per date stays.
func TestDashboard_BookSaysOwnRecordsAndOffersNoLogin(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	data.Offline = true
	data.Identifier = "book:0f1e2d3c4b5a6978"
	d.SetData(data)
	if !d.offlineBadge.Visible() || d.offlineBadge.Text != "Catatan saya" {
		t.Errorf("badge visible %v text %q", d.offlineBadge.Visible(), d.offlineBadge.Text)
	}
	if d.onlineButton.Visible() || d.refreshButton.Visible() || !d.asOf.Visible() {
		t.Errorf("a book offers login %v, refresh %v; as of shown %v", d.onlineButton.Visible(), d.refreshButton.Visible(), d.asOf.Visible())
	}
	data.Identifier = "budi@contoh.id" // a cached account again
	d.SetData(data)
	if d.offlineBadge.Text != "Offline" || !d.onlineButton.Visible() {
		t.Errorf("a cached account after a book: badge %q, login offered %v", d.offlineBadge.Text, d.onlineButton.Visible())
	}
}

// A book whose documents gave no JHT balance yet (an employment CSV only,
// or nothing imported) does not show "Rp 0" as if the account were empty:
// Ringkasan and Saldo JHT say what to import; once a balance is in, the
// figure shows. The server's data always has its balance.
func TestDashboard_BookWithoutABalanceSaysWhatToImport(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	book := data
	book.Offline, book.Identifier = true, "book:0f1e2d3c4b5a6978"
	book.Balance = member.Balance{}
	book.Member.Programs = nil
	book.Coverage = map[string][]read.Span{}
	d.SetData(book)
	d.tabs.Select(d.item("dashboard.tab.balance"))
	want := "Belum ada saldo JHT di catatan Anda: impor cetakan saldo JHT-JP (ringkasannya memuat saldo) atau tempel saldo dari JMO."
	if d.summary.balance.Text != "–" || d.summary.balanceAsOf.Text != want {
		t.Errorf("Ringkasan: %q / %q", d.summary.balance.Text, d.summary.balanceAsOf.Text)
	}
	if d.balance.total.Text != "–" || d.balance.totalNote.Text != want {
		t.Errorf("Saldo JHT: %q / %q", d.balance.total.Text, d.balance.totalNote.Text)
	}
	if len(d.summary.programs.Objects) != 1 || !uitest.Contains(d.summary.programs, "Belum ada program yang tercatat: impor cetakan saldo JHT-JP atau daftar iuran dari JMO.") {
		t.Errorf("programs: %d rows", len(d.summary.programs.Objects))
	}
	d.SetData(data) // the server's data, balance and all
	if d.summary.balance.Text == "–" || d.balance.total.Text == "–" {
		t.Errorf("server data shows no balance: %q, %q", d.summary.balance.Text, d.balance.total.Text)
	}
}
