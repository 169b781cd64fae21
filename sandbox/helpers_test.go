package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// testStart is the fake clock's start: a Friday morning in Jakarta, after
// the seed's reference date.
var testStart = time.Date(2026, time.November, 20, 1, 0, 0, 0, time.UTC)

// fakeClock is a settable clock for WithClock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

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

// env is one sandbox under test behind real TLS.
type env struct {
	t      *testing.T
	srv    *Server
	ts     *httptest.Server
	clock  *fakeClock
	client *http.Client
	vt     *validatingTransport
	dir    string
}

var (
	specOnce sync.Once
	specDoc  *openapi3.T
	specErr  error
)

// loadSpec parses api/openapi.yaml once per test binary.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	specOnce.Do(func() {
		loader := openapi3.NewLoader()
		specDoc, specErr = loader.LoadFromFile("../api/openapi.yaml")
		if specErr == nil {
			specErr = specDoc.Validate(context.Background())
		}
	})
	if specErr != nil {
		t.Fatalf("load api/openapi.yaml: %v", specErr)
	}
	return specDoc
}

// newEnv starts a sandbox on httptest with TLS, fast password hashing and a
// fake clock. Every response the client receives is validated against
// api/openapi.yaml.
func newEnv(t *testing.T, opts ...Option) *env {
	t.Helper()
	clock := &fakeClock{t: testStart}
	dir := t.TempDir()
	all := append([]Option{WithClock(clock.Now), WithPasswordParams(FastPasswordParams)}, opts...)
	srv, err := Open(dir, all...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	// tlsserve, not sandboxtls: that one imports this package.
	ts := tlsserve.Serve(t, srv.Handler(), srv.TLSConfig(), tlsserve.HTTP2())
	base := tlsserve.Transport(t, srv.CertPEM())
	e := &env{t: t, srv: srv, ts: ts, clock: clock, dir: dir}
	// The router matches the server URL, so point a copy of the document at
	// this test server.
	doc := *loadSpec(t)
	doc.Servers = openapi3.Servers{{URL: ts.URL + "/v1"}}
	router, err := legacy.NewRouter(&doc)
	if err != nil {
		t.Fatalf("openapi router: %v", err)
	}
	e.vt = &validatingTransport{t: t, base: base, doc: &doc, router: router}
	e.client = &http.Client{
		Transport: e.vt,
		// Tests look at redirects themselves.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	return e
}

// validatingTransport checks each response against the OpenAPI document
// with kin-openapi, so no test can pass on a response the contract forbids.
type validatingTransport struct {
	t      *testing.T
	base   http.RoundTripper
	doc    *openapi3.T
	router routers.Router
	skip   atomic.Bool // set by fault tests, whose responses are broken on purpose
}

func (v *validatingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := v.base.RoundTrip(req)
	if err != nil || v.skip.Load() {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	v.validate(req, resp, body)
	return resp, nil
}

func (v *validatingTransport) validate(req *http.Request, resp *http.Response, body []byte) {
	v.t.Helper()
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		// Unknown endpoints must still answer with a valid Problem.
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMethodNotAllowed {
			v.t.Errorf("%s %s: no route in spec (%v) but status %d", req.Method, req.URL.Path, err, resp.StatusCode)
			return
		}
		v.validateProblem(req, body)
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status:  resp.StatusCode,
		Header:  resp.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(req.Context(), in); err != nil {
		v.t.Errorf("%s %s -> %d violates api/openapi.yaml: %v\nbody: %s", req.Method, req.URL.Path, resp.StatusCode, err, body)
	}
}

func (v *validatingTransport) validateProblem(req *http.Request, body []byte) {
	var val any
	if err := json.Unmarshal(body, &val); err != nil {
		v.t.Errorf("%s %s: problem body is not JSON: %v", req.Method, req.URL.Path, err)
		return
	}
	schema := v.doc.Components.Schemas["Problem"].Value
	if err := schema.VisitJSON(val, openapi3.EnableJSONSchema2020()); err != nil {
		v.t.Errorf("%s %s: problem violates schema: %v", req.Method, req.URL.Path, err)
	}
}

// do sends a request with an optional JSON body (string or value) and
// bearer token, returning status, headers and body.
func (e *env) do(method, path, token string, body any) (int, http.Header, []byte) {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatalf("marshal: %v", err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.ts.URL+path, rd)
	if err != nil {
		e.t.Fatalf("new request: %v", err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "sandbox-test/1.0")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp.StatusCode, resp.Header, raw
}

// call is do plus a status check and JSON decoding into out (if non-nil).
func (e *env) call(method, path, token string, body any, wantStatus int, out any) http.Header {
	e.t.Helper()
	status, h, raw := e.do(method, path, token, body)
	if status != wantStatus {
		e.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, status, wantStatus, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e.t.Fatalf("%s %s: decode %s: %v", method, path, raw, err)
		}
	}
	return h
}

// problem asserts a problem response with the given status and slug.
func (e *env) problem(method, path, token string, body any, wantStatus int, slug string) testProblem {
	e.t.Helper()
	var p testProblem
	h := e.call(method, path, token, body, wantStatus, &p)
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		e.t.Errorf("%s %s: Content-Type %q, want application/problem+json", method, path, ct)
	}
	if want := problemBase + slug; p.Type != want {
		e.t.Errorf("%s %s: problem type %q, want %q (detail %q)", method, path, p.Type, want, p.Detail)
	}
	p.header = h
	return p
}

// testProblem decodes problems independently of the server's own type.
type testProblem struct {
	Type              string `json:"type"`
	Title             string `json:"title"`
	Status            int    `json:"status"`
	Detail            string `json:"detail"`
	AttemptsRemaining *int   `json:"attempts_remaining"`
	RetryAfter        *int   `json:"retry_after"`
	Errors            []struct {
		Field, Code, Message string
	} `json:"errors"`
	header http.Header
}

func (p testProblem) hasField(field, code string) bool {
	for _, e := range p.Errors {
		if e.Field == field && e.Code == code {
			return true
		}
	}
	return false
}

type testTokens struct {
	AccessToken       string `json:"access_token"`
	RefreshToken      string `json:"refresh_token"`
	TokenType         string `json:"token_type"`
	ExpiresIn         int    `json:"expires_in"`
	MFARequired       bool   `json:"mfa_required"`
	MFAToken          string `json:"mfa_token"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

// login signs in and returns the pair, failing on MFA.
func (e *env) login(identifier, password string) testTokens {
	e.t.Helper()
	var tok testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": identifier, "password": password}, http.StatusOK, &tok)
	if tok.AccessToken == "" {
		e.t.Fatalf("login %s: no access token (mfa_required=%v)", identifier, tok.MFARequired)
	}
	return tok
}

// loginSiti completes Siti's two-step login at the current fake time.
func (e *env) loginSiti() testTokens {
	e.t.Helper()
	var ch testTokens
	e.call("POST", "/v1/login", "", map[string]string{"identifier": "siti@contoh.id", "password": DemoPassword}, http.StatusOK, &ch)
	code, err := TOTPCode(SitiTOTPSecret, e.clock.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	var tok testTokens
	e.call("POST", "/v1/login/mfa", "", map[string]string{"mfa_token": ch.MFAToken, "code": code}, http.StatusOK, &tok)
	return tok
}
