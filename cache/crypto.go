package cache

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

const (
	// dataKeySize is the length of the per-installation data key in the keyring.
	dataKeySize = 32
	// blobVersion is the first byte of every sealed blob; it names the
	// algorithm (AES-256-GCM with a random 96-bit nonce) and the AAD layout.
	blobVersion byte = 1

	// Table names bound into the associated data of each blob.
	tableMeta     = "meta"
	tableAccounts = "accounts"
	tableParts    = "parts"

	// hkdf info strings: one data key, separate keys per use, so that the
	// lookup hashes reveal nothing about the encryption key and vice versa.
	infoSeal   = "cekbpjstk cache v1 seal aes-256-gcm"
	infoLookup = "cekbpjstk cache v1 lookup hmac-sha256"
)

// sealer seals and opens blobs and computes lookup keys; it is derived from
// the data key and immutable once built.
type sealer struct {
	aead   cipher.AEAD
	macKey []byte
}

func newSealer(dataKey []byte) (*sealer, error) {
	if len(dataKey) != dataKeySize {
		return nil, fmt.Errorf("cache: data key is %d bytes, want %d", len(dataKey), dataKeySize)
	}
	encKey, err := hkdf.Key(sha256.New, dataKey, nil, infoSeal, 32)
	if err != nil {
		return nil, fmt.Errorf("cache: derive encryption key: %w", err)
	}
	macKey, err := hkdf.Key(sha256.New, dataKey, nil, infoLookup, 32)
	if err != nil {
		return nil, fmt.Errorf("cache: derive lookup key: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &sealer{aead: aead, macKey: macKey}, nil
}

// newDataKey returns a fresh random data key.
func newDataKey() []byte {
	k := make([]byte, dataKeySize)
	rand.Read(k) // never fails; it crashes the program instead
	return k
}

func encodeKey(k []byte) string { return base64.StdEncoding.EncodeToString(k) }

func decodeKey(s string) ([]byte, error) {
	k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(k) != dataKeySize {
		return nil, errors.New("cache: the data key in the keyring is malformed")
	}
	return k, nil
}

// ad builds the associated data of a blob: a domain string, the blob
// version, the table and length-prefixed binding fields (lookup key,
// snapshot id, part name). A blob moved to another row, table, account or
// snapshot therefore fails to open.
func ad(table string, fields ...[]byte) []byte {
	b := make([]byte, 0, 64+32*len(fields))
	b = append(b, "cekbpjstk/cache\x00"...)
	b = append(b, blobVersion)
	b = binary.AppendUvarint(b, uint64(len(table)))
	b = append(b, table...)
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

// seal encrypts plaintext under the associated data ad.
func (s *sealer) seal(plaintext, ad []byte) []byte {
	out := make([]byte, 1, 1+s.aead.Overhead()+len(plaintext))
	out[0] = blobVersion
	return s.aead.Seal(out, nil, plaintext, ad) // #nosec G407 -- the AEAD comes from cipher.NewGCMWithRandomNonce, which draws a fresh random nonce for every Seal; the nil is not a nonce
}

// open decrypts a blob sealed with seal under the same associated data.
// Every failure wraps ErrTampered; the message names no personal data.
func (s *sealer) open(blob, ad []byte) ([]byte, error) {
	if len(blob) < 1+s.aead.Overhead() {
		return nil, fmt.Errorf("%w: blob too short", ErrTampered)
	}
	if blob[0] != blobVersion {
		return nil, fmt.Errorf("%w: unknown blob version %d", ErrTampered, blob[0])
	}
	pt, err := s.aead.Open(nil, nil, blob[1:], ad)
	if err != nil {
		return nil, ErrTampered
	}
	return pt, nil
}

// mac returns the keyed hash of the length-prefixed fields under a domain
// label. It is the only form in which profiles and accounts reach the disk
// in plaintext columns.
func (s *sealer) mac(label string, fields ...string) []byte {
	h := hmac.New(sha256.New, s.macKey)
	var n [binary.MaxVarintLen64]byte
	h.Write([]byte(label))
	h.Write([]byte{0})
	for _, f := range fields {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
		h.Write([]byte(f))
	}
	return h.Sum(nil)
}

// profileKey is the lookup key of a server profile.
func (s *sealer) profileKey(profile string) []byte { return s.mac("profile", profile) }

// accountKey is the lookup key of an account within a profile. Account
// identifiers are compared case-insensitively (emails) and without
// surrounding blanks, so "Budi@Contoh.id " and "budi@contoh.id" are one account.
func (s *sealer) accountKey(profile, account string) []byte {
	return s.mac("account", profile, normalizeAccount(account))
}

func normalizeAccount(a string) string { return strings.ToLower(strings.TrimSpace(a)) }
