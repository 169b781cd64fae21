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
	// AsOf is the date this card's figures were true, when it differs from
	// the whole balance's (a JMO screen or a statement read on its own
	// day); Source where they came from.
	AsOf   time.Time `json:"as_of,omitzero"`
	Source *Source   `json:"source,omitempty"`
}

// YearBalance is one year of an account.
type YearBalance struct {
	Year        int    `json:"year"`
	Employer    Rupiah `json:"employer"`
	Worker      Rupiah `json:"worker"`
	Development Rupiah `json:"development"`
	Closing     Rupiah `json:"closing"`
	// Opening is the balance on 1 January (a statement's "Saldo Awal");
	// zero when not known.
	Opening Rupiah  `json:"opening,omitempty"`
	Source  *Source `json:"source,omitempty"`
}
