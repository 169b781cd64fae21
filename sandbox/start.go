package sandbox

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

// DefaultAddr is where Start listens when addr is empty: loopback only, on a
// port the kernel picks.
const DefaultAddr = "127.0.0.1:0"

// Running is a sandbox serving HTTPS in the background.
type Running struct {
	srv  *Server
	http *http.Server
	url  string
	done chan error
}

// Start opens the sandbox in dataDir and serves it over TLS on addr in a
// goroutine. The app's --demo mode and the standalone command both use it.
// ctx only bounds start-up; stop the server with Close.
func Start(ctx context.Context, addr, dataDir string, opts ...Option) (*Running, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	srv, err := Open(dataDir, opts...)
	if err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		_ = srv.Close()
		return nil, fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		TLSConfig:         srv.TLSConfig(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// Pinning tests make clients abort handshakes on purpose; those
		// errors are expected and would only add noise.
		ErrorLog: log.New(slogWriter{srv}, "", 0),
	}
	rn := &Running{srv: srv, http: hs, url: "https://" + urlHost(ln.Addr()), done: make(chan error, 1)}
	go func() {
		err := hs.ServeTLS(ln, "", "")
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		rn.done <- err
	}()
	return rn, nil
}

// urlHost turns the listener address into the URL host, using 127.0.0.1
// for a wildcard bind since that is what the certificate names.
func urlHost(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}

// URL is the base URL, e.g. https://127.0.0.1:8443 (without /v1).
func (r *Running) URL() string { return r.url }

// Server is the running sandbox, for pins, middleware and stats.
func (r *Running) Server() *Server { return r.srv }

// Close stops accepting connections, waits for in-flight requests until ctx
// ends, then closes the database.
func (r *Running) Close(ctx context.Context) error {
	err := r.http.Shutdown(ctx)
	if err != nil {
		// Deadline passed: cut the remaining connections.
		_ = r.http.Close()
	}
	if serveErr := <-r.done; serveErr != nil && err == nil {
		err = serveErr
	}
	if cerr := r.srv.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sandbox: shutdown: %w", err)
	}
	return nil
}

// slogWriter routes net/http's internal log lines to the debug level.
type slogWriter struct{ s *Server }

func (w slogWriter) Write(p []byte) (int, error) {
	w.s.log.Debug("http server", "msg", string(p))
	return len(p), nil
}
