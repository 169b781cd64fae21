package cache

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// Part names one kind of data in a snapshot.
type Part string

// The parts the app caches.
const (
	PartProfile       Part = "profile"
	PartBalance       Part = "balance"
	PartContributions Part = "contributions"
	PartClaims        Part = "claims"
	PartCard          Part = "card"
	// PartPayslip is what the member typed in themselves (the payslip
	// wage of "Upah saya"), not fetched: optional, and never sent.
	PartPayslip Part = "payslip"
)

const maxPartName = 64

// Entry is one part's payload, opaque to the cache (the UI stores JSON),
// and when it was fetched from the server.
type Entry struct {
	Data      []byte
	FetchedAt time.Time
}

// Snapshot is everything cached for one account.
type Snapshot struct {
	// Label is the display name for the offline account list.
	Label string
	Parts map[Part]Entry
	// SavedAt is when the snapshot was saved; set by Save, returned by Load.
	SavedAt time.Time
}

// header is the sealed per-account record.
type header struct {
	Account   string    `json:"a"`
	Label     string    `json:"l"`
	FetchedAt time.Time `json:"f"`
	SavedAt   time.Time `json:"s"`
}

// sealedSnapshot is a snapshot ready to be written: everything but the
// lookup keys and the snapshot id is ciphertext.
type sealedSnapshot struct {
	lookup, snap, header []byte
	parts                []sealedPart
}

type sealedPart struct {
	part string
	body []byte
}

func partAD(lookup, snap []byte, part string) []byte {
	return ad(tableParts, lookup, snap, []byte(part))
}

func headerAD(lookup, snap []byte) []byte { return ad(tableAccounts, lookup, snap) }

func sealSnapshot(s *sealer, profile, account string, snap Snapshot, now time.Time) (sealedSnapshot, error) {
	out := sealedSnapshot{
		lookup: s.accountKey(profile, account),
		snap:   make([]byte, 16),
	}
	rand.Read(out.snap)
	h := header{Account: account, Label: snap.Label, SavedAt: now}
	names := make([]string, 0, len(snap.Parts))
	for p := range snap.Parts {
		names = append(names, string(p))
	}
	sort.Strings(names)
	for _, p := range names {
		e := snap.Parts[Part(p)]
		if e.FetchedAt.After(h.FetchedAt) {
			h.FetchedAt = e.FetchedAt
		}
		body, err := encodeEntry(e)
		if err != nil {
			return out, err
		}
		out.parts = append(out.parts, sealedPart{p, s.seal(body, partAD(out.lookup, out.snap, p))})
	}
	hb, err := json.Marshal(h)
	if err != nil {
		return out, fmt.Errorf("cache: %w", err)
	}
	out.header = s.seal(hb, headerAD(out.lookup, out.snap))
	return out, nil
}

// encodeEntry lays out a part's plaintext: the length of the binary time,
// the time, then the payload.
func encodeEntry(e Entry) ([]byte, error) {
	tb, err := e.FetchedAt.MarshalBinary()
	if err != nil {
		if tb, err = e.FetchedAt.UTC().MarshalBinary(); err != nil {
			return nil, fmt.Errorf("cache: fetched-at time: %w", err)
		}
	}
	b := make([]byte, 0, 1+len(tb)+len(e.Data))
	b = append(b, byte(len(tb))) // #nosec G115 -- time.Time.MarshalBinary returns at most 16 bytes
	b = append(b, tb...)
	return append(b, e.Data...), nil
}

func decodeEntry(b []byte) (Entry, error) {
	if len(b) < 1 || len(b) < 1+int(b[0]) {
		return Entry{}, fmt.Errorf("%w: malformed part", ErrTampered)
	}
	var e Entry
	if err := e.FetchedAt.UnmarshalBinary(b[1 : 1+b[0]]); err != nil {
		return Entry{}, fmt.Errorf("%w: malformed part time", ErrTampered)
	}
	e.Data = b[1+b[0]:]
	return e, nil
}

func openHeader(s *sealer, lookup, snap, blob []byte) (header, error) {
	var h header
	pt, err := s.open(blob, headerAD(lookup, snap))
	if err != nil {
		return h, fmt.Errorf("account record: %w", err)
	}
	if err := json.Unmarshal(pt, &h); err != nil {
		return h, fmt.Errorf("account record: %w: malformed", ErrTampered)
	}
	return h, nil
}

// storedSnapshot is one account's rows as read in one transaction.
type storedSnapshot struct {
	id                   int64
	lookup, snap, header []byte
	parts                []sealedPart
}

func openSnapshot(s *sealer, st storedSnapshot) (Snapshot, error) {
	h, err := openHeader(s, st.lookup, st.snap, st.header)
	if err != nil {
		return Snapshot{}, err
	}
	snap := Snapshot{Label: h.Label, SavedAt: h.SavedAt, Parts: make(map[Part]Entry, len(st.parts))}
	for _, p := range st.parts {
		pt, err := s.open(p.body, partAD(st.lookup, st.snap, p.part))
		if err != nil {
			return Snapshot{}, fmt.Errorf("part %q: %w", p.part, err)
		}
		e, err := decodeEntry(pt)
		if err != nil {
			return Snapshot{}, fmt.Errorf("part %q: %w", p.part, err)
		}
		snap.Parts[Part(p.part)] = e
	}
	return snap, nil
}

// q is the subset of *sql.Tx and *sql.DB the readers need.
type q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readParts(ctx context.Context, db q, table string, st *storedSnapshot) error {
	rows, err := db.QueryContext(ctx, "SELECT part, body FROM "+table+" WHERE account_id = ? ORDER BY part", st.id) // #nosec G202 -- table is one of two constants
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p sealedPart
		if err := rows.Scan(&p.part, &p.body); err != nil {
			return classify(err)
		}
		st.parts = append(st.parts, p)
	}
	return classify(rows.Err())
}
