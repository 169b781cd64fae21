package register

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// DateLayout is how dates are typed and shown in date fields: DD-MM-YYYY,
// the order Indonesian forms use in both languages.
const DateLayout = "02-01-2006"

// DateField is an entry for a calendar date: typed as DD-MM-YYYY (or with
// / or . between the parts, or as eight digits), or picked from a calendar
// that opens on a month and year chosen from lists, so a birth date decades
// back is three clicks away.
//
// Fyne's widget.DateEntry takes its format from the OS locale (MM/DD/YYYY on
// an en-US system), shows English month names and walks one month per click
// from today; none of that suits a birth date on an Indonesian form.
type DateField struct {
	widget.Entry

	// OnDateChanged is called with the parsed date (zero when the text is
	// not a complete, valid date) each time the text changes.
	OnDateChanged func(time.Time)
	// OnFocusLost is called when the entry loses keyboard focus.
	OnFocusLost func()

	// MinYear and MaxYear bound the years offered in the picker.
	MinYear, MaxYear int

	picker *tapIcon // not focusable: Tab goes from the date to the next field
	popUp  *widget.PopUp
	shown  time.Time // first day of the month the picker shows
}

var _ fyne.Widget = (*DateField)(nil)

// NewDateField returns an empty date field offering the years from 1930 to
// the current one.
func NewDateField() *DateField {
	d := &DateField{MinYear: 1930, MaxYear: time.Now().Year()}
	d.ExtendBaseWidget(d)
	d.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	d.Entry.OnChanged = func(string) {
		if d.OnDateChanged != nil {
			d.OnDateChanged(d.Date())
		}
	}
	d.picker = newTapIcon(theme.CalendarIcon(), d.openPicker)
	d.ActionItem = d.picker
	return d
}

// Date is the typed date at UTC midnight, or the zero time.
func (d *DateField) Date() time.Time {
	t, _ := ParseDate(d.Text)
	return t
}

// SetDate shows t (the zero time clears the field).
func (d *DateField) SetDate(t time.Time) {
	if t.IsZero() {
		d.SetText("")
		return
	}
	d.SetText(t.Format(DateLayout))
}

// FocusLost tells OnFocusLost.
func (d *DateField) FocusLost() {
	d.Entry.FocusLost()
	if d.OnFocusLost != nil {
		d.OnFocusLost()
	}
}

// Disable disables the entry and its calendar button.
func (d *DateField) Disable() {
	d.picker.Disable()
	d.Entry.Disable()
}

// Enable enables the entry and its calendar button.
func (d *DateField) Enable() {
	d.picker.Enable()
	d.Entry.Enable()
}

// ParseDate reads DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or DDMMYYYY (one-digit
// day and month allowed with separators) as a date at UTC midnight.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	var parts []string
	if len(s) == 8 && digitsOnly(s) {
		parts = []string{s[:2], s[2:4], s[4:]}
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	}
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return time.Time{}, false
	}
	day, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	year, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || !digitsOnly(parts[0]+parts[1]+parts[2]) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month || year < 1000 {
		return time.Time{}, false
	}
	return t, true
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func (d *DateField) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	start := d.Date()
	if start.IsZero() {
		start = time.Date(d.MaxYear-30, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	d.shown = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	d.popUp = widget.NewPopUp(d.pickerContent(), c)
	d.popUp.ShowAtRelativePosition(fyne.NewPos(0, d.Size().Height), d)
}

// pickerContent is a month list, a year list and the month's days, weeks
// starting on Monday (Senin) as Indonesian calendars print them.
func (d *DateField) pickerContent() fyne.CanvasObject {
	days := container.NewGridWithColumns(7)
	months := make([]string, 12)
	for i := range months {
		months[i] = i18n.MonthName(time.Month(i + 1))
	}
	var years []string
	for y := d.MaxYear; y >= d.MinYear; y-- {
		years = append(years, strconv.Itoa(y))
	}
	monthSel := widget.NewSelect(months, nil)
	yearSel := widget.NewSelect(years, nil)
	fill := func() {
		days.Objects = days.Objects[:0]
		for _, wd := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
			l := widget.NewLabelWithStyle(lang.X(wd+".short", wd[:3]), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
			days.Add(l)
		}
		lead := (int(d.shown.Weekday()) + 6) % 7 // Monday first
		for range lead {
			days.Add(layout.NewSpacer())
		}
		sel := d.Date()
		for t := d.shown; t.Month() == d.shown.Month(); t = t.AddDate(0, 0, 1) {
			day := t
			b := widget.NewButton(strconv.Itoa(t.Day()), func() { d.pick(day) })
			b.Importance = widget.LowImportance
			if day.Equal(sel) {
				b.Importance = widget.HighImportance
			}
			days.Add(b)
		}
		days.Refresh()
	}
	monthSel.SetSelectedIndex(int(d.shown.Month()) - 1)
	yearSel.SetSelected(strconv.Itoa(d.shown.Year()))
	monthSel.OnChanged = func(string) {
		d.shown = time.Date(d.shown.Year(), time.Month(monthSel.SelectedIndex()+1), 1, 0, 0, 0, 0, time.UTC)
		fill()
	}
	yearSel.OnChanged = func(s string) {
		y, _ := strconv.Atoi(s)
		d.shown = time.Date(y, d.shown.Month(), 1, 0, 0, 0, 0, time.UTC)
		fill()
	}
	fill()
	return container.NewBorder(container.NewGridWithColumns(2, monthSel, yearSel), nil, nil, nil, days)
}

func (d *DateField) pick(t time.Time) {
	if d.popUp != nil {
		d.popUp.Hide()
		d.popUp = nil
	}
	d.SetDate(t)
	if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil {
		c.Focus(d)
	}
}
