package dashboard

import "testing"

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
