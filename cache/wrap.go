package cache

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Each account's snapshot is sealed under its own random 256-bit account
// key. The key is kept in the cache file only wrapped by a key derived
// from the member's password with Argon2id (RFC 9106), its parameters
// stored with the wrap, so that offline viewing needs the password and no
// OS keyring. "Remember me" adds a copy of the account key in the keyring
// (the app's business, not the cache's).

// KDFParams are Argon2id's cost parameters.
type KDFParams struct {
	Time      uint32 // passes
	MemoryKiB uint32
	Threads   uint8
}

// DefaultKDF is what every wrap the app writes uses: 128 MiB, 10 passes,
// 2 lanes (the machine has 2 cores). Measured on the 2-core development
// machine (BenchmarkDeriveDefault in make bench, and a sweep on
// 2026-12-01): 0.47–0.59 s per derivation. RFC 9106 §4 asks for as much
// memory as the platform affords within the time budget; 128 MiB is what a
// desktop affords for a moment, and the passes fill the half second.
var DefaultKDF = KDFParams{Time: 10, MemoryKiB: 128 * 1024, Threads: 2}

// Limits on parameters read from a file: a tampered wrap must not make
// the app allocate gigabytes or spin for minutes.
const (
	maxKDFMemoryKiB = 1024 * 1024
	maxKDFTime      = 64
	minKDFMemoryKiB = 8
)

const (
	wrapVersion byte = 1
	saltSize         = 16
	wrapInfo         = "cekbpjstk account key wrap v1"
)

var (
	// ErrWrongPassword means the password does not open the account's data.
	ErrWrongPassword = errors.New("cache: wrong password for the offline data")
	// ErrNotWrapped means the account's data has no password wrap yet
	// (written by an older version, or only ever opened through the
	// keyring's copy): it opens after the next online login.
	ErrNotWrapped = errors.New("cache: the offline data is not protected by a password yet")
)

// Key is one account's data key. Its bytes never leave the package except
// as Encode's string, for the keyring's copy.
type Key struct{ k []byte }

// NewKey returns a fresh random account key.
func NewKey() *Key { return &Key{k: newDataKey()} }

// Encode is the key as text for the keyring.
func (k *Key) Encode() string { return encodeKey(k.k) }

// ParseKey reads a key written by Encode.
func ParseKey(s string) (*Key, error) {
	b, err := decodeKey(s)
	if err != nil {
		return nil, err
	}
	return &Key{k: b}, nil
}

// Equal reports whether two keys are the same key.
func (k *Key) Equal(o *Key) bool {
	return k != nil && o != nil && subtle.ConstantTimeCompare(k.k, o.k) == 1
}

// String never shows the key.
func (k *Key) String() string { return "cache.Key(…)" }

func (k *Key) sealer() (*sealer, error) { return newSealer(k.k) }

// Wrap seals key under a key derived from password with p and a fresh
// salt. The layout: version, time, memory, threads, salt, then the
// AES-256-GCM sealed key with all of the former as associated data.
func Wrap(key *Key, password string, p KDFParams) ([]byte, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	head := make([]byte, 0, 10+saltSize)
	head = append(head, wrapVersion)
	head = binary.BigEndian.AppendUint32(head, p.Time)
	head = binary.BigEndian.AppendUint32(head, p.MemoryKiB)
	head = append(head, p.Threads)
	salt := make([]byte, saltSize)
	rand.Read(salt)
	head = append(head, salt...)
	aead, err := kekAEAD(password, salt, p)
	if err != nil {
		return nil, err
	}
	return aead.Seal(head, nil, key.k, wrapAD(head)), nil // #nosec G407 -- random-nonce GCM (NewGCMWithRandomNonce); nil is not a nonce
}

// WrapParams reads the parameters a wrap was made with.
func WrapParams(wrap []byte) (KDFParams, error) {
	p, _, _, err := parseWrap(wrap)
	return p, err
}

// Unwrap derives the key from password and opens the wrap; a wrong
// password (or an altered wrap) gives ErrWrongPassword.
func Unwrap(wrap []byte, password string) (*Key, error) {
	p, head, body, err := parseWrap(wrap)
	if err != nil {
		return nil, err
	}
	aead, err := kekAEAD(password, head[10:], p)
	if err != nil {
		return nil, err
	}
	k, err := aead.Open(nil, nil, body, wrapAD(head))
	if err != nil || len(k) != dataKeySize {
		return nil, ErrWrongPassword
	}
	return &Key{k: k}, nil
}

func parseWrap(wrap []byte) (p KDFParams, head, body []byte, err error) {
	if len(wrap) < 10+saltSize+dataKeySize || wrap[0] != wrapVersion {
		return p, nil, nil, fmt.Errorf("%w: malformed key wrap", ErrTampered)
	}
	p = KDFParams{
		Time:      binary.BigEndian.Uint32(wrap[1:5]),
		MemoryKiB: binary.BigEndian.Uint32(wrap[5:9]),
		Threads:   wrap[9],
	}
	if err := p.check(); err != nil {
		return p, nil, nil, fmt.Errorf("%w: %w", ErrTampered, err)
	}
	return p, wrap[:10+saltSize], wrap[10+saltSize:], nil
}

func (p KDFParams) check() error {
	if p.Time < 1 || p.Time > maxKDFTime || p.Threads < 1 || p.MemoryKiB < minKDFMemoryKiB*uint32(p.Threads) || p.MemoryKiB > maxKDFMemoryKiB {
		return fmt.Errorf("cache: Argon2id parameters out of range (t=%d, m=%d KiB, p=%d)", p.Time, p.MemoryKiB, p.Threads)
	}
	return nil
}

func kekAEAD(password string, salt []byte, p KDFParams) (cipher.AEAD, error) {
	kek := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return cipher.NewGCMWithRandomNonce(block)
}

func wrapAD(head []byte) []byte { return append([]byte(wrapInfo+"\x00"), head...) }

// MaskIdentifier is how the login view lists a cached account without
// naming it: the last four digits of a KPJ, the first letter and the
// domain of an email.
func MaskIdentifier(identifier string) string {
	id := normalizeAccount(identifier)
	if local, domain, ok := strings.Cut(id, "@"); ok {
		first, _ := utf8.DecodeRuneInString(local)
		if first == utf8.RuneError {
			return "•••@" + domain
		}
		return string(first) + "•••@" + domain
	}
	if n := utf8.RuneCountInString(id); n > 4 {
		r := []rune(id)
		return strings.Repeat("•", 3) + string(r[n-4:])
	}
	return "••••"
}
