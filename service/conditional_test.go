package service

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// statusLog records each response's path, status and whether the request
// was conditional.
type statusLog struct {
	mu   sync.Mutex
	rows []string
}

func (l *statusLog) wrap(rt http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := rt.RoundTrip(r)
		if err == nil {
			cond := ""
			if r.Header.Get("If-None-Match") != "" {
				cond = " conditional"
			}
			l.mu.Lock()
			l.rows = append(l.rows, r.URL.Path+" "+http.StatusText(resp.StatusCode)+cond)
			l.mu.Unlock()
		}
		return resp, err
	})
}

func (l *statusLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.rows
	l.rows = nil
	return out
}

// The whole history in one call is every single-year call, newest first.
func TestContributionHistory_IsEverySingleYear(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, true)
	c := sb.client(t)
	login(t, c, budi)
	ctx := context.Background()
	var pages int
	h, err := c.ContributionHistory(ctx, 0, 0, func(HistoryPage) { pages++ })
	if err != nil {
		t.Fatal(err)
	}
	if pages != 1 || len(h.Years) != 16 || h.Years[0].Year != 2026 || h.Years[15].Year != 2011 {
		t.Fatalf("%d pages, %d years", pages, len(h.Years))
	}
	for _, y := range h.Years {
		one, err := c.Contributions(ctx, y.Year)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, y) {
			t.Errorf("%d: history and single-year call differ", y.Year)
		}
	}
	r, err := c.ContributionHistory(ctx, 2017, 2018, nil)
	if err != nil || len(r.Years) != 2 || r.Years[0].Year != 2018 || r.Years[1].Year != 2017 {
		t.Fatalf("2017-2018: %v, %d years", err, len(r.Years))
	}
}

// Pages follow one another by next_to until the last; the pages' years
// together are the whole history.
func TestContributionHistory_Pages(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, true)
	c := sb.client(t)
	login(t, c, budi)
	ctx := context.Background()
	var years []int
	to := 0
	for n := 0; ; n++ {
		p, err := c.ContributionHistoryPage(ctx, 0, to, 30)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range p.Years {
			years = append(years, y.Year)
		}
		if p.NextTo == 0 {
			if n != 7 {
				t.Errorf("%d pages, want 8", n+1)
			}
			break
		}
		to = p.NextTo
	}
	want := []int{}
	for y := 2026; y >= 2011; y-- {
		want = append(want, y)
	}
	if !slices.Equal(years, want) {
		t.Fatalf("years %v", years)
	}
	if _, err := c.ContributionHistoryPage(ctx, 0, 0, 1001); err == nil {
		t.Error("limit 1001 was sent")
	}
}

// A second read of unchanged data is a conditional request answered 304,
// decoded from the kept body to the same values; the kept ETags and bodies
// prime the next session's client, for the same member only.
func TestConditional_UnchangedIs304(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, true)
	var log statusLog
	c := sb.client(t, WithTransportWrapper(log.wrap))
	login(t, c, budi)
	ctx := context.Background()
	read := func(c *Client) (member.Member, member.Balance, HistoryPage) {
		t.Helper()
		m, err := c.Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		h, err := c.ContributionHistory(ctx, 0, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		return m, b, h
	}
	m1, b1, h1 := read(c)
	log.take()
	m2, b2, h2 := read(c)
	want := []string{"/v1/me Not Modified conditional", "/v1/me/balance Not Modified conditional",
		"/v1/me/contributions/history Not Modified conditional"}
	if got := log.take(); !slices.Equal(got, want) {
		t.Fatalf("second read: %v", got)
	}
	if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(b1, b2) || !reflect.DeepEqual(h1, h2) {
		t.Fatal("data read from a 304 differs")
	}

	kept := c.Revalidation()
	if kept.Identifier != budi || len(kept.Entries) != 3 {
		t.Fatalf("revalidation: %q, %d entries", kept.Identifier, len(kept.Entries))
	}
	next := sb.client(t, WithTransportWrapper(log.wrap))
	next.Prime(kept) // not logged in yet: ignored
	login(t, next, budi)
	if len(next.Revalidation().Entries) != 0 {
		t.Fatal("Prime before the login kept entries")
	}
	next.Prime(kept)
	log.take()
	if m3, _, _ := read(next); !reflect.DeepEqual(m1, m3) {
		t.Fatal("primed read differs")
	}
	if got := log.take(); !slices.Equal(got, append(want[:0:0], want...)) {
		t.Fatalf("primed session: %v", got)
	}

	// Another member's client takes none of Budi's.
	andi := sb.client(t, WithTransportWrapper(log.wrap))
	login(t, andi, "andi@contoh.id")
	andi.Prime(kept)
	log.take()
	m, err := andi.Profile(ctx)
	if err != nil || m.FullName != "Andi Pratama" {
		t.Fatalf("Andi: %v %q", err, m.FullName)
	}
	if got := log.take(); !slices.Equal(got, []string{"/v1/me OK"}) {
		t.Fatalf("Andi primed with Budi's: %v", got)
	}
	// A new login on the same client forgets what the last one kept.
	login(t, c, "andi@contoh.id")
	if r := c.Revalidation(); len(r.Entries) != 0 {
		t.Fatalf("after another login: %d entries kept", len(r.Entries))
	}
	if err := c.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if r := c.Revalidation(); r.Identifier != "" || len(r.Entries) != 0 {
		t.Fatal("entries kept after logout")
	}
}

// A 304 to a request that was not conditional is a broken server.
func TestConditional_Unasked304(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t, true)
	c := sb.client(t, WithTransportWrapper(func(rt http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			resp, err := rt.RoundTrip(r)
			if err == nil && r.URL.Path == "/v1/me" {
				resp.StatusCode = http.StatusNotModified
			}
			return resp, err
		})
	}))
	login(t, c, budi)
	if _, err := c.Profile(context.Background()); !errors.Is(err, ErrBadResponse) {
		t.Fatalf("err %v, want ErrBadResponse", err)
	}
}

func TestDecodeHistory_Hostile(t *testing.T) {
	t.Parallel()
	year := func(y string) string {
		return `{"year":` + y + `,"months":[],"totals":{"reported_wage":0,"jht":0,"jp":0,"jkk":0,"jkm":0,"jkp":0,"total":0}}`
	}
	cases := map[string]string{
		"not moving on":    `{"available_years":[2025,2026],"years":[` + year("2026") + `],"next_to":2026}`,
		"next_to no years": `{"available_years":[2026],"years":[],"next_to":2020}`,
		"oldest first":     `{"available_years":[2025,2026],"years":[` + year("2025") + `,` + year("2026") + `],"next_to":null}`,
		"duplicate":        `{"available_years":[2026],"years":[` + year("2026") + `,` + year("2026") + `],"next_to":null}`,
		"outside range":    `{"available_years":[2019],"years":[` + year("2019") + `],"next_to":null}`,
		"years unsorted":   `{"available_years":[2026,2025],"years":[],"next_to":null}`,
		"no years":         `{"available_years":[2026],"next_to":null}`,
		"bad year":         `{"available_years":[],"years":[` + year("12") + `],"next_to":null}`,
	}
	for name, body := range cases {
		if _, err := decodeHistory([]byte(body), 2020, 0); !errors.Is(err, ErrBadResponse) {
			t.Errorf("%s: err %v", name, err)
		}
	}
	p, err := decodeHistory([]byte(`{"available_years":[2024,2025,2026],"years":[`+year("2026")+`,`+year("2025")+`],"next_to":2024}`), 0, 0)
	if err != nil || p.NextTo != 2024 || len(p.Years) != 2 || !slices.Equal(p.Years[1].AvailableYears, []int{2024, 2025, 2026}) {
		t.Fatalf("good page: %v %+v", err, p)
	}
}
