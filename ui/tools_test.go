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

func screenContainsObj(o fyne.CanvasObject, text string) bool {
	return strings.Contains(strings.Join(visibleTexts(o), " "), text)
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
