package sandbox

// Wire types: the JSON the sandbox sends and accepts, field for field as in
// api/openapi.yaml. They are separate from the client's types on purpose.

type healthResponse struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	Time    string `json:"time"`
}

type registerRequest struct {
	NIK       string `json:"nik"`
	KPJ       string `json:"kpj"`
	FullName  string `json:"full_name"`
	BirthDate string `json:"birth_date"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Password  string `json:"password"`
}

type registrationResponse struct {
	RegistrationID    string `json:"registration_id"`
	EmailMasked       string `json:"email_masked"`
	PhoneMasked       string `json:"phone_masked"`
	ExpiresIn         int    `json:"expires_in"`
	ResendIn          int    `json:"resend_in"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

type registerVerifyRequest struct {
	RegistrationID string `json:"registration_id"`
	EmailCode      string `json:"email_code"`
	SMSCode        string `json:"sms_code"`
}

type registerResendRequest struct {
	RegistrationID string `json:"registration_id"`
}

type registerResponse struct {
	KPJ      string `json:"kpj"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
}

type loginRequest struct {
	Identifier string `json:"identifier"`
	Password   string `json:"password"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

type mfaRequiredResponse struct {
	MFARequired       bool   `json:"mfa_required"`
	MFAToken          string `json:"mfa_token"`
	ExpiresIn         int    `json:"expires_in"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

type loginMFARequest struct {
	MFAToken string `json:"mfa_token"`
	Code     string `json:"code"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

type employerJSON struct {
	Name  string `json:"name"`
	NPP   string `json:"npp"`
	Since string `json:"since"`
}

type cardSummaryJSON struct {
	KPJ          string  `json:"kpj"`
	EmployerName string  `json:"employer_name"`
	Status       string  `json:"status"`
	Opened       string  `json:"opened"`
	Closed       *string `json:"closed"`
}

type programJSON struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Status string `json:"status"`
	Joined string `json:"joined"`
}

type meResponse struct {
	FullName         string            `json:"full_name"`
	NIKMasked        string            `json:"nik_masked"`
	Email            string            `json:"email"`
	PhoneMasked      string            `json:"phone_masked"`
	BirthDate        string            `json:"birth_date"`
	Gender           string            `json:"gender"`
	Status           string            `json:"status"`
	StatusSince      string            `json:"status_since"`
	Segment          string            `json:"segment"`
	MemberSince      string            `json:"member_since"`
	Employer         *employerJSON     `json:"employer"`
	Cards            []cardSummaryJSON `json:"cards"`
	Programs         []programJSON     `json:"programs"`
	MFAEnabled       bool              `json:"mfa_enabled"`
	LastContribution *string           `json:"last_contribution"`
}

type balanceYearJSON struct {
	Year           int   `json:"year"`
	EmployerShare  int64 `json:"employer_share"`
	WorkerShare    int64 `json:"worker_share"`
	Development    int64 `json:"development"`
	ClosingBalance int64 `json:"closing_balance"`
}

type balanceAccountJSON struct {
	KPJ           string            `json:"kpj"`
	EmployerName  string            `json:"employer_name"`
	EmployerShare int64             `json:"employer_share"`
	WorkerShare   int64             `json:"worker_share"`
	Development   int64             `json:"development"`
	Total         int64             `json:"total"`
	History       []balanceYearJSON `json:"history"`
}

type balanceResponse struct {
	AsOf     string               `json:"as_of"`
	Total    int64                `json:"total"`
	Accounts []balanceAccountJSON `json:"accounts"`
}

type contributionMonthJSON struct {
	Period       string `json:"period"`
	KPJ          string `json:"kpj"`
	EmployerName string `json:"employer_name"`
	ReportedWage int64  `json:"reported_wage"`
	JHTEmployer  int64  `json:"jht_employer"`
	JHTWorker    int64  `json:"jht_worker"`
	JHT          int64  `json:"jht"`
	JPEmployer   int64  `json:"jp_employer"`
	JPWorker     int64  `json:"jp_worker"`
	JP           int64  `json:"jp"`
	JKK          int64  `json:"jkk"`
	JKM          int64  `json:"jkm"`
	JKP          int64  `json:"jkp"`
	Total        int64  `json:"total"`
	PaidDate     string `json:"paid_date"`
}

type contributionTotalsJSON struct {
	ReportedWage int64 `json:"reported_wage"`
	JHT          int64 `json:"jht"`
	JP           int64 `json:"jp"`
	JKK          int64 `json:"jkk"`
	JKM          int64 `json:"jkm"`
	JKP          int64 `json:"jkp"`
	Total        int64 `json:"total"`
}

type contributionsResponse struct {
	Year           int                     `json:"year"`
	AvailableYears []int                   `json:"available_years"`
	Months         []contributionMonthJSON `json:"months"`
	Totals         contributionTotalsJSON  `json:"totals"`
}

// contributionYearJSON is one year of a contribution history.
type contributionYearJSON struct {
	Year   int                     `json:"year"`
	Months []contributionMonthJSON `json:"months"`
	Totals contributionTotalsJSON  `json:"totals"`
}

type contributionHistoryResponse struct {
	AvailableYears []int                  `json:"available_years"`
	Years          []contributionYearJSON `json:"years"`
	NextTo         *int                   `json:"next_to"`
}

type claimEventJSON struct {
	Status string `json:"status"`
	At     string `json:"at"`
	Note   string `json:"note"`
}

type claimJSON struct {
	ID        string           `json:"id"`
	KPJ       string           `json:"kpj"`
	Program   string           `json:"program"`
	Type      string           `json:"type"`
	Submitted string           `json:"submitted"`
	Amount    int64            `json:"amount"`
	Status    string           `json:"status"`
	Timeline  []claimEventJSON `json:"timeline"`
}

type claimsResponse struct {
	Claims []claimJSON `json:"claims"`
}

type cardJSON struct {
	KPJ          string   `json:"kpj"`
	FullName     string   `json:"full_name"`
	BirthDate    string   `json:"birth_date"`
	NIKMasked    string   `json:"nik_masked"`
	Segment      string   `json:"segment"`
	Status       string   `json:"status"`
	EmployerName string   `json:"employer_name"`
	Programs     []string `json:"programs"`
	MemberSince  string   `json:"member_since"`
}

type cardsResponse struct {
	Cards []cardJSON `json:"cards"`
}

type totpEnrollResponse struct {
	Secret     string `json:"secret"`
	OTPAuthURI string `json:"otpauth_uri"`
}

type codeRequest struct {
	Code string `json:"code"`
}

type totpEnrollRequest struct {
	CurrentPassword string `json:"current_password"`
}

type totpDisableRequest struct {
	Code            string `json:"code"`
	CurrentPassword string `json:"current_password"`
}

type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

type loginEntryJSON struct {
	At         string `json:"at"`
	ClientName string `json:"client_name"`
	IP         string `json:"ip"`
	Current    bool   `json:"current"`
}

type loginsResponse struct {
	Logins []loginEntryJSON `json:"logins"`
}
