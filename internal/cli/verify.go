// Package cli holds the headless subcommands of cekbpjstk (no window).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service"
)

// Exit codes of RunVerify.
const (
	ExitOK      = 0
	ExitUsage   = 2
	ExitRefused = 3
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// RunVerify implements `cekbpjstk verify --server URL [--pin-sha256 B64]...
// [--domain D]... [--ca PEM] [--timeout D]`: it checks the server exactly as
// the app does before a login — TLS handshake only, nothing else is sent —
// prints the security report and returns 0, or prints why it refused and
// returns 3. Usage errors return 2. Without --domain the server's own host is
// the allowlist.
func RunVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var sf ServerFlags
	sf.Register(fs)
	timeout := fs.Duration("timeout", 15*time.Second, "give up after this long")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cekbpjstk verify --server URL --pin-sha256 B64 --pin-sha256 B64 [--domain D]... [--ca PEM]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if !sf.Given() || fs.NArg() > 0 {
		fs.Usage()
		return ExitUsage
	}
	if *timeout <= 0 {
		fmt.Fprintln(stderr, "verify: --timeout must be positive")
		return ExitUsage
	}
	p, err := sf.Profile("verify")
	if err != nil {
		fmt.Fprintf(stderr, "verify: %v\n", err)
		return ExitUsage
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	c, err := service.New(p, service.WithLogger(quiet))
	if err != nil {
		return refused(stdout, sf.server, err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	r, err := c.Verify(ctx)
	if err != nil {
		return refused(stdout, sf.server, err)
	}
	fmt.Fprintf(stdout, "VERIFIED %s\n", r.Host)
	rows := [][2]string{
		{"address", r.Address},
		{"tls", r.TLSVersion},
		{"cipher suite", r.CipherSuite},
		{"protocol", r.Protocol},
		{"subject", r.Subject},
		{"issuer", r.Issuer},
		{"valid", r.NotBefore.UTC().Format(time.RFC3339) + " to " + r.NotAfter.UTC().Format(time.RFC3339)},
		{"pin matched", r.PinSHA256 + " (" + r.PinRole + ")"},
	}
	if !r.PinsExpire.IsZero() {
		rows = append(rows, [2]string{"pins expire", r.PinsExpire.UTC().Format(time.RFC3339)})
	}
	for i, s := range r.Chain {
		rows = append(rows, [2]string{fmt.Sprintf("chain[%d]", i), s})
	}
	for _, row := range rows {
		fmt.Fprintf(stdout, "  %-13s %s\n", row[0]+":", row[1])
	}
	return ExitOK
}

// refused prints the reason in one line a person can act on, then the detail.
func refused(w io.Writer, server string, err error) int {
	fmt.Fprintf(w, "REFUSED %s: %s\n", server, Reason(err))
	fmt.Fprintf(w, "  detail: %v\n", err)
	fmt.Fprintln(w, "  nothing was sent beyond the TLS handshake")
	return ExitRefused
}

// Reason explains a service error in one English line.
func Reason(err error) string {
	var ce *service.CertificateError
	if errors.As(err, &ce) {
		switch ce.Reason {
		case service.ReasonPinMismatch:
			return "the certificate is valid but its key is not one of the pinned keys (possible interception)"
		case service.ReasonUntrusted:
			return "the certificate is not signed by a trusted authority"
		case service.ReasonHostname:
			return "the certificate is not valid for this host name"
		case service.ReasonExpired:
			return "the certificate has expired or is not yet valid"
		case service.ReasonPinsExpired:
			return "the pin set has expired; update the app"
		case service.ReasonNoPins:
			return "no certificate pins configured (need a primary and a backup --pin-sha256)"
		case service.ReasonInvalidPin:
			return "a --pin-sha256 value is not a base64 SHA-256 hash"
		}
		return "the TLS connection failed verification"
	}
	switch {
	case errors.Is(err, service.ErrInsecureURL):
		return "the URL is not https://"
	case errors.Is(err, service.ErrDomainNotAllowed):
		return "the host is not in the allowed domains"
	case errors.Is(err, service.ErrTimeout):
		return "timed out"
	case errors.Is(err, service.ErrOffline):
		return "the server could not be reached"
	}
	return "verification failed"
}
