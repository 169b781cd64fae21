package member

import "time"

// PayslipWage is the wage on the member's payslip (basic wage plus fixed
// allowances, the base of every contribution) from a month on, until the
// next entry. The member types it in; it is kept only in the encrypted
// offline cache.
type PayslipWage struct {
	From time.Time `json:"from"` // first month
	Wage int64     `json:"wage"` // rupiah a month
}
