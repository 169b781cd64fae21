package dashboard

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/rules/statement"
)

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
	s.format.SetSelected(StatementCSV)
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

// ExportStatement writes what the dialog's Save would for its default
// period, in either format, under the name the dialog suggests.
func TestDashboard_ExportStatementWritesTheDefaultPeriod(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	create := func(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }
	if err := d.ExportStatement(StatementPDF, create); err == nil {
		t.Fatal("a statement exported without data")
	}
	d.SetData(data)
	_, last, _ := statement.Range(data.Contributions)
	from := last.AddDate(0, -11, 0)
	for format, ext := range map[string]string{StatementPDF: ".pdf", StatementCSV: ".csv"} {
		var buf bytes.Buffer
		w := &closeCount{Writer: &buf}
		var name string
		err := d.ExportStatement(format, func(n string) (io.WriteCloser, error) { name = n; return w, nil })
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if want := "rincian-bpjstk-" + from.Format("200601") + "-" + last.Format("200601") + ext; name != want {
			t.Errorf("%s: file %q, want %q", format, name, want)
		}
		if w.closed != 1 {
			t.Errorf("%s: writer closed %d times", format, w.closed)
		}
		if format == StatementPDF && !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
			t.Errorf("the PDF starts %q", buf.Bytes()[:min(8, buf.Len())])
		}
		if format == StatementCSV && !strings.Contains(buf.String(), last.Format("2006")) {
			t.Errorf("the CSV lacks the last year held:\n%s", buf.String())
		}
	}
	if err := d.ExportStatement("XLS", create); err == nil {
		t.Error("an unknown format accepted")
	}
	refused := errors.New("no room")
	if err := d.ExportStatement(StatementCSV, func(string) (io.WriteCloser, error) { return nil, refused }); !errors.Is(err, refused) {
		t.Errorf("a file that could not be created: %v", err)
	}
}

type closeCount struct {
	io.Writer
	closed int
}

func (c *closeCount) Close() error { c.closed++; return nil }
