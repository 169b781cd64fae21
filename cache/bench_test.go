package cache

import (
	"context"
	"slices"
	"testing"
	"time"
)

// The benchmark snapshot: 40 years of monthly contributions and 50 claims.
const (
	benchMonths = 480
	benchClaims = 50
)

func benchSnapshot() Snapshot {
	return demoSnapshot(demoMembers[0], 1, benchMonths, benchClaims, time.Now())
}

func snapshotBytes(s Snapshot) int {
	n := len(s.Label)
	for _, e := range s.Parts {
		n += len(e.Data)
	}
	return n
}

// reportMedian reports the median of the per-operation times, the figure
// the targets are set for (write ≤ 20 ms, read ≤ 5 ms).
func reportMedian(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkSnapshotWrite measures Save of one large snapshot. Each round
// also times the sealing alone (encryption and lookup hashes, as Save does
// it) next to the Save, so that the share holds under the same load.
func BenchmarkSnapshotWrite(b *testing.B) {
	ctx := context.Background()
	c, _ := openTest(b, b.TempDir(), newMemKeys())
	snap := benchSnapshot()
	b.SetBytes(int64(snapshotBytes(snap)))
	s, _ := keyOf(demoMembers[0].Account).sealer()
	var saves, seals []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := sealSnapshot(s, testProfile, demoMembers[0].Account, snap, time.Now()); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := c.Save(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account), snap, SaveOptions{}); err != nil {
			b.Fatal(err)
		}
		seals, saves = append(seals, t1.Sub(t0)), append(saves, time.Since(t1))
	}
	reportShare(b, saves, seals, "seal")
}

// BenchmarkSnapshotRead measures Load of the same snapshot, and the share
// of it spent opening the sealed blobs, timed the same way.
func BenchmarkSnapshotRead(b *testing.B) {
	ctx := context.Background()
	c, _ := openTest(b, b.TempDir(), newMemKeys())
	snap := benchSnapshot()
	if err := c.Save(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account), snap, SaveOptions{}); err != nil {
		b.Fatal(err)
	}
	s, _ := keyOf(demoMembers[0].Account).sealer()
	st, err := c.rowBy(ctx, "lookup = ?", s.accountKey(testProfile, demoMembers[0].Account), true)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(snapshotBytes(snap)))
	var loads, opens []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := openSnapshot(s, st.storedSnapshot); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := c.Load(ctx, testProfile, demoMembers[0].Account, keyOf(demoMembers[0].Account)); err != nil {
			b.Fatal(err)
		}
		opens, loads = append(opens, t1.Sub(t0)), append(loads, time.Since(t1))
	}
	reportShare(b, loads, opens, "open")
}

// reportShare reports the median operation time and the median crypto
// time with its share of the operation.
func reportShare(b *testing.B, op, crypto []time.Duration, name string) {
	reportMedian(b, op)
	slices.Sort(crypto)
	med := crypto[len(crypto)/2]
	b.ReportMetric(float64(med.Microseconds())/1000, name+"-ms")
	b.ReportMetric(100*float64(med)/float64(op[len(op)/2]), name+"-%")
}

// BenchmarkOpen measures a start with an existing cache of two large
// snapshots: the file checks and migrations (no key is needed to open it).
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	keys := newMemKeys()
	c, _ := openTest(b, dir, keys)
	for _, m := range demoMembers {
		if err := c.Save(ctx, testProfile, m.Account, keyOf(m.Account), demoSnapshot(m, 1, benchMonths, benchClaims, time.Now()), SaveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	c.Close()
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		c, rep, err := Open(ctx, Params{Dir: dir, Keys: keys})
		if err != nil || rep.DataLost() {
			b.Fatal(rep, err)
		}
		times = append(times, time.Since(t0))
		c.Close()
	}
	reportMedian(b, times)
}

// BenchmarkDeriveDefault measures one Argon2id derivation with the
// production parameters (DefaultKDF): the cost of an offline unlock and of
// the wrap at each online login. Target: about half a second here.
func BenchmarkDeriveDefault(b *testing.B) {
	k := NewKey()
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := Wrap(k, "Rahasia#2026", DefaultKDF); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	reportMedian(b, times)
}
