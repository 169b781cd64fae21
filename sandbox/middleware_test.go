package sandbox

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// answer503 answers GET /v1/me/balance itself, in the API's error format.
func answer503(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/me/balance" {
			WriteServerError(w, http.StatusServiceUnavailable, "Injected.", 7)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// The WithMiddleware hook sits inside the counter and the access log: a
// request it answers itself is counted and logged, and its problem body
// (validated against api/openapi.yaml by env) carries Retry-After.
func TestWithMiddleware_AnsweredRequestsCountedAndLogged(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	e := newEnv(t, WithMiddleware(answer503), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	tok := e.login("budi@contoh.id", DemoPassword).AccessToken
	p := e.problem("GET", "/v1/me/balance", tok, nil, http.StatusServiceUnavailable, "unavailable")
	if p.header.Get("Retry-After") != "7" || p.Status != http.StatusServiceUnavailable {
		t.Errorf("problem %+v, Retry-After %q", p, p.header.Get("Retry-After"))
	}
	e.call("GET", "/v1/me", tok, nil, http.StatusOK, nil)
	if s := e.srv.Stats(); s.Total != 3 || s.ByRoute["GET /v1/me/balance"] != 1 {
		t.Errorf("stats = %+v", s)
	}
	if !strings.Contains(logs.String(), "path=/v1/me/balance status=503") {
		t.Errorf("the answered request is not in the access log:\n%s", logs.String())
	}
	// Unknown routes still get the problem+json 404 inside the hook.
	e.problem("GET", "/v1/nope", "", nil, http.StatusNotFound, "not-found")
}

func TestSetMiddleware_ReplacesAndRemoves(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword).AccessToken
	e.call("GET", "/v1/me/balance", tok, nil, http.StatusOK, nil)
	if err := e.srv.SetMiddleware(answer503); err != nil {
		t.Fatal(err)
	}
	e.problem("GET", "/v1/me/balance", tok, nil, http.StatusServiceUnavailable, "unavailable")
	if err := e.srv.SetMiddleware(func(http.Handler) http.Handler { return nil }); err == nil {
		t.Error("SetMiddleware accepted a middleware returning a nil handler")
	}
	e.problem("GET", "/v1/me/balance", tok, nil, http.StatusServiceUnavailable, "unavailable")
	if err := e.srv.SetMiddleware(nil); err != nil {
		t.Fatal(err)
	}
	e.call("GET", "/v1/me/balance", tok, nil, http.StatusOK, nil)
}

func TestWithMiddleware_Invalid(t *testing.T) {
	t.Parallel()
	if _, err := Open(t.TempDir(), WithMiddleware(nil)); err == nil {
		t.Error("WithMiddleware(nil) accepted")
	}
	if _, err := Open(t.TempDir(), WithMiddleware(func(http.Handler) http.Handler { return nil })); err == nil {
		t.Error("a middleware returning a nil handler accepted")
	}
	errBad := errors.New("bad input")
	if _, err := Open(t.TempDir(), InvalidOption(errBad)); !errors.Is(err, errBad) {
		t.Errorf("InvalidOption: Open err %v, want %v", err, errBad)
	}
}

func TestWriteServerError_StatusOutside5xxIs500(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status, want int
		slug         string
	}{{503, 503, "unavailable"}, {502, 502, "internal"}, {404, 500, "internal"}} {
		rec := httptest.NewRecorder()
		WriteServerError(rec, tc.status, "x", 0)
		if rec.Code != tc.want || !strings.Contains(rec.Body.String(), problemBase+tc.slug) || rec.Header().Get("Retry-After") != "" {
			t.Errorf("WriteServerError(%d): %d %s %v", tc.status, rec.Code, rec.Body.String(), rec.Header())
		}
	}
}
