// Package faults makes the sandbox (package sandbox) misbehave on purpose,
// for client and UI tests that must prove the client copes with a hostile
// or broken server: 5xx answers, latency, malformed, oversized and
// gzip-bomb bodies, redirects and connections dropped mid-body.
//
// It hooks into the sandbox through sandbox.WithMiddleware and
// Server.SetMiddleware and lives in its own package so that only tests and
// cmd/cekbpjstk-sandbox link it; the shipped app, which runs the sandbox
// for --demo, does not (TestShippedAppDoesNotLinkFaults checks it).
//
//	srv, _ := sandbox.Open(dir, faults.With(faults.Fault{PathPrefix: "/v1/me/balance", Status: 503, Times: 2}))
//	faults.Arm(srv, faults.Fault{Method: "GET", Latency: time.Second}) // replace them
//	faults.Arm(srv)                                                   // disarm
//
// A Set is the armed faults themselves, for a handler chain of one's own
// (Set.Wrap); With and Arm install one on a sandbox server.
package faults

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// Fault describes one injected misbehaviour. A Fault matches requests by
// Method (empty: any) and PathPrefix (empty: any). The first armed matching
// fault applies. Latency is added before any other effect; if no other
// effect is set the request is then served normally.
type Fault struct {
	Method     string
	PathPrefix string
	// Times limits how many requests the fault affects; 0 means unlimited.
	Times int

	// Latency delays the response (respecting client cancellation).
	Latency time.Duration
	// Status, if 500–599, answers with that status and a problem body.
	Status int
	// RetryAfter adds a Retry-After header (seconds) to a Status response.
	RetryAfter int
	// Malformed answers 200 with a truncated JSON body.
	Malformed bool
	// OversizedBytes answers 200 with a JSON body of about that many bytes.
	OversizedBytes int64
	// GzipBombBytes answers 200 with Content-Encoding: gzip and a small body
	// that decompresses to about that many bytes.
	GzipBombBytes int64
	// RedirectTo answers 307 with this Location; if it has no path the
	// request's path and query are appended.
	RedirectTo string
	// DropMidBody sends headers promising a body, half of it, then kills
	// the connection (HTTP/1.1) or stream (HTTP/2).
	DropMidBody bool
}

func (f Fault) validate() error {
	if f.Status != 0 && (f.Status < 500 || f.Status > 599) {
		return fmt.Errorf("fault status %d is not 5xx", f.Status)
	}
	if f.Times < 0 || f.Latency < 0 || f.OversizedBytes < 0 || f.GzipBombBytes < 0 {
		return fmt.Errorf("fault has a negative value")
	}
	if f.RedirectTo != "" {
		u, err := url.Parse(f.RedirectTo)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("fault redirect %q is not an absolute URL", f.RedirectTo)
		}
	}
	return nil
}

func (f Fault) matches(r *http.Request) bool {
	return (f.Method == "" || strings.EqualFold(f.Method, r.Method)) && strings.HasPrefix(r.URL.Path, f.PathPrefix)
}

func validateAll(faults []Fault) error {
	for i, f := range faults {
		if err := f.validate(); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

// With returns a sandbox.Option that opens the server with faults armed.
// Open fails if one of them is invalid. Arm replaces them later.
func With(faults ...Fault) sandbox.Option {
	if err := validateAll(faults); err != nil {
		return sandbox.InvalidOption(fmt.Errorf("faults: With%w", err))
	}
	set := new(Set)
	set.arm(faults)
	return sandbox.WithMiddleware(set.Wrap)
}

// Arm replaces the faults armed on srv, by With or an earlier Arm, with
// faults, their Times counted afresh; Arm(srv) disarms all. If one is
// invalid nothing changes. It is safe to call while requests are being
// served. It installs a new Set with srv.SetMiddleware, so it replaces any
// other middleware too.
func Arm(srv *sandbox.Server, faults ...Fault) error {
	if err := validateAll(faults); err != nil {
		return fmt.Errorf("faults: Arm%w", err)
	}
	if len(faults) == 0 {
		return srv.SetMiddleware(nil)
	}
	set := new(Set)
	set.arm(faults)
	return srv.SetMiddleware(set.Wrap)
}

// Set is a list of armed faults with their remaining uses. The zero value
// has none armed. It is safe for concurrent use.
type Set struct {
	mu     sync.Mutex
	faults []armedFault
}

type armedFault struct {
	Fault
	left int // remaining uses; -1 unlimited
}

// Arm replaces the armed faults, their Times counted afresh; an empty call
// disarms all. If one is invalid nothing changes. It is safe to call while
// requests are being served.
func (s *Set) Arm(faults ...Fault) error {
	if err := validateAll(faults); err != nil {
		return fmt.Errorf("faults: Set.Arm%w", err)
	}
	s.arm(faults)
	return nil
}

func (s *Set) arm(fs []Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = s.faults[:0]
	for _, f := range fs {
		left := f.Times
		if left == 0 {
			left = -1
		}
		s.faults = append(s.faults, armedFault{Fault: f, left: left})
	}
}

// take returns the fault for r, consuming one use.
func (s *Set) take(r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := &s.faults[i]
		if f.left == 0 || !f.matches(r) {
			continue
		}
		if f.left > 0 {
			f.left--
		}
		return f.Fault, true
	}
	return Fault{}, false
}

// Wrap is the middleware: it applies the first armed fault matching a
// request before (or instead of) next. It fits sandbox.WithMiddleware.
func (s *Set) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := s.take(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		if f.Latency > 0 {
			t := time.NewTimer(f.Latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop() // the sandbox sends nothing to a client gone
				return
			}
		}
		switch {
		case f.RedirectTo != "":
			loc := f.RedirectTo
			if u, _ := url.Parse(loc); u != nil && (u.Path == "" || u.Path == "/") {
				loc = strings.TrimSuffix(loc, "/") + r.URL.RequestURI()
			}
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusTemporaryRedirect)
		case f.Status != 0:
			sandbox.WriteServerError(w, f.Status, "Injected fault.", f.RetryAfter)
		case f.Malformed:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"access_token":"abc","total":12,"accounts":[{"kpj":"180`))
		case f.OversizedBytes > 0:
			writeOversized(w, f.OversizedBytes)
		case f.GzipBombBytes > 0:
			bomb := gzipBomb(f.GzipBombBytes)
			h := w.Header()
			h.Set("Content-Type", "application/json")
			h.Set("Content-Encoding", "gzip")
			h.Set("Content-Length", strconv.Itoa(len(bomb)))
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(bomb)
		case f.DropMidBody:
			dropMidBody(w)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// writeOversized streams a syntactically valid JSON object of about n bytes,
// so only a size cap, not a parse error, can save the client.
func writeOversized(w http.ResponseWriter, n int64) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.FormatInt(n+len64(`{"padding":""}`), 10))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(`{"padding":"`))
	chunk := bytes.Repeat([]byte("a"), 32<<10)
	for left := n; left > 0; {
		c := chunk
		if left < int64(len(c)) {
			c = c[:left]
		}
		if _, err := w.Write(c); err != nil {
			return
		}
		left -= int64(len(c))
	}
	_, _ = w.Write([]byte(`"}`))
}

func len64(s string) int64 { return int64(len(s)) }

// bombs caches gzip bombs by inflated size, for every Set: Arm builds a new
// Set each time and a bomb takes a while to compress.
var bombs struct {
	mu sync.Mutex
	m  map[int64][]byte
}

// gzipBomb returns (and caches) gzip data that inflates to about n bytes of
// JSON whitespace inside an object.
func gzipBomb(n int64) []byte {
	bombs.mu.Lock()
	defer bombs.mu.Unlock()
	if b, ok := bombs.m[n]; ok {
		return b
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write([]byte(`{"padding":"`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for left := n; left > 0; left -= int64(len(chunk)) {
		c := chunk
		if left < int64(len(c)) {
			c = c[:left]
		}
		_, _ = zw.Write(c)
	}
	_, _ = zw.Write([]byte(`"}`))
	_ = zw.Close()
	if bombs.m == nil {
		bombs.m = map[int64][]byte{}
	}
	bombs.m[n] = buf.Bytes()
	return bombs.m[n]
}

// dropMidBody promises 4 KiB, sends half, then aborts. http.ErrAbortHandler
// makes net/http close the connection (HTTP/1.1) or reset the stream
// (HTTP/2) without logging a panic.
func dropMidBody(w http.ResponseWriter) {
	const promised = 4096
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(promised))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(`{"padding":"` + strings.Repeat("a", promised/2)))
	_ = http.NewResponseController(w).Flush()
	panic(http.ErrAbortHandler)
}
