package audit

import "time"

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
