package app

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// answers records each member-data answer's path and status, and can hold
// the contribution history until released: a sandbox middleware.
type answers struct {
	mu       sync.Mutex
	rows     []string
	hold     chan struct{} // non-nil: history requests wait for it to close
	heldOnce chan struct{} // gets a value when a history request is held
}

func (a *answers) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		hold := a.hold
		a.mu.Unlock()
		if hold != nil && r.URL.Path == "/v1/me/contributions/history" {
			a.heldOnce <- struct{}{}
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		sw := &statusOf{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if strings.HasPrefix(r.URL.Path, "/v1/me") {
			a.mu.Lock()
			a.rows = append(a.rows, r.URL.Path+" "+http.StatusText(sw.status))
			a.mu.Unlock()
		}
	})
}

func (a *answers) holdHistory() chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.hold, a.heldOnce = make(chan struct{}), make(chan struct{}, 8)
	return a.hold
}

func (a *answers) take() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := a.rows
	a.rows = nil
	slices.Sort(out)
	return out
}

type statusOf struct {
	http.ResponseWriter
	status int
}

func (s *statusOf) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusOf) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// stageLog collects a refresh's stages.
type stageLog struct {
	mu     sync.Mutex
	stages []Stage
}

func (l *stageLog) add(s Stage) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stages = append(l.stages, s)
}

func (l *stageLog) all() []Stage {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.stages)
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// After the login every dashboard call goes out at once; the summary is
// reported while the history is still on its way, without any
// contributions (old or new) in it; the history's progress follows; the
// result is whole. A second refresh with nothing new is all 304 and
// reports no summary (the screen keeps what it shows).
func TestRefreshStages_SummaryThenHistory_NothingMixed(t *testing.T) {
	t.Parallel()
	var rec answers
	e := newEnv(t, sandbox.WithMiddleware(rec.middleware))
	a, _ := e.newApp()
	ctx := e.ctx()
	if _, err := a.Login(ctx, budi, sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	rec.take()
	release := rec.holdHistory()
	var log stageLog
	type result struct {
		r   RefreshResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := a.RefreshStages(ctx, log.add)
		done <- result{r, err}
	}()
	<-rec.heldOnce
	waitUntil(t, "the summary stage", func() bool { return len(log.all()) > 0 })
	first := log.all()[0]
	if first.Summary == nil || first.Epoch != a.Epoch() {
		t.Fatalf("first stage %+v", first)
	}
	if first.Summary.Contributions != nil || first.Summary.Member.FullName != "Budi Santoso" || first.Summary.Balance.Total == 0 {
		t.Fatalf("summary: %d years of contributions, name %q, balance %d",
			len(first.Summary.Contributions), first.Summary.Member.FullName, first.Summary.Balance.Total)
	}
	if got := rec.take(); !slices.Equal(got, []string{"/v1/me OK", "/v1/me/balance OK", "/v1/me/card OK", "/v1/me/claims OK"}) {
		t.Fatalf("answered while the history is held: %v", got)
	}
	close(release)
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	stages := log.all()
	last := stages[len(stages)-1]
	if len(stages) != 2 || last.Summary != nil || last.HistoryYears != 16 || last.HistoryTotal != 16 {
		t.Fatalf("stages %+v", stages)
	}
	if len(res.r.Data.Contributions) != 16 || !reflect.DeepEqual(res.r.Data.Member, first.Summary.Member) ||
		!reflect.DeepEqual(res.r.Data.Balance, first.Summary.Balance) {
		t.Fatal("the result is not the summary plus the history")
	}
	if got := rec.take(); !slices.Equal(got, []string{"/v1/me/contributions/history OK"}) {
		t.Fatalf("after the release: %v", got)
	}

	// Nothing new: conditional requests, all 304, no summary stage.
	rec.mu.Lock()
	rec.hold = nil
	rec.mu.Unlock()
	var again stageLog
	r2, err := a.RefreshStages(ctx, again.add)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/v1/me Not Modified", "/v1/me/balance Not Modified", "/v1/me/card Not Modified",
		"/v1/me/claims Not Modified", "/v1/me/contributions/history Not Modified"}
	if got := rec.take(); !slices.Equal(got, want) {
		t.Fatalf("unchanged refresh: %v", got)
	}
	for _, s := range again.all() {
		if s.Summary != nil {
			t.Fatal("an unchanged refresh reported a summary")
		}
	}
	if !reflect.DeepEqual(r2.Data.Contributions, res.r.Data.Contributions) || !reflect.DeepEqual(r2.Data.Member, res.r.Data.Member) {
		t.Fatal("data from 304s differs")
	}
}

// A lock while the history is on its way: no stage comes after it, the
// refresh is dropped, nothing is kept.
func TestRefreshStages_NoneAfterALock(t *testing.T) {
	t.Parallel()
	var rec answers
	e := newEnv(t, sandbox.WithMiddleware(rec.middleware))
	a, _ := e.newApp()
	ctx := e.ctx()
	if _, err := a.Login(ctx, budi, sandbox.DemoPassword, false); err != nil {
		t.Fatal(err)
	}
	release := rec.holdHistory()
	defer close(release)
	var log stageLog
	done := make(chan error, 1)
	go func() {
		_, err := a.RefreshStages(ctx, log.add)
		done <- err
	}()
	<-rec.heldOnce
	waitUntil(t, "the summary stage", func() bool { return len(log.all()) > 0 })
	a.Lock()
	if err := <-done; err == nil {
		t.Fatal("a refresh whose session was locked succeeded")
	}
	if n := len(log.all()); n != 1 {
		t.Fatalf("%d stages, want only the summary from before the lock", n)
	}
	if a.Data() != nil {
		t.Fatal("data kept after the lock")
	}
}

// The kept ETags and bodies travel in the encrypted snapshot: the next
// start's first refresh, after resuming the remembered session, is all 304.
func TestRefresh_NextStartIsConditional(t *testing.T) {
	t.Parallel()
	var rec answers
	e := newEnv(t, sandbox.WithMiddleware(rec.middleware))
	a, _ := e.newApp()
	first := e.login(a, budi, true)
	snap, err := e.cached(a, budi)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := snap.Parts["revalidation"]; !ok {
		t.Fatal("the snapshot keeps no ETags")
	}
	a.Close()

	b, o := e.newApp()
	if o.Cached == nil || len(o.Cached.Revalidation.Entries) != 5 {
		t.Fatalf("cached data without its ETags: %+v", o.Cached != nil)
	}
	if !b.UseCached(b.Epoch(), *o.Cached) {
		t.Fatal("cached data not taken")
	}
	ctx := e.ctx()
	if err := b.Resume(ctx, budi); err != nil {
		t.Fatal(err)
	}
	rec.take()
	r, err := b.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rec.take() {
		if !strings.HasSuffix(row, "Not Modified") {
			t.Errorf("after a restart: %s", row)
		}
	}
	if !reflect.DeepEqual(r.Data.Contributions, first.Contributions) || r.Data.Offline {
		t.Fatal("refreshed data differs from the first")
	}
}
