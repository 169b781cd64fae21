package audittab

import (
	"cmp"
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// kitNow is the complaint letter's date (tests fix it).
var kitNow = time.Now

// actionKit is the "Paket tindakan" dialog: the findings in plain words, a
// complaint letter in Indonesian or English with the months and amounts
// (copy or save), the statement as evidence, and where to go, in order.
type actionKit struct {
	a        *Tab
	report   audit.Report
	probs    Problems
	cardKPJ  []string // cards with findings, the letter's choices
	card     *widget.Select
	language *widget.RadioGroup
	letter   *widget.Entry
	toast    *dialogs.Toast // what copy and save did, under their buttons
	content  fyne.CanvasObject
}

func newActionKit(a *Tab) *actionKit {
	k := &actionKit{a: a, report: a.report, probs: a.Problems(), toast: dialogs.NewToast().Reserve()}
	wrap := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	head := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}

	found := container.NewVBox()
	for _, l := range k.probs.Lines() {
		found.Add(wrap("• " + l))
	}

	var options []string
	for _, c := range k.report.Cards {
		if k.probs.OnCard(c.KPJ) > 0 {
			k.cardKPJ = append(k.cardKPJ, c.KPJ)
			options = append(options, lang.L("dashboard.card.option", map[string]any{"KPJ": i18n.MaskKPJ(c.KPJ), "Employer": c.Employer}))
		}
	}
	k.card = widget.NewSelect(options, func(string) { k.compose() })
	k.language = widget.NewRadioGroup([]string{"Bahasa Indonesia", "English"}, func(string) { k.compose() })
	k.language.Horizontal = true
	k.language.Required = true
	k.letter = widget.NewMultiLineEntry()
	k.letter.Wrapping = fyne.TextWrapWord
	k.letter.SetMinRowsVisible(8)
	copyButton := widget.NewButtonWithIcon(lang.L("audit.kit.copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(k.letter.Text)
		k.toast.Show(lang.L("audit.kit.copied"), false, "", nil) // in the kit, not behind it
	})
	saveButton := widget.NewButtonWithIcon(lang.L("audit.kit.save"), theme.DocumentSaveIcon(), k.save)
	evidence := widget.NewButtonWithIcon(lang.L("audit.kit.statement"), theme.DownloadIcon(), a.p.ShowStatement)

	steps := container.NewVBox()
	for i, key := range []string{"audit.kit.step.hr", "audit.kit.step.bpjs", "audit.kit.step.disnaker"} {
		steps.Add(wrap(lang.L(key, map[string]any{"N": i + 1})))
	}
	choose := container.NewHBox(k.language)
	if len(options) > 1 {
		choose.Add(k.card)
	}
	// Two columns, so that the whole kit shows at once: what was found,
	// the evidence and where to go on the left; the letter on the right.
	left := container.NewVScroll(container.NewVBox(
		head(lang.L("audit.kit.found")), found,
		widget.NewSeparator(),
		head(lang.L("audit.kit.evidence")), wrap(lang.L("audit.kit.evidenceHint")), container.NewHBox(evidence),
		widget.NewSeparator(),
		head(lang.L("audit.kit.where")), steps,
	))
	right := container.NewBorder(
		container.NewVBox(head(lang.L("audit.kit.letter")), wrap(lang.L("audit.kit.letterHint")), choose),
		container.NewVBox(container.NewHBox(copyButton, saveButton), k.toast.Content()), nil, nil, k.letter)
	k.content = container.NewGridWithColumns(2, left, right)
	if len(options) > 0 {
		k.card.SetSelectedIndex(0)
	}
	if i18n.CurrentLanguage() == "en" {
		k.language.SetSelected("English")
	} else {
		k.language.SetSelected("Bahasa Indonesia")
	}
	return k
}

// letterLang is the chosen letter language.
func (k *actionKit) letterLang() member.Lang {
	if k.language.Selected == "English" {
		return member.EN
	}
	return member.ID
}

// compose writes the letter for the chosen card and language.
func (k *actionKit) compose() {
	if k.letter == nil || k.language.Selected == "" {
		return
	}
	i := max(k.card.SelectedIndex(), 0)
	if i >= len(k.cardKPJ) {
		k.letter.SetText("")
		return
	}
	kpj := k.cardKPJ[i]
	var findings []audit.Finding
	employer := ""
	if kpj == k.probs.GapKPJ {
		employer = k.probs.GapEmp
	}
	for _, f := range k.report.Findings() {
		if f.KPJ == kpj {
			findings = append(findings, f)
			employer = f.Employer
		}
	}
	letter := audit.Letter{Name: k.a.data.Member.FullName, KPJ: kpj, Employer: employer, Date: kitNow()}
	// The payslip comparison belongs with the open card's letter.
	if g := k.probs.Gap; g.MonthsUnder > 0 && kpj == k.probs.GapKPJ {
		letter.Gap = &g
	}
	// What the member's payslips show on this card.
	for _, f := range k.probs.Payslip {
		if f.KPJ == kpj {
			letter.More = append(letter.More, f.LetterItem(k.letterLang()))
			employer = cmp.Or(employer, f.Employer)
		}
	}
	letter.Employer = employer
	k.letter.SetText(audit.Complaint(k.letterLang(), letter, findings))
}

// fileName is e.g. "pengaduan-iuran-9012.txt" or "complaint-9012.txt".
func (k *actionKit) fileName() string {
	kpj := ""
	if i := k.card.SelectedIndex(); i >= 0 && i < len(k.cardKPJ) {
		kpj = k.cardKPJ[i]
	}
	if len(kpj) > 4 {
		kpj = kpj[len(kpj)-4:]
	}
	if k.letterLang() == member.EN {
		return "complaint-" + kpj + ".txt"
	}
	return "pengaduan-iuran-" + kpj + ".txt"
}

func (k *actionKit) save() {
	text, name := k.letter.Text, k.fileName()
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		saved := w.URI()
		async.Do(async.Runner{}, part.SaveTimeout, func(context.Context) error {
			return writeText(w, text)
		}, func(err error) {
			if !k.a.hasData {
				return
			}
			if err != nil {
				fyne.LogError("complaint not written", err)
				k.toast.Show(lang.L("audit.kit.saveFailed"), true, "", nil)
				return
			}
			k.toast.ShowSaved(saved, func(name, folder string) string {
				return lang.L("audit.kit.saved", map[string]any{"Name": name, "Folder": folder})
			})
		})
	}, k.a.p.Win)
	fd.SetFileName(name)
	dialogs.Show(fd, k.a.p.Win)
}

// writeText writes text to w and closes it.
func writeText(w io.WriteCloser, text string) error { return writeBytes(w, []byte(text)) }

// ShowKit opens the action kit over the report and the data shown (both
// set: the dashboard's ShowActionKit makes sure).
func (a *Tab) ShowKit() {
	k := newActionKit(a)
	dlg := dialog.NewCustom(lang.L("audit.kit.title"), lang.L("audit.kit.close"), k.content, a.p.Win)
	dlg.Resize(fyne.NewSize(980, 640))
	a.kit = k
	dialogs.Show(dlg, a.p.Win)
}
