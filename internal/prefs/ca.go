package prefs

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
)

// maxCABytes bounds a custom server's CA: a few certificates, not a bundle
// of the whole web (which would defeat pinning's point of a narrow trust).
const maxCABytes = 64 << 10

// CustomCA is the custom server's extra trust roots, PEM certificates ("" for
// none: the system's roots). They are public certificates, not secrets.
func (s *Settings) CustomCA() string { return s.p.String(KeyCustomCA) }

// ValidateCA checks a custom CA before it is stored: empty, or only PEM
// CERTIFICATE blocks (at least one) that parse as X.509 certificates, at
// most 64 KiB. The error matches ErrCustomCA.
func ValidateCA(caPEM string) error {
	rest := []byte(strings.TrimSpace(caPEM))
	if len(rest) == 0 {
		return nil
	}
	if len(rest) > maxCABytes {
		return fmt.Errorf("%w: over %d bytes", ErrCustomCA, maxCABytes)
	}
	n := 0
	for len(rest) > 0 {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			return fmt.Errorf("%w: not PEM", ErrCustomCA)
		}
		if blk.Type != "CERTIFICATE" {
			return fmt.Errorf("%w: a %s block", ErrCustomCA, blk.Type)
		}
		if _, err := x509.ParseCertificate(blk.Bytes); err != nil {
			return fmt.Errorf("%w: %v", ErrCustomCA, err)
		}
		n++
		rest = []byte(strings.TrimSpace(string(rest)))
	}
	if n == 0 {
		return ErrCustomCA
	}
	return nil
}

// SetCustomCA validates (ValidateCA) and stores the custom server's CA; ""
// removes it. Nothing is stored when it is invalid.
func (s *Settings) SetCustomCA(caPEM string) error {
	if err := ValidateCA(caPEM); err != nil {
		return err
	}
	s.p.SetString(KeyCustomCA, strings.TrimSpace(caPEM))
	return nil
}
