package rightstab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"

	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The answers open Hak saya: one line per question a member comes with,
// each from the same rules' results as the sections below it, and a button
// that scrolls to the section with the detail and its citations. The
// sections themselves are unchanged.

// answer is one question, its one-line answer and the section that
// explains it (found by its card's title).
type answer struct {
	question, text, section string
}

// setAnswers rebuilds the answers from the last results; the sections must
// be in r.body already.
func (r *Tab) setAnswers() {
	r.answerRows = r.answerRows[:0]
	list := []answer{
		{lang.L("rights.answers.q.jht"), r.jhtAnswer(), lang.L("rights.jht.title")},
		{lang.L("rights.answers.q.jp"), r.pensionAnswer(), lang.L("rights.jp.title")},
		{lang.L("rights.answers.q.jkp"), r.jkpAnswer(), lang.L("rights.jkp.title")},
		{lang.L("rights.answers.q.merge"), r.mergeAnswer(), lang.L("rights.merge.title")},
	}
	rows := container.NewVBox()
	for _, a := range list {
		target := r.section(a.section)
		more := widget.NewButtonWithIcon(lang.L("rights.answers.more"), theme.NavigateNextIcon(), func() { r.scrollTo(target) })
		more.Importance = widget.LowImportance
		more.IconPlacement = widget.ButtonIconTrailingText
		q := widget.NewLabelWithStyle(a.question, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		q.Wrapping = fyne.TextWrapWord
		row := container.NewBorder(nil, nil, nil, container.NewVBox(more), container.NewVBox(q, para(a.text)))
		rows.Add(row)
		r.answerRows = append(r.answerRows, answerRow{question: q, more: more, target: target})
	}
	r.answers.Objects = []fyne.CanvasObject{widget.NewCard(lang.L("rights.answers.title"), "", rows)}
	r.answers.Refresh()
}

// answerRow keeps an answer's widgets, for tests.
type answerRow struct {
	question *widget.Label
	more     *widget.Button
	target   fyne.CanvasObject
}

// section is the detail card titled title.
func (r *Tab) section(title string) fyne.CanvasObject {
	for _, o := range r.body.Objects {
		if c, ok := o.(*widget.Card); ok && c.Title == title {
			return c
		}
	}
	return nil
}

// scrollTo brings o to the top of the tab.
func (r *Tab) scrollTo(o fyne.CanvasObject) {
	scroll, ok := r.content.(*container.Scroll)
	if o == nil || !ok {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(scroll.Content).Y
	scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// where is where a card's claim goes: JMO up to its limit, else Lapak Asik
// or a branch office (claimrules.CiteChannel, shown in the JHT section).
func where(c claimrules.Card) string {
	if len(c.Channels) > 0 && c.Channels[0] == claimrules.JMO {
		return lang.L("rights.answers.where.jmo")
	}
	return lang.L("rights.answers.where.office")
}

// statePriority orders what a member most needs to hear about a card: a
// claim under way, then one ready, then a wait, then the rest.
func statePriority(s claimrules.State) int {
	switch s {
	case claimrules.InProcess:
		return 5
	case claimrules.Ready:
		return 4
	case claimrules.Waiting:
		return 3
	case claimrules.Paid:
		return 1
	}
	return 2
}

func (r *Tab) jhtAnswer() string {
	var best *claimrules.Card
	var check claimrules.Check
	for i := range r.assessment.Cards {
		c := &r.assessment.Cards[i]
		for _, ch := range c.Checks {
			if best == nil || statePriority(ch.State) > statePriority(check.State) {
				best, check = c, ch
			}
		}
	}
	if best == nil {
		return lang.L("rights.answers.jht.none")
	}
	args := map[string]any{"KPJ": r.kpj(best.KPJ), "Balance": rupiah(best.Balance), "Where": where(*best),
		"Reason": reasonText(check.Reason), "Date": i18n.FormatDate(check.From), "Age": i18n.FormatDate(r.assessment.Turns56)}
	if check.Claim != nil {
		args["ID"], args["Status"] = check.Claim.ID, part.ClaimStatus(check.Claim.Status)
	}
	var text string
	switch check.State {
	case claimrules.InProcess:
		text = lang.L("rights.answers.jht.inProcess", args)
	case claimrules.Paid:
		text = lang.L("rights.answers.jht.paid", args)
	case claimrules.Ready:
		text = lang.L("rights.answers.jht.ready", args)
	case claimrules.Waiting:
		text = lang.L("rights.answers.jht.waiting", args)
	default:
		text = lang.L("rights.answers.jht.notYet", args)
	}
	if p := r.assessment.Partial; p.Used == nil && p.State == claimrules.Ready && check.State != claimrules.Ready {
		text += " " + lang.L("rights.answers.jht.partial", map[string]any{"P10": rupiah(p.Amount10), "P30": rupiah(p.Amount30)})
	}
	return text
}

func (r *Tab) pensionAnswer() string {
	e := r.pension
	args := map[string]any{"Months": e.Months, "Age": e.PensionAge, "Date": i18n.FormatDate(e.PensionDate)}
	switch {
	case e.Months == 0:
		return lang.L("rights.answers.jp.none")
	case e.Contributing && e.AtPension > 0:
		args["Amount"] = rupiah(e.AtPensionClamped)
		return lang.L("rights.answers.jp.ifGoesOn", args)
	case e.Now > 0:
		args["Amount"] = rupiah(e.NowClamped)
		return lang.L("rights.answers.jp.monthly", args)
	}
	return lang.L("rights.answers.jp.lumpSum", args)
}

func (r *Tab) jkpAnswer() string {
	j := r.jkp
	args := map[string]any{"Monthly": rupiah(j.Monthly), "Total": rupiah(j.Total), "Date": i18n.FormatDate(j.ClaimBy)}
	switch {
	case !j.Hypothetical && j.WindowPassed:
		return lang.L("rights.answers.jkp.passed", args)
	case j.Coverage == jkp.NotBPU || j.Coverage == jkp.NotPMI:
		return lang.L("rights.answers.jkp.notCovered")
	case j.Coverage == jkp.NotTooOld:
		return lang.L("rights.answers.jkp.tooOld", map[string]any{"Limit": jkp.AgeLimit})
	case !j.Hypothetical && j.Eligible:
		// A lay-off that happened (Eko's, before he became self-employed).
		args["PHK"] = i18n.FormatDate(j.PHKDate)
		return lang.L("rights.answers.jkp.pastYes", args)
	case j.Eligible:
		return lang.L("rights.answers.jkp.yes", args)
	case !j.MeetsMonths || !j.MeetsConsecutive:
		return lang.L("rights.answers.jkp.noMonths", map[string]any{"Paid": j.PaidIn24, "Row": j.Consecutive})
	}
	return lang.L("rights.answers.jkp.noPrograms")
}

func (r *Tab) mergeAnswer() string {
	m := r.assessment.Merge
	if !m.Needed {
		return lang.L("rights.answers.merge.no")
	}
	return lang.L("rights.answers.merge.yes", map[string]any{"Count": len(m.Cards), "Total": rupiah(m.Total), "KPJ": r.kpj(m.Keep)})
}
