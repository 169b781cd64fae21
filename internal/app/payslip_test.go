package app

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

func payslip() []member.PayslipWage {
	return []member.PayslipWage{
		{From: time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 17_350_000},
		{From: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 18_750_000},
	}
}

// The payslip wages live with the account's data and in its encrypted
// snapshot, survive a refresh, a second start and a fresh login, and never
// appear in plaintext on disk.
func TestSetPayslip_KeptEncryptedAndCarriedOver(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	saved, err := a.SetPayslip(e.ctx(), a.Epoch(), payslip())
	if err != nil || !saved {
		t.Fatalf("SetPayslip: saved %v, %v", saved, err)
	}
	if got := a.Data().Payslip; !reflect.DeepEqual(got, payslip()) {
		t.Fatalf("Data().Payslip = %+v", got)
	}
	snap, err := e.cached(a, budi)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := snap.Parts[cache.PartPayslip]; !ok {
		t.Fatal("the snapshot has no payslip part")
	}
	r, err := a.Refresh(e.ctx())
	if err != nil || !reflect.DeepEqual(r.Data.Payslip, payslip()) {
		t.Fatalf("after a refresh: %+v, %v", r.Data.Payslip, err)
	}
	// Nothing on disk holds the wage in plaintext (the database and its
	// write-ahead log).
	files, _ := filepath.Glob(filepath.Join(e.dataDir, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if strings.Contains(string(b), "18750000") || strings.Contains(string(b), "17350000") {
			t.Errorf("%s holds the payslip wage in plaintext", filepath.Base(f))
		}
	}

	// A second start: offline, then a fresh login whose refresh finds the
	// wages in the cache.
	b, _ := e.newApp()
	off, err := b.UnlockOffline(e.ctx(), e.ref(b, budi), sandbox.DemoPassword)
	if err != nil || !reflect.DeepEqual(off.Payslip, payslip()) {
		t.Fatalf("offline: %+v, %v", off.Payslip, err)
	}
	c, _ := e.newApp()
	if got := e.login(c, budi, false).Payslip; !reflect.DeepEqual(got, payslip()) {
		t.Fatalf("fresh login: %+v", got)
	}
	// Clearing them: an empty list removes the part.
	if _, err := c.SetPayslip(e.ctx(), c.Epoch(), nil); err != nil {
		t.Fatal(err)
	}
	if snap, _ := e.cached(c, budi); snap.Parts[cache.PartPayslip].Data != nil {
		t.Error("cleared wages still cached")
	}
}

func TestSetPayslip_StaleEpochChangesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	epoch := a.Epoch()
	a.Lock()
	if _, err := a.SetPayslip(e.ctx(), epoch, payslip()); !errors.Is(err, ErrStale) {
		t.Fatalf("after a lock: %v", err)
	}
	if snap, err := e.cached(a, budi); err != nil || snap.Parts[cache.PartPayslip].Data != nil {
		t.Fatalf("a stale call wrote the cache (%v)", err)
	}
	if _, err := a.SetPayslip(e.ctx(), a.Epoch(), payslip()); !errors.Is(err, ErrNoData) {
		t.Fatalf("with nothing open: %v", err)
	}
}

func TestSetPayslip_OfflineCacheOffKeepsThemForTheSessionOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.prefs.SetOfflineCache(false)
	a, _ := e.newApp()
	e.login(a, budi, false)
	saved, err := a.SetPayslip(e.ctx(), a.Epoch(), payslip())
	if err != nil || saved {
		t.Fatalf("saved %v, %v", saved, err)
	}
	if !reflect.DeepEqual(a.Data().Payslip, payslip()) {
		t.Fatal("not kept in memory")
	}
	if _, err := e.cached(a, budi); !errors.Is(err, cache.ErrNotFound) {
		t.Fatalf("cache with the setting off: %v", err)
	}
}

// The payslips month by month (Upah saya's table) are kept as the single
// wages are: with the data, encrypted in the snapshot beside those wages
// (neither replaces the other), through a refresh and a second start, and
// never in plaintext on disk.
func TestSetPayslips_KeptEncryptedBesideTheWagesAndCarriedOver(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	e.login(a, budi, false)
	if _, err := a.SetPayslip(e.ctx(), a.Epoch(), payslip()); err != nil {
		t.Fatal(err)
	}
	slips := []member.Payslip{{Period: member.Month(2026, time.March), Employer: "PT Contoh Payslip", KPJ: "1",
		BasicWage: 17_771_000, FixedAllowances: 1_000_000, DeductJHT: 375_420, DeductJP: 100_423}}
	saved, err := a.SetPayslips(e.ctx(), a.Epoch(), slips)
	if err != nil || !saved {
		t.Fatalf("SetPayslips: saved %v, %v", saved, err)
	}
	if d := a.Data(); !reflect.DeepEqual(d.Payslips, slips) || !reflect.DeepEqual(d.Payslip, payslip()) {
		t.Fatalf("Data(): payslips %+v, wages %+v", d.Payslips, d.Payslip)
	}
	r, err := a.Refresh(e.ctx())
	if err != nil || !reflect.DeepEqual(r.Data.Payslips, slips) || !reflect.DeepEqual(r.Data.Payslip, payslip()) {
		t.Fatalf("after a refresh: %+v, %+v, %v", r.Data.Payslips, r.Data.Payslip, err)
	}
	files, _ := filepath.Glob(filepath.Join(e.dataDir, "*"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && (strings.Contains(string(b), "17771000") || strings.Contains(string(b), "PT Contoh Payslip")) {
			t.Errorf("%s holds a payslip in plaintext", filepath.Base(f))
		}
	}
	b, _ := e.newApp()
	off, err := b.UnlockOffline(e.ctx(), e.ref(b, budi), sandbox.DemoPassword)
	if err != nil || !reflect.DeepEqual(off.Payslips, slips) {
		t.Fatalf("offline: %+v, %v", off.Payslips, err)
	}
	c, _ := e.newApp()
	if got := e.login(c, budi, false).Payslips; !reflect.DeepEqual(got, slips) {
		t.Fatalf("fresh login: %+v", got)
	}
	if _, err := c.SetPayslips(e.ctx(), c.Epoch(), nil); err != nil {
		t.Fatal(err)
	}
	if d := c.Data(); d.Payslips != nil || len(d.Payslip) != 2 {
		t.Errorf("deleting the payslips: %+v, wages %+v", d.Payslips, d.Payslip)
	}
}
