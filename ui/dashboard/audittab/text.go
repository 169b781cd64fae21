package audittab

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The audit's findings in plain words, in the app's language. The rules
// and the arithmetic are package audit's; this file only words them.

// AsOf is when the data was true, the day the audit reads it on: the
// balance date, else the fetch.
func AsOf(data memberdata.Data) time.Time {
	if !data.Balance.AsOf.IsZero() {
		return data.Balance.AsOf
	}
	return data.FetchedAt
}

// Input is what the audit reads of data.
func Input(data memberdata.Data) audit.Input {
	return audit.Input{Member: data.Member, Contributions: data.Contributions, AsOf: AsOf(data)}
}

func auditLang() member.Lang {
	if i18n.CurrentLanguage() == "en" {
		return member.EN
	}
	return member.ID
}

func months(ms []time.Time) string { return audit.FormatMonths(auditLang(), ms) }

func rp(n int64) string { return i18n.FormatRupiah(member.Rupiah(n)) }

// count writes "1 month", "3 months" (the same word in Indonesian).
func count(n int, one, other string) string {
	args := map[string]any{"N": n}
	return part.Plural(n, lang.L(one, args), lang.L(other, args))
}

func nMonths(n int) string { return count(n, "audit.count.month", "audit.count.months") }

func nDays(n int) string { return count(n, "audit.count.day", "audit.count.days") }

func nFindings(n int) string { return count(n, "audit.count.finding", "audit.count.findings") }

func findingTitle(f audit.Finding) string {
	args := map[string]any{"Months": months(f.Months), "Wage": rp(f.Wage)}
	switch f.Kind {
	case audit.KindMissing:
		return lang.L("audit.missing.title", args)
	case audit.KindLagging:
		return lang.L("audit.lagging.title", map[string]any{"Last": i18n.FormatMonth(f.Months[0].AddDate(0, -1, 0))})
	case audit.KindLate:
		return lang.L("audit.late.title", args)
	case audit.KindNoJP:
		return lang.L("audit.noJP.title", args)
	case audit.KindWageFlat:
		args["Count"] = nMonths(monthSpan(f.Months[0], f.Months[1]))
		return lang.L("audit.wageFlat.title", args)
	case audit.KindWageDrop:
		return lang.L("audit.wageDrop.title", map[string]any{"Month": i18n.FormatMonth(f.Months[0])})
	}
	return string(f.Kind)
}

func monthSpan(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
}

func findingBody(f audit.Finding) string {
	args := map[string]any{
		"KPJ": i18n.MaskKPJ(f.KPJ), "Employer": f.Employer, "Months": months(f.Months), "Count": nMonths(len(f.Months)),
		"Amount": rp(f.Amount), "Worker": rp(f.WorkerShare), "Wage": rp(f.Wage), "Prev": rp(f.PrevWage),
	}
	switch f.Kind {
	case audit.KindMissing:
		return lang.L("audit.missing.body", args)
	case audit.KindLagging:
		return lang.L("audit.lagging.body", args)
	case audit.KindLate:
		return lang.L("audit.late.body", args)
	case audit.KindNoJP:
		return lang.L("audit.noJP.body", args)
	case audit.KindWageFlat:
		args["From"], args["To"] = i18n.FormatMonth(f.Months[0]), i18n.FormatMonth(f.Months[1])
		return lang.L("audit.wageFlat.body", args)
	case audit.KindWageDrop:
		args["Month"] = i18n.FormatMonth(f.Months[0])
		return lang.L("audit.wageDrop.body", args)
	}
	return ""
}

// lateLines are a late finding's months, one line each.
func lateLines(f audit.Finding) []string {
	out := make([]string, 0, len(f.Late))
	for _, m := range f.Late {
		s := lang.L("audit.late.line", map[string]any{
			"Month": i18n.FormatMonth(m.Month), "Deadline": i18n.FormatDate(m.Deadline), "Paid": i18n.FormatDate(m.Paid),
			"Days": nDays(m.DaysLate), "Late": nMonths(m.MonthsLate), "Fine": rp(m.Fine),
		})
		if m.MaybeHoliday {
			s += " " + lang.L("audit.late.holiday")
		}
		out = append(out, s)
	}
	return out
}

// ruleText is a finding's rule line: its citation and how firmly it was
// read.
func ruleText(cite string, src audit.Source) string {
	s := lang.L("audit.rule", map[string]any{"Cite": audit.Cite(auditLang(), cite)})
	switch src {
	case audit.SourceSecondary:
		s += " " + lang.L("audit.source.secondary")
	case audit.SourceUnconfirmed:
		s += " " + lang.L("audit.source.unconfirmed")
	}
	return s
}

func reliefTitle(r audit.Relief) string {
	args := map[string]any{"Months": months(r.Months)}
	if r.Kind == audit.ReliefCOVID {
		return lang.L("audit.relief.covid.title", args)
	}
	return lang.L("audit.relief.padatKarya.title", args)
}

func reliefBody(r audit.Relief) string {
	if r.Kind == audit.ReliefCOVID {
		s := lang.L("audit.relief.covid.body")
		if r.Applied {
			s += " " + lang.L("audit.relief.covid.applied")
		}
		if r.JPDeferred {
			s += " " + lang.L("audit.relief.covid.jpDeferred")
		}
		return s
	}
	if r.Extension {
		return lang.L("audit.relief.padatKarya.body") + " " + lang.L("audit.relief.padatKarya.extension",
			map[string]any{"Date": i18n.FormatDate(rates.PadatKaryaSettleBy)})
	}
	return lang.L("audit.relief.padatKarya.body")
}

// selfPaidLine sums up a card whose member pays his own dues (BPU or
// PMI): no employer to hold to the rules, his own months unpaid, and
// whether his protection lapsed.
func selfPaidLine(c audit.CardReport) string {
	args := map[string]any{"KPJ": i18n.MaskKPJ(c.KPJ), "Paid": c.MonthsPaid, "Due": c.MonthsDue, "OnTime": c.OnTime,
		"From": i18n.FormatMonth(c.First), "To": i18n.FormatMonth(c.Last), "Months": months(c.Unpaid), "Lapse": audit.SelfPaidLapseMonths}
	s := lang.L("audit.selfPaid.line", args)
	if len(c.Unpaid) > 0 {
		s += " " + lang.L("audit.selfPaid.unpaid", args)
	}
	if c.Lapsed {
		s += " " + lang.L("audit.selfPaid.lapsed", args)
	}
	return s
}

// CutOffText says which month the audit checks up to and why the next one
// is not counted yet (its deadline, audit.Deadline, has not passed on
// asOf): one cut-off month, said where it decides something.
func CutOffText(asOf time.Time) string {
	last := audit.LastDue(asOf)
	next := last.AddDate(0, 1, 0)
	return lang.L("audit.cutoff", map[string]any{"Last": i18n.FormatMonth(last), "Next": i18n.FormatMonth(next),
		"Deadline": i18n.FormatDate(audit.Deadline(next))})
}
