package sandbox

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// PasswordParams are the argon2id cost parameters for new hashes. Existing
// hashes carry their own parameters, so changing these never locks anyone out.
type PasswordParams struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// DefaultPasswordParams follows the OWASP Password Storage Cheat Sheet's
// argon2id minimum (19 MiB, 2 iterations, 1 lane): realistic, yet a login
// stays in the tens of milliseconds on a laptop.
var DefaultPasswordParams = PasswordParams{MemoryKiB: 19 * 1024, Time: 2, Threads: 1}

// FastPasswordParams is for tests that log in hundreds of times. Never use it
// for data that matters.
var FastPasswordParams = PasswordParams{MemoryKiB: 64, Time: 1, Threads: 1}

const (
	saltLen = 16
	keyLen  = 32
)

// hashPassword returns a PHC-format argon2id string.
func hashPassword(password string, p PasswordParams) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("read salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.MemoryKiB, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// argonSlots is how many argon2id computations run at once. Each takes the
// hash's memory cost (19 MiB by default), so a burst of logins costs at most
// argonSlots times that, never one allocation per request; the rest wait
// their turn (or their request's deadline).
const argonSlots = 4

// argonGate is the semaphore in front of argon2id, with counters the tests
// read: every computation run, and the most that ever ran at once.
type argonGate struct {
	slots   chan struct{}
	running atomic.Int64
	peak    atomic.Int64
	runs    atomic.Int64
}

func newArgonGate(n int) *argonGate { return &argonGate{slots: make(chan struct{}, n)} }

// do runs f once a slot is free, or returns ctx's error.
func (g *argonGate) do(ctx context.Context, f func()) error {
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-g.slots }()
	n := g.running.Add(1)
	defer g.running.Add(-1)
	for {
		p := g.peak.Load()
		if n <= p || g.peak.CompareAndSwap(p, n) {
			break
		}
	}
	g.runs.Add(1)
	f()
	return nil
}

// verify is verifyPassword behind the gate.
func (s *Server) verify(ctx context.Context, password, encoded string) (bool, error) {
	var ok bool
	var err error
	if gerr := s.argon.do(ctx, func() { ok, err = verifyPassword(password, encoded) }); gerr != nil {
		return false, gerr
	}
	return ok, err
}

// hash is hashPassword behind the gate, with the server's parameters.
func (s *Server) hash(ctx context.Context, password string) (string, error) {
	var h string
	var err error
	if gerr := s.argon.do(ctx, func() { h, err = hashPassword(password, s.cfg.password) }); gerr != nil {
		return "", gerr
	}
	return h, err
}

// hashParams reads the cost parameters of a PHC argon2id string.
func hashParams(encoded string) (PasswordParams, bool) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return PasswordParams{}, false
	}
	var p PasswordParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return PasswordParams{}, false
	}
	if p.Time < 1 || p.Threads < 1 || p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > 1<<20 || p.Time > 16 {
		return PasswordParams{}, false
	}
	return p, true
}

// verifyPassword reports whether password matches the PHC string, in
// constant time with respect to the key bytes.
func verifyPassword(password, encoded string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	var p PasswordParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return false, fmt.Errorf("%w: %v", errBadHash, err)
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, fmt.Errorf("%w: salt: %v", errBadHash, err)
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return false, fmt.Errorf("%w: key: %v", errBadHash, err)
	}
	// Bounds keep a corrupt or hostile row from panicking argon2 (empty
	// key) or exhausting memory (huge m).
	if len(salt) < 8 || len(want) < 16 || len(want) > 64 || p.Time < 1 || p.Threads < 1 ||
		p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > 1<<20 || p.Time > 16 {
		return false, fmt.Errorf("%w: parameters out of range", errBadHash)
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want))) // #nosec G115 -- len(want) is the stored hash length (32 bytes)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
