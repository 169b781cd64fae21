package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestLogin_BudiByEmailAndByEitherKPJ(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, id := range []string{"budi@contoh.id", "BUDI@contoh.id", "18012345678", "09011223344"} {
		tok := e.login(id, DemoPassword)
		if tok.TokenType != "Bearer" || tok.ExpiresIn != 900 {
			t.Errorf("%s: token_type %q expires_in %d", id, tok.TokenType, tok.ExpiresIn)
		}
		e.call("GET", "/v1/me", tok.AccessToken, nil, http.StatusOK, nil)
	}
}

func TestLogin_WrongPasswordCountsDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for want := 4; want >= 1; want-- {
		p := e.problem("POST", "/v1/login", "", map[string]string{"identifier": "andi@contoh.id", "password": "Salah#12345"},
			http.StatusUnauthorized, "invalid-credentials")
		if p.AttemptsRemaining == nil || *p.AttemptsRemaining != want {
			t.Fatalf("attempts_remaining = %v, want %d", p.AttemptsRemaining, want)
		}
		if p.header.Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
	}
	// A success resets the counter.
	e.login("andi@contoh.id", DemoPassword)
	p := e.problem("POST", "/v1/login", "", map[string]string{"identifier": "andi@contoh.id", "password": "x"},
		http.StatusUnauthorized, "invalid-credentials")
	if *p.AttemptsRemaining != 4 {
		t.Errorf("after success attempts_remaining = %d, want 4", *p.AttemptsRemaining)
	}
}

func TestLogin_LockoutAfterFiveFailures(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	bad := map[string]string{"identifier": "budi@contoh.id", "password": "wrong-password-1"}
	for i := 0; i < 4; i++ {
		e.problem("POST", "/v1/login", "", bad, http.StatusUnauthorized, "invalid-credentials")
	}
	p := e.problem("POST", "/v1/login", "", bad, http.StatusTooManyRequests, "locked")
	if p.header.Get("Retry-After") != "900" || p.RetryAfter == nil || *p.RetryAfter != 900 {
		t.Errorf("Retry-After %q retry_after %v, want 900", p.header.Get("Retry-After"), p.RetryAfter)
	}
	// Locked even with the right password, in any spelling of the
	// identifier (case).
	good := map[string]string{"identifier": "Budi@Contoh.id", "password": DemoPassword}
	e.clock.Advance(10 * time.Minute)
	p = e.problem("POST", "/v1/login", "", good, http.StatusTooManyRequests, "locked")
	if ra, _ := strconv.Atoi(p.header.Get("Retry-After")); ra != 300 {
		t.Errorf("Retry-After after 10 min = %d, want 300", ra)
	}
	// The KPJ is its own identifier (its bucket tells nothing about the
	// email's), and other accounts are unaffected.
	e.login("18012345678", DemoPassword)
	e.login("andi@contoh.id", DemoPassword)
	e.clock.Advance(5*time.Minute + time.Second)
	e.login("budi@contoh.id", DemoPassword)
}

func TestLogin_CustomLockoutAndUnknownIdentifier(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithLockout(2, time.Minute, 30*time.Second))
	bad := map[string]string{"identifier": "nobody@contoh.id", "password": "whatever-123"}
	p := e.problem("POST", "/v1/login", "", bad, http.StatusUnauthorized, "invalid-credentials")
	if *p.AttemptsRemaining != 1 {
		t.Errorf("attempts_remaining = %d, want 1", *p.AttemptsRemaining)
	}
	p = e.problem("POST", "/v1/login", "", bad, http.StatusTooManyRequests, "locked")
	if *p.RetryAfter != 30 {
		t.Errorf("retry_after = %d, want 30", *p.RetryAfter)
	}
	// Failures outside the window are forgotten.
	e.clock.Advance(31 * time.Second)
	bad["identifier"] = "andi@contoh.id"
	e.problem("POST", "/v1/login", "", bad, http.StatusUnauthorized, "invalid-credentials")
	e.clock.Advance(2 * time.Minute)
	p = e.problem("POST", "/v1/login", "", bad, http.StatusUnauthorized, "invalid-credentials")
	if *p.AttemptsRemaining != 1 {
		t.Errorf("attempts_remaining after window = %d, want 1", *p.AttemptsRemaining)
	}
}

func TestLogin_Validation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	p := e.problem("POST", "/v1/login", "", map[string]string{"identifier": "", "password": ""}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("identifier", "required") || !p.hasField("password", "required") {
		t.Errorf("errors = %+v", p.Errors)
	}
}

func TestLoginMFA_SitiNeedsTOTP(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var ch testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	if !ch.MFARequired || ch.MFAToken == "" || ch.AccessToken != "" || ch.AttemptsRemaining != 5 {
		t.Fatalf("login = %+v, want an MFA challenge only", ch)
	}
	// A code from two steps ago is outside the ±1 step window.
	old, _ := TOTPCode(SitiTOTPSecret, e.clock.Now().Add(-90*time.Second))
	p := e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": old}, http.StatusUnauthorized, "invalid-mfa-code")
	if *p.AttemptsRemaining != 4 {
		t.Errorf("attempts_remaining = %d, want 4", *p.AttemptsRemaining)
	}
	// Drift of one step is accepted.
	code, _ := TOTPCode(SitiTOTPSecret, e.clock.Now().Add(-30*time.Second))
	var tok testTokens
	e.call("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusOK, &tok)
	if tok.AccessToken == "" {
		t.Fatal("no access token after MFA")
	}
	var me struct {
		MFAEnabled bool `json:"mfa_enabled"`
	}
	e.call("GET", "/v1/me", tok.AccessToken, nil, http.StatusOK, &me)
	if !me.MFAEnabled {
		t.Error("mfa_enabled = false for Siti")
	}
	// The challenge is single use.
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusUnauthorized, "unauthorized")
	// The same code cannot be replayed on a new challenge.
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusUnauthorized, "invalid-mfa-code")
	// The next time step's code works.
	e.clock.Advance(30 * time.Second)
	next, _ := TOTPCode(SitiTOTPSecret, e.clock.Now())
	e.call("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": next}, http.StatusOK, &tok)
}

func TestLoginMFA_ChallengeExpiresAndUsesUp(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithLockout(50, time.Hour, time.Hour))
	var ch testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	for i := 0; i < 5; i++ {
		e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": "000000"}, http.StatusUnauthorized, "invalid-mfa-code")
	}
	code, _ := TOTPCode(SitiTOTPSecret, e.clock.Now())
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusUnauthorized, "unauthorized")

	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	e.clock.Advance(5*time.Minute + time.Second)
	code, _ = TOTPCode(SitiTOTPSecret, e.clock.Now())
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": "bogus", "code": code}, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": "", "code": ""}, http.StatusUnprocessableEntity, "validation")
}

func TestLoginMFA_WrongCodesLockTheAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var ch testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	for i := 0; i < 4; i++ {
		e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": "000000"}, http.StatusUnauthorized, "invalid-mfa-code")
	}
	e.problem("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": "000000"}, http.StatusTooManyRequests, "locked")
	// A fresh password login cannot restart the guessing.
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusTooManyRequests, "locked")
}

func TestRefresh_RotatesAndReuseRevokesFamily(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	first := e.login("budi@contoh.id", DemoPassword)
	var second testTokens
	e.call("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": first.RefreshToken}, http.StatusOK, &second)
	if second.RefreshToken == first.RefreshToken || second.AccessToken == first.AccessToken {
		t.Fatal("refresh returned the same tokens")
	}
	e.call("GET", "/v1/me", second.AccessToken, nil, http.StatusOK, nil)
	// An unrelated session must survive the revocation below.
	other := e.login("budi@contoh.id", DemoPassword)

	// Replaying the spent token: the attacker and the victim hold the same
	// family, so all of it dies.
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": first.RefreshToken}, http.StatusUnauthorized, "token-reused")
	e.problem("GET", "/v1/me", second.AccessToken, nil, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": second.RefreshToken}, http.StatusUnauthorized, "unauthorized")
	e.call("GET", "/v1/me", other.AccessToken, nil, http.StatusOK, nil)

	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": "unknown"}, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": ""}, http.StatusUnprocessableEntity, "validation")
}

func TestRefresh_Expires(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithRefreshTTL(time.Hour))
	tok := e.login("budi@contoh.id", DemoPassword)
	e.clock.Advance(time.Hour)
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken}, http.StatusUnauthorized, "unauthorized")
}

func TestAccessToken_ExpiresAndMustBeBearer(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithAccessTTL(time.Minute))
	tok := e.login("budi@contoh.id", DemoPassword)
	if tok.ExpiresIn != 60 {
		t.Errorf("expires_in = %d, want 60", tok.ExpiresIn)
	}
	e.call("GET", "/v1/me", tok.AccessToken, nil, http.StatusOK, nil)
	e.clock.Advance(59 * time.Second)
	e.call("GET", "/v1/me", tok.AccessToken, nil, http.StatusOK, nil)
	e.clock.Advance(time.Second)
	e.problem("GET", "/v1/me", tok.AccessToken, nil, http.StatusUnauthorized, "unauthorized")
	e.problem("GET", "/v1/me", "", nil, http.StatusUnauthorized, "unauthorized")
	// The refresh token outlives the access token.
	var fresh testTokens
	e.call("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken}, http.StatusOK, &fresh)
	e.call("GET", "/v1/me", fresh.AccessToken, nil, http.StatusOK, nil)
}

func TestLogout_RevokesSessionFamily(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword)
	e.call("POST", "/v1/logout", tok.AccessToken, nil, http.StatusNoContent, nil)
	e.problem("GET", "/v1/me", tok.AccessToken, nil, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken}, http.StatusUnauthorized, "unauthorized")
	e.problem("POST", "/v1/logout", tok.AccessToken, nil, http.StatusUnauthorized, "unauthorized")
}

func TestTokens_StoredHashed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword)
	var n int
	if err := e.srv.db.QueryRow(`SELECT COUNT(*) FROM tokens WHERE hash = ? OR hash = ?`, tok.AccessToken, tok.RefreshToken).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("a raw token is stored in the database")
	}
	if err := e.srv.db.QueryRow(`SELECT COUNT(*) FROM tokens WHERE hash = ?`, hashToken(tok.AccessToken)).Scan(&n); err != nil || n != 1 {
		t.Errorf("hashed access token not found: n=%d err=%v", n, err)
	}
	var hash string
	if err := e.srv.db.QueryRow(`SELECT password_hash FROM accounts WHERE email = 'budi@contoh.id'`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if len(hash) < 20 || hash[:10] != "$argon2id$" {
		t.Errorf("password hash %q is not argon2id", hash)
	}
}

func TestLogin_PerAddressLimitStopsPasswordSpraying(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithLockout(2, time.Minute, time.Minute))
	// 2 per identifier × 4 = 8 per address: four identifiers, one guess
	// each, twice over, and then even a fresh identifier is refused.
	for round := 0; round < 2; round++ {
		for _, id := range []string{"a@contoh.id", "b@contoh.id", "c@contoh.id", "d@contoh.id"} {
			status, _, _ := e.do("POST", "/v1/login", "", map[string]string{"identifier": id, "password": "Tebak#12345"})
			if status != http.StatusUnauthorized && status != http.StatusTooManyRequests {
				t.Fatalf("status %d", status)
			}
		}
	}
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "andi@contoh.id", "password": DemoPassword}, http.StatusTooManyRequests, "locked")
	e.clock.Advance(time.Minute)
	e.login("andi@contoh.id", DemoPassword)
}

func TestEveryProtectedEndpointNeedsAToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	endpoints := []struct{ method, path string }{
		{"POST", "/v1/logout"}, {"GET", "/v1/me"}, {"GET", "/v1/me/balance"}, {"GET", "/v1/me/contributions"},
		{"GET", "/v1/me/claims"}, {"GET", "/v1/me/card"}, {"POST", "/v1/me/mfa/totp"},
		{"POST", "/v1/me/mfa/totp/confirm"}, {"DELETE", "/v1/me/mfa/totp"}, {"POST", "/v1/me/password"}, {"GET", "/v1/me/logins"},
	}
	for _, ep := range endpoints {
		for _, tok := range []string{"", "not-a-token"} {
			e.problem(ep.method, ep.path, tok, nil, http.StatusUnauthorized, "unauthorized")
		}
	}
	if got := e.srv.Stats().Total; got != int64(2*len(endpoints)) {
		t.Errorf("stats total %d", got)
	}
}

func TestConcurrentClients(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	// Logins spread over four identifiers, fewer per identifier at once than
	// its limit: every attempt is reserved before it is checked, so more
	// than the limit in flight for one identifier would be refused.
	ids := []string{"andi@contoh.id", "23034567890", "budi@contoh.id", "18012345678"}
	for i := 0; i < 16; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if status, _, _ := e.do("GET", "/v1/me/balance", tok.AccessToken, nil); status != http.StatusOK {
				errs <- fmt.Errorf("balance: %d", status)
			}
		}()
		go func() {
			defer wg.Done()
			if status, _, _ := e.do("POST", "/v1/login", "", map[string]string{"identifier": ids[i%len(ids)], "password": DemoPassword}); status != http.StatusOK {
				errs <- fmt.Errorf("login: %d", status)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Two racing refreshes with one token: exactly one wins, and the loser
	// looks like reuse, so the family dies. Clients must single-flight
	// their refreshes.
	results := make(chan int, 2)
	for i := 0; i < 2; i++ {
		go func() {
			status, _, _ := e.do("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken})
			results <- status
		}()
	}
	a, b := <-results, <-results
	if a+b != http.StatusOK+http.StatusUnauthorized {
		t.Errorf("racing refreshes: %d and %d", a, b)
	}
}
