package sandbox

import (
	"net/http"
	"testing"
)

type testMonth struct {
	Period       string `json:"period"`
	KPJ          string `json:"kpj"`
	EmployerName string `json:"employer_name"`
	ReportedWage int64  `json:"reported_wage"`
	JHTEmployer  int64  `json:"jht_employer"`
	JHTWorker    int64  `json:"jht_worker"`
	JHT          int64  `json:"jht"`
	JPEmployer   int64  `json:"jp_employer"`
	JPWorker     int64  `json:"jp_worker"`
	JP           int64  `json:"jp"`
	JKK          int64  `json:"jkk"`
	JKM          int64  `json:"jkm"`
	JKP          int64  `json:"jkp"`
	Total        int64  `json:"total"`
	PaidDate     string `json:"paid_date"`
}

type testContributions struct {
	Year           int         `json:"year"`
	AvailableYears []int       `json:"available_years"`
	Months         []testMonth `json:"months"`
	Totals         struct {
		ReportedWage, JHT, JP, JKK, JKM, JKP, Total int64
	} `json:"totals"`
}

func (e *env) contributions(token, query string) testContributions {
	e.t.Helper()
	var c testContributions
	e.call("GET", "/v1/me/contributions"+query, token, nil, http.StatusOK, &c)
	return c
}

func findMonth(t *testing.T, c testContributions, period, kpj string) testMonth {
	t.Helper()
	for _, m := range c.Months {
		if m.Period == period && m.KPJ == kpj {
			return m
		}
	}
	t.Fatalf("no month %s on %s in %d", period, kpj, c.Year)
	return testMonth{}
}

// TestContributions_MatchRatesAndCaps checks sample months against figures
// worked out by hand from the published rates (see rates.go for sources):
// JHT 3.7%+2%, JP 2%+1% up to the JP wage cap, JKK by risk class, JKM 0.30%,
// JKP 0.46%/0.36% on at most Rp5.000.000, all rounded half up.
func TestContributions_MatchRatesAndCaps(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	siti := e.loginSiti().AccessToken
	andi := e.login("andi@contoh.id", DemoPassword).AccessToken
	cases := []struct {
		name, token, year, period, kpj string
		want                           testMonth
	}{
		{"Budi 2014, class III, before JP", budi, "2014", "2014-06", "09011223344",
			testMonth{ReportedWage: 3_654_000, JHTEmployer: 135_198, JHTWorker: 73_080, JKK: 32_521, JKM: 10_962}},
		{"Budi 2022, JP cap 9.077.600, JKP 0.46%", budi, "2022", "2022-03", "18012345678",
			testMonth{ReportedWage: 11_993_000, JHTEmployer: 443_741, JHTWorker: 239_860, JPEmployer: 181_552, JPWorker: 90_776, JKK: 28_783, JKM: 35_979, JKP: 23_000}},
		{"Budi Feb 2026, cap still 10.547.400", budi, "2026", "2026-02", "18012345678",
			testMonth{ReportedWage: 15_142_000, JHTEmployer: 560_254, JHTWorker: 302_840, JPEmployer: 210_948, JPWorker: 105_474, JKK: 36_341, JKM: 45_426, JKP: 18_000}},
		{"Budi Oct 2026, cap 11.086.300", budi, "", "2026-10", "18012345678",
			testMonth{ReportedWage: 15_142_000, JHTEmployer: 560_254, JHTWorker: 302_840, JPEmployer: 221_726, JPWorker: 110_863, JKK: 36_341, JKM: 45_426, JKP: 18_000}},
		{"Siti Jan 2025, JKP 0.46%", siti, "2025", "2025-01", "19023456789",
			testMonth{ReportedWage: 6_154_000, JHTEmployer: 227_698, JHTWorker: 123_080, JPEmployer: 123_080, JPWorker: 61_540, JKK: 54_771, JKM: 18_462, JKP: 23_000}},
		// A textile firm: PP 7/2025 halves JKK, 54.770,6 / 2 → 27.385.
		{"Siti Feb 2025, JKP 0.36% (PP 6/2025), JKK halved (PP 7/2025)", siti, "2025", "2025-02", "19023456789",
			testMonth{ReportedWage: 6_154_000, JHTEmployer: 227_698, JHTWorker: 123_080, JPEmployer: 123_080, JPWorker: 61_540, JKK: 27_385, JKM: 18_462, JKP: 18_000}},
		{"Andi Aug 2026, class II", andi, "2026", "2026-08", "23034567890",
			testMonth{ReportedWage: 5_400_000, JHTEmployer: 199_800, JHTWorker: 108_000, JPEmployer: 108_000, JPWorker: 54_000, JKK: 29_160, JKM: 16_200, JKP: 18_000}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			q := ""
			if c.year != "" {
				q = "?year=" + c.year
			}
			got := findMonth(t, e.contributions(c.token, q), c.period, c.kpj)
			w := c.want
			if got.ReportedWage != w.ReportedWage || got.JHTEmployer != w.JHTEmployer || got.JHTWorker != w.JHTWorker ||
				got.JPEmployer != w.JPEmployer || got.JPWorker != w.JPWorker || got.JKK != w.JKK || got.JKM != w.JKM || got.JKP != w.JKP {
				t.Errorf("got  %+v\nwant %+v", got, w)
			}
			if got.JHT != w.JHTEmployer+w.JHTWorker || got.JP != w.JPEmployer+w.JPWorker {
				t.Errorf("jht %d / jp %d are not the sums of their shares", got.JHT, got.JP)
			}
			if want := got.JHT + got.JP + got.JKK + got.JKM; got.Total != want {
				t.Errorf("total %d, want %d (JKP excluded)", got.Total, want)
			}
		})
	}
}

func TestContributions_YearsAndTotals(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	c := e.contributions(budi, "")
	if c.Year != 2026 || len(c.Months) != 10 || c.AvailableYears[0] != 2011 || c.AvailableYears[len(c.AvailableYears)-1] != 2026 {
		t.Fatalf("default year %d, %d months, years %v", c.Year, len(c.Months), c.AvailableYears)
	}
	var sum int64
	for _, m := range c.Months {
		sum += m.Total
		if m.PaidDate <= m.Period {
			t.Errorf("%s paid %s, before the month ended", m.Period, m.PaidDate)
		}
	}
	if sum != c.Totals.Total {
		t.Errorf("totals.total %d, sum %d", c.Totals.Total, sum)
	}
	// 2018 has both employers: Jan–Mar on the old card, Apr–Dec on the new.
	c = e.contributions(budi, "?year=2018")
	if len(c.Months) != 12 || c.Months[0].KPJ != "09011223344" || c.Months[11].KPJ != "18012345678" {
		t.Errorf("2018: %d months, first %s, last %s", len(c.Months), c.Months[0].KPJ, c.Months[11].KPJ)
	}
	if c = e.contributions(budi, "?year=2001"); len(c.Months) != 0 || c.Totals.Total != 0 {
		t.Errorf("2001 has %d months", len(c.Months))
	}
	andi := e.login("andi@contoh.id", DemoPassword).AccessToken
	if c = e.contributions(andi, ""); len(c.Months) != 3 || len(c.AvailableYears) != 1 {
		t.Errorf("Andi: %d months, years %v; want three months", len(c.Months), c.AvailableYears)
	}
	for _, q := range []string{"?year=abcd", "?year=26", "?year=", "?year=20266"} {
		p := e.problem("GET", "/v1/me/contributions"+q, budi, nil, http.StatusBadRequest, "bad-request")
		if !p.hasField("year", "format") {
			t.Errorf("%s: errors %+v", q, p.Errors)
		}
	}
	e.problem("GET", "/v1/me/contributions", "", nil, http.StatusUnauthorized, "unauthorized")
}

func TestMe_Budi(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword).AccessToken
	var me struct {
		FullName         string  `json:"full_name"`
		NIKMasked        string  `json:"nik_masked"`
		Gender           string  `json:"gender"`
		Status           string  `json:"status"`
		Segment          string  `json:"segment"`
		LastContribution *string `json:"last_contribution"`
		Employer         *struct{ Name, NPP, Since string }
		Cards            []struct {
			KPJ    string  `json:"kpj"`
			Status string  `json:"status"`
			Closed *string `json:"closed"`
		} `json:"cards"`
		Programs []struct{ Code, Joined string } `json:"programs"`
	}
	e.call("GET", "/v1/me", tok, nil, http.StatusOK, &me)
	if me.FullName != "Budi Santoso" || me.NIKMasked != "3174********0003" || me.Gender != "L" || me.Status != "aktif" ||
		me.Segment != "PU" || me.LastContribution == nil || *me.LastContribution != "2026-10" {
		t.Errorf("me = %+v", me)
	}
	if me.Employer == nil || me.Employer.Name != "PT Nusantara Data Teknologi" {
		t.Errorf("employer = %+v", me.Employer)
	}
	if len(me.Cards) != 2 || me.Cards[0].KPJ != "18012345678" || me.Cards[1].KPJ != "09011223344" ||
		me.Cards[1].Status != "nonaktif" || me.Cards[1].Closed == nil {
		t.Errorf("cards = %+v", me.Cards)
	}
	if len(me.Programs) != 5 || me.Programs[3].Code != "JP" || me.Programs[3].Joined != "2015-07-01" {
		t.Errorf("programs = %+v", me.Programs)
	}
}

func TestMe_SitiIsNonaktifWithoutEmployer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.loginSiti().AccessToken
	var me struct {
		Gender      string `json:"gender"`
		Status      string `json:"status"`
		StatusSince string `json:"status_since"`
		Employer    *struct{ Name string }
	}
	e.call("GET", "/v1/me", tok, nil, http.StatusOK, &me)
	if me.Gender != "P" || me.Status != "nonaktif" || me.StatusSince[:4] != "2025" || me.Employer != nil {
		t.Errorf("me = %+v", me)
	}
}

func TestBalance_BudiIsSumOfBothCards(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.login("budi@contoh.id", DemoPassword).AccessToken
	var b struct {
		AsOf     string `json:"as_of"`
		Total    int64  `json:"total"`
		Accounts []struct {
			KPJ           string `json:"kpj"`
			EmployerShare int64  `json:"employer_share"`
			WorkerShare   int64  `json:"worker_share"`
			Development   int64  `json:"development"`
			Total         int64  `json:"total"`
			History       []struct {
				Year           int   `json:"year"`
				EmployerShare  int64 `json:"employer_share"`
				WorkerShare    int64 `json:"worker_share"`
				Development    int64 `json:"development"`
				ClosingBalance int64 `json:"closing_balance"`
			} `json:"history"`
		} `json:"accounts"`
	}
	e.call("GET", "/v1/me/balance", tok, nil, http.StatusOK, &b)
	if b.AsOf != "2026-11-16" || len(b.Accounts) != 2 {
		t.Fatalf("as_of %s, %d accounts", b.AsOf, len(b.Accounts))
	}
	var sum int64
	for _, a := range b.Accounts {
		sum += a.Total
		if a.Total != a.EmployerShare+a.WorkerShare+a.Development {
			t.Errorf("%s: total %d != shares + development", a.KPJ, a.Total)
		}
		var prev int64
		for _, h := range a.History {
			if h.ClosingBalance != prev+h.EmployerShare+h.WorkerShare+h.Development {
				t.Errorf("%s %d: closing balance does not roll forward", a.KPJ, h.Year)
			}
			if prev > 0 && h.Development <= 0 {
				t.Errorf("%s %d: no development on a positive balance", a.KPJ, h.Year)
			}
			prev = h.ClosingBalance
		}
		if last := a.History[len(a.History)-1]; last.Year != 2026 || last.ClosingBalance != a.Total {
			t.Errorf("%s: last history year %+v", a.KPJ, last)
		}
	}
	if sum != b.Total {
		t.Errorf("total %d, sum of cards %d", b.Total, sum)
	}
	// The closed card has had no dues since 2018 but keeps growing.
	old := b.Accounts[1]
	if old.KPJ != "09011223344" || old.History[len(old.History)-1].EmployerShare != 0 || old.History[len(old.History)-1].Development <= 0 {
		t.Errorf("closed card history %+v", old.History[len(old.History)-1])
	}
	// The employer's 3.7% against the worker's 2%.
	a := b.Accounts[0]
	if ratio := float64(a.EmployerShare) / float64(a.WorkerShare); ratio < 1.849 || ratio > 1.851 {
		t.Errorf("employer/worker ratio %.4f, want 1.85", ratio)
	}
}

func TestClaims(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	type claims struct {
		Claims []struct {
			ID       string `json:"id"`
			Program  string `json:"program"`
			Status   string `json:"status"`
			Amount   int64  `json:"amount"`
			Timeline []struct{ Status, At, Note string }
		} `json:"claims"`
	}
	var c claims
	e.call("GET", "/v1/me/claims", e.loginSiti().AccessToken, nil, http.StatusOK, &c)
	if len(c.Claims) != 1 || c.Claims[0].Program != "JHT" || c.Claims[0].Status != "diproses" || len(c.Claims[0].Timeline) != 2 {
		t.Fatalf("Siti's claims = %+v", c)
	}
	var bal struct{ Total int64 }
	e.call("GET", "/v1/me/balance", e.loginSitiAgain(), nil, http.StatusOK, &bal)
	if c.Claims[0].Amount != bal.Total {
		t.Errorf("claim amount %d, JHT balance %d", c.Claims[0].Amount, bal.Total)
	}
	c = claims{}
	e.call("GET", "/v1/me/claims", e.login("budi@contoh.id", DemoPassword).AccessToken, nil, http.StatusOK, &c)
	if c.Claims == nil || len(c.Claims) != 0 {
		t.Errorf("Budi's claims = %+v, want an empty list", c.Claims)
	}
}

// loginSitiAgain waits out the TOTP step used by the previous login, since
// codes cannot be replayed.
func (e *env) loginSitiAgain() string {
	e.clock.Advance(30e9)
	return e.loginSiti().AccessToken
}

func TestCards_BudiHasTwo(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var c struct {
		Cards []struct {
			KPJ      string   `json:"kpj"`
			FullName string   `json:"full_name"`
			Status   string   `json:"status"`
			Programs []string `json:"programs"`
		} `json:"cards"`
	}
	e.call("GET", "/v1/me/card", e.login("budi@contoh.id", DemoPassword).AccessToken, nil, http.StatusOK, &c)
	if len(c.Cards) != 2 || c.Cards[0].Status != "aktif" || c.Cards[1].Status != "nonaktif" {
		t.Fatalf("cards = %+v", c.Cards)
	}
	if len(c.Cards[0].Programs) != 5 {
		t.Errorf("active card programs %v", c.Cards[0].Programs)
	}
	// The old card closed in 2018: JP existed (2015), JKP did not (2021).
	if got := c.Cards[1].Programs; len(got) != 4 || got[3] != "JP" {
		t.Errorf("closed card programs %v", got)
	}
	e.problem("GET", "/v1/me/card", "", nil, http.StatusUnauthorized, "unauthorized")
}
