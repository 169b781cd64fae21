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

// BenchmarkSnapshotWrite measures Save of one large snapshot, and the
// share of it spent sealing (encryption and lookup hashes).
func BenchmarkSnapshotWrite(b *testing.B) {
	ctx := context.Background()
	c, _ := openTest(b, b.TempDir(), newMemKeys())
	snap := benchSnapshot()
	b.SetBytes(int64(snapshotBytes(snap)))
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		if err := c.Save(ctx, testProfile, demoMembers[0].Account, snap); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	reportMedian(b, times)

	const n = 50
	t0 := time.Now()
	for range n {
		if _, err := sealSnapshot(c.s, testProfile, demoMembers[0].Account, snap, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	seal := time.Since(t0) / n
	slices.Sort(times)
	b.ReportMetric(float64(seal.Microseconds())/1000, "seal-ms")
	b.ReportMetric(100*float64(seal)/float64(times[len(times)/2]), "seal-%")
}

// BenchmarkSnapshotRead measures Load of the same snapshot, and the share
// of it spent opening the sealed blobs.
func BenchmarkSnapshotRead(b *testing.B) {
	ctx := context.Background()
	c, _ := openTest(b, b.TempDir(), newMemKeys())
	snap := benchSnapshot()
	if err := c.Save(ctx, testProfile, demoMembers[0].Account, snap); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(snapshotBytes(snap)))
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		if _, err := c.Load(ctx, testProfile, demoMembers[0].Account); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	reportMedian(b, times)

	st, err := c.readSnapshot(ctx, c.s.accountKey(testProfile, demoMembers[0].Account))
	if err != nil {
		b.Fatal(err)
	}
	const n = 50
	t0 := time.Now()
	for range n {
		if _, err := openSnapshot(c.s, st); err != nil {
			b.Fatal(err)
		}
	}
	open := time.Since(t0) / n
	slices.Sort(times)
	b.ReportMetric(float64(open.Microseconds())/1000, "open-ms")
	b.ReportMetric(100*float64(open)/float64(times[len(times)/2]), "open-%")
}
