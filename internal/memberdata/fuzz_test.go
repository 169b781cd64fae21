package memberdata

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// FuzzFromSnapshot: the last step of reading the offline cache — the
// decrypted parts parsed back into what the dashboard shows. A snapshot
// that decrypts but holds anything else (an older app's format, a bug)
// must give an error or whole data, never a panic or half a member.
func FuzzFromSnapshot(f *testing.F) {
	at := time.Date(2026, 11, 16, 8, 30, 0, 0, time.UTC)
	good, err := Snapshot(Data{
		Identifier: "budi@contoh.id",
		Member:     member.Member{FullName: "Budi Santoso"},
		Balance:    member.Balance{Total: 1000},
		Contributions: map[int]member.Contributions{2025: {Year: 2025, AvailableYears: []int{2024, 2025},
			Months: []member.MonthContribution{{KPJ: "1", Total: 7}}}},
		Claims:    []member.Claim{{ID: "K-1", Amount: 100}},
		Cards:     []member.Card{{KPJ: "1", FullName: "B"}},
		FetchedAt: at,
	})
	if err != nil {
		f.Fatal(err)
	}
	p := good.Parts
	f.Add(p[cache.PartProfile].Data, p[cache.PartBalance].Data, p[cache.PartContributions].Data, p[cache.PartClaims].Data, p[cache.PartCard].Data, false)
	f.Add([]byte("null"), []byte("{}"), []byte(`{"x":1}`), []byte("[]"), []byte("null"), true)
	f.Add([]byte(`{"full_name":1}`), []byte(`{"total":"1"}`), []byte(`{"2025":[]}`), []byte(`{}`), []byte(`[{}]`), false)
	f.Fuzz(func(t *testing.T, profile, balance, contributions, claims, cards []byte, dropOne bool) {
		snap := cache.Snapshot{Label: "x", Parts: map[cache.Part]cache.Entry{
			cache.PartProfile:       {Data: profile, FetchedAt: at},
			cache.PartBalance:       {Data: balance, FetchedAt: at.Add(time.Minute)},
			cache.PartContributions: {Data: contributions, FetchedAt: at},
			cache.PartClaims:        {Data: claims, FetchedAt: at},
			cache.PartCard:          {Data: cards, FetchedAt: at},
		}}
		if dropOne {
			delete(snap.Parts, cache.PartClaims)
		}
		data, err := FromSnapshot("budi@contoh.id", snap)
		if err != nil {
			return
		}
		if dropOne {
			t.Fatal("a snapshot without claims gave data")
		}
		if !data.Offline || data.Identifier != "budi@contoh.id" || !data.FetchedAt.Equal(at) {
			t.Fatalf("offline %v, identifier %q, fetched %v", data.Offline, data.Identifier, data.FetchedAt)
		}
		_ = data.Years()
		if _, err := Snapshot(data); err != nil {
			t.Fatalf("data read from the cache cannot be saved again: %v", err)
		}
	})
}
