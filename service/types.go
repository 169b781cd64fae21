package service

import (
	"time"
)

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
