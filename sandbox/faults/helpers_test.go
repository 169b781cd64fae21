package faults

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/sandboxtls"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// The helpers mirror sandbox's own test helpers (helpers_test.go there),
// which a test of another package cannot use.

// problemBase prefixes every sandbox problem type URI.
const problemBase = "https://sandbox.cekbpjstk.invalid/problems/"

// env is one sandbox under test behind real TLS.
type env struct {
	t      *testing.T
	srv    *sandbox.Server
	ts     *httptest.Server
	client *http.Client
	vt     *validatingTransport
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
		specDoc, specErr = loader.LoadFromFile("../../api/openapi.yaml")
		if specErr == nil {
			specErr = specDoc.Validate(context.Background())
		}
	})
	if specErr != nil {
		t.Fatalf("load api/openapi.yaml: %v", specErr)
	}
	return specDoc
}

// newEnv starts a sandbox over TLS (sandboxtls) with fast password hashing.
// Every response e.client receives is validated against api/openapi.yaml
// unless e.vt.skip is set.
func newEnv(t *testing.T, opts ...sandbox.Option) *env {
	t.Helper()
	sb := sandboxtls.Start(t, sandboxtls.With(opts...), sandboxtls.Serve(tlsserve.HTTP2()))
	e := &env{t: t, srv: sb.Server, ts: sb.TS}
	base := sb.Transport(t)
	ts := sb.TS
	doc := *loadSpec(t)
	doc.Servers = openapi3.Servers{{URL: ts.URL + "/v1"}}
	router, err := legacy.NewRouter(&doc)
	if err != nil {
		t.Fatalf("openapi router: %v", err)
	}
	e.vt = &validatingTransport{t: t, base: base, doc: &doc, router: router}
	e.client = &http.Client{
		Transport:     e.vt,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	return e
}

// validatingTransport checks each response against the OpenAPI document.
type validatingTransport struct {
	t      *testing.T
	base   http.RoundTripper
	doc    *openapi3.T
	router routers.Router
	skip   atomic.Bool // set by tests whose responses break the contract on purpose
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
		v.t.Errorf("%s %s: no route in spec (%v), status %d", req.Method, req.URL.Path, err, resp.StatusCode)
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

// do sends a request with an optional JSON body and bearer token,
// returning status, headers and body.
func (e *env) do(method, path, token string, body any) (int, http.Header, []byte) {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
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
	req.Header.Set("User-Agent", "faults-test/1.0")
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

// testProblem decodes problems independently of the server's own type.
type testProblem struct {
	Type   string `json:"type"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	header http.Header
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

// login signs in and returns the access token, failing on MFA.
func (e *env) login(identifier, password string) string {
	e.t.Helper()
	var tok struct {
		AccessToken string `json:"access_token"`
		MFARequired bool   `json:"mfa_required"`
	}
	e.call("POST", "/v1/login", "", map[string]string{"identifier": identifier, "password": password}, http.StatusOK, &tok)
	if tok.AccessToken == "" {
		e.t.Fatalf("login %s: no access token (mfa_required=%v)", identifier, tok.MFARequired)
	}
	return tok.AccessToken
}

// raw sends a request without spec validation (fault responses break the
// contract on purpose) and returns the response with its body unread.
func (e *env) raw(client *http.Client, method, path, token string) (*http.Response, error) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.ts.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return client.Do(req)
}

// plainClient trusts the sandbox but does not validate or decompress.
func (e *env) plainClient(http2 bool) *http.Client {
	tr := tlsserve.Transport(e.t, e.srv.CertPEM())
	tr.DisableCompression = true
	tr.ForceAttemptHTTP2 = http2
	if !http2 {
		tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
