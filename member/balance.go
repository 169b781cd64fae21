package member

import "time"

// Balance is the JHT balance (GET /v1/me/balance).
type Balance struct {
	AsOf     time.Time        `json:"as_of"`
	Total    Rupiah           `json:"total"`
	Accounts []BalanceAccount `json:"accounts"`
}

// BalanceAccount is the balance of one KPJ.
type BalanceAccount struct {
	KPJ          string        `json:"kpj"`
	EmployerName string        `json:"employer_name"`
	Employer     Rupiah        `json:"employer"`
	Worker       Rupiah        `json:"worker"`
	Development  Rupiah        `json:"development"`
	Total        Rupiah        `json:"total"`
	History      []YearBalance `json:"history"`
}

// YearBalance is one year of an account.
type YearBalance struct {
	Year        int    `json:"year"`
	Employer    Rupiah `json:"employer"`
	Worker      Rupiah `json:"worker"`
	Development Rupiah `json:"development"`
	Closing     Rupiah `json:"closing"`
}
