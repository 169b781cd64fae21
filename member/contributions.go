package member

import "time"

// Contributions is one year of monthly contributions.
type Contributions struct {
	Year           int                 `json:"year"`
	AvailableYears []int               `json:"available_years"`
	Months         []MonthContribution `json:"months"`
	Totals         ContributionTotals  `json:"totals"`
}

// MonthContribution is one month's contribution for one KPJ.
type MonthContribution struct {
	Period       time.Time `json:"period"` // first of the month
	KPJ          string    `json:"kpj"`
	EmployerName string    `json:"employer_name"`
	ReportedWage Rupiah    `json:"reported_wage"`
	JHTEmployer  Rupiah    `json:"jht_employer"`
	JHTWorker    Rupiah    `json:"jht_worker"`
	JHT          Rupiah    `json:"jht"`
	JPEmployer   Rupiah    `json:"jp_employer"`
	JPWorker     Rupiah    `json:"jp_worker"`
	JP           Rupiah    `json:"jp"`
	JKK          Rupiah    `json:"jkk"`
	JKM          Rupiah    `json:"jkm"`
	JKP          Rupiah    `json:"jkp"`
	Total        Rupiah    `json:"total"`
	PaidDate     time.Time `json:"paid_date"`
	// PostedDate is when BPJSTK booked the deposit (a statement's "Tgl
	// Posting", up to a month after PaidDate); BackPay a statement's
	// "Rapel"; Source where a figure read from a document came from.
	PostedDate time.Time `json:"posted_date,omitzero"`
	BackPay    Rupiah    `json:"back_pay,omitempty"`
	Source     *Source   `json:"source,omitempty"`
	// OnlyJHTJP says the month was read from a document that shows JHT
	// and JP only (a statement printout, JMO's list): its JKK, JKM and JKP
	// are not known, not zero.
	OnlyJHTJP bool `json:"only_jht_jp,omitempty"`
}

// ContributionTotals sums a year.
type ContributionTotals struct {
	ReportedWage Rupiah `json:"reported_wage"`
	JHT          Rupiah `json:"jht"`
	JP           Rupiah `json:"jp"`
	JKK          Rupiah `json:"jkk"`
	JKM          Rupiah `json:"jkm"`
	JKP          Rupiah `json:"jkp"`
	Total        Rupiah `json:"total"`
}
