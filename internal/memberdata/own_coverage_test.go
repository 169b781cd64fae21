package memberdata

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// A book's coverage goes through the snapshot: an empty one (a book with
// no statement yet) reads back empty, not nil (nil is the server's data,
// every month owed); the server's data writes none.
func TestCoverage_ThroughTheSnapshot(t *testing.T) {
	t.Parallel()
	jan := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		cov  map[string][]read.Span
	}{
		{"server", nil},
		{"empty book", map[string][]read.Span{}},
		{"book", map[string][]read.Span{"22056789012": {{From: jan, To: jan.AddDate(0, 10, 0)}}}},
	} {
		data := Data{Identifier: "x", Contributions: map[int]member.Contributions{}, Coverage: c.cov, FetchedAt: jan}
		snap, err := Snapshot(data)
		if err != nil {
			t.Fatal(err)
		}
		_, written := snap.Parts[partOwn]
		back, err := FromSnapshot("x", cache.Snapshot{Parts: snap.Parts})
		if err != nil {
			t.Fatal(err)
		}
		if (back.Coverage == nil) != (c.cov == nil) || len(back.Coverage) != len(c.cov) || written != (c.cov != nil) {
			t.Errorf("%s: read back %v (part written %v)", c.name, back.Coverage, written)
		}
		if c.name == "book" && !back.Coverage["22056789012"][0].To.Equal(jan.AddDate(0, 10, 0)) {
			t.Errorf("book: %v", back.Coverage)
		}
	}
}
