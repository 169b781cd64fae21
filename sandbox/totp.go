package sandbox

import (
	"crypto/subtle"
	"fmt"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// totpIssuer is shown by authenticator apps next to the account.
const totpIssuer = "Cek BPJSTK Sandbox"

// totpPeriod and totpSkew follow RFC 6238's recommendations: 30-second steps
// and one step of tolerance either way for clock drift.
const (
	totpPeriod = 30
	totpSkew   = 1
)

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// newTOTPKey creates a fresh secret for account.
func newTOTPKey(account string) (secret, uri string, err error) {
	k, err := totp.Generate(totp.GenerateOpts{
		Issuer: totpIssuer, AccountName: account, Period: totpPeriod,
		Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return "", "", fmt.Errorf("generate totp key: %w", err)
	}
	return k.Secret(), k.URL(), nil
}

// matchTOTP returns the time step a code is valid for at now, or 0. Codes
// for steps at or before lastStep are refused so an observed code cannot be
// replayed within its validity window.
func matchTOTP(secret, code string, now time.Time, lastStep int64) (int64, error) {
	if len(code) != 6 {
		return 0, nil
	}
	step := now.Unix() / totpPeriod
	for off := int64(-totpSkew); off <= totpSkew; off++ {
		s := step + off
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totpOpts)
		if err != nil {
			return 0, fmt.Errorf("compute totp code: %w", err)
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 && s > lastStep {
			return s, nil
		}
	}
	return 0, nil
}

// TOTPCode computes the code for secret at t, for tests and demo scripts
// that play the authenticator app.
func TOTPCode(secret string, t time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, t, totpOpts)
}
