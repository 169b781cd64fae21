package service

import (
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Domain types: plain data with JSON tags, so the UI can keep them in its
// offline cache. Dates are UTC midnight; months are the first of the month.
// A zero time means "absent".

// Rupiah is an amount in whole rupiah.
type Rupiah int64

// Format writes the amount the Indonesian way, in every language of the
// app: "Rp 45.678.900", "-Rp 1.500".
func (r Rupiah) Format() string {
	n := int64(r)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return sign + "Rp " + b.String()
}

// Gender is "L" (laki-laki) or "P" (perempuan).
type Gender = validate.Gender

// Session describes a logged-in session; tokens never leave the Client.
type Session struct {
	Identifier    string    `json:"identifier"`
	AccessExpires time.Time `json:"access_expires"`
	Remembered    bool      `json:"remembered"`
}

// MFAChallenge means the password was right and a TOTP code is needed (VerifyMFA).
type MFAChallenge struct {
	AttemptsRemaining int       `json:"attempts_remaining"`
	Expires           time.Time `json:"expires"`
}

// LoginResult is either a Session or an MFAChallenge (exactly one is non-nil).
type LoginResult struct {
	Session *Session      `json:"session,omitempty"`
	MFA     *MFAChallenge `json:"mfa,omitempty"`
}

// Registration is the sign-up form.
type Registration struct {
	NIK       string
	KPJ       string
	FullName  string
	BirthDate time.Time
	Email     string
	Phone     string
	Password  string
}

// PendingRegistration is a started registration waiting for its two codes
// (ConfirmRegistration). The server answers alike whether or not the
// details matched a member, so a pending registration proves nothing yet;
// the masks are of the email and phone as typed.
type PendingRegistration struct {
	id                string // the server's registration_id, a bearer secret
	EmailMasked       string
	PhoneMasked       string
	CodesExpire       time.Time // the codes stop working
	ResendAt          time.Time // ResendRegistration is allowed from then
	AttemptsRemaining int
}

// Registered is the account a confirmed registration created.
type Registered struct {
	KPJ      string
	Email    string
	FullName string
}

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

// KPJCard is one membership number of the member.
type KPJCard struct {
	KPJ          string    `json:"kpj"`
	EmployerName string    `json:"employer_name"`
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

// Login is one entry of the login history, newest first.
type Login struct {
	At         time.Time `json:"at"`
	ClientName string    `json:"client_name"`
	IP         string    `json:"ip"`
	Current    bool      `json:"current"`
}

// TOTPEnrolment is a pending TOTP secret, to show as a QR code and confirm.
type TOTPEnrolment struct {
	Secret     string `json:"secret"`
	OTPAuthURI string `json:"otpauth_uri"`
}
