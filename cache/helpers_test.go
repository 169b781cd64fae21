package cache

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/keystore"
)

// memKeys is an in-memory KeyStore for tests that are not about the
// keyring itself. err, when set, is returned by every call.
type memKeys struct {
	mu  sync.Mutex
	m   map[string]string
	err error
}

func newMemKeys() *memKeys { return &memKeys{m: map[string]string{}} }

func memKeysWith(key []byte) *memKeys {
	k := newMemKeys()
	k.m[keystore.AccountInstallation+"/"+keystore.PurposeLegacyDataKey] = encodeKey(key)
	return k
}

func (k *memKeys) Get(_ context.Context, account, purpose string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return "", k.err
	}
	v, ok := k.m[account+"/"+purpose]
	if !ok {
		return "", fmt.Errorf("memkeys get: %w", keystore.ErrNotFound)
	}
	return v, nil
}

func (k *memKeys) Set(_ context.Context, account, purpose, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	k.m[account+"/"+purpose] = secret
	return nil
}

func (k *memKeys) Delete(_ context.Context, account, purpose string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	if _, ok := k.m[account+"/"+purpose]; !ok {
		return fmt.Errorf("memkeys delete: %w", keystore.ErrNotFound)
	}
	delete(k.m, account+"/"+purpose)
	return nil
}

func (k *memKeys) key() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.m[keystore.AccountInstallation+"/"+keystore.PurposeLegacyDataKey]
}

// demoMember is one of the demo members whose data must never reach the
// disk in plaintext.
type demoMember struct {
	Account  string // login identifier
	Name     string
	NIK      string
	KPJ      string
	Email    string
	Employer string
	Balance  int64
}

var demoMembers = []demoMember{
	{Account: "budi@contoh.id", Name: "Budi Santoso", NIK: "3174051708850003", KPJ: "18012345678",
		Email: "budi@contoh.id", Employer: "PT Sinar Harapan Abadi", Balance: 45678900},
	{Account: "19023456789", Name: "Siti Rahayu", NIK: "3273015203900001", KPJ: "19023456789",
		Email: "siti.rahayu@contoh.id", Employer: "CV Cahaya Nusantara", Balance: 23456700},
}

// secrets lists every string that must not appear in any file.
func (m demoMember) secrets() []string {
	return []string{m.Name, m.NIK, m.KPJ, m.Email, m.Employer, fmt.Sprint(m.Balance)}
}

const testProfile = "production"

// demoSnapshot builds a snapshot like the UI's: JSON payloads of the
// service's types, months of contributions and claims. gen marks every part.
func demoSnapshot(m demoMember, gen, months, claims int, at time.Time) Snapshot {
	type contribution struct {
		Gen      int    `json:"gen"`
		Month    string `json:"month"`
		Employer string `json:"employer"`
		Wage     int64  `json:"wage"`
		JHT      int64  `json:"jht"`
		JKK      int64  `json:"jkk"`
		JKM      int64  `json:"jkm"`
		JP       int64  `json:"jp"`
		PaidAt   string `json:"paid_at"`
	}
	type claim struct {
		Gen     int    `json:"gen"`
		ID      string `json:"id"`
		Program string `json:"program"`
		Status  string `json:"status"`
		Amount  int64  `json:"amount"`
		Filed   string `json:"filed"`
		Paid    string `json:"paid"`
		Bank    string `json:"bank"`
	}
	mustJSON := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return b
	}
	start := time.Date(1986, 1, 1, 0, 0, 0, 0, time.UTC)
	cs := make([]contribution, months)
	for i := range cs {
		mo := start.AddDate(0, i, 0)
		cs[i] = contribution{Gen: gen, Month: mo.Format("2006-01"), Employer: m.Employer, Wage: 5_000_000 + int64(i)*10_000,
			JHT: 285_000, JKK: 12_000, JKM: 15_000, JP: 150_000, PaidAt: mo.AddDate(0, 1, 9).Format(time.DateOnly)}
	}
	cl := make([]claim, claims)
	for i := range cl {
		d := start.AddDate(0, i*7, 3)
		cl[i] = claim{Gen: gen, ID: fmt.Sprintf("KLM-%06d", i), Program: "JKK", Status: "paid", Amount: 1_250_000 + int64(i),
			Filed: d.Format(time.DateOnly), Paid: d.AddDate(0, 0, 14).Format(time.DateOnly), Bank: "BNI"}
	}
	return Snapshot{
		Label: m.Name,
		Parts: map[Part]Entry{
			PartProfile: {FetchedAt: at, Data: mustJSON(map[string]any{"gen": gen, "name": m.Name, "nik": m.NIK, "kpj": m.KPJ,
				"email": m.Email, "employer": m.Employer, "birth_date": "1985-08-17"})},
			PartBalance:       {FetchedAt: at, Data: mustJSON(map[string]any{"gen": gen, "kpj": m.KPJ, "jht": m.Balance, "as_of": at.Format(time.DateOnly)})},
			PartContributions: {FetchedAt: at.Add(-time.Minute), Data: mustJSON(cs)},
			PartClaims:        {FetchedAt: at.Add(-2 * time.Minute), Data: mustJSON(cl)},
			PartCard:          {FetchedAt: at, Data: mustJSON(map[string]any{"gen": gen, "kpj": m.KPJ, "name": m.Name, "nik": m.NIK})},
		},
	}
}

// genOf returns the gen every part of snap carries, or an error if they differ.
func genOf(snap Snapshot) (int, error) {
	gen := -1
	for p, e := range snap.Parts {
		var g struct {
			Gen int `json:"gen"`
		}
		if e.Data[0] == '[' {
			var gs []struct {
				Gen int `json:"gen"`
			}
			if err := json.Unmarshal(e.Data, &gs); err != nil || len(gs) == 0 {
				return 0, fmt.Errorf("part %s: %v", p, err)
			}
			for _, x := range gs {
				if x.Gen != gs[0].Gen {
					return 0, fmt.Errorf("part %s mixes gens", p)
				}
			}
			g.Gen = gs[0].Gen
		} else if err := json.Unmarshal(e.Data, &g); err != nil {
			return 0, fmt.Errorf("part %s: %v", p, err)
		}
		if gen != -1 && g.Gen != gen {
			return 0, fmt.Errorf("part %s has gen %d, others %d", p, g.Gen, gen)
		}
		gen = g.Gen
	}
	return gen, nil
}

// openTest opens a cache in dir with keys and fails the test on error.
func openTest(t testing.TB, dir string, keys KeyStore) (*Cache, OpenReport) {
	t.Helper()
	c, rep, err := Open(context.Background(), Params{Dir: dir, Keys: keys, LegacyProfiles: []string{testProfile}})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c, rep
}

var (
	errUnavailableForTest = fmt.Errorf("keystore get cache-data-key: %w", keystore.ErrUnavailable)
	errLockedForTest      = fmt.Errorf("keystore get cache-data-key: %w", keystore.ErrLocked)
)

// keyOf is the tests' account key of an account: the same in every
// process (the crash tests' children), different for each account.
func keyOf(account string) *Key {
	k := sha256.Sum256([]byte("cekbpjstk test account key\x00" + normalizeAccount(account)))
	return &Key{k: k[:]}
}

// testKDF is cheap: the tests about the wrap itself do not need its cost.
var testKDF = KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// writeLegacyCache writes a version-1 cache file into dir: the schema of
// migration 1, one installation key in keys, the members' snapshots sealed
// under it, as version 1 of the app wrote them.
func writeLegacyCache(t testing.TB, dir string, keys *memKeys, members ...demoMember) {
	t.Helper()
	ctx := context.Background()
	key := newDataKey()
	keys.m[keystore.AccountInstallation+"/"+keystore.PurposeLegacyDataKey] = encodeKey(key)
	s, err := newSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	if _, err := precreate(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(ms[0].sql); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = 1", applicationID)); err != nil {
		t.Fatal(err)
	}
	if err := checkCanary(ctx, tx, s, true); err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		sealed, err := sealSnapshot(s, testProfile, m.Account, demoSnapshot(m, 1, 12, 2, time.Now()), time.Now())
		if err != nil {
			t.Fatal(err)
		}
		res, err := tx.Exec("INSERT INTO accounts (profile, lookup, snap, header) VALUES (?, ?, ?, ?)",
			s.profileKey(testProfile), sealed.lookup, sealed.snap, sealed.header)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if err := insertParts(ctx, tx, "parts", id, sealed.parts); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
