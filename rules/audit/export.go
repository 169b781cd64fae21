package audit

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// The audit's deadline arithmetic for other rules (rules/payslip), so that
// a late deposit is judged and fined the one way.

// LateFine is what a month's dues paid on paid carry: the months of delay
// the fine counts (every month begun after Deadline counts whole; 0 when
// on time) and the employer's fine on dues (LateFineBP a month, PP
// 49/2020's lower rate in its months), as KindLate computes them.
func LateFine(month, paid time.Time, dues int64) (months int, fine int64) {
	n := monthsLate(Deadline(month), paid)
	return n, dues * fineBP(month) * int64(n) / 10000
}

// LastDue is the newest month whose deadline has passed by asOf: months
// after it are not yet owed.
func LastDue(asOf time.Time) time.Time { return lastDue(asOf) }

// Dues is what a month's fine is counted on: its total of JHT, JP, JKK and
// JKM as the card shows it. Where the month was read from a document that
// shows JHT and JP only (member.MonthContribution.OnlyJHTJP), JKK and JKM
// are taken at the least they can be on its wage (JKK at the lowest risk
// class, 0,24%; JKM 0,30%: rates.Compute), so the fine is the least it can
// be, never more than the employer owes.
func Dues(m member.MonthContribution) int64 {
	if m.OnlyJHTJP {
		due := rates.Compute(m.Period, int64(m.ReportedWage), 1)
		return int64(m.JHT+m.JP) + due.JKK + due.JKM
	}
	if m.Total > 0 {
		return int64(m.Total)
	}
	return int64(m.JHT + m.JP + m.JKK + m.JKM)
}
