package sandbox

import (
	"net/http"
	"testing"
)

func TestHealth(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var h struct{ Status, Version, Time string }
	hdr := e.call("GET", "/v1/health", "", nil, http.StatusOK, &h)
	if h.Status != "ok" || h.Version != "1" || h.Time != "2026-11-20T01:00:00Z" {
		t.Errorf("health = %+v", h)
	}
	if hdr.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control = %q", hdr.Get("Cache-Control"))
	}
}

func TestUnknownRoute_ProblemJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.problem("GET", "/v1/nope", "", nil, http.StatusNotFound, "not-found")
	e.problem("PUT", "/v1/health", "", nil, http.StatusMethodNotAllowed, "method-not-allowed")
}
