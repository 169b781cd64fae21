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

// Payslip is one month's payslip: what the employer paid and what it
// deducted. The base of the contributions is the basic wage plus fixed
// allowances (Wage); other income (overtime, bonuses, allowances that
// vary) is not part of it. The rules that compare it cite the regulation
// (rules/payslip).
type Payslip struct {
	Period          time.Time `json:"period"`        // first of the month
	Employer        string    `json:"employer"`      // as the payslip writes it
	KPJ             string    `json:"kpj,omitempty"` // when the payslip or the member names the card
	BasicWage       Rupiah    `json:"basic_wage"`    // gaji pokok
	FixedAllowances Rupiah    `json:"fixed_allowances,omitempty"`
	OtherIncome     Rupiah    `json:"other_income,omitempty"`
	// Deductions from the worker's pay. JKK and JKM are the employer's to
	// pay: any amount here is itself a finding.
	DeductJHT    Rupiah `json:"deduct_jht,omitempty"`
	DeductJP     Rupiah `json:"deduct_jp,omitempty"`
	DeductHealth Rupiah `json:"deduct_health,omitempty"` // BPJS Kesehatan
	DeductJKK    Rupiah `json:"deduct_jkk,omitempty"`
	DeductJKM    Rupiah `json:"deduct_jkm,omitempty"`
	DeductTax    Rupiah `json:"deduct_tax,omitempty"` // PPh 21
	Source       Source `json:"source"`
}

// Wage is the payslip's contribution base: basic wage plus fixed
// allowances.
func (p Payslip) Wage() Rupiah { return p.BasicWage + p.FixedAllowances }
