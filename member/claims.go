package member

import "time"

// Claim is a benefit claim.
type Claim struct {
	ID        string       `json:"id"`
	KPJ       string       `json:"kpj"`
	Program   string       `json:"program"`
	Type      string       `json:"type"`
	Submitted time.Time    `json:"submitted"`
	Amount    Rupiah       `json:"amount"`
	Status    string       `json:"status"` // diajukan | diproses | selesai | ditolak
	Timeline  []ClaimEvent `json:"timeline"`
}

// ClaimEvent is one step of a claim.
type ClaimEvent struct {
	Status string    `json:"status"`
	At     time.Time `json:"at"`
	Note   string    `json:"note"`
}
