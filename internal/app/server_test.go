package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsrec"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

func serverApp(t *testing.T, p service.Profile) *App {
	t.Helper()
	a := New(Params{DataDir: t.TempDir(), Keys: keystore.NewMemory(), Settings: prefs.New(prefs.NewMemoryStore()),
		Server: &p, Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	t.Cleanup(a.Close)
	return a
}

// --server with a wrong pin: the server gets a TLS handshake and not one
// byte after it, whatever the member then tries (log in, register). With
// the right pin the same listener does receive the login, so it would
// have seen one.
func TestServerFlag_WrongPinSendsNothingBeyondTheHandshake(t *testing.T) {
	rec := tlsrec.Listen(t)
	wrong := service.Profile{Name: "server", BaseURL: rec.URL, AllowedDomains: []string{"127.0.0.1"},
		Pins: []string{strings.Repeat("A", 43) + "=", strings.Repeat("B", 43) + "="}, ExtraRootsPEM: rec.CertPEM}
	a := serverApp(t, wrong)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	a.OpenCache(ctx, nil)
	if !strings.HasPrefix(a.ProfileName(), ProfileServerPrefix+"https://127.0.0.1:") || a.IsDemo() {
		t.Fatalf("profile name %q", a.ProfileName())
	}
	_, err := a.CheckServer(ctx)
	var ce *service.CertificateError
	if !errors.As(err, &ce) || ce.Reason != service.ReasonPinMismatch {
		t.Fatalf("check with a wrong pin: %v", err)
	}
	if _, err := a.Login(ctx, "budi@contoh.id", sandbox.DemoPassword, false); !errors.Is(err, ErrNoServer) {
		t.Fatalf("login: %v", err)
	}
	if _, err := a.StartRegistration(ctx, service.Registration{Email: "budi@contoh.id", Password: sandbox.DemoPassword}); !errors.As(err, &ce) {
		t.Fatalf("registration: %v", err)
	}
	if _, err := a.Refresh(ctx); !errors.Is(err, ErrNoServer) {
		t.Fatalf("refresh: %v", err)
	}
	time.Sleep(300 * time.Millisecond) // anything on its way arrives
	if rec.Conns() == 0 {
		t.Fatal("the server saw no connection: the test proves nothing")
	}
	if got := rec.Sent(); len(got) != 0 || rec.Handshakes() != 0 {
		t.Fatalf("the refused server received %d bytes after %d handshakes: %q", len(got), rec.Handshakes(), got)
	}

	right := wrong
	right.Pins = []string{rec.Pin, strings.Repeat("B", 43) + "="}
	b := serverApp(t, right)
	b.OpenCache(ctx, nil)
	if _, err := b.CheckServer(ctx); err != nil {
		t.Fatalf("check with the right pin: %v", err)
	}
	_, _ = b.Login(ctx, "budi@contoh.id", sandbox.DemoPassword, false) // the recorder never answers
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.Sent()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := string(rec.Sent()); !strings.Contains(got, "POST /v1/login") {
		t.Fatalf("the verified server did not receive the login: %q", got)
	}
}
