package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/sandboxtls"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/pquerna/otp/totp"
)

const (
	budi     = "budi@contoh.id"
	siti     = "siti@contoh.id"
	password = "Sandbox#2026"
)

var quietLog = slog.New(slog.DiscardHandler)

// fakeClock is shared by a sandbox and a client so tests move time instead of sleeping.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testSandbox is the real sandbox over TLS on loopback. Every request the
// client sends is validated against api/openapi.yaml before the sandbox
// sees it (the sandbox's own tests validate its responses), so a client
// that sends what the contract does not allow fails here.
type testSandbox struct {
	srv     *sandbox.Server
	ts      *httptest.Server
	profile Profile
	h2      atomic.Int64 // requests that arrived over HTTP/2
	h1      atomic.Int64
	spec    atomic.Pointer[requestValidator]
}

func newSandbox(t testing.TB, h2 bool, opts ...sandbox.Option) *testSandbox {
	t.Helper()
	sb := &testSandbox{}
	proto := tlsserve.HTTP1Only()
	if h2 {
		proto = tlsserve.HTTP2()
	}
	started := sandboxtls.Start(t, sandboxtls.With(opts...), sandboxtls.Serve(proto),
		sandboxtls.Wrap(func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.ProtoMajor == 2 {
					sb.h2.Add(1)
				} else {
					sb.h1.Add(1)
				}
				if v := sb.spec.Load(); v != nil {
					if err := v.check(r); err != nil {
						t.Errorf("the client's request violates api/openapi.yaml: %v", err)
					}
				}
				h.ServeHTTP(w, r)
			})
		}))
	sb.srv, sb.ts = started.Server, started.TS
	sb.spec.Store(newRequestValidator(t, sb.ts.URL))
	sb.profile = DemoProfile(sb.ts.URL, sb.srv.CertPEM(), sb.srv.PinSHA256(), sb.srv.BackupPinSHA256())
	return sb
}

func (sb *testSandbox) count(route string) int64 { return sb.srv.Stats().ByRoute[route] }

func (sb *testSandbox) client(t testing.TB, opts ...Option) *Client {
	t.Helper()
	opts = append([]Option{WithLogger(quietLog), WithRetryWait(10*time.Millisecond, 50*time.Millisecond)}, opts...)
	c, err := New(sb.profile, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func login(t testing.TB, c *Client, id string) {
	t.Helper()
	res, err := c.Login(context.Background(), id, password, false)
	if err != nil {
		t.Fatalf("login %s: %v", id, err)
	}
	if res.Session == nil {
		t.Fatalf("login %s: no session: %+v", id, res)
	}
}

// Correct pins: login and every data call work, over HTTP/1.1 and HTTP/2.
func TestSession_EveryCallWorks(t *testing.T) {
	t.Parallel()
	for _, h2 := range []bool{false, true} {
		name := "http1.1"
		if h2 {
			name = "h2"
		}
		t.Run(name, func(t *testing.T) {
			sb := newSandbox(t, h2)
			c := sb.client(t, WithUserAgent("Cek BPJSTK/test (linux)"))
			ctx := context.Background()
			rep, err := c.Verify(ctx)
			if err != nil || rep.PinRole != "primary" {
				t.Fatalf("verify: %+v, %v", rep, err)
			}
			login(t, c, budi)

			m, err := c.Profile(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if m.FullName != "Budi Santoso" || m.Gender != "L" || m.BirthDate.Format("2006-01-02") != "1985-08-17" ||
				len(m.Cards) != 2 || len(m.Programs) == 0 || m.Employer == nil || m.LastContribution.IsZero() ||
				!strings.Contains(m.NIKMasked, "*") {
				t.Errorf("profile = %+v", m)
			}
			b, err := c.Balance(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var sum member.Rupiah
			for _, a := range b.Accounts {
				sum += a.Total
				if len(a.History) == 0 {
					t.Errorf("account %s has no history", a.KPJ)
				}
			}
			if len(b.Accounts) != 2 || b.Total <= 0 || sum != b.Total || b.AsOf.IsZero() {
				t.Errorf("balance = %+v", b)
			}
			latest, err := c.Contributions(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(latest.AvailableYears) < 2 || len(latest.Months) == 0 || latest.Totals.Total <= 0 {
				t.Errorf("contributions = %+v", latest)
			}
			y2019, err := c.Contributions(ctx, 2019)
			if err != nil || y2019.Year != 2019 || len(y2019.Months) != 12 {
				t.Errorf("contributions 2019: %d months, %v", len(y2019.Months), err)
			}
			var monthSum member.Rupiah
			for _, mo := range y2019.Months {
				monthSum += mo.Total
			}
			if monthSum != y2019.Totals.Total {
				t.Errorf("2019 months sum to %d, totals say %d", monthSum, y2019.Totals.Total)
			}
			if _, err := c.Claims(ctx); err != nil {
				t.Error(err)
			}
			cards, err := c.Cards(ctx)
			if err != nil || len(cards) == 0 || cards[0].FullName != "Budi Santoso" {
				t.Errorf("cards = %+v, %v", cards, err)
			}
			logins, err := c.Logins(ctx)
			if err != nil || len(logins) == 0 || !logins[0].Current || logins[0].ClientName != "Cek BPJSTK/test (linux)" {
				t.Errorf("logins = %+v, %v", logins, err)
			}

			// Two-factor enrolment, confirmation and removal.
			if _, err := c.EnrolTOTP(ctx, "Salah#Sekali1"); !errors.Is(err, ErrInvalidCredentials) {
				t.Errorf("enrol with a wrong password: %v", err)
			}
			enr, err := c.EnrolTOTP(ctx, password)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.ConfirmTOTP(ctx, "000000"); !errors.Is(err, ErrInvalidCredentials) {
				t.Errorf("confirm with a wrong code: %v", err)
			}
			code, _ := totp.GenerateCode(enr.Secret, time.Now())
			if err := c.ConfirmTOTP(ctx, code); err != nil {
				t.Fatalf("confirm: %v", err)
			}
			if m, _ := c.Profile(ctx); !m.MFAEnabled {
				t.Error("MFA not enabled after confirmation")
			}
			// The next time step: a server may refuse a code it has already seen.
			code, _ = totp.GenerateCode(enr.Secret, time.Now().Add(30*time.Second))
			if err := c.DisableTOTP(ctx, code, password); err != nil {
				t.Fatalf("disable: %v", err)
			}

			// Password change: a wrong current password keeps the session.
			var ce *CredentialsError
			if err := c.ChangePassword(ctx, "Salah#2026x", "Kelapa-Muda#77"); !errors.As(err, &ce) {
				t.Errorf("wrong current password: %v", err)
			}
			var ve *ValidationError
			if err := c.ChangePassword(ctx, password, "short"); !errors.As(err, &ve) {
				t.Errorf("weak new password: %v", err)
			}
			if err := c.ChangePassword(ctx, password, "Kelapa-Muda#77"); err != nil {
				t.Fatalf("change password: %v", err)
			}
			if _, err := c.Profile(ctx); err != nil {
				t.Errorf("session lost after password change: %v", err)
			}

			if err := c.Logout(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Profile(ctx); !errors.Is(err, ErrUnauthorized) {
				t.Errorf("after logout: %v", err)
			}
			if h2 && (sb.h2.Load() == 0 || sb.h1.Load() != 0) || !h2 && (sb.h1.Load() == 0 || sb.h2.Load() != 0) {
				t.Errorf("protocols: h1 %d, h2 %d", sb.h1.Load(), sb.h2.Load())
			}
		})
	}
}

func TestLogout_RevokesServerSide(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false)
	c := sb.client(t)
	login(t, c, budi)
	access, refresh := c.tokensForTest()
	if err := c.Logout(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a, r := c.tokensForTest(); a != "" || r != "" {
		t.Error("tokens kept in memory after logout")
	}
	other := sb.client(t)
	other.setTokensForTest(budi, access, refresh)
	if _, err := other.Profile(context.Background()); !errors.Is(err, ErrUnauthorized) {
		t.Errorf("revoked tokens still work: %v", err)
	}
}

func TestLogin_MFA(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sb := newSandbox(t, true, sandbox.WithClock(clock.Now))
	c := sb.client(t, WithClock(clock.Now))
	ctx := context.Background()
	res, err := c.Login(ctx, siti, password, false)
	if err != nil || res.MFA == nil || res.Session != nil || res.MFA.AttemptsRemaining != 5 {
		t.Fatalf("login: %+v, %v", res, err)
	}
	if _, err := c.Profile(ctx); !errors.Is(err, ErrMFARequired) {
		t.Errorf("data call before MFA: %v", err)
	}
	var ce *CredentialsError
	if err := c.VerifyMFA(ctx, "000000"); !errors.As(err, &ce) || !ce.MFA || ce.AttemptsRemaining != 4 {
		t.Fatalf("wrong code: %v", err)
	}
	code, err := totp.GenerateCode(sandbox.SitiTOTPSecret, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.VerifyMFA(ctx, code); err != nil {
		t.Fatalf("right code: %v", err)
	}
	m, err := c.Profile(ctx)
	if err != nil || m.FullName != "Siti Rahayu" || !m.MFAEnabled {
		t.Fatalf("profile: %+v, %v", m, err)
	}
}

// Wrong passwords count down, then the account locks with a retry-after;
// POST /login is never repeated by the client.
func TestLogin_WrongPasswordThenLocked(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false, sandbox.WithLockout(3, 15*time.Minute, 15*time.Minute))
	c := sb.client(t)
	ctx := context.Background()
	for want := 2; want >= 0; want-- {
		_, err := c.Login(ctx, budi, "Salah#Sandi2026", false)
		var ce *CredentialsError
		var le *LockedError
		switch {
		case errors.As(err, &ce):
			if ce.AttemptsRemaining != want || !errors.Is(err, ErrUnauthorized) {
				t.Errorf("attempts remaining %d, want %d", ce.AttemptsRemaining, want)
			}
		case errors.As(err, &le) && want == 0:
			// Some servers lock on the last failure itself.
		default:
			t.Fatalf("wrong password: %v", err)
		}
	}
	_, err := c.Login(ctx, budi, password, false)
	var le *LockedError
	if !errors.As(err, &le) || !errors.Is(err, ErrLocked) || le.RetryAfter <= 0 || le.RetryAfter > 15*time.Minute {
		t.Fatalf("locked: %v", err)
	}
	if n := sb.count("POST /v1/login"); n != 4 {
		t.Errorf("server saw %d logins, want 4 (no retries)", n)
	}
}

// Access token expiry → one refresh → the call succeeds. Both when the
// client knows the token expired and when only the server does (401).
func TestRefresh_OnExpiry(t *testing.T) {
	t.Parallel()
	for _, clientKnows := range []bool{true, false} {
		t.Run(map[bool]string{true: "proactive", false: "on 401"}[clientKnows], func(t *testing.T) {
			clock := newFakeClock()
			sb := newSandbox(t, false, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
			opts := []Option{}
			if clientKnows {
				opts = append(opts, WithClock(clock.Now))
			}
			c := sb.client(t, opts...)
			login(t, c, budi)
			a0, r0 := c.tokensForTest()
			clock.Advance(2 * time.Minute)
			if _, err := c.Balance(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := sb.count("POST /v1/token/refresh"); n != 1 {
				t.Errorf("%d refreshes, want 1", n)
			}
			if a1, r1 := c.tokensForTest(); a1 == a0 || r1 == r0 || a1 == "" || r1 == "" {
				t.Error("tokens not rotated")
			}
		})
	}
}

// Several calls hitting 401 at once cause a single refresh.
func TestRefresh_SingleFlight(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sb := newSandbox(t, true, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
	c := sb.client(t) // real clock: only the server knows the token expired
	login(t, c, budi)
	clock.Advance(2 * time.Minute)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Profile(context.Background())
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := sb.count("POST /v1/token/refresh"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
}

// A spent refresh token presented again revokes the whole session: both
// holders end with ErrUnauthorized.
func TestRefresh_ReuseRevokesSession(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sb := newSandbox(t, false, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
	ctx := context.Background()
	legit := sb.client(t, WithClock(clock.Now))
	login(t, legit, budi)
	access, refresh := legit.tokensForTest()
	clock.Advance(2 * time.Minute)
	if _, err := legit.Profile(ctx); err != nil { // rotates: refresh is now spent
		t.Fatal(err)
	}
	thief := sb.client(t, WithClock(clock.Now))
	thief.setTokensForTest(budi, access, refresh)
	_, err := thief.Profile(ctx)
	if !errors.Is(err, ErrUnauthorized) || !errors.Is(err, ErrSessionRevoked) {
		t.Fatalf("reused refresh token: %v", err)
	}
	if a, r := thief.tokensForTest(); a != "" || r != "" {
		t.Error("revoked tokens kept")
	}
	if _, err := legit.Profile(ctx); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("legitimate holder after reuse: %v", err)
	}
	if n := sb.count("POST /v1/token/refresh"); n < 2 {
		t.Errorf("%d refreshes", n)
	}
}

func TestResponses_Faults(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false)
	c := sb.client(t)
	login(t, c, budi)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		fault faults.Fault
		want  error
		calls int64
	}{
		{"oversized body", faults.Fault{PathPrefix: "/v1/me/balance", OversizedBytes: MaxResponseBytes + 1<<20}, ErrResponseTooLarge, 1},
		{"gzip bomb", faults.Fault{PathPrefix: "/v1/me/balance", GzipBombBytes: MaxResponseBytes + 1<<20}, ErrResponseTooLarge, 1},
		{"malformed JSON", faults.Fault{PathPrefix: "/v1/me/balance", Malformed: true}, ErrBadResponse, 1},
		{"503 twice, then served", faults.Fault{PathPrefix: "/v1/me/balance", Status: 503, Times: 2}, nil, 3},
		{"503 always", faults.Fault{PathPrefix: "/v1/me/balance", Status: 503}, ErrServer, 3},
		{"500 is not retried", faults.Fault{PathPrefix: "/v1/me/balance", Status: 500}, ErrServer, 1},
		{"dropped mid-body, then served", faults.Fault{PathPrefix: "/v1/me/balance", DropMidBody: true, Times: 1}, nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sb.srv.ResetStats()
			if err := faults.Arm(sb.srv, tc.fault); err != nil {
				t.Fatal(err)
			}
			defer faults.Arm(sb.srv)
			_, err := c.Balance(ctx)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if n := sb.count("GET /v1/me/balance"); n != tc.calls {
				t.Errorf("server saw %d GETs, want %d", n, tc.calls)
			}
		})
	}
	// A POST is never retried, whatever the status.
	for _, route := range []string{"/v1/me/mfa/totp", "/v1/login"} {
		sb.srv.ResetStats()
		_ = faults.Arm(sb.srv, faults.Fault{Method: "POST", PathPrefix: route, Status: 503})
		var err error
		if route == "/v1/login" {
			_, err = c.Login(ctx, budi, password, false)
		} else {
			_, err = c.EnrolTOTP(ctx, password)
		}
		_ = faults.Arm(sb.srv)
		if !errors.Is(err, ErrServer) {
			t.Errorf("POST %s with 503: %v", route, err)
		}
		if n := sb.count("POST " + route); n != 1 {
			t.Errorf("POST %s sent %d times, want 1", route, n)
		}
	}
}

// A 307 on login would make a default client re-send the password to the
// new location. Ours refuses it, and the target receives nothing.
func TestLogin_RedirectsRefused(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false)
	ca := newTestCA(t)
	cert, _, _ := leaf(t, ca, leafOpts{})
	otherPort := newCountingServer(t, cert, okHandler())
	plain := newPlainCounting(t, okHandler())
	port := otherPort.URL[strings.LastIndexByte(otherPort.URL, ':')+1:]
	ctx := context.Background()
	for _, tc := range []struct {
		name, to string
		target   *countingServer
		also     error
	}{
		{"another host", "https://localhost:" + port, otherPort, ErrDomainNotAllowed},
		{"same host, other port", otherPort.URL, otherPort, nil},
		{"plain http", plain.URL, plain, ErrInsecureURL},
		{"same origin", sb.ts.URL + "/v1/login-elsewhere", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := sb.client(t)
			if err := faults.Arm(sb.srv, faults.Fault{Method: "POST", PathPrefix: "/v1/login", RedirectTo: tc.to}); err != nil {
				t.Fatal(err)
			}
			defer faults.Arm(sb.srv)
			sb.srv.ResetStats()
			_, err := c.Login(ctx, budi, password, false)
			var re *RedirectError
			if !errors.As(err, &re) || !errors.Is(err, ErrRedirect) || (tc.also != nil && !errors.Is(err, tc.also)) {
				t.Fatalf("err = %v", err)
			}
			if tc.target != nil {
				if n := tc.target.conns.Load(); n != 0 {
					t.Errorf("redirect target got %d connections", n)
				}
			}
			if st := sb.srv.Stats(); st.Total != 1 {
				t.Errorf("sandbox saw %v", st.ByRoute)
			}
		})
	}
}

// GETs follow same-origin redirects only.
func TestGet_RedirectPolicy(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false)
	ca := newTestCA(t)
	cert, _, _ := leaf(t, ca, leafOpts{})
	otherPort := newCountingServer(t, cert, okHandler())
	c := sb.client(t)
	login(t, c, budi)
	ctx := context.Background()

	_ = faults.Arm(sb.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me/card", RedirectTo: sb.ts.URL, Times: 1})
	if _, err := c.Cards(ctx); err != nil {
		t.Errorf("same-origin redirect: %v", err)
	}
	_ = faults.Arm(sb.srv, faults.Fault{Method: "GET", PathPrefix: "/v1/me/card", RedirectTo: otherPort.URL})
	if _, err := c.Cards(ctx); !errors.Is(err, ErrRedirect) {
		t.Errorf("cross-origin redirect: %v", err)
	}
	_ = faults.Arm(sb.srv)
	if n := otherPort.conns.Load(); n != 0 {
		t.Errorf("redirect target got %d connections", n)
	}
}

// The log of a full session holds no password, token, NIK, full KPJ or identifier.
func TestLog_NoSecrets(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sb := newSandbox(t, true, sandbox.WithClock(clock.Now), sandbox.WithAccessTTL(time.Minute))
	var buf logBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := sb.client(t, WithLogger(log), WithClock(clock.Now))
	ctx := context.Background()
	var secrets []string
	if _, err := c.Login(ctx, budi, "Salah#Sandi2026", false); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatal(err)
	}
	login(t, c, budi)
	a, r := c.tokensForTest()
	secrets = append(secrets, a, r)
	m, err := c.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, card := range m.Cards {
		secrets = append(secrets, card.KPJ)
	}
	clock.Advance(2 * time.Minute) // force a refresh
	if _, err := c.Balance(ctx); err != nil {
		t.Fatal(err)
	}
	a, r = c.tokensForTest()
	secrets = append(secrets, a, r)
	for _, call := range []func() error{
		func() error { _, err := c.Contributions(ctx, 2024); return err },
		func() error { _, err := c.Claims(ctx); return err },
		func() error { _, err := c.Cards(ctx); return err },
		func() error { _, err := c.Logins(ctx); return err },
		func() error { return c.Logout(ctx) },
	} {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	// Siti: the MFA token and code must not appear either.
	res, err := c.Login(ctx, siti, password, false)
	if err != nil || res.MFA == nil {
		t.Fatal(res, err)
	}
	c.mu.Lock()
	secrets = append(secrets, c.sess.mfaToken)
	c.mu.Unlock()
	code, _ := totp.GenerateCode(sandbox.SitiTOTPSecret, clock.Now())
	if err := c.VerifyMFA(ctx, code); err != nil {
		t.Fatal(err)
	}
	secrets = append(secrets, "Sandbox#2026", "Salah#Sandi2026", "3174051708850003", "3273015203900001",
		budi, siti, "contoh.id", "Bearer", "password", code)
	out := buf.String()
	if !strings.Contains(out, "path=/v1/me/balance") || !strings.Contains(out, "session refreshed") {
		t.Fatalf("log too quiet to prove anything:\n%s", out)
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("log contains %q:\n%s", s, out)
		}
	}
}

func TestRegister(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, false)
	c := sb.client(t)
	ctx := context.Background()
	dewi := Registration{NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC), Email: "dewi@contoh.id",
		Phone: "0813-3700-1122", Password: "Kelapa-Muda#77"}

	bad := dewi
	bad.NIK, bad.Email, bad.Password = "2071044507950004", "dewi@", "dewi1995"
	var ve *ValidationError
	if _, err := c.Register(ctx, bad); !errors.As(err, &ve) || len(ve.Fields) != 3 {
		t.Fatalf("local validation: %v", err)
	}
	if n := sb.count("POST /v1/register"); n != 0 {
		t.Errorf("invalid form reached the server %d times", n)
	}
	// A NIK whose date is not the birth date is sent: the server decides.
	odd := dewi
	odd.BirthDate = odd.BirthDate.AddDate(0, 0, 1)
	if _, err := c.Register(ctx, odd); err != nil {
		t.Errorf("NIK/date mismatch was blocked: %v", err)
	}

	p, err := c.Register(ctx, dewi)
	if err != nil {
		t.Fatalf("register: %v", err)
	}
	if p.EmailMasked != "de**@contoh.id" || p.PhoneMasked != "0813****1122" || p.AttemptsRemaining != 5 ||
		p.ResendAt.Before(time.Now().Add(50*time.Second)) || p.CodesExpire.Before(time.Now().Add(4*time.Minute)) {
		t.Errorf("pending = %+v", p)
	}
	// Not an account yet.
	if _, err := c.Login(ctx, "dewi@contoh.id", dewi.Password, false); !errors.Is(err, ErrInvalidCredentials) {
		t.Errorf("login before the codes: %v", err)
	}
	if _, err := c.ResendRegistration(ctx, p); !errors.Is(err, ErrLocked) {
		t.Errorf("resend before the countdown: %v", err)
	} else if le := (*LockedError)(nil); !errors.As(err, &le) || !le.RateLimited || le.RetryAfter <= 0 {
		t.Errorf("resend refusal: %+v", err)
	}
	emailCode, smsCode := sb.srv.LatestCode("email", "dewi@contoh.id"), sb.srv.LatestCode("sms", "081337001122")
	var ce *CodeError
	if _, err := c.ConfirmRegistration(ctx, p, emailCode, "000000"); !errors.As(err, &ce) || ce.Email || !ce.SMS || ce.AttemptsRemaining != 4 {
		t.Errorf("wrong SMS code: %+v", err)
	}
	if _, err := c.ConfirmRegistration(ctx, p, "12 34", smsCode); !errors.As(err, &ve) {
		t.Errorf("a short code: %v", err)
	}
	// Pasted with a space, as SMS apps often show it.
	got, err := c.ConfirmRegistration(ctx, p, emailCode[:3]+" "+emailCode[3:], smsCode)
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	if got.KPJ != "21045678901" || got.FullName != "Dewi Lestari" {
		t.Errorf("registered = %+v", got)
	}
	if _, err := c.ConfirmRegistration(ctx, p, emailCode, smsCode); !errors.Is(err, ErrRegistrationExpired) {
		t.Errorf("codes reused: %v", err)
	}
	if _, err := c.Login(ctx, "dewi@contoh.id", dewi.Password, false); err != nil {
		t.Fatal(err)
	}
	if m, err := c.Profile(ctx); err != nil || m.FullName != "Dewi Lestari" {
		t.Errorf("profile: %+v, %v", m, err)
	}
}

func TestRegister_ExpiredCodesAndResend(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sb := newSandbox(t, false, sandbox.WithClock(clock.Now))
	c := sb.client(t, WithClock(clock.Now))
	ctx := context.Background()
	dewi := Registration{NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC), Email: "dewi@contoh.id",
		Phone: "+62 813 3700 1122", Password: "Kelapa-Muda#77"}
	p, err := c.Register(ctx, dewi)
	if err != nil {
		t.Fatal(err)
	}
	emailCode, smsCode := sb.srv.LatestCode("email", "dewi@contoh.id"), sb.srv.LatestCode("sms", "081337001122")
	clock.Advance(5 * time.Minute)
	if _, err := c.ConfirmRegistration(ctx, p, emailCode, smsCode); !errors.Is(err, ErrCodeExpired) {
		t.Fatalf("expired codes: %v", err)
	}
	p2, err := c.ResendRegistration(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if p2.AttemptsRemaining != 4 || !p2.ResendAt.After(p.ResendAt) {
		t.Errorf("resent = %+v", p2)
	}
	emailCode, smsCode = sb.srv.LatestCode("email", "dewi@contoh.id"), sb.srv.LatestCode("sms", "081337001122")
	if _, err := c.ConfirmRegistration(ctx, p2, emailCode, smsCode); err != nil {
		t.Fatal(err)
	}
}

func TestErrors_TimeoutOfflineCancel(t *testing.T) {
	sb := newSandbox(t, false)
	ctx := context.Background()

	slow := sb.client(t, WithTimeout(200*time.Millisecond))
	login(t, slow, budi)
	_ = faults.Arm(sb.srv, faults.Fault{PathPrefix: "/v1/me", Latency: 2 * time.Second})
	sb.srv.ResetStats()
	if _, err := slow.Profile(ctx); !errors.Is(err, ErrTimeout) {
		t.Errorf("slow server: %v", err)
	}
	if n := sb.count("GET /v1/me"); n != 1 {
		t.Errorf("a timed-out GET was sent %d times, want 1", n)
	}
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	if _, err := slow.Profile(cctx); !errors.Is(err, ErrTimeout) {
		t.Errorf("caller deadline: %v", err)
	}
	cancel()
	cctx, cancel = context.WithCancel(ctx)
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	if _, err := slow.Profile(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	_ = faults.Arm(sb.srv)

	c := sb.client(t)
	login(t, c, budi)
	sb.ts.Close()
	if _, err := c.Balance(ctx); !errors.Is(err, ErrOffline) {
		t.Errorf("server gone: %v", err)
	}
	if _, err := c.Verify(ctx); !errors.Is(err, ErrOffline) {
		t.Errorf("verify, server gone: %v", err)
	}
}
