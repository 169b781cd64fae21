package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
)

// buildRoutes wires every endpoint of api/openapi.yaml and returns the
// server's handler. Middleware order, outside in: count, log, silence for a
// client gone, the WithMiddleware hook (where sandbox/faults injects faults),
// then the mux, so a request the hook answers itself is still counted and
// logged.
func (s *Server) buildRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/health", s.handleHealth)
	mux.HandleFunc("POST /v1/register", s.handleRegister)
	mux.HandleFunc("POST /v1/register/verify", s.handleRegisterVerify)
	mux.HandleFunc("POST /v1/register/resend", s.handleRegisterResend)
	mux.HandleFunc("GET /v1/dev/outbox", s.handleDevOutbox)
	mux.HandleFunc("POST /v1/login", s.handleLogin)
	mux.HandleFunc("POST /v1/login/mfa", s.handleLoginMFA)
	mux.HandleFunc("POST /v1/token/refresh", s.handleRefresh)
	mux.HandleFunc("POST /v1/logout", s.authed(s.handleLogout))
	mux.HandleFunc("GET /v1/me", s.authed(s.handleMe))
	mux.HandleFunc("GET /v1/me/balance", s.authed(s.handleBalance))
	mux.HandleFunc("GET /v1/me/contributions", s.authed(s.handleContributions))
	mux.HandleFunc("GET /v1/me/contributions/history", s.authed(s.handleContributionHistory))
	mux.HandleFunc("GET /v1/me/claims", s.authed(s.handleClaims))
	mux.HandleFunc("GET /v1/me/card", s.authed(s.handleCard))
	mux.HandleFunc("POST /v1/me/mfa/totp", s.authed(s.handleTOTPEnroll))
	mux.HandleFunc("POST /v1/me/mfa/totp/confirm", s.authed(s.handleTOTPConfirm))
	mux.HandleFunc("DELETE /v1/me/mfa/totp", s.authed(s.handleTOTPDisable))
	mux.HandleFunc("POST /v1/me/password", s.authed(s.handlePassword))
	mux.HandleFunc("GET /v1/me/logins", s.authed(s.handleLogins))
	s.routes = problemErrors(mux)
	return s.withStats(s.withLog(silentWhenGone(http.HandlerFunc(s.serveMiddleware))))
}

func (s *Server) withStats(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.stats.record(r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// silentWhenGone answers nothing at all to a request whose client went away
// before the handler wrote anything: the server would send the empty 200 a
// handler returning without a word makes, and a client can still read it if
// it races the client's own cancel (Go's transport uses such a response), so
// a timeout would reach the app as a malformed answer. Handlers just return
// when their request's context ends.
func silentWhenGone(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 && r.Context().Err() != nil {
			panic(http.ErrAbortHandler)
		}
	})
}

// statusWriter remembers the status written, 0 while nothing is (for the
// access log and silentWhenGone).
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// withLog logs method, path, status and duration. Paths carry no secrets
// (credentials only travel in bodies and the Authorization header), and the
// query is left out anyway.
func (s *Server) withLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"duration", time.Since(start).Round(time.Microsecond))
		}()
		next.ServeHTTP(sw, r)
	})
}

// problemErrors turns the mux's plain-text 404 and 405 into problem+json,
// so a client never has to parse two error formats.
func problemErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		mux.ServeHTTP(&problemWriter{ResponseWriter: w}, r)
	})
}

// problemWriter replaces a 404/405 body written by ServeMux.
type problemWriter struct {
	http.ResponseWriter
	replaced bool
}

func (w *problemWriter) WriteHeader(code int) {
	switch code {
	case http.StatusNotFound:
		w.replaced = true
		writeProblem(w.ResponseWriter, newProblem("not-found", "No such endpoint."))
	case http.StatusMethodNotAllowed:
		w.replaced = true
		writeProblem(w.ResponseWriter, newProblem("method-not-allowed", "This endpoint does not support that method."))
	default:
		w.ResponseWriter.WriteHeader(code)
	}
}

func (w *problemWriter) Write(b []byte) (int, error) {
	if w.replaced {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

type authedHandler func(http.ResponseWriter, *http.Request, session)

// authed requires a valid bearer access token.
func (s *Server) authed(h authedHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		raw, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || raw == "" {
			writeProblem(w, newProblem("unauthorized", "An Authorization: Bearer access token is required."))
			return
		}
		sess, err := s.authenticate(r.Context(), raw)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		h(w, r, sess)
	}
}

// fail answers with err if it is a *Problem and with a generic 500
// otherwise; internal details go to the log, never to the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var p *Problem
	if errors.As(err, &p) {
		writeProblem(w, p)
		return
	}
	if errors.Is(err, context.Canceled) {
		return // silentWhenGone answers nothing
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeProblem(w, newProblem("internal", "Something went wrong on the server."))
}

// clientInfo is the login log's view of the caller.
func clientInfo(r *http.Request) (name, ip string) {
	name = r.UserAgent()
	if name == "" {
		name = "unknown client"
	}
	if len(name) > 200 {
		name = strings.ToValidUTF8(name[:200], "")
	}
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	return name, ip
}
