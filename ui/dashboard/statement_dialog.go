package dashboard

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/rules/statement"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Statement formats the dialog offers.
const (
	StatementPDF = "PDF"
	StatementCSV = "CSV"
)

// statementDialog is "Unduh rincian": a period over the months held and a
// format, then a file to save to. It uses only the data on screen, so it
// works offline; the file is built and written off the UI goroutine.
type statementDialog struct {
	d                                    *Dashboard
	data                                 memberdata.Data
	first, last                          time.Time
	fromYear, fromMonth, toYear, toMonth *widget.Select
	format                               *widget.RadioGroup
	problem                              *widget.Label
	content                              fyne.CanvasObject
	now                                  func() time.Time
}

func newStatementDialog(d *Dashboard, data memberdata.Data) *statementDialog {
	s := &statementDialog{d: d, data: data, now: time.Now}
	first, last, ok := statement.Range(data.Contributions)
	if !ok {
		first, last = data.Balance.AsOf, data.Balance.AsOf
		if first.IsZero() {
			first, last = data.FetchedAt, data.FetchedAt
		}
	}
	s.first, s.last = first, last
	var years []string
	for y := last.Year(); y >= first.Year(); y-- {
		years = append(years, strconv.Itoa(y))
	}
	months := make([]string, 12)
	for m := range months {
		months[m] = i18n.MonthName(time.Month(m + 1))
	}
	s.fromYear = widget.NewSelect(years, func(string) { s.check() })
	s.toYear = widget.NewSelect(years, func(string) { s.check() })
	s.fromMonth = widget.NewSelect(months, func(string) { s.check() })
	s.toMonth = widget.NewSelect(months, func(string) { s.check() })
	// The last twelve months held, or all of them if fewer.
	from := last.AddDate(0, -11, 0)
	if from.Before(first) {
		from = first
	}
	s.fromYear.SetSelected(strconv.Itoa(from.Year()))
	s.fromMonth.SetSelectedIndex(int(from.Month()) - 1)
	s.toYear.SetSelected(strconv.Itoa(last.Year()))
	s.toMonth.SetSelectedIndex(int(last.Month()) - 1)
	s.format = widget.NewRadioGroup([]string{StatementPDF, StatementCSV}, nil)
	s.format.Horizontal = true
	s.format.Required = true
	s.format.SetSelected(StatementPDF)
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()

	hint := widget.NewLabel(lang.L("statement.hint", map[string]any{"When": i18n.FormatDateTime(data.FetchedAt)}))
	hint.Wrapping = fyne.TextWrapWord
	csvHint := widget.NewLabel(lang.L("statement.csvHint"))
	csvHint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("statement.from"), container.NewGridWithColumns(2, s.fromMonth, s.fromYear)),
		widget.NewFormItem(lang.L("statement.to"), container.NewGridWithColumns(2, s.toMonth, s.toYear)),
		widget.NewFormItem(lang.L("statement.format"), s.format),
	)
	s.content = container.NewVBox(hint, form, s.problem, csvHint)
	s.check()
	return s
}

// period is the chosen months; ok is false when a select is empty.
func (s *statementDialog) period() (from, to time.Time, ok bool) {
	fy, err1 := strconv.Atoi(s.fromYear.Selected)
	ty, err2 := strconv.Atoi(s.toYear.Selected)
	fm, tm := s.fromMonth.SelectedIndex(), s.toMonth.SelectedIndex()
	if err1 != nil || err2 != nil || fm < 0 || tm < 0 {
		return from, to, false
	}
	return time.Date(fy, time.Month(fm+1), 1, 0, 0, 0, 0, time.UTC), time.Date(ty, time.Month(tm+1), 1, 0, 0, 0, 0, time.UTC), true
}

// check says whether the period can be exported.
func (s *statementDialog) check() bool {
	if s.problem == nil {
		return false // still building
	}
	from, to, ok := s.period()
	switch {
	case !ok:
		s.problem.SetText(lang.L("statement.pickPeriod"))
	case to.Before(from):
		s.problem.SetText(lang.L("statement.periodReversed"))
	default:
		s.problem.Hide()
		return true
	}
	s.problem.Show()
	return false
}

func (s *statementDialog) input() statement.Input {
	from, to, _ := s.period()
	return statement.Input{
		Member: s.data.Member, Balance: s.data.Balance, Contributions: s.data.Contributions,
		From: from, To: to, GeneratedAt: s.now(), AsOf: s.data.FetchedAt,
	}
}

// fileName is e.g. "rincian-bpjstk-202501-202512.pdf".
func (s *statementDialog) fileName() string {
	from, to, _ := s.period()
	ext := ".pdf"
	if s.format.Selected == StatementCSV {
		ext = ".csv"
	}
	return fmt.Sprintf("rincian-bpjstk-%s-%s%s", from.Format("200601"), to.Format("200601"), ext)
}

// writeStatement builds the statement in format and writes it to w, which
// it closes. It runs off the UI goroutine.
func writeStatement(w io.WriteCloser, in statement.Input, format string) error {
	var b []byte
	var err error
	if format == StatementCSV {
		b, err = statement.CSV(in)
	} else {
		b, err = statement.PDF(in)
	}
	if err != nil {
		_ = w.Close()
		return err
	}
	if _, err := w.Write(b); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}

// ShowStatementDialog opens "Unduh rincian" over the data on screen.
func (d *Dashboard) ShowStatementDialog() {
	if !d.hasData || d.HistoryPending() {
		return
	}
	s := newStatementDialog(d, d.data)
	dlg := dialog.NewCustomConfirm(lang.L("statement.title"), lang.L("statement.save"), lang.L("Cancel"), s.content, func(ok bool) {
		if ok && s.check() {
			s.save()
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(520, 0))
	dialogs.Show(dlg, d.win)
}

func (s *statementDialog) save() {
	in, format, name := s.input(), s.format.Selected, s.fileName()
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		saved := w.URI()
		s.d.saveInBackground(w, func(w io.WriteCloser) error {
			return writeStatement(w, in, format)
		}, func(err error) {
			if !s.d.hasData {
				return // locked or logged out meanwhile: no notice over the login
			}
			if err != nil {
				fyne.LogError("statement not written", err)
				s.d.toast.Show(lang.L("statement.failed"), true, "", nil)
				return
			}
			s.d.toast.ShowSaved(saved, func(name, folder string) string {
				return lang.L("statement.saved", map[string]any{"Name": name, "Folder": folder})
			})
		})
	}, s.d.win)
	fd.SetFileName(name)
	dialogs.Show(fd, s.d.win)
}

// ExportStatement writes the statement the dialog offers first (the last
// twelve months held, from the data on screen) in format, StatementPDF or
// StatementCSV, as the dialog's Save would, without the dialogs: create
// gets the file name the dialog suggests and returns where to write, and
// the writer is closed. Unlike the dialog it blocks; it is for tests and
// tools.
func (d *Dashboard) ExportStatement(format string, create func(name string) (io.WriteCloser, error)) error {
	if !d.hasData {
		return errors.New("dashboard: no member data to export")
	}
	s := newStatementDialog(d, d.data)
	if !slices.Contains(s.format.Options, format) {
		return fmt.Errorf("dashboard: unknown statement format %q", format)
	}
	s.format.SetSelected(format)
	if !s.check() {
		return errors.New("dashboard: the statement's default period cannot be exported")
	}
	w, err := create(s.fileName())
	if err != nil {
		return err
	}
	return writeStatement(w, s.input(), format)
}
