package cache

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWrap_OpensOnlyWithThePassword(t *testing.T) {
	t.Parallel()
	k := NewKey()
	wrap, err := Wrap(k, "Rahasia#2026", testKDF)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := WrapParams(wrap); err != nil || p != testKDF {
		t.Fatalf("WrapParams = %+v, %v; want %+v", p, err, testKDF)
	}
	got, err := Unwrap(wrap, "Rahasia#2026")
	if err != nil || !got.Equal(k) {
		t.Fatalf("Unwrap = %v, %v", got, err)
	}
	for _, pw := range []string{"rahasia#2026", "Rahasia#2026 ", ""} {
		if _, err := Unwrap(wrap, pw); !errors.Is(err, ErrWrongPassword) {
			t.Errorf("Unwrap(%q) = %v, want ErrWrongPassword", pw, err)
		}
	}
	// A fresh salt every time: two wraps of one key differ.
	again, _ := Wrap(k, "Rahasia#2026", testKDF)
	if bytes.Equal(again, wrap) {
		t.Error("two wraps are identical (salt or nonce reused)")
	}
	if bytes.Contains(wrap, k.k) {
		t.Error("the wrap holds the key in plaintext")
	}
	// Parameters are bound: other ones written into the file do not open it.
	cheaper := bytes.Clone(wrap)
	cheaper[4]++ // time
	if _, err := Unwrap(cheaper, "Rahasia#2026"); !errors.Is(err, ErrWrongPassword) {
		t.Errorf("altered parameters: %v, want ErrWrongPassword", err)
	}
	// A hostile wrap cannot make us allocate gigabytes.
	huge := bytes.Clone(wrap)
	copy(huge[5:9], []byte{0xff, 0xff, 0xff, 0xff})
	if _, err := Unwrap(huge, "Rahasia#2026"); !errors.Is(err, ErrTampered) {
		t.Errorf("huge memory: %v, want ErrTampered", err)
	}
	if _, err := Unwrap(wrap[:20], "x"); !errors.Is(err, ErrTampered) {
		t.Errorf("short wrap: %v, want ErrTampered", err)
	}
}

// The production parameters: what every wrap the app writes uses.
func TestWrap_DefaultParams(t *testing.T) {
	t.Parallel()
	if DefaultKDF != (KDFParams{Time: 10, MemoryKiB: 128 * 1024, Threads: 2}) {
		t.Fatalf("DefaultKDF = %+v; changing it needs a new measurement (BenchmarkDeriveDefault) and docs/SECURITY.md", DefaultKDF)
	}
	k := NewKey()
	began := time.Now()
	wrap, err := Wrap(k, "Rahasia#2026", DefaultKDF)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("one derivation with DefaultKDF: %v (timing is measured in make bench)", time.Since(began))
	if p, _ := WrapParams(wrap); p != DefaultKDF {
		t.Errorf("stored %+v, want %+v", p, DefaultKDF)
	}
}

func TestMaskIdentifier(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"budi@contoh.id":     "b•••@contoh.id",
		" Budi@Contoh.ID ":   "b•••@contoh.id",
		"18012345678":        "•••5678",
		"123":                "••••",
		"":                   "••••",
		"@contoh.id":         "•••@contoh.id",
		"siti.rahayu@pos.id": "s•••@pos.id",
	} {
		if got := MaskIdentifier(in); got != want {
			t.Errorf("MaskIdentifier(%q) = %q, want %q", in, got, want)
		}
	}
}

// FindByPassword finds the account's row by its mask and the password, and
// names the other rows under the same mask (stale after a password change).
func TestFindByPassword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), nil)
	m := demoMembers[0]
	old, current := NewKey(), NewKey()
	oldWrap, _ := Wrap(old, "lama", testKDF)
	if err := c.Save(ctx, testProfile, m.Account, old, demoSnapshot(m, 1, 1, 1, time.Now()), SaveOptions{Wrap: oldWrap}); err != nil {
		t.Fatal(err)
	}
	wrap, _ := Wrap(current, "baru", testKDF)
	if err := c.Save(ctx, testProfile, m.Account, current, demoSnapshot(m, 2, 1, 1, time.Now()), SaveOptions{Wrap: wrap}); err != nil {
		t.Fatal(err)
	}
	k, others, err := c.FindByPassword(ctx, testProfile, m.Account, "baru")
	if err != nil || !k.Equal(current) || len(others) != 1 {
		t.Fatalf("FindByPassword = %v, %v, %v", k, others, err)
	}
	// Another account under another mask is never a candidate.
	if _, others, err := c.FindByPassword(ctx, testProfile, demoMembers[1].Account, "baru"); !errors.Is(err, ErrNotFound) || len(others) != 0 {
		t.Errorf("other account: %v, %v", others, err)
	}
	if _, _, err := c.FindByPassword(ctx, testProfile, m.Account, "salah"); !errors.Is(err, ErrNotFound) {
		t.Errorf("wrong password: %v", err)
	}
	// A save that drops the stale row: the old password opens nothing.
	if err := c.Save(ctx, testProfile, m.Account, current, demoSnapshot(m, 3, 1, 1, time.Now()), SaveOptions{Drop: others}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.FindByPassword(ctx, testProfile, m.Account, "lama"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old password after the drop: %v", err)
	}
	if _, others, err := c.FindByPassword(ctx, testProfile, m.Account, "baru"); err != nil || len(others) != 0 {
		t.Errorf("after the drop: %v, %v (the wrap must be kept by a save without one)", others, err)
	}
}

// A lock sets the refresh token aside under the account key; only the key
// gets it back.
func TestSetLock_TokenSetAside(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	c, _ := openTest(t, dir, nil)
	m := demoMembers[0]
	k := keyOf(m.Account)
	if err := c.SetLock(ctx, testProfile, m.Account, k, true, "rt-secret"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetLock with nothing cached = %v, want ErrNotFound", err)
	}
	if err := c.Save(ctx, testProfile, m.Account, k, demoSnapshot(m, 1, 1, 1, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetLock(ctx, testProfile, m.Account, k, true, "rt-secret-token-value"); err != nil {
		t.Fatal(err)
	}
	list, _ := c.Accounts(ctx, testProfile)
	if len(list) != 1 || !list[0].Locked {
		t.Fatalf("Accounts = %+v, want locked", list)
	}
	if tok, err := c.LockedToken(ctx, testProfile, m.Account, k); err != nil || tok != "rt-secret-token-value" {
		t.Errorf("LockedToken = %q, %v", tok, err)
	}
	c.Close()
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if bytes.Contains(b, []byte("rt-secret-token-value")) {
		t.Error("the token is in the file in plaintext")
	}
	c, _ = openTest(t, dir, nil)
	if err := c.SetLock(ctx, testProfile, m.Account, k, false, ""); err != nil {
		t.Fatal(err)
	}
	if tok, err := c.LockedToken(ctx, testProfile, m.Account, k); err != nil || tok != "" {
		t.Errorf("after unlock LockedToken = %q, %v", tok, err)
	}
	if list, _ := c.Accounts(ctx, testProfile); list[0].Locked {
		t.Error("still locked")
	}
}

// Forgetting one account removes it from the copies set aside too, and a
// copy that cannot be edited goes whole.
func TestForget_AlsoInQuarantinedCopies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	c, _ := openTest(t, dir, nil)
	budi, siti := demoMembers[0], demoMembers[1]
	for _, m := range demoMembers {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 12, 2, time.Now()), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "cache.damaged-20260101T000000Z.db")
	broken := filepath.Join(dir, "cache.damaged-20260102T000000Z.db")
	copyFile(t, filepath.Join(dir, FileName), kept)
	if err := os.WriteFile(broken, []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := c.Forget(ctx, testProfile, budi.Account, keyOf(budi.Account), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(broken); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the unreadable copy is still there (%v)", err)
	}
	// The kept copy, opened as a cache: Siti is there, Budi is not, in any byte.
	raw, _ := os.ReadFile(kept)
	s, _ := keyOf(budi.Account).sealer()
	if bytes.Contains(raw, s.accountKey(testProfile, budi.Account)) {
		t.Error("Budi's row is still in the copy")
	}
	q := filepath.Join(t.TempDir(), "q")
	if err := os.MkdirAll(q, 0o700); err != nil {
		t.Fatal(err)
	}
	copyFile(t, kept, filepath.Join(q, FileName))
	qc, _ := openTest(t, q, nil)
	if _, err := qc.Load(ctx, testProfile, siti.Account, keyOf(siti.Account)); err != nil {
		t.Errorf("Siti in the copy: %v", err)
	}
	if _, err := qc.Load(ctx, testProfile, budi.Account, keyOf(budi.Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Budi in the copy: %v, want ErrNotFound", err)
	}
}
