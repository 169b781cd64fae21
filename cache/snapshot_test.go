package cache

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestSaveLoad_RoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	keys := newMemKeys()
	c, rep := openTest(t, t.TempDir(), keys)
	if !rep.Created || rep.DataLost() || rep.Migrated != 0 {
		t.Fatalf("first open report = %+v", rep)
	}
	at := time.Date(2026, 11, 25, 7, 30, 0, 0, time.FixedZone("WIB", 7*3600))
	want := demoSnapshot(demoMembers[0], 1, 24, 3, at)
	if err := c.Save(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account), want, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Load(ctx, testProfile, " BUDI@contoh.id ", keyOf(" BUDI@contoh.id ")) // identifiers are case-insensitive
	if err != nil {
		t.Fatal(err)
	}
	if got.Label != want.Label || len(got.Parts) != len(want.Parts) {
		t.Fatalf("Load = %q with %d parts, want %q with %d", got.Label, len(got.Parts), want.Label, len(want.Parts))
	}
	for p, e := range want.Parts {
		g := got.Parts[p]
		if !bytes.Equal(g.Data, e.Data) || !g.FetchedAt.Equal(e.FetchedAt) {
			t.Errorf("part %s differs: fetched %v, want %v", p, g.FetchedAt, e.FetchedAt)
		}
	}
	if got.SavedAt.IsZero() {
		t.Error("SavedAt not set")
	}

	if _, err := c.Load(ctx, testProfile, demoMembers[1].Account, keyOf(demoMembers[1].Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load of an unknown account = %v, want ErrNotFound", err)
	}
	if _, err := c.Load(ctx, "sandbox", demoMembers[0].Account, keyOf(demoMembers[0].Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load under another profile = %v, want ErrNotFound", err)
	}
}

func TestSave_ReplacesWholeSnapshot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	at := time.Now()
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 12, 2, at), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	next := demoSnapshot(m, 2, 12, 2, at.Add(time.Hour))
	delete(next.Parts, PartClaims)
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), next, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account))
	if err != nil {
		t.Fatal(err)
	}
	if gen, err := genOf(got); err != nil || gen != 2 {
		t.Fatalf("gen = %d, %v; want 2", gen, err)
	}
	if _, ok := got.Parts[PartClaims]; ok {
		t.Error("a part missing from the new snapshot survived")
	}
	var n int
	c.r.QueryRow("SELECT count(*) FROM vaults").Scan(&n)
	if n != 1 {
		t.Errorf("%d account rows, want 1 (latest snapshot only)", n)
	}
}

func TestAccounts_ListsMaskedIdentifiers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i, m := range demoMembers {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 2, 1, base.Add(time.Duration(i)*time.Hour)), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Save(ctx, "sandbox", "other@contoh.id", keyOf("other@contoh.id"), demoSnapshot(demoMembers[0], 1, 1, 1, base), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	list, err := c.Accounts(ctx, testProfile)
	if err != nil {
		t.Fatal(err)
	}
	byMask := map[string]string{"•••6789": demoMembers[1].Account, "b•••@contoh.id": demoMembers[0].Account}
	if len(list) != 2 || list[0].Masked != "•••6789" || list[1].Masked != "b•••@contoh.id" {
		t.Fatalf("Accounts = %+v", list)
	}
	// "As of" is the oldest part's time (demoSnapshot's claims: 2 minutes before).
	if want := base.Add(time.Hour - 2*time.Minute); !list[0].FetchedAt.Equal(want) {
		t.Errorf("FetchedAt = %v, want %v", list[0].FetchedAt, want)
	}
	for _, a := range list {
		if a.Locked || a.Wrapped {
			t.Errorf("%s: locked %v, wrapped %v; want neither", a.Masked, a.Locked, a.Wrapped)
		}
		account, snap, err := c.LoadRef(ctx, a.Ref, keyOf(byMask[a.Masked]))
		if err != nil || snap.Label == "" || account != byMask[a.Masked] {
			t.Errorf("LoadRef(%s) = %q, %q, %v", a.Masked, account, snap.Label, err)
		}
		if _, _, err := c.LoadRef(ctx, a.Ref, NewKey()); !errors.Is(err, ErrTampered) {
			t.Errorf("LoadRef(%s) with another key = %v, want ErrTampered", a.Masked, err)
		}
	}
}

func TestForget_OneAccount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	for _, m := range demoMembers {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 2, 1, time.Now()), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Forget(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Load(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("after Forget, Load = %v", err)
	}
	if _, err := c.Load(ctx, testProfile, demoMembers[1].Account, keyOf(demoMembers[1].Account)); err != nil {
		t.Errorf("the other account is gone: %v", err)
	}
	var parts int
	c.r.QueryRow("SELECT count(*) FROM vault_parts").Scan(&parts)
	if parts != 5 {
		t.Errorf("%d part rows left, want 5", parts)
	}
}

func TestForgetAll_DeletesDataAndKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	keys := newMemKeys()
	writeLegacyCache(t, dir, keys, demoMembers[1])
	c, rep := openTest(t, dir, keys)
	if rep.Migrated != 1 {
		t.Fatalf("report = %+v, want 1 migrated", rep)
	}
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 2, 1, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	// A moved-aside copy (a version-2 file) goes too.
	copyFile(t, filepath.Join(dir, FileName), filepath.Join(dir, "cache.damaged-20260101T000000Z.db"))
	if err := c.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after ForgetAll = %v", err)
	}
	if list, err := c.Accounts(ctx, testProfile); err != nil || len(list) != 0 {
		t.Errorf("Accounts after ForgetAll = %v, %v", list, err)
	}
	if q := quarantinedFiles(dir); len(q) != 0 {
		t.Errorf("moved-aside copies left: %v", q)
	}
	if keys.key() != "" {
		t.Error("the version-1 installation key is still in the keyring")
	}
	// The cache goes on working.
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 2, 2, 1, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c2, rep := openTest(t, dir, keys)
	if rep.DataLost() {
		t.Fatalf("reopen report = %+v", rep)
	}
	if _, err := c2.Load(ctx, testProfile, m.Account, keyOf(m.Account)); err != nil {
		t.Fatal(err)
	}
}

// A reader never sees a mix of two saves.
func TestLoad_AllOldOrAllNew(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 0, 60, 5, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for gen := 1; ; gen++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, gen, 60, 5, time.Now()), SaveOptions{}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	deadline := time.Now().Add(time.Second)
	for n := 0; time.Now().Before(deadline); n++ {
		snap, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := genOf(snap); err != nil {
			t.Fatalf("read %d: %v", n, err)
		}
		if len(snap.Parts) != 5 {
			t.Fatalf("read %d: %d parts", n, len(snap.Parts))
		}
	}
	close(stop)
	wg.Wait()
}

func TestClosed(t *testing.T) {
	t.Parallel()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	c.Close()
	if err := c.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := c.Load(context.Background(), testProfile, "x", keyOf("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("Load after Close = %v", err)
	}
}

// Two caches on one file (two processes) see each other's saves and forgets.
func TestForgetAll_OtherCacheSeesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	a, _ := openTest(t, dir, nil)
	b, _ := openTest(t, dir, nil)
	budi, siti := demoMembers[0], demoMembers[1]
	if err := b.Save(ctx, testProfile, budi.Account, keyOf(budi.Account), demoSnapshot(budi, 1, 2, 1, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Load(ctx, testProfile, budi.Account, keyOf(budi.Account)); err != nil {
		t.Fatalf("a.Load of b's save: %v", err)
	}
	if err := a.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load(ctx, testProfile, budi.Account, keyOf(budi.Account)); !errors.Is(err, ErrNotFound) {
		t.Errorf("b.Load after a.ForgetAll = %v, want ErrNotFound", err)
	}
	if err := b.Save(ctx, testProfile, siti.Account, keyOf(siti.Account), demoSnapshot(siti, 2, 2, 1, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Load(ctx, testProfile, siti.Account, keyOf(siti.Account)); err != nil {
		t.Fatalf("a.Load of b's new save: %v", err)
	}
}
