package member

import "time"

// Member is the signed-in member's profile (GET /v1/me).
type Member struct {
	FullName         string    `json:"full_name"`
	NIKMasked        string    `json:"nik_masked"`
	Email            string    `json:"email"`
	PhoneMasked      string    `json:"phone_masked"`
	BirthDate        time.Time `json:"birth_date"`
	Gender           Gender    `json:"gender"`
	Status           string    `json:"status"` // "aktif" | "nonaktif"
	StatusSince      time.Time `json:"status_since"`
	Segment          string    `json:"segment"` // "PU" | "BPU" | "PMI"
	MemberSince      time.Time `json:"member_since"`
	Employer         *Employer `json:"employer,omitempty"`
	Cards            []KPJCard `json:"cards"`
	Programs         []Program `json:"programs"`
	MFAEnabled       bool      `json:"mfa_enabled"`
	LastContribution time.Time `json:"last_contribution"` // month; zero if none
}

// Employer is the current employer.
type Employer struct {
	Name  string    `json:"name"`
	NPP   string    `json:"npp"`
	Since time.Time `json:"since"`
}

// KPJCard is one membership number of the
type KPJCard struct {
	KPJ          string    `json:"kpj"`
	EmployerName string    `json:"employer_name"`
	NPP          string    `json:"npp,omitempty"` // the employer's registration number, where known
	Status       string    `json:"status"`
	Opened       time.Time `json:"opened"`
	Closed       time.Time `json:"closed"` // zero while open
}

// Program is a social-security program (JHT, JKK, JKM, JP, JKP).
type Program struct {
	Code   string    `json:"code"`
	Name   string    `json:"name"`
	Status string    `json:"status"`
	Joined time.Time `json:"joined"`
}

// Card is a digital membership card.
type Card struct {
	KPJ          string    `json:"kpj"`
	FullName     string    `json:"full_name"`
	BirthDate    time.Time `json:"birth_date"`
	NIKMasked    string    `json:"nik_masked"`
	Segment      string    `json:"segment"`
	Status       string    `json:"status"`
	EmployerName string    `json:"employer_name"`
	Programs     []string  `json:"programs"`
	MemberSince  time.Time `json:"member_since"`
}

// Gender is "L" (laki-laki) or "P" (perempuan), as the NIK encodes it and
// the API spells it.
type Gender string

// Genders.
const (
	Male   Gender = "L" // laki-laki
	Female Gender = "P" // perempuan
)
