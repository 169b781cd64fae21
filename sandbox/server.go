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
	// login costs the same whether or not the account exists. It has the
	// parameters most stored hashes have, not necessarily cfg.password.
	dummyHash string
	// argon is the semaphore every argon2id computation passes.
	argon *argonGate
	// regIP and regNIK limit registration starts per address and per NIK.
	regIP, regNIK *lockout
	// outbox holds the mail and SMS the sandbox "sent".
	outbox *outbox
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
	dummy, err := hashPassword("not-a-real-password", storedHashParams(ctx, db, cfg.password))
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
		argon:     newArgonGate(argonSlots),
		regIP:     newLockout(regPerAddress, regWindow, regWindow),
		regNIK:    newLockout(regPerNIK, regWindow, regWindow),
		outbox:    newOutbox(cfg.logger, cfg.outboxLog),
	}
	s.handler = s.buildRoutes()
	if err := s.SetMiddleware(cfg.middleware); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// storedHashParams is the argon2id cost most stored password hashes have
// (fallback when there are none), so that verifying the dummy hash of an
// unknown identifier costs what verifying a real one does, even when this
// server creates new hashes at another cost.
func storedHashParams(ctx context.Context, db *sql.DB, fallback PasswordParams) PasswordParams {
	rows, err := db.QueryContext(ctx, `SELECT password_hash FROM accounts ORDER BY created_at DESC LIMIT 1000`)
	if err != nil {
		return fallback
	}
	defer rows.Close()
	counts := map[PasswordParams]int{}
	best, bestN := fallback, 0
	for rows.Next() {
		var h string
		if rows.Scan(&h) != nil {
			continue
		}
		if p, ok := hashParams(h); ok {
			counts[p]++
			if counts[p] > bestN {
				best, bestN = p, counts[p]
			}
		}
	}
	return best
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

// PinSHA256 is the base64 SHA-256 of the served (leaf) certificate's
// SubjectPublicKeyInfo.
func (s *Server) PinSHA256() string { return s.id.pin }

// BackupPinSHA256 is the same for the backup key, which is never served; a
// client pinning both survives a planned key rotation.
func (s *Server) BackupPinSHA256() string { return s.id.backupPin }

// CertPEM returns the sandbox CA's certificate in PEM form: the trust
// anchor a client adds to its roots (service.DemoProfile's certPEM). The
// CA only signs; the server serves a leaf it issued (LeafPEM).
func (s *Server) CertPEM() []byte { return append([]byte(nil), s.id.caPEM...) }

// LeafPEM returns the served leaf certificate in PEM form.
func (s *Server) LeafPEM() []byte { return append([]byte(nil), s.id.leafPEM...) }

// CertPath is where the CA certificate PEM is stored, for curl --cacert.
func (s *Server) CertPath() string { return s.id.caPath }

func (s *Server) now() time.Time { return s.cfg.clock() }
