// Package rightstab is the dashboard's "Hak saya" tab: what the member's
// own data says about claiming the JHT balance (per card and reason, and
// the partial withdrawal), the JP pension, JKP after a lay-off, and merging
// several cards. The rules are in rules/claims, rules/pension and
// rules/jkp; the tab only presents them, each with its citation. Package
// dashboard builds it (its tab table) and shows it.
package rightstab

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
	"github.com/cekbpjstk/cekbpjstk/rules/pension"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// Tab is Hak saya. Use it on the UI goroutine.
type Tab struct {
	kpj func(string) string // a KPJ as the header shows it (masked unless revealed)

	intro      *widget.Label
	answers    *fyne.Container // the short answers, first (answers.go)
	answerRows []answerRow
	body       *fyne.Container
	content    fyne.CanvasObject

	// The last results, for tests.
	assessment claimrules.Assessment
	pension    pension.Estimate
	jkp        jkp.Result
}

// New builds an empty Hak saya; kpj writes a card's number as the
// dashboard shows it at the time (masked unless the member revealed it).
func New(kpj func(string) string) *Tab {
	r := &Tab{kpj: kpj}
	r.intro = widget.NewLabel("")
	r.intro.Wrapping = fyne.TextWrapWord
	r.body = container.NewVBox()
	r.answers = container.NewVBox()
	r.content = container.NewVScroll(container.NewPadded(container.NewVBox(r.answers, r.intro, r.body)))
	return r
}

// allMonths is every fetched year's months, oldest first.
func allMonths(data memberdata.Data) []member.MonthContribution {
	var out []member.MonthContribution
	years := data.Years()
	for i := len(years) - 1; i >= 0; i-- {
		out = append(out, data.Contributions[years[i]].Months...)
	}
	return out
}

// Content is the tab's root object.
func (r *Tab) Content() fyne.CanvasObject { return r.content }

// SetData shows what data says of the member's rights, as of part.Clock.
func (r *Tab) SetData(data memberdata.Data) {
	kpj := r.kpj
	r.intro.SetText(lang.L("rights.intro"))
	today := part.Clock()
	r.assessment = claimrules.Assess(claimrules.Input{Member: data.Member, Balance: data.Balance, Claims: data.Claims, Today: today})
	months := allMonths(data)
	r.pension = pension.EstimateFor(pension.Input{Segment: data.Member.Segment, BirthDate: data.Member.BirthDate, Months: months, Today: today})
	r.jkp = jkp.Assess(jkp.Input{Member: data.Member, Months: months, Today: today})

	r.body.Objects = []fyne.CanvasObject{
		r.jhtSection(kpj, today),
		r.partialSection(today),
		r.pensionSection(),
		r.jkpSection(),
		r.mergeSection(kpj),
	}
	r.body.Refresh()
	r.setAnswers()
}

// Clear drops the member's data (lock, logout).
func (r *Tab) Clear() {
	r.assessment, r.pension, r.jkp = claimrules.Assessment{}, pension.Estimate{}, jkp.Result{}
	r.body.Objects = nil
	r.body.Refresh()
	r.answers.Objects, r.answerRows = nil, nil
	r.answers.Refresh()
}

// para is a wrapping paragraph.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// warn is a paragraph on a warning tint.
func warn(text string) fyne.CanvasObject {
	return container.NewStack(widgets.NewTint(theme.ColorNameWarning, 0x30), container.NewPadded(para(text)))
}

// cite is a rule's source line; a secondary source says so.
func cite(text string, secondary bool) *widget.Label {
	key := "rights.cite"
	if secondary {
		key = "rights.citeSecondary"
	}
	// At the body's size and in the member's language ("Article" for
	// "Pasal" in English): it was caption-sized grey italics in Indonesian.
	lng := member.ID
	if i18n.CurrentLanguage() == "en" {
		lng = member.EN
	}
	l := widget.NewLabel(lang.L(key, map[string]any{"Source": audit.Cite(lng, text)}))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func claimCite(c claimrules.Citation) *widget.Label { return cite(c.Text, c.Secondary) }

func rupiah(v int64) string { return i18n.FormatRupiah(member.Rupiah(v)) }

// --- JHT per card and reason ---

func (r *Tab) jhtSection(kpj func(string) string, today time.Time) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range r.assessment.Cards {
		box.Add(r.cardBlock(c, kpj, today))
		box.Add(widget.NewSeparator())
	}
	if len(r.assessment.Cards) == 0 {
		box.Add(para(lang.L("rights.jht.noCards")))
	}
	box.Add(claimCite(claimrules.CiteGrounds))
	return widget.NewCard(lang.L("rights.jht.title"), "", box)
}

func (r *Tab) cardBlock(c claimrules.Card, kpj func(string) string, today time.Time) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("rights.jht.card", map[string]any{"KPJ": kpj(c.KPJ), "Employer": c.Employer}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	var status string
	if c.Active {
		status = lang.L("rights.jht.cardActive", map[string]any{"Opened": i18n.FormatDate(c.Opened), "Balance": rupiah(c.Balance)})
	} else {
		status = lang.L("rights.jht.cardClosed", map[string]any{"Closed": i18n.FormatDate(c.Closed), "Balance": rupiah(c.Balance)})
	}
	limit := claimrules.JMOLimitOn(today)
	channelKey := "rights.jht.channelOffice"
	if c.Channels[0] == claimrules.JMO {
		channelKey = "rights.jht.channelJMO"
	}
	payoutKey := "rights.jht.payoutSlow"
	switch {
	case c.Payout.Disputed:
		payoutKey = "rights.jht.payoutDisputed"
	case c.Payout.MaxDays == claimrules.PayoutFastDays:
		payoutKey = "rights.jht.payoutFast"
	}
	taxKey := map[claimrules.TaxRule]string{claimrules.TaxLumpSum: "rights.jht.taxLump",
		claimrules.TaxCombined: "rights.jht.taxCombined", claimrules.TaxBrackets: "rights.jht.taxBrackets"}[c.TaxRule]
	taxArgs := map[string]any{"Tax": rupiah(c.Tax)}
	if used := r.assessment.Partial.Used; used != nil {
		taxArgs["End"] = i18n.FormatDate(claimrules.TwoYearWindowEnd(lastEvent(*used)))
	}

	var reasons fyne.CanvasObject
	if ch := c.Checks[0]; ch.State == claimrules.InProcess || ch.State == claimrules.Paid {
		// A claim on the card already: the reasons no longer matter.
		box := container.NewVBox(r.checkDetail(c, ch))
		if l, late := claimrules.IsLate(*ch.Claim, today); late {
			box.Add(warn(lang.L("rights.why.late", map[string]any{"Due": i18n.FormatDate(l.Due.AddDate(0, 0, -1)), "Working": l.Working})))
		}
		reasons = box
	} else {
		acc := widget.NewAccordion()
		for _, ch := range c.Checks {
			acc.Append(widget.NewAccordionItem(
				stateMark(ch.State)+lang.L("rights.reasonLine", map[string]any{"Reason": reasonText(ch.Reason), "State": stateText(ch.State)}),
				r.checkDetail(c, ch)))
		}
		reasons = acc
	}
	return container.NewVBox(head, para(status), reasons,
		para(lang.L(channelKey, map[string]any{"Balance": rupiah(c.Balance), "Limit": rupiah(limit)})),
		claimCite(claimrules.CiteChannel),
		para(lang.L(payoutKey)), claimCite(claimrules.CitePayout),
		para(lang.L(taxKey, taxArgs)), claimCite(claimrules.CiteTax), taxNote())
}

func lastEvent(cl member.Claim) time.Time {
	if n := len(cl.Timeline); n > 0 {
		return cl.Timeline[n-1].At
	}
	return cl.Submitted
}

// checkDetail explains one reason on one card: why, the documents, the rule.
func (r *Tab) checkDetail(c claimrules.Card, ch claimrules.Check) fyne.CanvasObject {
	var why string
	args := map[string]any{"Closed": i18n.FormatDate(c.Closed), "Employer": c.Employer, "Date": i18n.FormatDate(ch.From)}
	switch ch.State {
	case claimrules.Ready:
		why = map[claimrules.Reason]string{claimrules.Resignation: "rights.why.ready.resign",
			claimrules.Layoff: "rights.why.ready.layoff", claimrules.RetirementAge: "rights.why.ageReady"}[ch.Reason]
	case claimrules.Waiting:
		why = "rights.why.waiting"
	case claimrules.Blocked:
		why = map[claimrules.Blocker]string{claimrules.CardActive: "rights.why.cardActive",
			claimrules.WorkingAgain: "rights.why.workingAgain", claimrules.AgeNotReached: "rights.why.age"}[ch.Blockers[0]]
	case claimrules.Depends:
		why = map[claimrules.Reason]string{claimrules.Disability: "rights.why.depends.disability",
			claimrules.LeavingIndonesia: "rights.why.depends.leaving", claimrules.Death: "rights.why.depends.death"}[ch.Reason]
	case claimrules.InProcess, claimrules.Paid:
		why = "rights.why.inProcess"
		if ch.State == claimrules.Paid {
			why = "rights.why.paid"
		}
		args["ID"], args["Status"] = ch.Claim.ID, part.ClaimStatus(ch.Claim.Status)
	}
	box := container.NewVBox(para(lang.L(why, args)))
	if ch.State != claimrules.InProcess && ch.State != claimrules.Paid {
		box.Add(para(lang.L("rights.docs") + "\n" + docList(claimrules.Documents(ch.Reason, c.Balance))))
		box.Add(claimCite(claimrules.CiteDocuments))
	}
	box.Add(claimCite(ch.Reason.Cite()))
	return box
}

func docList(docs []claimrules.Document) string {
	lines := make([]string, len(docs))
	for i, d := range docs {
		lines[i] = "• " + docText(d)
	}
	return strings.Join(lines, "\n")
}

// --- the partial withdrawal ---

func (r *Tab) partialSection(today time.Time) fyne.CanvasObject {
	p := r.assessment.Partial
	box := container.NewVBox()
	switch {
	case p.Used != nil:
		box.Add(para(lang.L("rights.partial.used", map[string]any{"ID": p.Used.ID, "Amount": i18n.FormatRupiah(p.Used.Amount),
			"Status": part.ClaimStatus(p.Used.Status)})))
	case p.State == claimrules.Ready:
		box.Add(para(lang.L("rights.partial.ready", map[string]any{"Years": p.Years, "P10": rupiah(p.Amount10), "P30": rupiah(p.Amount30)})))
	default:
		for _, b := range p.Blockers {
			switch b {
			case claimrules.TooShort:
				box.Add(para(lang.L("rights.partial.tooShort", map[string]any{"Date": i18n.FormatDate(p.From), "Years": p.Years})))
			case claimrules.NotActive:
				box.Add(para(lang.L("rights.partial.notActive")))
			}
		}
	}
	if p.Used == nil {
		channel := "rights.partial.channelOffice"
		if p.Amount10 <= claimrules.JMOLimitOn(today) {
			channel = "rights.partial.channelJMO"
		}
		box.Add(para(lang.L(channel, map[string]any{"Limit": rupiah(claimrules.JMOLimitOn(today))})))
		box.Add(para(lang.L("rights.partial.tax", map[string]any{"T10": rupiah(p.Tax10), "T30": rupiah(p.Tax30),
			"Rest": rupiah(p.Balance - p.Amount10), "End": i18n.FormatDate(p.WindowEnd),
			"RestTax": rupiah(p.RestTax10), "RestLate": rupiah(p.RestLate10)})))
		box.Add(claimCite(claimrules.CiteTax))
		box.Add(container.NewGridWithColumns(2,
			para(lang.L("rights.partial.docs10")+"\n"+docList(p.Documents10)),
			para(lang.L("rights.partial.docs30")+"\n"+docList(p.Documents30))))
		box.Add(para(lang.L("rights.partial.simulation")))
	}
	box.Add(claimCite(claimrules.CitePartial))
	return widget.NewCard(lang.L("rights.partial.title"), "", box)
}

// --- JP ---

func (r *Tab) pensionSection() fyne.CanvasObject {
	e := r.pension
	box := container.NewVBox(pensionNotInJP(e)...)
	box.Add(warn(lang.L("rights.jp.notOnResign")))
	box.Add(cite(pension.CiteNotOnResign.Text, pension.CiteNotOnResign.Secondary))
	if e.Months == 0 {
		box.Add(para(lang.L("rights.jp.none")))
	} else {
		bar := widget.NewProgressBar()
		bar.Max = pension.MinimumMonths
		bar.Value = float64(min(e.Months, pension.MinimumMonths))
		bar.TextFormatter = func() string {
			return lang.L("rights.jp.bar", map[string]any{"Months": e.Months, "Needed": pension.MinimumMonths})
		}
		box.Add(para(lang.L("rights.jp.months", map[string]any{"Months": e.Months})))
		box.Add(bar)
		if e.Remaining > 0 {
			box.Add(para(lang.L("rights.jp.monthsLeft", map[string]any{"Left": e.Remaining})))
		} else {
			box.Add(para(lang.L("rights.jp.monthsReached")))
		}
		if e.Contributing && e.Remaining > 0 && !e.ReachesMinimumOn.IsZero() {
			box.Add(para(lang.L("rights.jp.reachOn", map[string]any{"Month": i18n.FormatMonth(e.ReachesMinimumOn)})))
		}
		box.Add(cite(pension.CiteMinimum.Text, pension.CiteMinimum.Secondary))
	}
	box.Add(para(lang.L("rights.jp.age", map[string]any{"Age": e.PensionAge, "Date": i18n.FormatDate(e.PensionDate)})))
	box.Add(cite(pension.CiteAge.Text, false))
	if e.Months > 0 {
		if e.Now > 0 {
			box.Add(para(lang.L("rights.jp.estimateNow", map[string]any{"Amount": rupiah(e.NowClamped)}) + clampNote(e.Now, e.NowClamped)))
		}
		if e.AtPension > 0 {
			box.Add(para(lang.L("rights.jp.estimateAt", map[string]any{"Months": e.MonthsAtPension, "Amount": rupiah(e.AtPensionClamped)}) +
				clampNote(e.AtPension, e.AtPensionClamped)))
		}
		if e.Now == 0 && (e.AtPension == 0 || !e.Contributing) {
			box.Add(para(lang.L("rights.jp.lumpSum", map[string]any{"Paid": rupiah(e.Paid), "Months": e.Months})))
		} else if e.Remaining > 0 {
			box.Add(para(lang.L("rights.jp.lumpSumIf", map[string]any{"Paid": rupiah(e.Paid)})))
		}
		box.Add(para(lang.L("rights.jp.formula", map[string]any{"Year": e.Bounds.Year, "Avg": rupiah(e.AverageWage)})))
		if e.Contributing {
			box.Add(para(lang.L("rights.jp.future", map[string]any{"Wage": rupiah(e.LastWage)})))
		}
		box.Add(cite(pension.CiteFormula.Text+"; "+pension.CiteCap.Text, false))
		box.Objects = append(box.Objects, pensionBounds(e)...)
	}
	return widget.NewCard(lang.L("rights.jp.title"), "", box)
}

func clampNote(raw, clamped int64) string {
	switch {
	case clamped > raw:
		return " " + lang.L("rights.jp.raised", map[string]any{"Raw": rupiah(raw)})
	case clamped < raw:
		return " " + lang.L("rights.jp.capped", map[string]any{"Raw": rupiah(raw)})
	}
	return ""
}

// --- JKP ---

func (r *Tab) jkpSection() fyne.CanvasObject {
	j := r.jkp
	box := container.NewVBox(jkpCoverage(j)...)
	box.Add(warn(lang.L("rights.jkp.resign")))
	box.Add(cite(jkp.CiteNoResign.Text, false))
	if j.Hypothetical {
		box.Add(para(lang.L("rights.jkp.ifNow", map[string]any{"Month": i18n.FormatMonth(j.PHKMonth.AddDate(0, -1, 0))})))
	} else {
		box.Add(para(lang.L("rights.jkp.past", map[string]any{"Date": i18n.FormatDate(j.PHKDate)})))
	}
	if j.WindowPassed {
		// Said before the conditions and the amount, so that "met" and
		// Rp 18.000.000 are not read as a claim still open.
		box.Add(warn(lang.L("rights.jkp.windowPassed", map[string]any{"Date": i18n.FormatDate(j.ClaimBy), "Months": windowMonths(j)})))
	}
	var progs []string
	for _, p := range j.Programs {
		mark := "✓"
		if !p.Has {
			mark = "✗"
		}
		progs = append(progs, p.Code+" "+mark)
	}
	box.Add(checkLine(j.MeetsMonths, lang.L("rights.jkp.months", map[string]any{"Count": j.PaidIn24})))
	box.Add(checkLine(j.MeetsConsecutive, lang.L("rights.jkp.consecutive", map[string]any{"Count": j.Consecutive})))
	box.Objects = append(box.Objects, jkpArrears(j)...)
	box.Add(checkLine(j.MeetsPrograms, lang.L("rights.jkp.programs", map[string]any{"List": strings.Join(progs, ", ")})))
	if j.Eligible {
		box.Add(para(lang.L("rights.jkp.eligible")))
	} else {
		box.Add(para(lang.L("rights.jkp.notEligible")))
	}
	box.Add(cite(jkp.CiteEligibility.Text+"; "+jkp.CiteStart.Text, false))
	box.Objects = append(box.Objects, jkpBenefit(j)...)
	if !j.WindowPassed {
		box.Add(para(jkpWindow(j)))
	}
	box.Add(cite(jkp.CiteWindow.Text+"; "+jkp.CiteSIAPkerja.Text, false))
	return widget.NewCard(lang.L("rights.jkp.title"), "", box)
}

// checkLine is a condition met (a tick) or not (a cross) and its sentence.
func checkLine(ok bool, text string) fyne.CanvasObject {
	var icon fyne.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	if !ok {
		icon = theme.NewErrorThemedResource(theme.CancelIcon())
	}
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, para(text))
}

// --- several cards ---

func (r *Tab) mergeSection(kpj func(string) string) fyne.CanvasObject {
	m := r.assessment.Merge
	box := container.NewVBox()
	if !m.Needed {
		box.Add(para(lang.L("rights.merge.none")))
		return widget.NewCard(lang.L("rights.merge.title"), "", box)
	}
	box.Add(para(lang.L("rights.merge.intro", map[string]any{"Count": len(m.Cards), "Total": rupiah(m.Total)})))
	for _, c := range m.Cards {
		period := lang.L("rights.merge.since", map[string]any{"From": i18n.FormatDate(c.Opened)})
		if !c.IsActive {
			period = lang.L("rights.merge.period", map[string]any{"From": i18n.FormatDate(c.Opened), "To": i18n.FormatDate(c.Closed)})
		}
		box.Add(para(lang.L("rights.merge.card", map[string]any{"KPJ": kpj(c.KPJ), "Employer": c.Employer, "Period": period,
			"Balance": rupiah(c.Balance)})))
	}
	grid := container.NewGridWithColumns(4,
		boldLabel(lang.L("rights.merge.year")), boldLabel(lang.L("rights.merge.contrib")),
		boldLabel(lang.L("rights.merge.dev")), boldLabel(lang.L("rights.merge.closing")))
	for _, y := range m.History {
		grid.Add(widget.NewLabel(strconv.Itoa(y.Year)))
		grid.Add(widget.NewLabel(rupiah(y.Contributions)))
		grid.Add(widget.NewLabel(rupiah(y.Development)))
		grid.Add(widget.NewLabel(rupiah(y.Closing)))
	}
	box.Add(boldLabel(lang.L("rights.merge.history")))
	box.Add(grid)
	box.Objects = append(box.Objects, mergeTax(m)...)
	box.Add(para(lang.L("rights.merge.keep", map[string]any{"KPJ": kpj(m.Keep)})))
	if m.Active != "" && m.Active != m.Keep {
		box.Add(para(lang.L("rights.merge.keepDiffers", map[string]any{"Active": kpj(m.Active)})))
	}
	box.Add(para(lang.L("rights.merge.steps", map[string]any{"KPJ": kpj(m.Keep)})))
	box.Add(claimCite(claimrules.CiteMerge))
	return widget.NewCard(lang.L("rights.merge.title"), "", box)
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// --- texts ---

func reasonText(r claimrules.Reason) string {
	return lang.L(map[claimrules.Reason]string{
		claimrules.Resignation: "rights.reason.resign", claimrules.Layoff: "rights.reason.layoff",
		claimrules.RetirementAge: "rights.reason.age", claimrules.Disability: "rights.reason.disability",
		claimrules.LeavingIndonesia: "rights.reason.leaving", claimrules.Death: "rights.reason.death",
	}[r])
}

func stateText(s claimrules.State) string {
	return lang.L(map[claimrules.State]string{
		claimrules.Ready: "rights.state.ready", claimrules.Waiting: "rights.state.waiting",
		claimrules.Blocked: "rights.state.blocked", claimrules.Depends: "rights.state.depends",
		claimrules.InProcess: "rights.state.inProcess", claimrules.Paid: "rights.state.paid",
	}[s])
}

// stateMark puts a tick before a reason ready to claim and a cross before
// one blocked, so the list reads at a glance.
func stateMark(s claimrules.State) string {
	switch s {
	case claimrules.Ready:
		return "✓ "
	case claimrules.Blocked:
		return "✗ "
	}
	return ""
}

func docText(d claimrules.Document) string {
	return lang.L(map[claimrules.Document]string{
		claimrules.DocCard: "rights.doc.card", claimrules.DocKTP: "rights.doc.ktp", claimrules.DocKK: "rights.doc.kk",
		claimrules.DocResignLetter: "rights.doc.resignLetter", claimrules.DocPHKProof: "rights.doc.phk",
		claimrules.DocBankBook: "rights.doc.bank", claimrules.DocNPWP: "rights.doc.npwp", claimrules.DocDoctor: "rights.doc.doctor",
		claimrules.DocPassport: "rights.doc.passport", claimrules.DocLeavingStatement: "rights.doc.leaving",
		claimrules.DocDeathCertificate: "rights.doc.death", claimrules.DocHeirStatement: "rights.doc.heir",
		claimrules.DocHeirIdentity: "rights.doc.heirId", claimrules.DocHeirBankBook: "rights.doc.heirBank",
		claimrules.DocStillWorking: "rights.doc.stillWorking", claimrules.DocHousing: "rights.doc.housing",
	}[d])
}
