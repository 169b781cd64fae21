package uitest

import (
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/sandboxtls"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// Sandbox starts a real sandbox over TLS on loopback for one test
// (sandboxtls), with the light password hashing and its log in LogWriter,
// and returns it with the profile that pins its certificate.
func Sandbox(t testing.TB, opts ...sandbox.Option) (*sandbox.Server, *httptest.Server, service.Profile) {
	t.Helper()
	sb := sandboxtls.Start(t, sandboxtls.With(sandbox.WithLogger(slog.New(slog.NewTextHandler(LogWriter, nil)))), sandboxtls.With(opts...))
	return sb.Server, sb.TS, service.DemoProfile(sb.URL, sb.CertPEM(), sb.PinSHA256(), sb.BackupPinSHA256())
}

// SandboxClient starts a sandbox (see Sandbox) and returns a client that pins it.
func SandboxClient(t testing.TB) *service.Client {
	t.Helper()
	_, client := SandboxWithClient(t)
	return client
}

// SandboxWithClient is SandboxClient that also returns the sandbox, for
// tests that read its outbox (the registration codes).
func SandboxWithClient(t testing.TB) (*sandbox.Server, *service.Client) {
	t.Helper()
	srv, _, profile := Sandbox(t)
	client, err := service.New(profile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return srv, client
}

// SetLanguage switches the app's language for one test and back after it.
func SetLanguage(t testing.TB, code string) {
	t.Helper()
	if err := i18n.SetLanguage(code); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.SetLanguage(i18n.DefaultLanguage) })
}
