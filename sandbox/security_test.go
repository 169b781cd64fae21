package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestTOTP_EnrollConfirmLoginDisable(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("andi@contoh.id", DemoPassword).AccessToken
	// Confirming before enrolling is a conflict.
	e.problem("POST", "/v1/me/mfa/totp/confirm", tok, map[string]string{"code": "123456"}, http.StatusConflict, "mfa-not-enrolled")
	e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": "123456", "current_password": DemoPassword}, http.StatusConflict, "mfa-not-enrolled")

	var enr struct {
		Secret     string `json:"secret"`
		OTPAuthURI string `json:"otpauth_uri"`
	}
	e.call("POST", "/v1/me/mfa/totp", tok, map[string]string{"current_password": DemoPassword}, http.StatusOK, &enr)
	if !strings.Contains(enr.OTPAuthURI, "secret="+enr.Secret) || !strings.Contains(enr.OTPAuthURI, "andi@contoh.id") {
		t.Errorf("otpauth_uri %q", enr.OTPAuthURI)
	}
	// Pending until confirmed: login still needs no code.
	e.login("andi@contoh.id", DemoPassword)

	e.problem("POST", "/v1/me/mfa/totp/confirm", tok, map[string]string{"code": "000000"}, http.StatusUnauthorized, "invalid-mfa-code")
	e.problem("POST", "/v1/me/mfa/totp/confirm", tok, map[string]string{"code": ""}, http.StatusUnprocessableEntity, "validation")
	e.problem("POST", "/v1/me/mfa/totp/confirm", tok, `{"code":123456}`, http.StatusBadRequest, "bad-request")
	code, _ := TOTPCode(enr.Secret, e.clock.Now())
	e.call("POST", "/v1/me/mfa/totp/confirm", tok, map[string]string{"code": code}, http.StatusNoContent, nil)
	e.problem("POST", "/v1/me/mfa/totp", tok, map[string]string{"current_password": DemoPassword}, http.StatusConflict, "mfa-already-enabled")

	var ch testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "andi@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	if !ch.MFARequired {
		t.Fatal("login after enrolment did not ask for a code")
	}
	// The confirmation code was spent; wait for the next step.
	e.clock.Advance(30 * time.Second)
	code, _ = TOTPCode(enr.Secret, e.clock.Now())
	e.call("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusOK, nil)

	e.clock.Advance(30 * time.Second)
	e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": "000000", "current_password": DemoPassword}, http.StatusUnauthorized, "invalid-mfa-code")
	code, _ = TOTPCode(enr.Secret, e.clock.Now())
	e.call("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": code, "current_password": DemoPassword}, http.StatusNoContent, nil)
	e.login("andi@contoh.id", DemoPassword)
}

func TestTOTP_SitiKnownSecretRFC6238(t *testing.T) {
	t.Parallel()
	// RFC 6238 appendix B: SHA-1, secret "12345678901234567890" (base32
	// GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T=59 → 94287082 (8 digits); the
	// 6-digit code is its last six digits.
	got, err := TOTPCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", time.Unix(59, 0))
	if err != nil || got != "287082" {
		t.Errorf("TOTPCode = %q, %v; want 287082", got, err)
	}
	step, err := matchTOTP("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "287082", time.Unix(59+30, 0), 0)
	if err != nil || step != 1 {
		t.Errorf("matchTOTP one step later = %d, %v; want step 1", step, err)
	}
	if step, _ := matchTOTP("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "287082", time.Unix(59+30, 0), 1); step != 0 {
		t.Error("a code for an already used step was accepted")
	}
}

func TestPassword_ChangeRevokesOtherSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	mine := e.login("budi@contoh.id", DemoPassword)
	other := e.login("18012345678", DemoPassword)

	e.problem("POST", "/v1/me/password", mine.AccessToken,
		map[string]string{"current_password": "Salah#Sekali1", "new_password": "Gunung#Rinjani9"}, http.StatusUnauthorized, "invalid-credentials")
	p := e.problem("POST", "/v1/me/password", mine.AccessToken,
		map[string]string{"current_password": DemoPassword, "new_password": "short"}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("new_password", "length") {
		t.Errorf("errors %+v", p.Errors)
	}
	p = e.problem("POST", "/v1/me/password", mine.AccessToken,
		map[string]string{"current_password": DemoPassword, "new_password": DemoPassword}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("new_password", "weak") {
		t.Errorf("errors %+v", p.Errors)
	}
	p = e.problem("POST", "/v1/me/password", mine.AccessToken,
		map[string]string{"current_password": DemoPassword, "new_password": "Santoso#2026x"}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("new_password", "weak") {
		t.Errorf("a password with the member's name passed: %+v", p.Errors)
	}

	e.call("POST", "/v1/me/password", mine.AccessToken,
		map[string]string{"current_password": DemoPassword, "new_password": "Gunung#Rinjani9"}, http.StatusNoContent, nil)
	e.call("GET", "/v1/me", mine.AccessToken, nil, http.StatusOK, nil)
	e.problem("GET", "/v1/me", other.AccessToken, nil, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": other.RefreshToken}, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "budi@contoh.id", "password": DemoPassword}, http.StatusUnauthorized, "invalid-credentials")
	e.login("budi@contoh.id", "Gunung#Rinjani9")
}

func TestPassword_WrongCurrentLocks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword).AccessToken
	body := map[string]string{"current_password": "Salah#Sekali1", "new_password": "Gunung#Rinjani9"}
	for i := 0; i < 4; i++ {
		e.problem("POST", "/v1/me/password", tok, body, http.StatusUnauthorized, "invalid-credentials")
	}
	e.problem("POST", "/v1/me/password", tok, body, http.StatusTooManyRequests, "locked")
}

func TestLogins_NewestFirstWithCurrent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var last testTokens
	for i := 0; i < 22; i++ {
		last = e.login("budi@contoh.id", DemoPassword)
		e.clock.Advance(time.Minute)
	}
	var l struct {
		Logins []struct {
			At         string `json:"at"`
			ClientName string `json:"client_name"`
			IP         string `json:"ip"`
			Current    bool   `json:"current"`
		} `json:"logins"`
	}
	e.call("GET", "/v1/me/logins", last.AccessToken, nil, http.StatusOK, &l)
	if len(l.Logins) != 20 {
		t.Fatalf("%d logins, want 20", len(l.Logins))
	}
	first := l.Logins[0]
	if !first.Current || first.ClientName != "sandbox-test/1.0" || first.IP != "127.0.0.1" || first.At != "2026-11-20T01:21:00Z" {
		t.Errorf("newest login = %+v", first)
	}
	for i, x := range l.Logins[1:] {
		if x.Current || x.At >= l.Logins[i].At {
			t.Errorf("login %d = %+v out of order or marked current", i+1, x)
		}
	}
	// Another member sees only their own.
	e.call("GET", "/v1/me/logins", e.login("andi@contoh.id", DemoPassword).AccessToken, nil, http.StatusOK, &l)
	if len(l.Logins) != 1 {
		t.Errorf("Andi sees %d logins", len(l.Logins))
	}
}

func TestTOTP_DisableGuessingLocks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.loginSiti().AccessToken
	for want := 4; want >= 1; want-- {
		p := e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": "000000", "current_password": DemoPassword}, http.StatusUnauthorized, "invalid-mfa-code")
		if p.AttemptsRemaining == nil || *p.AttemptsRemaining != want {
			t.Fatalf("attempts_remaining %v, want %d", p.AttemptsRemaining, want)
		}
	}
	e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": "000000", "current_password": DemoPassword}, http.StatusTooManyRequests, "locked")
	e.clock.Advance(30 * time.Second)
	code, _ := TOTPCode(SitiTOTPSecret, e.clock.Now())
	e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": code, "current_password": DemoPassword}, http.StatusTooManyRequests, "locked")
}

func TestTOTP_EnrolmentWithoutThePasswordRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("andi@contoh.id", DemoPassword).AccessToken
	// An access token alone turns nothing on: no body, an empty password,
	// a wrong one.
	e.problem("POST", "/v1/me/mfa/totp", tok, nil, http.StatusBadRequest, "bad-request")
	p := e.problem("POST", "/v1/me/mfa/totp", tok, map[string]string{"current_password": ""}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("current_password", "required") {
		t.Errorf("errors %+v", p.Errors)
	}
	p = e.problem("POST", "/v1/me/mfa/totp", tok, map[string]string{"current_password": "Salah#Sekali1"}, http.StatusUnauthorized, "invalid-credentials")
	if p.AttemptsRemaining == nil || *p.AttemptsRemaining != 4 {
		t.Errorf("attempts_remaining %v, want 4", p.AttemptsRemaining)
	}
	var pending string
	if err := e.srv.db.QueryRow(`SELECT COALESCE(totp_pending, '') FROM accounts WHERE email = 'andi@contoh.id'`).Scan(&pending); err != nil || pending != "" {
		t.Fatalf("a pending secret was stored without the password: %q, %v", pending, err)
	}
	var enr struct{ Secret string }
	e.call("POST", "/v1/me/mfa/totp", tok, map[string]string{"current_password": DemoPassword}, http.StatusOK, &enr)
	code, _ := TOTPCode(enr.Secret, e.clock.Now())
	e.call("POST", "/v1/me/mfa/totp/confirm", tok, map[string]string{"code": code}, http.StatusNoContent, nil)

	// Turning it off needs the password too, even with the right code.
	e.clock.Advance(30 * time.Second)
	code, _ = TOTPCode(enr.Secret, e.clock.Now())
	p = e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": code}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("current_password", "required") {
		t.Errorf("errors %+v", p.Errors)
	}
	e.problem("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": code, "current_password": "Salah#Sekali1"},
		http.StatusUnauthorized, "invalid-credentials")
	var me struct {
		MFAEnabled bool `json:"mfa_enabled"`
	}
	e.call("GET", "/v1/me", tok, nil, http.StatusOK, &me)
	if !me.MFAEnabled {
		t.Fatal("2FA was turned off without the password")
	}
	e.call("DELETE", "/v1/me/mfa/totp", tok, map[string]string{"code": code, "current_password": DemoPassword}, http.StatusNoContent, nil)
}
