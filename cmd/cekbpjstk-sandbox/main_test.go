package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// TestRun_PrintsURLPinAndCertThenShutsDown drives the command as a user
// would: read the three lines, call /v1/health pinned to the printed key,
// then stop it.
func TestRun_PrintsURLPinAndCertThenShutsDown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--addr", "127.0.0.1:0", "--data", dir, "--fault", "path=/v1/me/claims,status=503"}, pw, io.Discard)
		pw.Close()
	}()
	lines := map[string]string{}
	sc := bufio.NewScanner(pr)
	for len(lines) < 4 && sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ": ")
		lines[k] = v
	}
	go io.Copy(io.Discard, pr)
	url, pin, cert := lines["url"], lines["pin-sha256"], lines["cert"]
	if !strings.HasPrefix(url, "https://127.0.0.1:") || pin == "" || cert != filepath.Join(dir, "ca.pem") {
		t.Fatalf("output %v", lines)
	}
	pemBytes, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pemBytes)
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, VerifyConnection: func(cs tls.ConnectionState) error {
		if sandbox.SPKIPin(cs.PeerCertificates[0]) != pin {
			t.Error("printed pin does not match the served key")
		}
		return nil
	}}}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	for path, want := range map[string]int{"/v1/health": 200, "/v1/me/claims": 503} {
		resp, err := c.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no shutdown after cancel")
	}
}

func TestRun_RejectsBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--addr", "0.0.0.0:0"},
		{"--addr", "nonsense"},
		{"--fault", "status=200"},
		{"--unknown"},
	} {
		if err := run(context.Background(), append(args, "--data", t.TempDir()), io.Discard, io.Discard); err == nil {
			t.Errorf("run(%v) succeeded", args)
		}
	}
}

func TestCheckLoopback(t *testing.T) {
	t.Parallel()
	for addr, ok := range map[string]bool{
		"127.0.0.1:8443": true, "[::1]:8443": true, "localhost:8443": true,
		"0.0.0.0:8443": false, ":8443": false, "192.168.1.5:8443": false,
	} {
		if err := checkLoopback(addr, false); (err == nil) != ok {
			t.Errorf("checkLoopback(%s) = %v", addr, err)
		}
	}
	if err := checkLoopback("0.0.0.0:8443", true); err != nil {
		t.Errorf("--public: %v", err)
	}
}
