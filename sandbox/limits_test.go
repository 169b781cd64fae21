package sandbox

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
)

// 50 wrong passwords for one account at once, at the sandbox's real
// argon2id cost: before issue 15 the lock was check-then-act and 24 to 38
// of them were checked. Now every attempt is reserved before the check, so
// at most the limit (5) are evaluated; the rest are refused with 429 before
// any hashing, and argon2id never runs more than argonSlots at once.
func TestLogin_ParallelWrongPasswordsEvaluateAtMostTheLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithPasswordParams(DefaultPasswordParams))
	before := e.srv.argon.runs.Load()
	const n = 50
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			status, _, _ := e.do("POST", "/v1/login", "", map[string]string{"identifier": "budi@contoh.id", "password": "Tebak#Sandi99"})
			statuses <- status
		}()
	}
	close(start)
	wg.Wait()
	close(statuses)
	var invalid, locked int
	for s := range statuses {
		switch s {
		case http.StatusUnauthorized:
			invalid++
		case http.StatusTooManyRequests:
			locked++
		default:
			t.Errorf("status %d", s)
		}
	}
	evaluated := e.srv.argon.runs.Load() - before
	if evaluated > int64(e.srv.cfg.lockMax) {
		t.Errorf("%d passwords were checked, limit %d", evaluated, e.srv.cfg.lockMax)
	}
	if invalid > e.srv.cfg.lockMax-1 || invalid+locked != n {
		t.Errorf("%d invalid-credentials and %d locked of %d", invalid, locked, n)
	}
	if peak := e.srv.argon.peak.Load(); peak > argonSlots {
		t.Errorf("%d argon2id computations ran at once, the gate allows %d", peak, argonSlots)
	}
	// And the right password is refused now too.
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "budi@contoh.id", "password": DemoPassword},
		http.StatusTooManyRequests, "locked")
}

func TestArgonGate_BoundsConcurrencyAndHonoursTheContext(t *testing.T) {
	t.Parallel()
	g := newArgonGate(2)
	var wg sync.WaitGroup
	release := make(chan struct{})
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = g.do(context.Background(), func() { <-release })
		}()
	}
	for g.running.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.do(ctx, func() { t.Error("ran with a cancelled context while the gate was full") }); err == nil {
		t.Error("a full gate ignored the cancelled context")
	}
	close(release)
	wg.Wait()
	if g.peak.Load() != 2 || g.runs.Load() != 6 {
		t.Errorf("peak %d runs %d, want 2 and 6", g.peak.Load(), g.runs.Load())
	}
}

// Ten requests racing with one TOTP code: on ten challenges, exactly one
// session; on one challenge, exactly one session.
func TestLoginMFA_ParallelUsesOfOneCodeGiveExactlyOneSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t, WithLockout(50, time.Hour, time.Hour))
	countSessions := func() int {
		var n int
		if err := e.srv.db.QueryRow(`SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.member_id = s.member_id
			WHERE a.email = 'siti@contoh.id'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	race := func(tokens []string, code string) int {
		t.Helper()
		results := make(chan int, len(tokens))
		start := make(chan struct{})
		for _, tok := range tokens {
			go func() {
				<-start
				status, _, _ := e.do("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": tok, "code": code})
				results <- status
			}()
		}
		close(start)
		ok := 0
		for range tokens {
			switch s := <-results; s {
			case http.StatusOK:
				ok++
			case http.StatusUnauthorized, http.StatusTooManyRequests:
			default:
				t.Errorf("status %d", s)
			}
		}
		return ok
	}
	challenge := func() string {
		var ch testTokens
		e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
		return ch.MFAToken
	}
	var tokens []string
	for i := 0; i < 10; i++ {
		tokens = append(tokens, challenge())
	}
	code, _ := TOTPCode(SitiTOTPSecret, e.clock.Now())
	if ok := race(tokens, code); ok != 1 {
		t.Errorf("ten challenges, one code: %d sessions, want 1", ok)
	}
	if n := countSessions(); n != 1 {
		t.Errorf("%d sessions in the database", n)
	}
	e.clock.Advance(30 * time.Second)
	one := challenge()
	code, _ = TOTPCode(SitiTOTPSecret, e.clock.Now())
	same := make([]string, 10)
	for i := range same {
		same[i] = one
	}
	if ok := race(same, code); ok != 1 {
		t.Errorf("one challenge ten times: %d sessions, want 1", ok)
	}
	if n := countSessions(); n != 2 {
		t.Errorf("%d sessions in the database, want 2", n)
	}
}

// attempts_remaining is counted per identifier as typed: two failures, one
// with Budi's email and one with his KPJ, each say 4, so the answers never
// link the two; an unknown identifier counts the same way.
func TestLogin_AttemptsRemainingPerIdentifierAsTyped(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, id := range []string{"budi@contoh.id", "18012345678", "09011223344", "nobody@contoh.id", "BUDI@contoh.id"} {
		p := e.problem("POST", "/v1/login", "", map[string]string{"identifier": id, "password": "Tebak#Sandi99"},
			http.StatusUnauthorized, "invalid-credentials")
		want := 4
		if id == "BUDI@contoh.id" {
			want = 3 // the same email, in capitals
		}
		if p.AttemptsRemaining == nil || *p.AttemptsRemaining != want {
			t.Errorf("%s: attempts_remaining %v, want %d", id, p.AttemptsRemaining, want)
		}
	}
}

// A session family ends 90 days after its sign-in however often it is
// refreshed, and no token it hands out outlives that.
func TestRefresh_FamilyHasAnAbsoluteLifetime(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword)
	for day := 20; day < 90; day += 20 {
		e.clock.Advance(20 * 24 * time.Hour)
		var next testTokens
		e.call("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken}, http.StatusOK, &next)
		tok = next
	}
	// Day 80: the family has 10 days left, the refresh token its 30 days'
	// term would outlive it.
	var expires int64
	if err := e.srv.db.QueryRow(`SELECT expires_at FROM tokens WHERE hash = ?`, hashToken(tok.RefreshToken)).Scan(&expires); err != nil {
		t.Fatal(err)
	}
	if want := testStart.Add(90 * 24 * time.Hour).Unix(); expires != want {
		t.Errorf("refresh token expires %v, want the family's end %v", time.Unix(expires, 0).UTC(), time.Unix(want, 0).UTC())
	}
	e.clock.Advance(10 * 24 * time.Hour)
	e.problem("POST", "/v1/token/refresh", "", map[string]string{"refresh_token": tok.RefreshToken}, http.StatusUnauthorized, "unauthorized")
	e.login("budi@contoh.id", DemoPassword)
}

// The dummy hash of unknown identifiers has the stored hashes' cost, even
// when the server now creates hashes at another cost.
func TestLogin_DummyHashUsesTheStoredHashesParameters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s1, err := Open(dir, WithPasswordParams(PasswordParams{MemoryKiB: 256, Time: 3, Threads: 1}))
	if err != nil {
		t.Fatal(err)
	}
	s1.Close()
	s2, err := Open(dir, WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	p, ok := hashParams(s2.dummyHash)
	if !ok || p != (PasswordParams{MemoryKiB: 256, Time: 3, Threads: 1}) {
		t.Errorf("dummy hash parameters %+v, want the stored m=256,t=3,p=1", p)
	}
	fresh, err := Open(t.TempDir(), WithPasswordParams(FastPasswordParams))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if p, _ := hashParams(fresh.dummyHash); p != FastPasswordParams {
		t.Errorf("fresh server's dummy %+v, want its own parameters", p)
	}
}

// The lockout table is bounded: expired entries go first, and a full table
// refuses new keys rather than evicting a locked one.
func TestLockout_TableIsBounded(t *testing.T) {
	t.Parallel()
	l := newLockout(2, time.Minute, time.Minute)
	l.capacity = 3
	now := testStart
	for _, k := range []string{"a", "b", "c"} {
		if _, _, ok := l.reserve(k, now); !ok {
			t.Fatalf("%s refused", k)
		}
	}
	if _, retry, ok := l.reserve("d", now); ok || retry <= 0 {
		t.Errorf("a fourth key in a full table: ok %v retry %v", ok, retry)
	}
	// Existing keys still count.
	if _, _, ok := l.reserve("a", now); !ok {
		t.Error("an existing key was refused")
	}
	if _, _, ok := l.reserve("a", now); ok {
		t.Error("a locked key was let through")
	}
	now = now.Add(2 * time.Minute)
	if _, _, ok := l.reserve("d", now); !ok {
		t.Error("expired entries were not pruned for a new key")
	}
	if n := l.size(); n > 3 {
		t.Errorf("table holds %d keys, capacity 3", n)
	}
}

func TestLockout_RefundAndSucceed(t *testing.T) {
	t.Parallel()
	l := newLockout(2, time.Minute, time.Minute)
	now := testStart
	r1, _, _ := l.reserve("k", now)
	if r1.Remaining != 1 {
		t.Errorf("remaining %d", r1.Remaining)
	}
	r2, _, _ := l.reserve("k", now)
	if r2.Remaining != 0 || l.locked("k", now) == 0 {
		t.Fatal("the last attempt did not lock")
	}
	r2.Refund() // it was right after all (a password that still needs 2FA)
	if l.locked("k", now) != 0 || l.remaining("k", now) != 1 {
		t.Errorf("refund: locked %v remaining %d", l.locked("k", now), l.remaining("k", now))
	}
	r1.Succeed()
	if l.remaining("k", now) != 2 {
		t.Errorf("after success remaining %d", l.remaining("k", now))
	}
}

// A login waiting for the password gate when its client gives up gets no
// answer at all, not an empty 200 the client could still read.
func TestLogin_GaveUpWhileGatedGetsNoAnswer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for range cap(e.srv.argon.slots) {
		e.srv.argon.slots <- struct{}{}
	}
	defer func() {
		for range cap(e.srv.argon.slots) {
			<-e.srv.argon.slots
		}
	}()
	body := `{"identifier":"budi@contoh.id","password":"` + DemoPassword + `"}`
	got := tlsserve.HangUp(t, e.ts.Listener.Addr().String(), e.srv.CertPEM(),
		"POST /v1/login HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\nContent-Length: "+
			strconv.Itoa(len(body))+"\r\n\r\n"+body)
	if len(got) > 0 {
		t.Errorf("the server answered a login its client had given up: %q", got)
	}
}
