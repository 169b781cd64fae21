package audittab

import (
	"slices"
	"sort"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/payslip"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Problems is everything the app finds wrong for the member, in one
// place, so that Ringkasan, Periksa iuran › Temuan and the action kit
// count and list the same things: the audit's findings, the payslip
// comparison's gap (Upah saya), rules/payslip's findings from the member's
// own payslips and the JHT claims past their payout time.
type Problems struct {
	Findings   []audit.Finding   // the audit's, in its order
	Payslip    []payslip.Finding // rules/payslip's, less what the audit lists (Checks)
	Gap        audit.Gap         // Upah saya's comparison; MonthsUnder 0: no gap
	GapKPJ     string            // the open card the gap belongs to
	GapEmp     string
	LateClaims []claimrules.Late
}

// payslipGap compares data's payslip wages (the single figures typed from
// a month on) with the wages reported (Upah saya shows the same
// comparison). A month with a payslip of its own is left out: rules/
// payslip compares that payslip's wage (KindWageUnder), and a month is
// counted once.
func payslipGap(data memberdata.Data) audit.Gap {
	return audit.CompareWage(audit.GapInput{Contributions: withoutPayslipMonths(data), Payslip: audit.NormalizePayslip(data.Payslip),
		BirthDate: data.Member.BirthDate, Today: AsOf(data)})
}

// withoutPayslipMonths is data's contributions less the months the member
// has a payslip of.
func withoutPayslipMonths(data memberdata.Data) map[int]member.Contributions {
	if len(data.Payslips) == 0 || len(data.Payslip) == 0 {
		return data.Contributions
	}
	slip := map[int]bool{}
	for _, p := range data.Payslips {
		slip[member.MonthIndex(p.Period)] = true
	}
	out := make(map[int]member.Contributions, len(data.Contributions))
	for y, c := range data.Contributions {
		c.Months = slices.DeleteFunc(slices.Clone(c.Months), func(m member.MonthContribution) bool { return slip[member.MonthIndex(m.Period)] })
		out[y] = c
	}
	return out
}

// NewProblems gathers what the checks and data show wrong, today.
func NewProblems(ch Checks, data memberdata.Data, today time.Time) Problems {
	report := ch.Audit
	p := Problems{Findings: report.Findings(), Payslip: ch.Payslip.Findings, Gap: payslipGap(data),
		LateClaims: claimrules.LateClaims(data.Claims, today)}
	for _, c := range report.Cards {
		if c.Open {
			p.GapKPJ, p.GapEmp = c.KPJ, c.Employer
			break
		}
	}
	return p
}

// HasGap reports whether the payslip comparison found months reported low.
func (p Problems) HasGap() bool { return p.Gap.MonthsUnder > 0 }

// Count is how many things Periksa iuran found: the audit's findings, the
// payslip findings and the payslip gap, as Temuan and the kit list them.
func (p Problems) Count() int {
	n := len(p.Findings) + len(p.Payslip)
	if p.HasGap() {
		n++
	}
	return n
}

// Arrears reports whether the employer owes months: a month never paid or
// nothing paid since a month already due.
func (p Problems) Arrears() bool {
	for _, f := range p.Findings {
		if f.Kind == audit.KindLagging || f.Kind == audit.KindMissing {
			return true
		}
	}
	return false
}

// urgency orders problems for the lead: the employer stopped paying; a
// claim overdue; months never paid; wages reported low (deducted, not
// deposited); paid late; the rest.
func urgency(f audit.Finding) int {
	switch f.Kind {
	case audit.KindLagging:
		return 0
	case audit.KindMissing:
		return 2
	case audit.KindLate:
		return 4
	}
	return 5
}

const (
	urgencyClaim = 1
	urgencyGap   = 3
)

// Lead is the most urgent problem in plain words, "" when there is none.
func (p Problems) Lead() string {
	best, lead := 99, ""
	consider := func(u int, text string) {
		if u < best {
			best, lead = u, text
		}
	}
	fs := append([]audit.Finding(nil), p.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return urgency(fs[i]) < urgency(fs[j]) })
	if len(fs) > 0 {
		consider(urgency(fs[0]), leadOf(fs[0]))
	}
	for _, f := range p.Payslip {
		consider(slipUrgency(f.Kind), slipSummary(f))
	}
	if len(p.LateClaims) > 0 {
		l := p.LateClaims[0]
		consider(urgencyClaim, lang.L("audit.lead.claim", map[string]any{
			"Date": i18n.FormatDate(l.Due), "Working": l.Working, "Amount": rp(int64(l.Claim.Amount))}))
	}
	if p.HasGap() {
		consider(urgencyGap, lang.L("audit.lead.gap", map[string]any{"Amount": rp(p.Gap.WorkerDeducted),
			"Under": p.Gap.MonthsUnder, "Count": len(p.Gap.Months)}))
	}
	return lead
}

// leadOf words a finding as the Ringkasan's lead.
func leadOf(f audit.Finding) string {
	switch f.Kind {
	case audit.KindLagging:
		return lang.L("audit.lead.lagging", map[string]any{"Month": i18n.FormatMonth(f.Months[0]), "Employer": f.Employer})
	case audit.KindMissing:
		return lang.L("audit.lead.missing", map[string]any{"Months": months(f.Months), "Employer": f.Employer})
	}
	return findingTitle(f)
}

// Lines are the things found, one line each ("what — employer"), as
// Ringkasan and the kit list them; Temuan shows one box for each.
func (p Problems) Lines() []string {
	out := make([]string, 0, p.Count())
	for _, f := range p.Findings {
		out = append(out, findingTitle(f)+" — "+f.Employer)
	}
	for _, f := range p.Payslip {
		out = append(out, slipTitle(f)+" — "+f.Employer)
	}
	if p.HasGap() {
		out = append(out, gapTitle(p.Gap)+" — "+p.GapEmp)
	}
	return out
}

// ClaimLines are the late claims, one line each.
func (p Problems) ClaimLines() []string {
	out := make([]string, 0, len(p.LateClaims))
	for _, l := range p.LateClaims {
		out = append(out, lang.L("audit.lead.claimLine", map[string]any{"ID": l.Claim.ID, "Date": i18n.FormatDate(l.Due),
			"Working": l.Working}))
	}
	return out
}

func gapTitle(g audit.Gap) string {
	return lang.L("audit.gap.title", map[string]any{"Under": g.MonthsUnder, "Count": len(g.Months)})
}

func gapBody(g audit.Gap) string {
	return lang.L("audit.gap.body", map[string]any{"Deducted": rp(g.WorkerDeducted), "JHT": rp(g.JHT), "JP": rp(g.JP),
		"Months": nMonths(g.MonthsUnder)})
}

// OnCard is how many things were found on card kpj: the audit's findings
// there, the payslip findings and the gap when it is that card's.
func (p Problems) OnCard(kpj string) int {
	n := 0
	for _, f := range p.Findings {
		if f.KPJ == kpj {
			n++
		}
	}
	for _, f := range p.Payslip {
		if f.KPJ == kpj {
			n++
		}
	}
	if p.HasGap() && p.GapKPJ == kpj {
		n++
	}
	return n
}
