package sandbox

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// TestSpec_ValidatorRejectsViolations guards the guard: if the validating
// transport accepted anything, every other test would pass vacuously.
func TestSpec_ValidatorRejectsViolations(t *testing.T) {
	t.Parallel()
	doc := *loadSpec(t)
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi version %q, want 3.1", doc.OpenAPI)
	}
	doc.Servers = openapi3.Servers{{URL: "https://127.0.0.1:8443/v1"}}
	router, err := legacy.NewRouter(&doc)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, method, path, ctype string
		status                    int
		body                      string
	}{
		{"extra field", "GET", "/v1/health", "application/json", 200, `{"status":"ok","version":"1","time":"2026-11-20T01:00:00Z","x":1}`},
		{"missing field", "GET", "/v1/health", "application/json", 200, `{"status":"ok","version":"1"}`},
		{"undocumented status", "GET", "/v1/health", "application/json", 418, `{}`},
		{"wrong type", "GET", "/v1/me/balance", "application/json", 200, `{"as_of":"2026-11-16","total":"12","accounts":[]}`},
		{"problem missing type", "GET", "/v1/me", "application/problem+json", 401, `{"title":"x","status":401}`},
		{"null employer must be allowed but not a string", "GET", "/v1/me/card", "application/json", 200, `{"cards":[{"kpj":"123"}]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(c.method, "https://127.0.0.1:8443"+c.path, nil)
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatal(err)
			}
			in := &openapi3filter.ResponseValidationInput{
				RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
				Status:                 c.status,
				Header:                 http.Header{"Content-Type": {c.ctype}},
				Options:                &openapi3filter.Options{IncludeResponseStatus: true},
			}
			in.SetBodyBytes([]byte(c.body))
			if err := openapi3filter.ValidateResponse(context.Background(), in); err == nil {
				t.Error("validator accepted a response that violates the spec")
			}
		})
	}
}
