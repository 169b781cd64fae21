package payslip

import (
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// WithoutAudited drops from KindMissing the months the audit of the same
// data (audit.Run) already lists as missing or lagging on the same card,
// so that a screen or the command line showing both reports lists a month
// once; a finding left with no month is dropped. The other kinds say what
// the audit cannot (a deduction, a payslip's wage, an A1) and stay whole.
func (r Report) WithoutAudited(a audit.Report) Report {
	listed := map[string]map[int]bool{}
	for _, f := range a.Findings() {
		if f.Kind != audit.KindMissing && f.Kind != audit.KindLagging {
			continue
		}
		if listed[f.KPJ] == nil {
			listed[f.KPJ] = map[int]bool{}
		}
		for _, m := range f.Months {
			listed[f.KPJ][member.MonthIndex(m)] = true
		}
	}
	out := r
	out.Findings = nil
	for _, f := range r.Findings {
		if f.Kind == KindMissing {
			var kept []Month
			f.Amount = 0
			for _, m := range f.Months {
				if !listed[f.KPJ][member.MonthIndex(m.Month)] {
					kept = append(kept, m)
					f.Amount += m.Amount
				}
			}
			if f.Months = kept; len(kept) == 0 {
				continue
			}
		}
		out.Findings = append(out.Findings, f)
	}
	return out
}
