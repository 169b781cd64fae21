package shell

import (
	"context"
	"fmt"
	"io"
	"net"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// latencyL is the round trip of a slow mobile connection (issue 18): the
// sandbox's latency fault delays every answer by L.
const latencyL = 200 * time.Millisecond

// wire is a TCP relay in front of the sandbox that counts the bytes that
// cross it both ways (TLS records, headers and bodies: what a metered
// connection bills).
type wire struct {
	ln    net.Listener
	to    string
	bytes atomic.Int64
	wg    sync.WaitGroup

	mu    sync.Mutex
	conns []net.Conn // to close at the end: the client keeps idle ones
}

// counted adds what is written through it to the wire's count.
type counted struct {
	net.Conn
	n *atomic.Int64
}

func (c counted) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.n.Add(int64(n))
	return n, err
}

func newWire(tb testing.TB, to string) *wire {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	w := &wire{ln: ln, to: to}
	go w.serve()
	tb.Cleanup(func() {
		_ = ln.Close()
		w.mu.Lock()
		for _, c := range w.conns {
			_ = c.Close()
		}
		w.mu.Unlock()
		w.wg.Wait()
	})
	return w
}

func (w *wire) serve() {
	for {
		c, err := w.ln.Accept()
		if err != nil {
			return
		}
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			defer c.Close()
			up, err := net.Dial("tcp", w.to)
			if err != nil {
				return
			}
			defer up.Close()
			w.mu.Lock()
			w.conns = append(w.conns, c, up)
			w.mu.Unlock()
			done := make(chan struct{}, 2)
			relay := func(dst, src net.Conn) {
				_, _ = io.Copy(counted{dst, &w.bytes}, src)
				if tc, ok := dst.(*net.TCPConn); ok {
					_ = tc.CloseWrite()
				}
				done <- struct{}{}
			}
			go relay(up, c)
			go relay(c, up)
			<-done
			<-done
		}()
	}
}

// BenchmarkSlowConnection: with every answer L = 200 ms late, what a member
// waits for after pressing Masuk (the dashboard's summary on screen, then
// the whole history in) and for a refresh with nothing new, in multiples
// of L, and the bytes on the wire of each (counted while the connection is
// still open, so a refresh's bytes are its requests and answers; the
// login's include the TLS handshake). Targets (issue 18): dashboard <= 2 L
// after Masuk, whole history <= 2 L, unchanged refresh <= 1 L. For Budi (15
// years) and for the 40-year member (sandbox.SeedLongMember).
func BenchmarkSlowConnection(b *testing.B) {
	for _, m := range []struct{ name, email string }{{"budi", "budi@contoh.id"}, {"40y", sandbox.LongMemberEmail}} {
		b.Run(m.name, func(b *testing.B) { benchSlow(b, m.email) })
	}
}

func benchSlow(b *testing.B, email string) {
	var w *wire
	h := newHarness(b, withProfile(func(d app.DemoServer) service.Profile {
		p := d.Profile
		w = newWire(b, strings.TrimPrefix(p.BaseURL, "https://"))
		p.BaseURL = "https://" + w.ln.Addr().String()
		return p
	}))
	if err := h.srv.SeedLongMember(context.Background()); err != nil {
		b.Fatal(err)
	}
	if err := faults.Arm(h.srv, faults.Fault{Latency: latencyL}); err != nil {
		b.Fatal(err)
	}
	h.waitVerified()
	var dash, whole, refresh, loginBytes, refreshBytes []float64
	inL := func(d time.Duration) float64 { return float64(d) / float64(latencyL) }
	for b.Loop() {
		h.identifierEntry().SetText(email)
		h.passwordEntry().SetText(sandbox.DemoPassword)
		submit := h.loginButton()
		w.bytes.Store(0)
		start := time.Now()
		test.Tap(submit)
		h.waitFor("the dashboard", func() bool { return h.c.current == screenDashboard })
		dash = append(dash, inL(time.Since(start)))
		h.waitDashboard()
		whole = append(whole, inL(time.Since(start)))
		loginBytes = append(loginBytes, float64(w.bytes.Load()))
		// A member looks at the dashboard before refreshing: every tab is
		// filled (on later turns of the UI loop) and the heap settles.
		b.StopTimer()
		h.waitFor("every tab filled", func() bool { return h.c.dash.Filled() })
		time.Sleep(100 * time.Millisecond)
		h.drain()
		b.StartTimer()

		w.bytes.Store(0)
		start = time.Now()
		h.c.startRefresh()
		h.waitFor("the refresh", func() bool { return !h.c.refreshing })
		refresh = append(refresh, inL(time.Since(start)))
		refreshBytes = append(refreshBytes, float64(w.bytes.Load()))
		if h.c.dash.Notice() != "" {
			b.Fatalf("refresh: %s", h.c.dash.Notice())
		}

		b.StopTimer()
		h.c.logout()
		h.waitFor("the logout", func() bool { return h.contains("keluar") })
		h.c.login.ShowInfo("")
		h.waitVerified()
		b.StartTimer()
	}
	b.ReportMetric(median(dash), "dashboard-L")
	b.ReportMetric(median(whole), "history-L")
	b.ReportMetric(median(refresh), "refresh-L")
	b.ReportMetric(median(loginBytes), "login-B")
	b.ReportMetric(median(refreshBytes), "refresh-B")
	if len(dash) > 1 { // not the calibration run
		fmt.Printf("%s (L = %v, %d runs): after Masuk the dashboard in %.2f L (best %.2f; target 2), the whole history in %.2f L (best %.2f; target 2); "+
			"a refresh with nothing new %.2f L (best %.2f; target 1), %.0f bytes on the wire (the first load %.0f)\n",
			b.Name(), latencyL, len(dash), median(dash), slices.Min(dash), median(whole), slices.Min(whole),
			median(refresh), slices.Min(refresh), median(refreshBytes), median(loginBytes))
	}
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}
