package service

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// benchSession is what a user does on launch: a fresh client (so a fresh
// TLS handshake, where the pin check runs), login, profile, balance and one
// year of contributions.
func benchSession(b *testing.B, sb *testSandbox, year int, opts ...Option) {
	ctx := context.Background()
	c, err := New(sb.profile, append([]Option{WithLogger(quietLog)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Login(ctx, budi, password, false); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Profile(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Balance(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Contributions(ctx, year); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSession compares a session with the pin check and without it
// (chain, hostname and allowlist checks run in both). The interleaved
// sub-benchmark alternates the two so that noise from other processes hits
// both alike, and reports the overhead in percent (target: under 2).
func BenchmarkSession(b *testing.B) {
	sb := newSandbox(b, true)
	const year = 2024
	unpinned := []Option{withoutPinCheck()}
	var nsPinned, nsUnpinned float64
	b.Run("pinned", func(b *testing.B) {
		for b.Loop() {
			benchSession(b, sb, year)
		}
		nsPinned = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("unpinned", func(b *testing.B) {
		for b.Loop() {
			benchSession(b, sb, year, unpinned...)
		}
		nsUnpinned = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("interleaved", func(b *testing.B) {
		var pinned, plain time.Duration
		measure := func(opts ...Option) time.Duration {
			t0 := time.Now()
			benchSession(b, sb, year, opts...)
			return time.Since(t0)
		}
		odd := false
		for b.Loop() {
			// Alternate which goes first, so warm caches favour neither.
			if odd = !odd; odd {
				pinned += measure()
				plain += measure(unpinned...)
			} else {
				plain += measure(unpinned...)
				pinned += measure()
			}
		}
		n := float64(b.N)
		b.ReportMetric(float64(pinned.Nanoseconds())/n, "pinned-ns/session")
		b.ReportMetric(float64(plain.Nanoseconds())/n, "unpinned-ns/session")
		b.ReportMetric(100*(float64(pinned)/float64(plain)-1), "pin-overhead-%")
	})
	if nsPinned > 0 && nsUnpinned > 0 {
		fmt.Printf("BenchmarkSession: pinned %.0f ns/session, unpinned %.0f ns/session, ratio %.4f (overhead %+.2f%%); the interleaved figure is the less noisy one\n",
			nsPinned, nsUnpinned, nsPinned/nsUnpinned, 100*(nsPinned/nsUnpinned-1))
	}
}

// BenchmarkPinCheck isolates the check itself: matching the pins against a
// verified chain.
func BenchmarkPinCheck(b *testing.B) {
	sb := newSandbox(b, false)
	c, err := New(sb.profile)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	conn, err := c.dialer.DialTLSContext(ctx, "tcp", sb.ts.Listener.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	chains := tlsState(conn).VerifiedChains
	for b.Loop() {
		if _, ok := matchPin(c.chk, chains); !ok {
			b.Fatal("no pin matched")
		}
	}
}
