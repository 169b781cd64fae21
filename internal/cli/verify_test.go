package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/pem"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/sandboxtls"
	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
)

func TestRunVerify(t *testing.T) {
	t.Parallel()
	var requests atomic.Int64
	ts := tlsserve.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1) }), nil)
	cert := ts.Certificate()
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	pin := base64.StdEncoding.EncodeToString(sum[:])
	other := base64.StdEncoding.EncodeToString(make([]byte, 32))
	other2 := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1}, 32))
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"verified", []string{"--server", ts.URL, "--pin-sha256", pin, "--pin-sha256", other, "--ca", ca}, ExitOK, "pin matched:  " + pin + " (primary)"},
		{"backup pin", []string{"--server", ts.URL, "--pin-sha256", other, "--pin-sha256", pin, "--ca", ca, "--domain", "127.0.0.1"}, ExitOK, "(backup)"},
		{"wrong pins", []string{"--server", ts.URL, "--pin-sha256", other, "--pin-sha256", other2, "--ca", ca}, ExitRefused, "not one of the pinned keys"},
		{"untrusted", []string{"--server", ts.URL, "--pin-sha256", pin, "--pin-sha256", other}, ExitRefused, "not signed by a trusted authority"},
		{"no pins", []string{"--server", ts.URL, "--ca", ca}, ExitRefused, "no certificate pins"},
		{"http", []string{"--server", strings.Replace(ts.URL, "https", "http", 1), "--pin-sha256", pin, "--pin-sha256", other}, ExitRefused, "not https://"},
		{"domain", []string{"--server", ts.URL, "--pin-sha256", pin, "--pin-sha256", other, "--ca", ca, "--domain", "bpjsketenagakerjaan.go.id"}, ExitRefused, "not in the allowed domains"},
		{"no server", []string{"--pin-sha256", pin}, ExitUsage, ""},
		{"bad flag", []string{"--server", ts.URL, "--nope"}, ExitUsage, ""},
		{"missing ca file", []string{"--server", ts.URL, "--pin-sha256", pin, "--pin-sha256", other, "--ca", ca + ".missing"}, ExitUsage, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := RunVerify(context.Background(), tc.args, &out, &errOut)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errOut.String())
			}
			if !strings.Contains(out.String(), tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, out.String())
			}
		})
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("server saw %d HTTP requests; verify must send nothing beyond the handshake", n)
	}
}

// The sandbox as the app ships it: its certificate file and both pins.
func TestRunVerify_Sandbox(t *testing.T) {
	t.Parallel()
	sb := sandboxtls.Start(t, sandboxtls.Serve(tlsserve.HTTP2()))
	srv, ts := sb.Server, sb.TS
	var out, errOut bytes.Buffer
	code := RunVerify(context.Background(), []string{"--server", ts.URL, "--ca", srv.CertPath(),
		"--pin-sha256", srv.PinSHA256(), "--pin-sha256", srv.BackupPinSHA256()}, &out, &errOut)
	if code != ExitOK || !strings.Contains(out.String(), "protocol:     h2") || !strings.Contains(out.String(), "(primary)") {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if st := srv.Stats(); st.Total != 0 {
		t.Errorf("sandbox saw requests: %v", st.ByRoute)
	}
}
