package cache

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSealer_BindsAssociatedData(t *testing.T) {
	t.Parallel()
	s, err := newSealer(newDataKey())
	if err != nil {
		t.Fatal(err)
	}
	adA := ad(tableParts, []byte("lookupA"), []byte("snap"), []byte("balance"))
	blob := s.seal([]byte(`{"jht":45678900}`), adA)
	if pt, err := s.open(blob, adA); err != nil || !bytes.Equal(pt, []byte(`{"jht":45678900}`)) {
		t.Fatalf("open = %q, %v", pt, err)
	}
	for name, other := range map[string][]byte{
		"other account": ad(tableParts, []byte("lookupB"), []byte("snap"), []byte("balance")),
		"other part":    ad(tableParts, []byte("lookupA"), []byte("snap"), []byte("claims")),
		"other table":   ad(tableAccounts, []byte("lookupA"), []byte("snap"), []byte("balance")),
		"other snap":    ad(tableParts, []byte("lookupA"), []byte("snap2"), []byte("balance")),
		// Length prefixes keep field boundaries: "lookupA"+"snap" ≠ "lookupAs"+"nap".
		"shifted fields": ad(tableParts, []byte("lookupAs"), []byte("nap"), []byte("balance")),
	} {
		if _, err := s.open(blob, other); !errors.Is(err, ErrTampered) {
			t.Errorf("%s: open = %v, want ErrTampered", name, err)
		}
	}
	other, _ := newSealer(newDataKey())
	if _, err := other.open(blob, adA); !errors.Is(err, ErrTampered) {
		t.Errorf("other key: open = %v, want ErrTampered", err)
	}
	if bytes.Equal(s.accountKey("p", "a"), other.accountKey("p", "a")) {
		t.Error("lookup keys do not depend on the data key")
	}
	if bytes.Equal(s.accountKey("p", "a"), s.accountKey("q", "a")) {
		t.Error("lookup keys do not depend on the profile")
	}
}

// rawDB opens the cache file directly, as an attacker with the file would.
func rawDB(t *testing.T, c *Cache) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(c.path, true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	res, err := db.Exec(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatalf("%s: no rows changed", q)
	}
}

func TestLoad_TamperedOrSwappedBlobFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	keys := newMemKeys()
	c, _ := openTest(t, dir, keys)
	budi, siti := demoMembers[0], demoMembers[1]
	third := demoMember{Account: "tiga@contoh.id", Name: "Tiga", Employer: "PT Tiga", Balance: 1}
	for _, m := range []demoMember{budi, siti, third} {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 12, 2, time.Now()), SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	db := rawDB(t, c)
	lookup := func(m demoMember) []byte {
		s, _ := keyOf(m.Account).sealer()
		return s.accountKey(testProfile, m.Account)
	}

	// One flipped bit in Budi's balance.
	var body []byte
	var id int64
	if err := db.QueryRow(`SELECT p.id, p.body FROM vault_parts p JOIN vaults a ON a.id = p.account_id
		WHERE a.lookup = ? AND p.part = 'balance'`, lookup(budi)).Scan(&id, &body); err != nil {
		t.Fatal(err)
	}
	body[len(body)/2] ^= 1
	mustExec(t, db, "UPDATE vault_parts SET body = ? WHERE id = ?", body, id)
	// Budi's balance must not open for Siti: copy Budi's card over Siti's card.
	mustExec(t, db, `UPDATE vault_parts SET body = (SELECT p.body FROM vault_parts p JOIN vaults a ON a.id = p.account_id WHERE a.lookup = ? AND p.part = 'card')
		WHERE part = 'card' AND account_id = (SELECT id FROM vaults WHERE lookup = ?)`, lookup(budi), lookup(siti))

	for _, m := range []demoMember{budi, siti} {
		_, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account))
		if !errors.Is(err, ErrTampered) {
			t.Fatalf("Load(%s) = %v, want ErrTampered", m.Name, err)
		}
		msg := err.Error()
		for _, s := range m.secrets() {
			if strings.Contains(msg, s) {
				t.Errorf("error message %q reveals %q", msg, s)
			}
		}
		t.Logf("Load: %v", err)
	}
	if _, err := c.Load(ctx, testProfile, third.Account, keyOf(third.Account)); err != nil {
		t.Fatalf("untouched account: %v", err)
	}

	// A whole account record moved to another account's row.
	mustExec(t, db, `UPDATE vaults SET header = (SELECT header FROM vaults WHERE lookup = ?) WHERE lookup = ?`, lookup(siti), lookup(third))
	if _, err := c.Load(ctx, testProfile, third.Account, keyOf(third.Account)); !errors.Is(err, ErrTampered) {
		t.Fatalf("swapped header: Load = %v, want ErrTampered", err)
	}
	// The list needs no key, so it still shows the three (masked); none
	// of the altered ones opens after a restart either.
	if list, _ := c.Accounts(ctx, testProfile); len(list) != 3 {
		t.Errorf("Accounts lists %d, want 3", len(list))
	}
	c.Close()
	db.Close()
	c2, rep := openTest(t, dir, keys)
	if rep.DataLost() {
		t.Fatalf("reopen report = %+v", rep)
	}
	for _, m := range []demoMember{budi, siti, third} {
		if _, err := c2.Load(ctx, testProfile, m.Account, keyOf(m.Account)); !errors.Is(err, ErrTampered) {
			t.Errorf("Load(%s) after a restart = %v, want ErrTampered", m.Name, err)
		}
	}
}

// A blob of an older snapshot of the same account cannot be mixed into a newer one.
func TestLoad_PartFromOlderSnapshotFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := openTest(t, t.TempDir(), newMemKeys())
	m := demoMembers[0]
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, 12, 2, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, c)
	var old []byte
	db.QueryRow("SELECT body FROM vault_parts WHERE part = 'balance'").Scan(&old)
	if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 2, 12, 2, time.Now()), SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, "UPDATE vault_parts SET body = ? WHERE part = 'balance'", old)
	if _, err := c.Load(ctx, testProfile, m.Account, keyOf(m.Account)); !errors.Is(err, ErrTampered) {
		t.Fatalf("Load = %v, want ErrTampered", err)
	}
}
