package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// clock is a settable clock for the tests' app instances.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// A wrong offline password is refused with nothing decrypted, and repeated
// ones slow down: the next attempt waits, longer each time.
func TestOffline_WrongPasswordRefusedAndSlowsDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	clk := &clock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	e.now = clk.now
	a, _ := e.newApp()
	e.login(a, budi, false)
	b, _ := e.newApp()
	ref := e.ref(b, budi)
	if _, err := b.UnlockOffline(e.ctx(), ref, "Salah#1234"); !errors.Is(err, cache.ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	if b.Data() != nil {
		t.Fatal("data in memory after a wrong password")
	}
	if _, err := b.UnlockOffline(e.ctx(), ref, "Salah#5678"); !errors.Is(err, cache.ErrWrongPassword) {
		t.Fatalf("second wrong password: %v", err)
	}
	// The next attempt, even with the right password, must wait.
	var wait *WaitError
	if _, err := b.UnlockOffline(e.ctx(), ref, sandbox.DemoPassword); !errors.As(err, &wait) {
		t.Fatalf("attempt right after two wrong ones: %v, want a WaitError", err)
	}
	if d := wait.Until.Sub(clk.now()); d != 2*time.Second {
		t.Errorf("wait after 2 wrong passwords = %v, want 2s", d)
	}
	clk.add(2 * time.Second)
	if _, err := b.UnlockOffline(e.ctx(), ref, "Salah#9"); !errors.Is(err, cache.ErrWrongPassword) {
		t.Fatalf("third wrong password: %v", err)
	}
	if _, err := b.UnlockOffline(e.ctx(), ref, sandbox.DemoPassword); !errors.As(err, &wait) || wait.Until.Sub(clk.now()) != 4*time.Second {
		t.Fatalf("after 3 wrong passwords: %v, want a 4 s wait", err)
	}
	clk.add(4 * time.Second)
	data, err := b.UnlockOffline(e.ctx(), ref, sandbox.DemoPassword)
	if err != nil || data.Member.FullName != "Budi Santoso" || !data.Offline {
		t.Fatalf("right password: %q, %v", data.Member.FullName, err)
	}
	for n, want := range map[int]time.Duration{1: 0, 2: 2 * time.Second, 5: 16 * time.Second, 30: 5 * time.Minute} {
		if got := attemptDelay(n); got != want {
			t.Errorf("attemptDelay(%d) = %v, want %v", n, got, want)
		}
	}
}

// What the app stores with a wrap is the production parameters (the other
// tests pass cheap ones).
func TestLogin_WrapUsesProductionDefaults(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.kdf = cache.KDFParams{}
	a, _ := e.newApp()
	e.login(a, budi, false)
	wrap, err := a.openStore().WrapOf(e.ctx(), e.ref(a, budi))
	if err != nil || wrap == nil {
		t.Fatalf("no wrap stored: %v", err)
	}
	if p, err := cache.WrapParams(wrap); err != nil || p != cache.DefaultKDF {
		t.Fatalf("stored parameters %+v (%v), want the defaults %+v", p, err, cache.DefaultKDF)
	}
}

// A password changed on the server takes effect at the next online login:
// the old password no longer opens the offline data, the new one does.
func TestLogin_PasswordChangedOnServerRewraps(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	const newPassword = "Baru#Sekali2026"
	client, err := service.New(e.demo.Profile)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if _, err := client.Login(e.ctx(), budi, sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	if err := client.ChangePassword(e.ctx(), sandbox.DemoPassword, newPassword); err != nil {
		t.Fatal(err)
	}
	b, _ := e.newApp()
	if _, err := b.Login(e.ctx(), budi, newPassword, false); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Refresh(e.ctx()); err != nil {
		t.Fatal(err)
	}
	c, _ := e.newApp()
	list, _ := c.OfflineAccounts(e.ctx())
	if len(list) != 1 {
		t.Fatalf("offline list after the rewrap: %+v (the stale copy must go)", list)
	}
	if _, err := c.UnlockOffline(e.ctx(), list[0].Ref, sandbox.DemoPassword); !errors.Is(err, cache.ErrWrongPassword) {
		t.Fatalf("old password: %v, want ErrWrongPassword", err)
	}
	if d, err := c.UnlockOffline(e.ctx(), list[0].Ref, newPassword); err != nil || d.Member.FullName != "Budi Santoso" {
		t.Fatalf("new password: %v", err)
	}
}

// A lock, for a remembered account too, holds across a restart until the
// password is typed: no fast start, no keyring copy of the key, the
// refresh token set aside; the password lifts it and the next start is
// fast again.
func TestLock_PersistsAcrossRestartUntilThePassword(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	if !slices.Contains(e.keys.Items(), keystore.AccountKeyItem("demo", budi)+"/"+keystore.PurposeAccountKey) {
		t.Fatalf("no keyring copy of the key with remember me: %v", e.keys.Items())
	}
	a.Lock()
	if err := a.WaitLockSaved(e.ctx()); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{keystore.AccountKeyItem("demo", budi) + "/" + keystore.PurposeAccountKey, budi + "/" + keystore.PurposeRefreshToken} {
		if slices.Contains(e.keys.Items(), gone) {
			t.Errorf("keyring item %s left after the lock", gone)
		}
	}
	a.Close()

	b, o := e.newApp()
	if o.Cached != nil || !o.Locked || o.Remembered != budi {
		t.Fatalf("start after a lock: cached %v, locked %v, remembered %q", o.Cached != nil, o.Locked, o.Remembered)
	}
	if _, ok := b.ShouldResume(); ok {
		t.Fatal("resume offered while locked")
	}
	ref := e.ref(b, budi)
	if _, err := b.OpenOffline(e.ctx(), ref); !errors.Is(err, ErrPasswordNeeded) {
		t.Fatalf("locked account without the password: %v", err)
	}
	if b.Data() != nil {
		t.Fatal("data in memory before the password")
	}
	if _, err := b.UnlockOffline(e.ctx(), ref, sandbox.DemoPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := e.keys.Get(e.ctx(), budi, keystore.PurposeRefreshToken); err != nil {
		t.Errorf("the set-aside refresh token did not come back: %v", err)
	}
	if _, err := b.CheckServer(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if id, ok := b.ShouldResume(); !ok || id != budi {
		t.Fatal("no resume after the password")
	}
	if err := b.Resume(e.ctx(), budi); err != nil {
		t.Fatalf("resume with the restored token: %v", err)
	}
	b.Close()
	_, o = e.newApp()
	if o.Cached == nil || o.Locked {
		t.Fatalf("start after the unlock: cached %v, locked %v", o.Cached != nil, o.Locked)
	}
}

// No keyring answers at all: the login works, "remember me" cannot, and
// after a restart the password opens the cached balance.
func TestNoKeyring_PasswordOpensTheCachedBalance(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.keys.SetErr(keystore.ErrUnavailable)
	a, o := e.newApp()
	if !errors.Is(o.KeyringErr, cache.ErrNoKeyring) || !errors.Is(a.KeyringErr(), keystore.ErrUnavailable) {
		t.Fatalf("KeyringErr = %v", o.KeyringErr)
	}
	want := e.sandboxBalance(budi)
	if _, err := a.Login(e.ctx(), budi, sandbox.DemoPassword, true); err != nil {
		t.Fatal(err)
	}
	if err := a.RememberLogin(e.ctx()); !errors.Is(err, keystore.ErrUnavailable) {
		t.Fatalf("remember me without a keyring: %v", err)
	}
	if r, err := a.Refresh(e.ctx()); err != nil || r.SaveErr != nil {
		t.Fatalf("refresh: %v, %v", err, r.SaveErr)
	}
	a.Close()
	b, _ := e.newApp()
	data, err := b.UnlockOffline(e.ctx(), e.ref(b, budi), sandbox.DemoPassword)
	if err != nil || data.Balance.Total != want.Total {
		t.Fatalf("offline with the password: %d (want %d), %v", data.Balance.Total, want.Total, err)
	}
	// The keyring comes back: the retry notices.
	e.keys.SetErr(nil)
	if _, err := b.RetryKeyring(e.ctx()); err != nil || b.KeyringErr() != nil {
		t.Fatalf("retry: %v", err)
	}
}

// Logout while a token rotation is on its way: the rotated token is never
// written back to the keyring.
func TestRace_LogoutRacingARefreshWritesNoTokenBack(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	b, _ := e.newApp()
	// b resumes the remembered session: its token rotation is held.
	e.gate.mu.Lock()
	e.gate.prefix = "/v1/token/refresh"
	e.gate.mu.Unlock()
	e.gate.close()
	done := make(chan error, 1)
	go func() { done <- b.Resume(context.Background(), budi) }()
	<-e.gate.arrived
	tell := b.Logout()
	// The logout's own deletion, done before the rotation answers.
	_ = e.keys.Delete(e.ctx(), budi, keystore.PurposeRefreshToken)
	e.gate.release()
	if err := <-done; !errors.Is(err, ErrStale) {
		t.Fatalf("resume after the logout: %v, want ErrStale", err)
	}
	if tell != nil {
		_ = tell(e.ctx())
	}
	if slices.Contains(e.keys.Items(), budi+"/"+keystore.PurposeRefreshToken) {
		t.Fatal("a refresh that finished after the logout wrote its token back")
	}
}

// Clear all with two remembered accounts and a refresh in flight: the
// refresh is cancelled and waited for, and no keyring item, cached account
// or copy set aside is left.
func TestClearAll_TwoRememberedAccountsNoKeyringItemLeft(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	other, _ := e.newApp()
	e.login(other, "andi@contoh.id", true)
	other.Close()
	a, _ := e.newApp()
	e.login(a, budi, true)
	if len(e.keys.Items()) < 4 {
		t.Fatalf("keyring before: %v", e.keys.Items())
	}
	if err := os.WriteFile(filepath.Join(e.dataDir, "cache.damaged-20260101T000000Z.db"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.gate.close()
	done := make(chan error, 1)
	go func() {
		_, err := a.Refresh(context.Background())
		done <- err
	}()
	<-e.gate.arrived
	if err := a.ClearAll(e.ctx()); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the refresh in flight was not cancelled")
		}
	default:
		t.Fatal("ClearAll returned before the refresh in flight ended")
	}
	e.gate.release()
	if items := e.keys.Items(); len(items) != 0 {
		t.Fatalf("keyring items left: %v", items)
	}
	if list, err := a.OfflineAccounts(e.ctx()); err != nil || len(list) != 0 {
		t.Fatalf("accounts left: %v %v", list, err)
	}
	if m, _ := filepath.Glob(filepath.Join(e.dataDir, "cache.damaged-*")); len(m) != 0 {
		t.Fatalf("copies set aside left: %v", m)
	}
}

// Turning offline data off (confirmed) deletes the data and its keys; the
// remembered login stays.
func TestDeleteOfflineData_DataAndKeysGo(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	e.prefs.SetOfflineCache(false)
	if err := a.DeleteOfflineData(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.OfflineAccounts(e.ctx()); len(list) != 0 {
		t.Fatalf("accounts left: %+v", list)
	}
	if slices.Contains(e.keys.Items(), keystore.AccountKeyItem("demo", budi)+"/"+keystore.PurposeAccountKey) {
		t.Fatal("the key copy survived")
	}
	if !slices.Contains(e.keys.Items(), budi+"/"+keystore.PurposeRefreshToken) {
		t.Fatal("the remembered login went too")
	}
	if _, err := a.Refresh(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.OfflineAccounts(e.ctx()); len(list) != 0 {
		t.Fatal("a refresh with the setting off wrote data")
	}
}

// slowKeys stands for a keyring that does not answer in time at the
// first start (seen once under Wine): every call waits for its context
// while slow is set.
type slowKeys struct {
	*keystore.Memory
	mu   sync.Mutex
	slow bool
}

func (k *slowKeys) isSlow() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.slow
}

func (k *slowKeys) Get(ctx context.Context, account, purpose string) (string, error) {
	if k.isSlow() {
		<-ctx.Done()
		return "", fmt.Errorf("%w: %w", keystore.ErrUnavailable, ctx.Err())
	}
	return k.Memory.Get(ctx, account, purpose)
}

// A keyring too slow at start does not switch offline data off: the
// cache opens and lists the accounts, the password opens them, and a
// retry in the background finds the remembered account once it answers.
func TestSlowKeyringAtStart_OfflineStaysOnAndARetryFindsIt(t *testing.T) {
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, true)
	a.Close()
	keys := &slowKeys{Memory: e.keys, slow: true}
	b := New(Params{DataDir: e.dataDir, Keys: keys, Settings: e.prefs, ForceDemo: true, KDF: e.kdf,
		StartDemo: func(context.Context) (DemoServer, error) { return e.demo, nil }})
	t.Cleanup(b.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	o := b.OpenCache(ctx, nil)
	if o.Err != nil || o.KeyringErr == nil || o.Cached != nil {
		t.Fatalf("slow start: err %v, keyring %v, cached %v", o.Err, o.KeyringErr, o.Cached != nil)
	}
	list, err := b.OfflineAccounts(e.ctx())
	if err != nil || len(list) != 1 {
		t.Fatalf("offline accounts with a slow keyring: %v %v", list, err)
	}
	if _, err := b.UnlockOffline(e.ctx(), list[0].Ref, sandbox.DemoPassword); err != nil {
		t.Fatalf("the password with a slow keyring: %v", err)
	}
	keys.mu.Lock()
	keys.slow = false
	keys.mu.Unlock()
	id, err := b.RetryKeyring(e.ctx())
	if err != nil || id != budi || b.Remembered() != budi || b.KeyringErr() != nil {
		t.Fatalf("retry: %q, %v, remembered %q", id, err, b.Remembered())
	}
}
