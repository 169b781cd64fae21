package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// problemBase prefixes every problem type URI. The .invalid TLD (RFC 2606)
// guarantees nobody mistakes it for a resolvable page.
const problemBase = "https://sandbox.cekbpjstk.invalid/problems/"

// FieldError is one per-field entry of a 400/422 problem.
type FieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type              string       `json:"type"`
	Title             string       `json:"title"`
	Status            int          `json:"status"`
	Detail            string       `json:"detail,omitempty"`
	Errors            []FieldError `json:"errors,omitempty"`
	AttemptsRemaining *int         `json:"attempts_remaining,omitempty"`
	RetryAfter        *int         `json:"retry_after,omitempty"`

	// header values that travel with the problem but are not part of the body.
	retryAfterHeader int
}

// problem slugs; each maps to one HTTP status and title.
var problemTitles = map[string]struct {
	status int
	title  string
}{
	"bad-request":          {http.StatusBadRequest, "Bad request"},
	"validation":           {http.StatusUnprocessableEntity, "Validation failed"},
	"already-registered":   {http.StatusConflict, "Member already has an online account"},
	"email-taken":          {http.StatusConflict, "Email already in use"},
	"invalid-credentials":  {http.StatusUnauthorized, "Invalid credentials"},
	"invalid-mfa-code":     {http.StatusUnauthorized, "Invalid authentication code"},
	"unauthorized":         {http.StatusUnauthorized, "Unauthorized"},
	"token-reused":         {http.StatusUnauthorized, "Refresh token reused"},
	"locked":               {http.StatusTooManyRequests, "Too many attempts"},
	"rate-limited":         {http.StatusTooManyRequests, "Too many requests"},
	"invalid-code":         {http.StatusUnauthorized, "Invalid verification code"},
	"code-expired":         {http.StatusGone, "Verification codes expired"},
	"registration-expired": {http.StatusGone, "Registration expired"},
	"not-found":            {http.StatusNotFound, "Not found"},
	"method-not-allowed":   {http.StatusMethodNotAllowed, "Method not allowed"},
	"mfa-not-enrolled":     {http.StatusConflict, "Two-factor authentication not enrolled"},
	"mfa-already-enabled":  {http.StatusConflict, "Two-factor authentication already enabled"},
	"internal":             {http.StatusInternalServerError, "Internal server error"},
	"unavailable":          {http.StatusServiceUnavailable, "Service unavailable"},
}

// newProblem builds a problem for a known slug.
func newProblem(slug, detail string) *Problem {
	t, ok := problemTitles[slug]
	if !ok {
		t = problemTitles["internal"]
		slug = "internal"
	}
	return &Problem{Type: problemBase + slug, Title: t.title, Status: t.status, Detail: detail}
}

func badRequest(detail string, errs ...FieldError) *Problem {
	p := newProblem("bad-request", detail)
	p.Errors = errs
	return p
}

func validationProblem(errs []FieldError) *Problem {
	p := newProblem("validation", "One or more fields are invalid.")
	p.Errors = errs
	return p
}

func lockedProblem(retryAfter int) *Problem {
	if retryAfter < 1 {
		retryAfter = 1
	}
	p := newProblem("locked", "Too many failed attempts; try again later.")
	p.RetryAfter = &retryAfter
	p.retryAfterHeader = retryAfter
	return p
}

// rateLimitedProblem is a 429 for too many requests of a kind (not failed
// attempts): registration starts, resends.
func rateLimitedProblem(retryAfter int) *Problem {
	p := lockedProblem(retryAfter)
	t := problemTitles["rate-limited"]
	p.Type, p.Title, p.Detail = problemBase+"rate-limited", t.title, "Too many requests; try again later."
	return p
}

func withAttempts(p *Problem, remaining int) *Problem {
	if remaining < 0 {
		remaining = 0
	}
	p.AttemptsRemaining = &remaining
	return p
}

// Error lets handlers return a *Problem as an error.
func (p *Problem) Error() string { return p.Title + ": " + p.Detail }

// writeProblem sends p as application/problem+json.
func writeProblem(w http.ResponseWriter, p *Problem) {
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	if p.retryAfterHeader > 0 {
		h.Set("Retry-After", strconv.Itoa(p.retryAfterHeader))
	}
	if p.Status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="cekbpjstk-sandbox"`)
	}
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeJSON sends v with the given status. Every API response is private
// member data, so nothing may be cached.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
