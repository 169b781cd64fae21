package sandbox

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

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
