package service

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

var (
	specOnce sync.Once
	specDoc  *openapi3.T
	specErr  error
)

// loadSpec parses api/openapi.yaml once per test binary.
func loadSpec(t testing.TB) *openapi3.T {
	t.Helper()
	specOnce.Do(func() {
		specDoc, specErr = openapi3.NewLoader().LoadFromFile("../api/openapi.yaml")
		if specErr == nil {
			specErr = specDoc.Validate(context.Background())
		}
	})
	if specErr != nil {
		t.Fatalf("load api/openapi.yaml: %v", specErr)
	}
	return specDoc
}

// requestValidator checks requests against the contract: the route and
// method exist, the parameters and the JSON body match their schemas
// (unknown fields, missing required fields and wrong types fail).
type requestValidator struct {
	router routers.Router
}

func newRequestValidator(t testing.TB, baseURL string) *requestValidator {
	t.Helper()
	doc := *loadSpec(t)
	doc.Servers = openapi3.Servers{{URL: baseURL + "/v1"}}
	router, err := legacy.NewRouter(&doc)
	if err != nil {
		t.Fatalf("openapi router: %v", err)
	}
	return &requestValidator{router: router}
}

// check validates r and leaves its body readable for the handler.
func (v *requestValidator) check(r *http.Request) error {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return fmt.Errorf("read body: %w", err)
		}
		body = b
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	// The router matches the scheme and host; a request seen by the server
	// has neither in its URL.
	probe := r.Clone(r.Context())
	probe.URL.Scheme, probe.URL.Host = "https", r.Host
	probe.Body = io.NopCloser(bytes.NewReader(body))
	route, params, err := v.router.FindRoute(probe)
	if err != nil {
		return fmt.Errorf("%s %s: not in the contract: %w", r.Method, r.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, err)
	}
	return nil
}

// TestSpec_RequestValidatorRejectsViolations guards the guard: if the
// request validator accepted anything, the client's requests would be
// checked vacuously.
func TestSpec_RequestValidatorRejectsViolations(t *testing.T) {
	t.Parallel()
	v := newRequestValidator(t, "https://127.0.0.1:8443")
	cases := []struct{ name, method, path, body string }{
		{"unknown field", "POST", "/v1/login", `{"identifier":"a","password":"b","remember":true}`},
		{"missing field", "POST", "/v1/login", `{"identifier":"a"}`},
		{"wrong type", "POST", "/v1/login", `{"identifier":"a","password":1}`},
		{"TOTP enrolment without the password", "POST", "/v1/me/mfa/totp", ``},
		{"registration codes missing", "POST", "/v1/register/verify", `{"registration_id":"x","email_code":"123456"}`},
		{"undocumented endpoint", "POST", "/v1/register/confirm", `{}`},
		{"undocumented method", "PUT", "/v1/login", `{"identifier":"a","password":"b"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(c.method, "https://127.0.0.1:8443"+c.path, strings.NewReader(c.body))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Authorization", "Bearer x")
			if err := v.check(r); err == nil {
				t.Error("the validator accepted a request that violates the spec")
			}
		})
	}
	ok := httptest.NewRequest("POST", "https://127.0.0.1:8443/v1/login", strings.NewReader(`{"identifier":"a","password":"b"}`))
	ok.Header.Set("Content-Type", "application/json")
	if err := v.check(ok); err != nil {
		t.Errorf("a valid request was refused: %v", err)
	}
}
