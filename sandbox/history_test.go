package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"testing"
)

type testHistory struct {
	AvailableYears []int `json:"available_years"`
	Years          []struct {
		Year   int         `json:"year"`
		Months []testMonth `json:"months"`
		Totals struct {
			ReportedWage, JHT, JP, JKK, JKM, JKP, Total int64
		} `json:"totals"`
	} `json:"years"`
	NextTo *int `json:"next_to"`
}

func (h testHistory) years() []int {
	var out []int
	for _, y := range h.Years {
		out = append(out, y.Year)
	}
	return out
}

// get sends a GET with extra headers and returns the whole response (body read).
func (e *env) get(path, token string, header http.Header) (*http.Response, []byte) {
	e.t.Helper()
	req, err := http.NewRequest("GET", e.ts.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp, body
}

// TestHistory_WholeHistoryIsTheSingleYearCalls: the one call gives every
// year, newest first, each exactly as the single-year call gives it.
func TestHistory_WholeHistoryIsTheSingleYearCalls(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	var h testHistory
	e.call("GET", "/v1/me/contributions/history", budi, nil, http.StatusOK, &h)
	if h.NextTo != nil {
		t.Fatalf("Budi's 15 years took more than one page: next_to %d", *h.NextTo)
	}
	wantYears := []int{}
	for y := 2011; y <= 2026; y++ {
		wantYears = append(wantYears, y)
	}
	if !slices.Equal(h.AvailableYears, wantYears) {
		t.Fatalf("available years %v, want %v", h.AvailableYears, wantYears)
	}
	got := h.years()
	slices.Reverse(wantYears)
	if !slices.Equal(got, wantYears) {
		t.Fatalf("years %v, want newest first %v", got, wantYears)
	}
	months := 0
	for _, y := range h.Years {
		one := e.contributions(budi, "?year="+strconv.Itoa(y.Year))
		if !slices.Equal(one.Months, y.Months) || one.Totals != y.Totals {
			t.Errorf("%d differs from GET /me/contributions?year=%d", y.Year, y.Year)
		}
		months += len(y.Months)
	}
	// November 2011 to October 2026 on one card at a time: 180 months.
	if months != 180 {
		t.Errorf("%d months, want 180", months)
	}
}

// TestHistory_RangeAndPaging: from/to select years; a small limit pages
// by whole years and next_to continues where the page stopped.
func TestHistory_RangeAndPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	var h testHistory
	e.call("GET", "/v1/me/contributions/history?from=2017&to=2019", budi, nil, http.StatusOK, &h)
	if got := h.years(); !slices.Equal(got, []int{2019, 2018, 2017}) || h.NextTo != nil {
		t.Fatalf("from 2017 to 2019: years %v next_to %v", got, h.NextTo)
	}
	if len(h.AvailableYears) != 16 {
		t.Errorf("a range still lists every available year, got %v", h.AvailableYears)
	}
	// 30 months a page: two full years (24), a third would make 36.
	var pages [][]int
	to := ""
	for range 20 {
		var p testHistory
		e.call("GET", "/v1/me/contributions/history?limit=30"+to, budi, nil, http.StatusOK, &p)
		pages = append(pages, p.years())
		if p.NextTo == nil {
			break
		}
		if last := p.Years[len(p.Years)-1].Year; *p.NextTo != last-1 {
			t.Fatalf("next_to %d after a page ending in %d", *p.NextTo, last)
		}
		to = "&to=" + strconv.Itoa(*p.NextTo)
	}
	if len(pages) != 8 || !slices.Equal(pages[0], []int{2026, 2025}) || !slices.Equal(pages[7], []int{2012, 2011}) {
		t.Fatalf("pages %v", pages)
	}
	// A single year larger than the limit still comes whole.
	e.call("GET", "/v1/me/contributions/history?limit=1", budi, nil, http.StatusOK, &h)
	if len(h.Years) != 1 || len(h.Years[0].Months) != 10 || h.NextTo == nil || *h.NextTo != 2025 {
		t.Fatalf("limit 1: %d years, next_to %v", len(h.Years), h.NextTo)
	}
	// An empty range is an empty page, not an error.
	e.call("GET", "/v1/me/contributions/history?from=1990&to=1999", budi, nil, http.StatusOK, &h)
	if len(h.Years) != 0 || h.NextTo != nil {
		t.Fatalf("1990s: %v", h.years())
	}
	for _, q := range []string{"?from=20", "?to=abcd", "?limit=0", "?limit=1001", "?limit=x", "?from=2020&to=2019"} {
		e.problem("GET", "/v1/me/contributions/history"+q, budi, nil, http.StatusBadRequest, "bad-request")
	}
	e.problem("GET", "/v1/me/contributions/history", "", nil, http.StatusUnauthorized, "unauthorized")
}

// TestConditional_ETagAnd304: every member-data GET carries an ETag; the
// same request with If-None-Match gets 304 with no body; a change in the
// data changes the tag and the answer is 200 again; another member's tag
// never matches.
func TestConditional_ETagAnd304(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	andi := e.login("andi@contoh.id", DemoPassword).AccessToken
	paths := []string{"/v1/me", "/v1/me/balance", "/v1/me/contributions", "/v1/me/contributions?year=2018",
		"/v1/me/contributions/history", "/v1/me/claims", "/v1/me/card"}
	tags := map[string]string{}
	for _, p := range paths {
		resp, body := e.get(p, budi, nil)
		tag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || tag == "" || len(body) == 0 {
			t.Fatalf("%s: status %d, ETag %q", p, resp.StatusCode, tag)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "private, no-cache" {
			t.Errorf("%s: Cache-Control %q", p, cc)
		}
		tags[p] = tag
		resp, body = e.get(p, budi, http.Header{"If-None-Match": {tag}})
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != tag {
			t.Errorf("%s with its own ETag: status %d, %d bytes, ETag %q", p, resp.StatusCode, len(body), resp.Header.Get("ETag"))
		}
		// A list that names it, and the strong form, match too (weak comparison).
		resp, _ = e.get(p, budi, http.Header{"If-None-Match": {`"other", ` + tag[2:]}})
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with a list naming the tag: status %d", p, resp.StatusCode)
		}
		resp, _ = e.get(p, andi, http.Header{"If-None-Match": {tag}})
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: Andi with Budi's ETag got %d", p, resp.StatusCode)
		}
	}
	if _, err := e.srv.db.Exec(`UPDATE cards SET employer_name = 'PT Nusantara Data Teknologi Tbk' WHERE kpj = '18012345678'`); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if p == "/v1/me/claims" {
			continue // Budi has no claims, so no employer name there
		}
		resp, _ := e.get(p, budi, http.Header{"If-None-Match": {tags[p]}})
		if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == tags[p] {
			t.Errorf("%s after the employer changed: status %d, same tag %v", p, resp.StatusCode, resp.Header.Get("ETag") == tags[p])
		}
	}
	// The login history is not member data to revalidate: never 304.
	resp, _ := e.get("/v1/me/logins", budi, http.Header{"If-None-Match": {"*"}})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/v1/me/logins with If-None-Match: *: %d", resp.StatusCode)
	}
}

// TestConditional_Gzip: a large body travels gzipped to a client that
// accepts it (Go's transport asks and unpacks), with the same ETag.
func TestConditional_Gzip(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	resp, body := e.get("/v1/me/contributions/history", budi, nil)
	if !resp.Uncompressed {
		t.Fatal("the history was not sent gzipped")
	}
	var h testHistory
	if err := json.Unmarshal(body, &h); err != nil || len(h.Years) != 16 {
		t.Fatalf("unpacked history: %v, %d years", err, len(h.Years))
	}
	if got, want := resp.Header.Get("ETag"), etagOf(1, body); got != want {
		t.Errorf("ETag %s is not the tag of the JSON body %s", got, want)
	}
	plain, _ := e.get("/v1/me/contributions/history", budi, http.Header{"Accept-Encoding": {"identity"}})
	if plain.Header.Get("Content-Encoding") != "" || plain.Header.Get("ETag") != resp.Header.Get("ETag") {
		t.Errorf("identity: Content-Encoding %q, ETag %q", plain.Header.Get("Content-Encoding"), plain.Header.Get("ETag"))
	}
}

func TestAcceptsGzipAndNotModified(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		header string
		want   bool
	}{{"gzip", true}, {"br, gzip;q=0.5", true}, {"GZIP", true}, {"gzip;q=0", false}, {"identity", false}, {"", false}, {"x-gzip", false}} {
		if got := acceptsGzip(c.header); got != c.want {
			t.Errorf("acceptsGzip(%q) = %v", c.header, got)
		}
	}
	tag := `W/"abc"`
	for _, c := range []struct {
		header string
		want   bool
	}{{`W/"abc"`, true}, {`"abc"`, true}, {`*`, true}, {`"x", W/"abc"`, true}, {`"abcd"`, false}, {``, false}, {`W/"ab"`, false}} {
		if got := notModified(c.header, tag); got != c.want {
			t.Errorf("notModified(%q) = %v", c.header, got)
		}
	}
}

// The long-history member: 480 months over 41 calendar years on three
// cards, one after the other, all in one page of the history; a second
// seeding changes nothing.
func TestSeedLongMember_FortyYearsInOnePage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := t.Context()
	for range 2 {
		if err := e.srv.SeedLongMember(ctx); err != nil {
			t.Fatal(err)
		}
	}
	tok := e.login(LongMemberEmail, DemoPassword).AccessToken
	var h testHistory
	e.call("GET", "/v1/me/contributions/history", tok, nil, http.StatusOK, &h)
	months, kpjs := 0, map[string]bool{}
	for _, y := range h.Years {
		months += len(y.Months)
		for _, m := range y.Months {
			kpjs[m.KPJ] = true
		}
	}
	if h.NextTo != nil || len(h.Years) != 41 || months != 480 || len(kpjs) != 3 {
		t.Fatalf("%d years, %d months, %d cards, next_to %v", len(h.Years), months, len(kpjs), h.NextTo)
	}
	if first := h.Years[40].Months[0]; first.Period != "1986-11" || first.ReportedWage != 95_000 {
		t.Fatalf("first month %s at %d", first.Period, first.ReportedWage)
	}
	var n int
	if err := e.srv.db.QueryRow(`SELECT COUNT(*) FROM members WHERE nik = '3175031405670007'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d long members (%v)", n, err)
	}
}
