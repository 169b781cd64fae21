package ui

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/statement"
)

func TestSMSHelper_ComposesCopiesAndMakesTheQR(t *testing.T) {
	_, w := newTestDashboard(t)
	h := newSMSHelper(w, SMSRegistration{})
	if !h.regCopy.Disabled() || !h.balCopy.Disabled() || h.qr.Image != nil {
		t.Fatal("empty helper offers something to copy")
	}
	if h.regError.Visible() {
		t.Error("an empty form shows an error")
	}
	test.Type(h.nik, "5171044407950004")
	test.Type(h.name, "Dewi Lestari")
	test.Type(h.birth, "04-07-1995")
	test.Type(h.kpj, "21045678901")
	test.Type(h.email, "dewi@contoh.id")
	want := "DAFTAR SALDO#5171044407950004#DEWILESTARI#04-07-1995#21045678901#dewi@contoh.id"
	if h.regText.Text != want || h.balText.Text != "SALDO 21045678901" {
		t.Fatalf("messages %q / %q", h.regText.Text, h.balText.Text)
	}
	test.Tap(h.regCopy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("clipboard %q", got)
	}
	test.Tap(h.balCopy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "SALDO 21045678901" {
		t.Errorf("clipboard %q", got)
	}
	if h.qr.Image == nil {
		t.Fatal("no QR code")
	}
	// A wrong birth date is named, and nothing can be copied.
	h.birth.SetText("05-07-1995")
	if !h.regCopy.Disabled() || !h.regError.Visible() || h.regError.Text != fieldErrorText("nik", "mismatch") {
		t.Errorf("mismatched birth date: copy enabled %v, error %q", !h.regCopy.Disabled(), h.regError.Text)
	}
	if h.balCopy.Disabled() {
		t.Error("the balance request does not need the birth date")
	}
	w.SetContent(h.content)
	if !screenContainsObj(w.Content(), "tidak semua operator") {
		t.Error("the caveat is not on screen")
	}
}

func screenContainsObj(o fyne.CanvasObject, text string) bool {
	return strings.Contains(strings.Join(visibleTexts(o), " "), text)
}

func TestSMSHelper_PrefilledFromTheMember(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	_, w := newTestDashboard(t)
	m := data.Member
	h := newSMSHelper(w, SMSRegistration{FullName: m.FullName, BirthDate: m.BirthDate, KPJ: primaryKPJ(data), Email: m.Email})
	if h.name.Text != m.FullName || h.kpj.Text != "18012345678" || h.email.Text != m.Email || h.birth.Text != m.BirthDate.Format("02-01-2006") {
		t.Fatalf("prefill %q %q %q %q", h.name.Text, h.kpj.Text, h.email.Text, h.birth.Text)
	}
	if h.balText.Text != "SALDO 18012345678" || h.nik.Text != "" {
		t.Errorf("balance %q, nik %q", h.balText.Text, h.nik.Text)
	}
}

func TestLoginView_SMSLinkOpensTheHelper(t *testing.T) {
	test.NewTempApp(t)
	v := NewLoginView()
	opened := false
	v.OnSMS = func() { opened = true }
	test.Tap(v.sms)
	if !opened {
		t.Fatal("OnSMS not called")
	}
}

func TestStatementDialog_WritesTheChosenPeriodFromCachedData(t *testing.T) {
	data := dashOffline(dashDemoMember(t, "budi@contoh.id"))
	d, _ := newTestDashboard(t)
	d.SetData(data)
	s := newStatementDialog(d, data)
	first, last, _ := statement.Range(data.Contributions)
	if s.toYear.Selected != strconv.Itoa(last.Year()) || s.toMonth.SelectedIndex() != int(last.Month())-1 {
		t.Errorf("period does not end at the last month held (%s)", last.Format("2006-01"))
	}
	if len(s.fromYear.Options) != last.Year()-first.Year()+1 {
		t.Errorf("years offered %v", s.fromYear.Options)
	}
	s.fromYear.SetSelected("2025")
	s.fromMonth.SetSelectedIndex(0)
	s.toYear.SetSelected("2025")
	s.toMonth.SetSelectedIndex(11)
	s.format.SetSelected(formatCSV)
	if !s.check() || s.fileName() != "rincian-bpjstk-202501-202512.csv" {
		t.Fatalf("check %v, file %q", s.check(), s.fileName())
	}
	s.now = func() time.Time { return dashFetchedAt }
	var buf bytes.Buffer
	if err := writeStatement(nopCloser{&buf}, s.input(), s.format.Selected); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(data.Contributions[2025].Months) {
		t.Fatalf("%d rows for 2025, want %d", len(rows)-1, len(data.Contributions[2025].Months))
	}
	var total int64
	for _, row := range rows[1:] {
		n, _ := strconv.ParseInt(row[9], 10, 64)
		total += n
	}
	if total != int64(data.Contributions[2025].Totals.Total) {
		t.Errorf("CSV totals %d, year total %d", total, data.Contributions[2025].Totals.Total)
	}

	// A reversed period is refused with a sentence.
	s.toYear.SetSelected(s.fromYear.Options[len(s.fromYear.Options)-1])
	if s.check() || !s.problem.Visible() {
		t.Error("reversed period accepted")
	}
}

// A member without internet never gets past the server check, yet the
// SMS helper is there for them.
func TestLogin_SMSHelperWorksWithTheServerUnreachable(t *testing.T) {
	h := newHarness(t, withProfile(func(d DemoServer) service.Profile {
		p := d.Profile
		p.BaseURL = "https://127.0.0.1:1" // nothing listens there
		return p
	}))
	h.waitFor("the server check", func() bool { return h.c.verifyResult != nil })
	if _, ok := h.c.verifyResult.(error); !ok {
		t.Fatalf("an unreachable server was verified: %v", h.c.verifyResult)
	}
	l := h.c.login
	if !l.sms.Visible() || l.sms.Disabled() {
		t.Fatal("the SMS 2757 link is not offered")
	}
	test.Tap(l.sms)
	top := h.c.win.Canvas().Overlays().Top()
	if top == nil || !screenContainsObj(top, "SALDO") || !screenContainsObj(top, "2757") {
		t.Fatal("the SMS helper did not open")
	}
}
