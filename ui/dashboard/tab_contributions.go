package dashboard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Columns of the contributions table: the month, its total and when it was
// paid first, and the first two stay on screen when the table scrolls
// sideways, so that at the default width (1024 px) the month and its
// total are always in view.
const (
	colPeriod = iota
	colTotal
	colPaid
	colEmployer
	colWage
	colJHT
	colJP
	colJKK
	colJKM
	colJKP
	colCount
)

// contribStickyColumns stay in view when the table scrolls sideways.
const contribStickyColumns = 2

var contribColumnWidths = [colCount]float32{140, 125, 250, 250, 150, 115, 110, 95, 95, 95}

// isMoney reports whether col holds rupiah (aligned right).
func isMoney(col int) bool { return col == colTotal || (col >= colWage && col <= colJKP) }

// contributionsTab is Iuran: one year of monthly contributions with a
// totals row, the year picked with a Select.
type contributionsTab struct {
	OnExport func() // "Unduh rincian"

	data         memberdata.Data
	year         member.Contributions
	rows         []contribRow // the year's months, a month without a contribution too
	years        []int
	yearSelect   *widget.Select
	exportButton *widget.Button
	yearKey      *widget.Label
	summary      *widget.Label
	table        *widget.Table
	empty        *widget.Label
	chart        *barChart

	content fyne.CanvasObject
}

func newContributionsTab() *contributionsTab {
	c := &contributionsTab{}
	c.yearKey = widget.NewLabel("")
	c.yearSelect = widget.NewSelect(nil, c.showYear)
	c.summary = widget.NewLabel("")
	c.empty = emptyState()
	c.empty.Hide()

	c.table = widget.NewTableWithHeaders(
		func() (int, int) {
			if len(c.rows) == 0 {
				return 0, colCount
			}
			return len(c.rows) + 1, colCount
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == len(c.rows)
			l.Alignment = fyne.TextAlignLeading
			if isMoney(id.Col) {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.Importance = c.cellImportance(id.Row, id.Col)
			l.SetText(c.cellText(id.Row, id.Col))
		})
	c.table.ShowHeaderColumn = false
	c.table.StickyColumnCount = contribStickyColumns
	c.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	c.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Alignment = fyne.TextAlignLeading
		if isMoney(id.Col) {
			l.Alignment = fyne.TextAlignTrailing
		}
		l.SetText(columnTitle(id.Col))
	}
	for i, w := range contribColumnWidths {
		c.table.SetColumnWidth(i, w)
	}
	c.chart = newBarChart()
	c.exportButton = widget.NewButtonWithIcon("", theme.DownloadIcon(), func() {
		if c.OnExport != nil {
			c.OnExport()
		}
	})
	top := container.NewBorder(nil, nil, container.NewHBox(c.yearKey, c.yearSelect, c.summary), c.exportButton)
	// The chart scrolls inside its part of the split: on a short window (1366×768
	// at 150 % and more) the split would otherwise need more than the window.
	split := container.NewVSplit(container.NewVScroll(container.NewPadded(c.chart)), container.NewStack(c.table, container.NewCenter(c.empty)))
	split.Offset = 0.4
	c.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
	return c
}

func columnTitle(col int) string {
	switch col {
	case colPeriod:
		return lang.L("dashboard.col.period")
	case colEmployer:
		return lang.L("dashboard.col.employer")
	case colWage:
		return lang.L("dashboard.col.wage")
	case colJHT:
		return "JHT"
	case colJP:
		return "JP"
	case colJKK:
		return "JKK"
	case colJKM:
		return "JKM"
	case colJKP:
		return "JKP"
	case colTotal:
		return lang.L("dashboard.col.total")
	case colPaid:
		return lang.L("dashboard.col.paid")
	}
	return ""
}

// cellText is the text of one cell; the row after the last month holds
// the year's totals.
func (c *contributionsTab) cellText(row, col int) string {
	if row == len(c.rows) {
		t := c.year.Totals
		switch col {
		case colPeriod:
			return lang.L("dashboard.col.totalRow")
		case colWage:
			return i18n.FormatRupiah(t.ReportedWage)
		case colJHT:
			return i18n.FormatRupiah(t.JHT)
		case colJP:
			return i18n.FormatRupiah(t.JP)
		case colJKK:
			return i18n.FormatRupiah(t.JKK)
		case colJKM:
			return i18n.FormatRupiah(t.JKM)
		case colJKP:
			return i18n.FormatRupiah(t.JKP)
		case colTotal:
			return i18n.FormatRupiah(t.Total)
		}
		return ""
	}
	if row < 0 || row > len(c.rows) {
		return ""
	}
	r := c.rows[row]
	if col == colPeriod {
		return i18n.FormatMonth(r.Month)
	}
	m := r.C
	if m == nil {
		if col == colPaid {
			return lang.L("dashboard.contrib.missingRow")
		}
		return "–"
	}
	switch col {
	case colEmployer:
		return m.EmployerName
	case colWage:
		return i18n.FormatRupiah(m.ReportedWage)
	case colJHT:
		return i18n.FormatRupiah(m.JHT)
	case colJP:
		return i18n.FormatRupiah(m.JP)
	case colJKK:
		return i18n.FormatRupiah(m.JKK)
	case colJKM:
		return i18n.FormatRupiah(m.JKM)
	case colJKP:
		return i18n.FormatRupiah(m.JKP)
	case colTotal:
		return i18n.FormatRupiah(m.Total)
	case colPaid:
		if r.DaysLate > 0 {
			return lang.L("dashboard.contrib.paidLate", map[string]any{"Date": i18n.FormatDate(m.PaidDate), "Days": r.DaysLate})
		}
		return i18n.FormatDate(m.PaidDate)
	}
	return ""
}

// cellImportance colours a month without a contribution as an error and
// a late payment's date as a warning.
func (c *contributionsTab) cellImportance(row, col int) widget.Importance {
	if row < 0 || row >= len(c.rows) {
		return widget.MediumImportance
	}
	switch r := c.rows[row]; {
	case r.C == nil && (col == colPeriod || col == colPaid):
		return widget.DangerImportance
	case r.DaysLate > 0 && col == colPaid:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func (c *contributionsTab) setData(data memberdata.Data) {
	c.data = data
	c.yearKey.SetText(lang.L("dashboard.contrib.year"))
	c.exportButton.SetText(lang.L("statement.button"))
	c.chart.Series = contribSeries()
	c.chart.Empty = lang.L("chart.none")
	c.years = data.Years()
	opts := make([]string, len(c.years))
	for i, y := range c.years {
		opts[i] = strconv.Itoa(y)
	}
	c.yearSelect.PlaceHolder = lang.L("dashboard.contrib.pickYear")
	c.yearSelect.SetOptions(opts)
	c.empty.SetText(lang.L("dashboard.contrib.none"))
	if len(opts) == 0 {
		c.yearSelect.ClearSelected()
		c.showYear("")
		return
	}
	// Keep the chosen year across a refresh when it is still there.
	if sel := c.yearSelect.Selected; sel != "" && c.hasYear(sel) {
		c.showYear(sel)
		return
	}
	c.yearSelect.SetSelected(opts[0])
}

func (c *contributionsTab) hasYear(s string) bool {
	for _, y := range c.years {
		if strconv.Itoa(y) == s {
			return true
		}
	}
	return false
}

func (c *contributionsTab) showYear(s string) {
	y, err := strconv.Atoi(s)
	contrib, ok := c.data.Contributions[y]
	if err != nil || !ok {
		c.year, c.rows = member.Contributions{}, nil
		c.summary.SetText("")
		c.empty.Show()
		c.chart.SetData(nil, nil)
		c.table.Refresh()
		return
	}
	c.rows = contribRows(c.data, y)
	months, values, missing := contributionsByMonth(c.rows)
	labels := make([]string, len(months))
	for i, m := range months {
		labels[i] = shortMonth(m)
	}
	c.chart.Missing = missing
	c.chart.SetData(labels, values)
	c.year = contrib
	c.empty.Hide()
	sum := map[string]any{"Count": len(contrib.Months), "Total": i18n.FormatRupiah(contrib.Totals.Total)}
	text := part.Plural(len(contrib.Months), lang.L("dashboard.contrib.summary.one", sum), lang.L("dashboard.contrib.summary", sum))
	if n := missingCount(c.rows); n > 0 {
		args := map[string]any{"Count": n}
		text += part.Plural(n, lang.L("dashboard.contrib.summary.missing.one", args), lang.L("dashboard.contrib.summary.missing", args))
	}
	c.summary.SetText(text)
	c.table.ScrollToTop()
	c.table.Refresh()
}

func (c *contributionsTab) clear() {
	c.data = memberdata.Data{}
	c.year, c.rows = member.Contributions{}, nil
	c.years = nil
	c.yearSelect.ClearSelected()
	c.yearSelect.SetOptions(nil)
	c.summary.SetText("")
	c.chart.Missing = nil
	c.chart.SetData(nil, nil)
	c.table.Refresh()
}
