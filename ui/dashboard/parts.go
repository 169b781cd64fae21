package dashboard

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// field is one "key: value" line of a read-only form.
type field struct {
	key, value *widget.Label
	langKey    string
}

func newField(langKey string) *field {
	return &field{key: widget.NewLabel(""), value: widget.NewLabel(""), langKey: langKey}
}

// wrapFrom is the length from which a value wraps. Shorter ones (dates,
// amounts, numbers) stay on one line: a wrapping label measures its text
// again word by word on every layout, which the dashboard's first frame
// paid for each field.
const wrapFrom = 30

// set shows text as the field's value.
func (f *field) set(text string) {
	if utf8.RuneCountInString(text) >= wrapFrom {
		f.value.Wrapping = fyne.TextWrapWord
	} else {
		f.value.Wrapping = fyne.TextWrapOff
	}
	f.value.SetText(text)
}

func (f *field) translate() { f.key.SetText(lang.L(f.langKey)) }

// fieldGrid lays fields out as a two-column form.
func fieldGrid(fields ...*field) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, f.key, f.value)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// statusText translates a membership or program status.
func statusText(s string) string {
	switch s {
	case "aktif":
		return lang.L("dashboard.status.active")
	case "nonaktif":
		return lang.L("dashboard.status.inactive")
	}
	return s
}

// claimStatusColors picks a badge's colours for a claim status.
func claimStatusColors(s string) (bg, fg fyne.ThemeColorName) {
	switch s {
	case "selesai":
		return theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess
	case "ditolak":
		return theme.ColorNameError, theme.ColorNameForegroundOnError
	case "diproses":
		return theme.ColorNameWarning, theme.ColorNameForegroundOnWarning
	}
	return theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary
}

func segmentText(s string) string {
	switch s {
	case "PU":
		return lang.L("dashboard.segment.PU")
	case "BPU":
		return lang.L("dashboard.segment.BPU")
	case "PMI":
		return lang.L("dashboard.segment.PMI")
	}
	return s
}

// programName names a program in the app's language; the server names
// them in Indonesian.
func programName(code, serverName string) string {
	switch code {
	case "JHT":
		return lang.L("dashboard.program.JHT")
	case "JKK":
		return lang.L("dashboard.program.JKK")
	case "JKM":
		return lang.L("dashboard.program.JKM")
	case "JP":
		return lang.L("dashboard.program.JP")
	case "JKP":
		return lang.L("dashboard.program.JKP")
	}
	return serverName
}

// programList joins program codes: "JHT, JKK, JKM".
func programList(codes []string) string { return strings.Join(codes, ", ") }

// emptyState is a centred sentence for a tab without data. It does not
// wrap: inside a Center layout a wrapping label is as narrow as one word
// and as tall as the whole sentence, which would make the window too tall.
func emptyState() *widget.Label {
	return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
}
