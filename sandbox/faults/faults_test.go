package faults

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

func TestFaults_StatusNTimesScopedToRoute(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", sandbox.DemoPassword)
	if err := Arm(e.srv, Fault{Method: "GET", PathPrefix: "/v1/me/balance", Status: 503, RetryAfter: 7, Times: 2}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		p := e.problem("GET", "/v1/me/balance", tok, nil, http.StatusServiceUnavailable, "unavailable")
		if p.header.Get("Retry-After") != "7" {
			t.Errorf("Retry-After %q", p.header.Get("Retry-After"))
		}
		// Other routes are untouched.
		e.call("GET", "/v1/me", tok, nil, http.StatusOK, nil)
	}
	e.call("GET", "/v1/me/balance", tok, nil, http.StatusOK, nil)
}

func TestFaults_RedirectOnlyLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.vt.skip.Store(true)
	if err := Arm(e.srv,
		Fault{Method: "POST", PathPrefix: "/v1/login", RedirectTo: "http://127.0.0.1:9"},
		Fault{PathPrefix: "/v1/me/claims", RedirectTo: "https://evil.example:8443/steal"},
	); err != nil {
		t.Fatal(err)
	}
	status, h, _ := e.do("POST", "/v1/login", "", map[string]string{"identifier": "budi@contoh.id", "password": sandbox.DemoPassword})
	if status != http.StatusTemporaryRedirect || h.Get("Location") != "http://127.0.0.1:9/v1/login" {
		t.Errorf("login: %d Location %q", status, h.Get("Location"))
	}
	status, h, _ = e.do("GET", "/v1/me/claims", "", nil)
	if status != http.StatusTemporaryRedirect || h.Get("Location") != "https://evil.example:8443/steal" {
		t.Errorf("claims: %d Location %q", status, h.Get("Location"))
	}
	if status, _, _ := e.do("GET", "/v1/health", "", nil); status != http.StatusOK {
		t.Errorf("health: %d", status)
	}
}

func TestFaults_MalformedAndOversized(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.plainClient(true)
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", Malformed: true, Times: 1})
	resp, err := e.raw(c, "GET", "/v1/health", "")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var v any
	if resp.StatusCode != 200 || json.Unmarshal(body, &v) == nil {
		t.Errorf("malformed: status %d, body parses: %s", resp.StatusCode, body)
	}

	const size = 8 << 20
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", OversizedBytes: size})
	resp, err = e.raw(c, "GET", "/v1/health", "")
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || n < size || resp.ContentLength != n {
		t.Errorf("oversized: read %d bytes (Content-Length %d), err %v", n, resp.ContentLength, err)
	}
}

func TestFaults_GzipBomb(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const size = 64 << 20
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", GzipBombBytes: size})
	resp, err := e.raw(e.plainClient(true), "GET", "/v1/health", "")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	compressed, _ := io.ReadAll(resp.Body)
	if resp.Header.Get("Content-Encoding") != "gzip" || len(compressed) > size/500 {
		t.Fatalf("encoding %q, %d compressed bytes", resp.Header.Get("Content-Encoding"), len(compressed))
	}
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil || n < size {
		t.Errorf("inflated to %d bytes, err %v; want ≥ %d", n, err, size)
	}
}

func TestFaults_DropMidBody(t *testing.T) {
	t.Parallel()
	for _, h2 := range []bool{false, true} {
		name := "http1"
		if h2 {
			name = "h2"
		}
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			_ = Arm(e.srv, Fault{Method: "GET", PathPrefix: "/v1/health", DropMidBody: true})
			c := e.plainClient(h2)
			resp, err := e.raw(c, "GET", "/v1/health", "")
			if err != nil {
				return // dropped before headers arrived: also a drop
			}
			defer resp.Body.Close()
			if h2 != (resp.ProtoMajor == 2) {
				t.Errorf("protocol %s", resp.Proto)
			}
			n, err := io.Copy(io.Discard, resp.Body)
			if err == nil {
				t.Errorf("read %d bytes without error; want a broken body", n)
			}
		})
	}
}

func TestFaults_LatencyRespectsCancel(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", Latency: 150 * time.Millisecond, Times: 1})
	start := time.Now()
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("latency fault took %v", d)
	}
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", Latency: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", e.ts.URL+"/v1/health", nil)
	start = time.Now()
	_, err := e.plainClient(true).Do(req)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("cancelled request: %v after %v", err, time.Since(start))
	}
	_ = Arm(e.srv)
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
}

func TestFaults_Validation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, f := range []Fault{{Status: 404}, {RedirectTo: "/relative"}, {Times: -1}} {
		if err := Arm(e.srv, f); err == nil {
			t.Errorf("Arm(%+v) accepted", f)
		}
		if err := new(Set).Arm(f); err == nil {
			t.Errorf("Set.Arm(%+v) accepted", f)
		}
	}
	if _, err := sandbox.Open(t.TempDir(), With(Fault{Status: 200})); err == nil {
		t.Error("With accepted a 200 status")
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	f, err := Parse("method=post,path=/v1/login,times=2,latency=250ms,status=503,retry-after=5")
	want := Fault{Method: "POST", PathPrefix: "/v1/login", Times: 2, Latency: 250 * time.Millisecond, Status: 503, RetryAfter: 5}
	if err != nil || f != want {
		t.Errorf("Parse = %+v, %v", f, err)
	}
	f, err = Parse("path=/v1/me,malformed,drop,oversized=1024,gzip-bomb=2048,redirect=http://127.0.0.1:9")
	want = Fault{PathPrefix: "/v1/me", Malformed: true, DropMidBody: true, OversizedBytes: 1024, GzipBombBytes: 2048, RedirectTo: "http://127.0.0.1:9"}
	if err != nil || f != want {
		t.Errorf("Parse = %+v, %v", f, err)
	}
	for _, bad := range []string{"colour=red", "status=200", "times=x", "latency=fast", "redirect=nohost"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestStats_CountsEveryRequest(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if s := e.srv.Stats(); s.Total != 0 || len(s.ByRoute) != 0 {
		t.Fatalf("fresh stats = %+v", s)
	}
	tok := e.login("budi@contoh.id", sandbox.DemoPassword)
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/me/balance", Status: 500, Times: 1})
	e.problem("GET", "/v1/me/balance", tok, nil, 500, "internal")
	e.call("GET", "/v1/me/balance", tok, nil, 200, nil)
	e.call("GET", "/v1/me/contributions?year=2020", tok, nil, 200, nil)
	s := e.srv.Stats()
	if s.Total != 4 || s.ByRoute["POST /v1/login"] != 1 || s.ByRoute["GET /v1/me/balance"] != 2 || s.ByRoute["GET /v1/me/contributions"] != 1 {
		t.Errorf("stats = %+v", s)
	}
	s.ByRoute["POST /v1/login"] = 99 // a copy: must not leak back
	e.srv.ResetStats()
	if s := e.srv.Stats(); s.Total != 0 || s.ByRoute["POST /v1/login"] != 0 {
		t.Errorf("after reset = %+v", s)
	}
}

func TestWith_ArmedFromOpenAndArmReplaces(t *testing.T) {
	t.Parallel()
	e := newEnv(t, With(Fault{Method: "GET", PathPrefix: "/v1/health", Status: 503, Times: 1}))
	e.problem("GET", "/v1/health", "", nil, http.StatusServiceUnavailable, "unavailable")
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)

	_ = Arm(e.srv, Fault{Method: "GET", PathPrefix: "/v1/health", Status: 500})
	e.problem("GET", "/v1/health", "", nil, http.StatusInternalServerError, "internal")
	// An invalid Arm changes nothing.
	if err := Arm(e.srv, Fault{PathPrefix: "/v1/health", Status: 404}); err == nil {
		t.Fatal("Arm accepted a 404 status")
	}
	e.problem("GET", "/v1/health", "", nil, http.StatusInternalServerError, "internal")
	_ = Arm(e.srv)
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
}

// A Set of one's own, through sandbox.WithMiddleware: Arm replaces its
// faults and counts Times afresh.
func TestSet_WrapThroughWithMiddleware(t *testing.T) {
	t.Parallel()
	set := new(Set)
	e := newEnv(t, sandbox.WithMiddleware(set.Wrap))
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
	if err := set.Arm(Fault{PathPrefix: "/v1/health", Status: 503, RetryAfter: 3, Times: 1}); err != nil {
		t.Fatal(err)
	}
	if p := e.problem("GET", "/v1/health", "", nil, http.StatusServiceUnavailable, "unavailable"); p.header.Get("Retry-After") != "3" {
		t.Errorf("Retry-After %q", p.header.Get("Retry-After"))
	}
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
	_ = set.Arm(Fault{PathPrefix: "/v1/health", Status: 503, Times: 1})
	e.problem("GET", "/v1/health", "", nil, http.StatusServiceUnavailable, "unavailable")
	_ = set.Arm()
	e.call("GET", "/v1/health", "", nil, http.StatusOK, nil)
	if s := e.srv.Stats(); s.ByRoute["GET /v1/health"] != 5 {
		t.Errorf("stats = %+v", s)
	}
}

// A client that gives up during a latency fault gets no answer at all: the
// server must not send the empty 200 a handler returning early would. A
// client's transport can still read a response racing its own cancel (Go's
// persistConn uses it), so an empty 200 there reached the app as a
// malformed answer instead of a timeout.
func TestFaults_LatencyCancelledSendsNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_ = Arm(e.srv, Fault{PathPrefix: "/v1/health", Latency: time.Minute})
	if got := tlsserve.HangUp(t, e.ts.Listener.Addr().String(), e.srv.CertPEM(),
		"GET /v1/health HTTP/1.1\r\nHost: sandbox\r\n\r\n"); len(got) > 0 {
		t.Errorf("the server answered a request its client had given up: %q", got)
	}
}
