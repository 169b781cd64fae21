package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/testkit/tlsserve"
)

// demoClient trusts rn's certificate, and only that.
func demoClient(t *testing.T, rn *Running) *http.Client {
	t.Helper()
	return &http.Client{Transport: tlsserve.Transport(t, rn.Server().CertPEM()), Timeout: 10 * time.Second}
}

// postJSON posts body to rn and decodes the answer into out.
func postJSON(t *testing.T, c *http.Client, rn *Running, path string, body, out any) int {
	t.Helper()
	raw, _ := json.Marshal(body)
	resp, err := c.Post(rn.URL()+path, "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("POST %s: decode: %v", path, err)
	}
	return resp.StatusCode
}

func TestDemoRunner_StartsOnceAndCloses(t *testing.T) {
	t.Parallel()
	r := NewDemoRunner(t.TempDir(), nil)
	t.Cleanup(r.Close)
	ctx := context.Background()
	first, err := r.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first.URL(), "https://127.0.0.1:") {
		t.Errorf("URL %q is not on loopback", first.URL())
	}
	again, err := r.Start(ctx)
	if err != nil || again != first || again.URL() != first.URL() {
		t.Fatalf("second Start = %v (%v), %v; want the same server %s", again, again.URL(), err, first.URL())
	}
	c := demoClient(t, first)
	resp, err := c.Get(first.URL() + "/v1/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("health: %d", resp.StatusCode)
	}

	r.Close()
	c.Transport.(*http.Transport).CloseIdleConnections()
	if resp, err := c.Get(first.URL() + "/v1/health"); err == nil {
		resp.Body.Close()
		t.Fatalf("the server still answers after Close: %d", resp.StatusCode)
	}
	r.Close() // a second Close is harmless

	// A Start after Close starts it again, with the same data.
	restarted, err := r.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if restarted == first || restarted.Server().PinSHA256() != first.Server().PinSHA256() {
		t.Errorf("restart: same Running %v, pin kept %v", restarted == first, restarted.Server().PinSHA256() == first.Server().PinSHA256())
	}
}

// Every demo account logs in with its password; Siti's 2FA takes
// DemoTOTPCode.
func TestDemoAccounts_LogIn(t *testing.T) {
	t.Parallel()
	accounts := DemoAccounts()
	if len(accounts) != 6 {
		t.Fatalf("%d demo accounts, want Budi, Siti, Andi, Rudi, Wulan and Eko", len(accounts))
	}
	accounts[0].Note = "changed"
	if DemoAccounts()[0].Note == "changed" {
		t.Error("DemoAccounts shares its slice between calls")
	}
	r := NewDemoRunner(t.TempDir(), nil)
	t.Cleanup(r.Close)
	rn, err := r.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c := demoClient(t, rn)
	seen := map[string]bool{}
	for _, a := range DemoAccounts() {
		if a.Note == "" || a.Password != DemoPassword || seen[a.Identifier] {
			t.Errorf("account %+v: empty note, not DemoPassword, or listed twice", a)
		}
		seen[a.Identifier] = true
		var tok struct {
			AccessToken string `json:"access_token"`
			MFARequired bool   `json:"mfa_required"`
			MFAToken    string `json:"mfa_token"`
		}
		if status := postJSON(t, c, rn, "/v1/login", map[string]string{"identifier": a.Identifier, "password": a.Password}, &tok); status != http.StatusOK {
			t.Fatalf("%s: login status %d", a.Identifier, status)
		}
		if wantMFA := a.Identifier == "siti@contoh.id"; tok.MFARequired != wantMFA {
			t.Fatalf("%s: mfa_required %v, want %v", a.Identifier, tok.MFARequired, wantMFA)
		}
		if tok.MFARequired {
			mfa := tok.MFAToken
			tok.AccessToken = ""
			if status := postJSON(t, c, rn, "/v1/login/mfa", map[string]string{"mfa_token": mfa, "code": DemoTOTPCode(time.Now())}, &tok); status != http.StatusOK {
				t.Fatalf("%s: 2FA status %d", a.Identifier, status)
			}
		}
		if tok.AccessToken == "" {
			t.Errorf("%s: no access token", a.Identifier)
		}
	}
}

func TestDemoTOTPCode_IsSitisCode(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, time.November, 20, 1, 0, 0, 0, time.UTC)
	want, err := TOTPCode(SitiTOTPSecret, at)
	if err != nil || len(want) != 6 {
		t.Fatalf("TOTPCode = %q, %v", want, err)
	}
	if got := DemoTOTPCode(at); got != want {
		t.Errorf("DemoTOTPCode = %q, want %q", got, want)
	}
}
