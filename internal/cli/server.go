package cli

import (
	"flag"
	"fmt"
	"net/url"
	"os"

	"github.com/cekbpjstk/cekbpjstk/service"
)

// ServerFlags name a server and how to recognise it: --server, --pin-sha256
// (repeated), --domain (repeated) and --ca. `cekbpjstk verify` and the app
// itself (`cekbpjstk --server ...`) take the same flags and build the same
// profile, which the client's guard then checks before any byte but the
// TLS handshake is sent.
type ServerFlags struct {
	server  string
	caFile  string
	pins    multiFlag
	domains multiFlag
}

// Register adds the flags to fs.
func (f *ServerFlags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.server, "server", "", "server base URL (https://host[:port])")
	fs.StringVar(&f.caFile, "ca", "", "PEM file with extra trust roots (e.g. the sandbox's CA)")
	fs.Var(&f.pins, "pin-sha256", "base64 SHA-256 of an accepted SubjectPublicKeyInfo (repeat: primary, then backups; at least two)")
	fs.Var(&f.domains, "domain", "allowed domain; subdomains match too (repeatable; default: the server's host)")
}

// Given reports whether --server was given.
func (f *ServerFlags) Given() bool { return f.server != "" }

// Any reports whether any of the flags was given (a --pin-sha256 without
// --server is a mistake worth saying).
func (f *ServerFlags) Any() bool {
	return f.server != "" || f.caFile != "" || len(f.pins) > 0 || len(f.domains) > 0
}

// Profile is the server the flags describe, named name. Without --domain
// the server's own host is the allowlist. The CA file is read here; the
// URL, pins and domains are checked by service.New, as for every profile.
func (f *ServerFlags) Profile(name string) (service.Profile, error) {
	if f.server == "" {
		return service.Profile{}, fmt.Errorf("--server is required with --pin-sha256, --domain and --ca")
	}
	p := service.Profile{Name: name, BaseURL: f.server, Pins: append([]string(nil), f.pins...),
		AllowedDomains: append([]string(nil), f.domains...)}
	if len(p.AllowedDomains) == 0 {
		if u, err := url.Parse(f.server); err == nil && u.Hostname() != "" {
			p.AllowedDomains = []string{u.Hostname()}
		}
	}
	if f.caFile != "" {
		b, err := os.ReadFile(f.caFile)
		if err != nil {
			return service.Profile{}, fmt.Errorf("--ca: %w", err)
		}
		p.ExtraRootsPEM = b
	}
	return p, nil
}
