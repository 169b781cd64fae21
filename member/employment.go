package member

import "time"

// EndReason is why an employment ended.
type EndReason string

// The reasons the rules tell apart (JKP is for a PHK only; JHT after
// resigning or a contract's end waits a month).
const (
	EndNone        EndReason = ""             // still employed, or not known
	EndResign      EndReason = "resign"       // mengundurkan diri
	EndPHK         EndReason = "phk"          // pemutusan hubungan kerja by the employer
	EndContractEnd EndReason = "contract_end" // PKWT berakhir
)

// Employment is what the member says of one job behind a card: the card,
// the employer, when it started and ended, and why.
type Employment struct {
	KPJ      string    `json:"kpj"`
	Employer string    `json:"employer"`
	NPP      string    `json:"npp,omitempty"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"` // zero while employed
	Reason   EndReason `json:"reason,omitempty"`
	Source   Source    `json:"source"`
}

// A1Deduction is the year's "iuran pensiun atau iuran JHT" on the
// employer's 1721-A1 tax slip: what the worker paid for JHT and JP that
// year, as the employer reported it to the tax office.
type A1Deduction struct {
	Year     int    `json:"year"`
	Employer string `json:"employer"`
	KPJ      string `json:"kpj,omitempty"`
	Amount   Rupiah `json:"amount"`
	Source   Source `json:"source"`
}
