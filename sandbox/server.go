package sandbox

import (
	"context"
	"crypto/tls"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync/atomic"
	"time"
)

// Server is one sandbox instance: its database, TLS identity and handler.
// It is safe for concurrent use.
type Server struct {
	db      *sql.DB
	id      *identity
	cfg     config
	log     *slog.Logger
	lock    *lockout
	ipLock  *lockout
	stats   *stats
	handler http.Handler
	// routes is the API without middleware; mw is routes wrapped in the
	// WithMiddleware/SetMiddleware middleware (routes itself if none).
	routes http.Handler
	mw     atomic.Pointer[http.Handler]
	// dummyHash is verified against when the identifier is unknown, so a
	// login costs the same whether or not the account exists.
	dummyHash string
}

// Open opens or creates the sandbox in dataDir (mode 0700): the SQLite
// database, seeded with the demo members on first open, and the TLS
// certificate, server key and backup key, which persist across restarts so
// their pins stay stable.
func Open(dataDir string, opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if dataDir == "" {
		return nil, fmt.Errorf("sandbox: empty data dir")
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("sandbox: create data dir: %w", err)
	}
	id, err := loadIdentity(dataDir)
	if err != nil {
		return nil, fmt.Errorf("sandbox: TLS identity: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := openDB(ctx, dataDir, cfg.password)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	dummy, err := hashPassword("not-a-real-password", cfg.password)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	s := &Server{
		db:        db,
		id:        id,
		cfg:       cfg,
		log:       cfg.logger,
		lock:      newLockout(cfg.lockMax, cfg.lockWindow, cfg.lockDuration),
		ipLock:    newLockout(cfg.lockMax*ipLockFactor, cfg.lockWindow, cfg.lockDuration),
		stats:     newStats(),
		dummyHash: dummy,
	}
	s.handler = s.buildRoutes()
	if err := s.SetMiddleware(cfg.middleware); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the database. In-flight requests should be drained first
// (Running.Close does that).
func (s *Server) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sandbox: close database: %w", err)
	}
	return nil
}

// Handler returns the API handler, for httptest or a custom http.Server.
func (s *Server) Handler() http.Handler { return s.handler }

// TLSConfig returns a server TLS config carrying the sandbox certificate,
// TLS 1.2 minimum, offering HTTP/2 and HTTP/1.1.
func (s *Server) TLSConfig() *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{s.id.cert},
		MinVersion:   tls.VersionTLS12,
		NextProtos:   []string{"h2", "http/1.1"},
	}
}

// PinSHA256 is the base64 SHA-256 of the served certificate's
// SubjectPublicKeyInfo.
func (s *Server) PinSHA256() string { return s.id.pin }

// BackupPinSHA256 is the same for the backup key, which is never served; a
// client pinning both survives a planned key rotation.
func (s *Server) BackupPinSHA256() string { return s.id.backupPin }

// CertPEM returns the served certificate in PEM form.
func (s *Server) CertPEM() []byte { return append([]byte(nil), s.id.certPEM...) }

// CertPath is where the certificate PEM is stored, for curl --cacert.
func (s *Server) CertPath() string { return s.id.certPath }

func (s *Server) now() time.Time { return s.cfg.clock() }
