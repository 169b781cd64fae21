package sandbox

import (
	"fmt"
	"net/http"
)

// SetMiddleware replaces the middleware installed by WithMiddleware or an
// earlier SetMiddleware (nil removes it). It sits where WithMiddleware puts
// it: inside the request counter and the access log. It is safe to call
// while requests are being served; a request already inside keeps the
// middleware it started with. It fails only if mw returns a nil handler.
func (s *Server) SetMiddleware(mw func(http.Handler) http.Handler) error {
	h := s.routes
	if mw != nil {
		if h = mw(s.routes); h == nil {
			return fmt.Errorf("sandbox: SetMiddleware: middleware returned a nil handler")
		}
	}
	s.mw.Store(&h)
	return nil
}

// serveMiddleware hands the request to the current middleware.
func (s *Server) serveMiddleware(w http.ResponseWriter, r *http.Request) {
	(*s.mw.Load()).ServeHTTP(w, r)
}

// WriteServerError answers with the problem+json body the sandbox itself
// sends for a 5xx status: type "unavailable" for 503, "internal" for any
// other, with detail, and a Retry-After header of retryAfter seconds if it
// is positive. A status outside 500–599 is sent as 500. It lets a
// middleware (see WithMiddleware) fail a request in the API's own error
// format.
func WriteServerError(w http.ResponseWriter, status int, detail string, retryAfter int) {
	if status < 500 || status > 599 {
		status = http.StatusInternalServerError
	}
	slug := "internal"
	if status == http.StatusServiceUnavailable {
		slug = "unavailable"
	}
	p := newProblem(slug, detail)
	p.Status = status
	p.retryAfterHeader = retryAfter
	writeProblem(w, p)
}
