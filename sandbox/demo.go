package sandbox

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// DemoAccount is one seeded member's online log-in, as a login screen lists
// the demo members.
type DemoAccount struct {
	Identifier string
	Password   string
	// Note describes the member in a few words. It is a translation key
	// (login.demo.note.budi): the UI shows it through its translations.
	Note string
}

// DemoAccounts is the one list of the demo members who have an online
// account, in the order a login screen shows them. Every call returns a
// fresh slice.
func DemoAccounts() []DemoAccount {
	return []DemoAccount{
		{Identifier: "budi@contoh.id", Password: DemoPassword, Note: "login.demo.note.budi"},
		{Identifier: "siti@contoh.id", Password: DemoPassword, Note: "login.demo.note.siti"},
		{Identifier: "andi@contoh.id", Password: DemoPassword, Note: "login.demo.note.andi"},
		{Identifier: "rudi@contoh.id", Password: DemoPassword, Note: "login.demo.note.rudi"},
		{Identifier: "wulan@contoh.id", Password: DemoPassword, Note: "login.demo.note.wulan"},
		{Identifier: "eko@contoh.id", Password: DemoPassword, Note: "login.demo.note.eko"},
	}
}

// DemoTOTPCode is Siti Rahayu's TOTP code at now (her secret is
// SitiTOTPSecret), for a demo login screen that plays the authenticator app.
func DemoTOTPCode(now time.Time) string {
	code, err := TOTPCode(SitiTOTPSecret, now)
	if err != nil {
		// SitiTOTPSecret is a valid base32 constant; this cannot happen.
		panic("sandbox: DemoTOTPCode: " + err.Error())
	}
	return code
}

// DemoRunner starts the sandbox on loopback at most once and stops it at
// exit: the app's --demo server. It is safe for concurrent use.
type DemoRunner struct {
	dir     string
	log     *slog.Logger
	mu      sync.Mutex
	running *Running
}

// NewDemoRunner returns a runner that keeps the sandbox's data (its own
// database of fictional members, certificate and keys) in dir and logs to
// log; nil discards the log. Nothing starts before Start.
func NewDemoRunner(dir string, log *slog.Logger) *DemoRunner {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &DemoRunner{dir: dir, log: log}
}

// Start runs the sandbox on 127.0.0.1 on a port the kernel picks, the first
// time, and returns it; later calls return the same server until Close.
// It can take a moment (the first run creates the database and keys), so
// call it off the UI goroutine. ctx only bounds start-up.
func (d *DemoRunner) Start(ctx context.Context) (*Running, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.running == nil {
		began := time.Now()
		// The in-app demo holds only fictional members on loopback, so it
		// hashes their passwords with the sandbox's light argon2id settings:
		// a login costs ~1 ms and no 19 MiB allocation in the app's memory.
		// The standalone cekbpjstk-sandbox keeps the realistic cost.
		run, err := Start(ctx, "127.0.0.1:0", d.dir, WithLogger(d.log),
			WithPasswordParams(FastPasswordParams))
		if err != nil {
			return nil, err
		}
		d.log.Debug("demo server started", "took", time.Since(began))
		d.running = run
	}
	return d.running, nil
}

// Close stops the sandbox, if it ran, giving in-flight requests up to 3
// seconds. A later Start starts it again.
func (d *DemoRunner) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.running != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = d.running.Close(ctx)
		d.running = nil
	}
}
