package audittab

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Checks is what the checks found in the data on screen: the audit's
// report and, beside it, rules/payslip's findings from the member's own
// payslips, employment facts and 1721-A1 (a month the audit already lists
// as missing is listed once: payslip.Report.WithoutAudited). Package
// dashboard computes it once per data change, off the UI goroutine.
type Checks struct {
	Audit   audit.Report
	Payslip payslip.Report
}

// PayslipInput is what rules/payslip reads of data.
func PayslipInput(data memberdata.Data) payslip.Input {
	return payslip.Input{Member: data.Member, Contributions: data.Contributions, Payslips: data.Payslips,
		Employments: data.Employment, A1: data.A1, AsOf: AsOf(data)}
}

// RunPayslip runs rules/payslip on in and leaves out what report, the
// audit of the same data, already lists. With a book's coverage (cov not
// nil) only the months its documents speak for are checked
// (read.PayslipCheckCovered). It takes milliseconds but reads every
// month: call it off the UI goroutine.
func RunPayslip(in payslip.Input, report audit.Report, cov map[string][]read.Span) payslip.Report {
	if len(in.Payslips)+len(in.Employments)+len(in.A1) == 0 {
		return payslip.Report{AsOf: in.AsOf} // nothing of the member's own to check
	}
	if cov != nil {
		return read.PayslipCheckCovered(in, cov).WithoutAudited(report)
	}
	return payslip.Run(in).WithoutAudited(report)
}

// RunAudit is run (audit.Run, or the dashboard's counting stand-in) on
// in, or, for a book (cov not nil), the audit of only the months its
// documents speak for: a year whose statement the member has not
// imported is unknown, not unpaid (read.AuditCovered).
func RunAudit(run func(audit.Input) audit.Report, in audit.Input, cov map[string][]read.Span) audit.Report {
	if cov != nil {
		return read.AuditCovered(in, cov)
	}
	return run(in)
}

// Check runs the audit and the payslip checks on data (off the UI
// goroutine).
func Check(data memberdata.Data) Checks {
	r := RunAudit(audit.Run, Input(data), data.Coverage)
	return Checks{Audit: r, Payslip: RunPayslip(PayslipInput(data), r, data.Coverage)}
}

// slipTitle is a payslip finding's title: its kind and months.
func slipTitle(f payslip.Finding) string {
	return lang.L("audit.slip.title", map[string]any{"Kind": f.Kind.Title(auditLang()), "Months": f.MonthList(auditLang())})
}

// slipSummary is the finding's sentence with its card number masked, as
// every card number on screen is (the rule writes it whole).
func slipSummary(f payslip.Finding) string {
	s := f.Summary(auditLang())
	if f.KPJ != "" {
		s = strings.ReplaceAll(s, f.KPJ, i18n.MaskKPJ(f.KPJ))
	}
	return s
}

// slipMonthsShown is how many of a finding's months Temuan lists, one
// line each; the rest are counted.
const slipMonthsShown = 12

// slipLines are a payslip finding's sentence and its months in rupiah,
// one line each, newest last.
func slipLines(f payslip.Finding) []string {
	out := []string{slipSummary(f)}
	for i, m := range f.Months {
		if i == slipMonthsShown {
			out = append(out, lang.L("audit.slip.more", map[string]any{"Count": nMonths(len(f.Months) - i)}))
			break
		}
		out = append(out, slipMonth(f.Kind, m))
	}
	return out
}

// slipMonth is one month of a payslip finding: what the payslip says,
// what reached the card, and the amount, as the kind reads them
// (payslip.Month).
func slipMonth(k payslip.Kind, m payslip.Month) string {
	args := map[string]any{"Month": i18n.FormatMonth(m.Month), "Payslip": rp(m.Payslip), "Card": rp(m.Card),
		"Due": rp(m.Due), "Amount": rp(m.Amount)}
	var s string
	switch k {
	case payslip.KindNotDeposited:
		s = lang.L("audit.slip.month.notDeposited", args)
	case payslip.KindMissing:
		s = lang.L("audit.slip.month.missing", args)
	case payslip.KindWageUnder:
		s = lang.L("audit.slip.month.wageUnder", args)
	case payslip.KindJPAboveCap:
		s = lang.L("audit.slip.month.jpAboveCap", args)
	case payslip.KindEmployerShare:
		s = lang.L("audit.slip.month.employerShare", args)
	case payslip.KindLateDeposit:
		if l := m.Late; l != nil {
			args["Deadline"], args["Paid"], args["Days"] = i18n.FormatDate(l.Deadline), i18n.FormatDate(l.Paid), nDays(l.DaysLate)
			s = lang.L("audit.slip.month.late", args)
		} else {
			s = lang.L("audit.slip.month.other", args)
		}
	case payslip.KindA1Mismatch:
		args["Year"] = fmt.Sprint(m.Month.Year())
		s = lang.L("audit.slip.month.a1", args)
	default: // KindWrongShare and any kind added later
		s = lang.L("audit.slip.month.other", args)
	}
	if m.Source != nil && m.Source.File != "" {
		s += " " + lang.L("audit.slip.source", map[string]any{"File": m.Source.File})
	}
	return s
}

// slipRule is a payslip finding's rule line, its citation marked when
// secondary (payslip.Rule.Citation).
func slipRule(f payslip.Finding) string {
	r := f.Rule()
	return r.Text(auditLang()) + " " + lang.L("audit.rule", map[string]any{"Cite": r.Citation(auditLang())})
}

// slipBox is one payslip finding in Temuan.
func slipBox(f payslip.Finding) fyne.CanvasObject {
	return noteBox(theme.ColorNameWarning, theme.WarningIcon(), slipTitle(f), slipLines(f), slipRule(f))
}

// slipUrgency orders payslip findings for the Ringkasan's lead among the
// audit's (urgency): money deducted and not paid in, or months missing
// while employed, rank with months never paid; the wage under-reported
// with the payslip gap; a late deposit with late payments; the rest last.
func slipUrgency(k payslip.Kind) int {
	switch k {
	case payslip.KindNotDeposited, payslip.KindMissing:
		return 2
	case payslip.KindWageUnder:
		return urgencyGap
	case payslip.KindLateDeposit:
		return 4
	}
	return 5
}

// slipCards are the cards with payslip findings, in the findings' order.
func slipCards(fs []payslip.Finding) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.KPJ) {
			out = append(out, f.KPJ)
		}
	}
	return out
}
