package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

// The audit's demo data, worked out by hand from the rates and the seeds.
func TestSeed_AuditDemoMembers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rudi := e.login("rudi@contoh.id", DemoPassword).AccessToken
	c := e.contributions(rudi, "?year=2026")
	// January to August 2026 without June: seven months.
	var periods []string
	for _, m := range c.Months {
		periods = append(periods, m.Period)
	}
	if got := len(c.Months); got != 7 || c.Months[len(c.Months)-1].Period != "2026-08" {
		t.Fatalf("Rudi 2026: %v", periods)
	}
	for _, m := range c.Months {
		if m.Period == "2026-06" {
			t.Error("June 2026 should never have been paid")
		}
	}
	// Wage 4.900.000 raised 5% a year, to a thousand: 5.145.000,
	// 5.402.000, 5.672.000, 5.956.000. JHT 220.372 + 119.120, JP 119.120 +
	// 59.560 (under 10.547.400), JKK III 0,89% 53.008, JKM 17.868, JKP 18.000;
	// paid with March on 20 May.
	feb := findMonth(t, c, "2026-02", "22056789012")
	want := testMonth{Period: "2026-02", KPJ: "22056789012", EmployerName: "PT Sumber Rejeki Plastindo", ReportedWage: 5_956_000,
		JHTEmployer: 220_372, JHTWorker: 119_120, JHT: 339_492, JPEmployer: 119_120, JPWorker: 59_560, JP: 178_680,
		JKK: 53_008, JKM: 17_868, JKP: 18_000, Total: 339_492 + 178_680 + 53_008 + 17_868, PaidDate: "2026-05-20"}
	if feb != want {
		t.Errorf("Rudi Feb 2026\n got  %+v\nwant %+v", feb, want)
	}
	if m := findMonth(t, c, "2026-03", "22056789012"); m.PaidDate != "2026-05-20" {
		t.Errorf("Rudi Mar 2026 paid %s", m.PaidDate)
	}
	if m := findMonth(t, c, "2026-04", "22056789012"); m.PaidDate != "2026-05-10" {
		t.Errorf("Rudi Apr 2026 paid %s", m.PaidDate)
	}

	wulan := e.login("wulan@contoh.id", DemoPassword).AccessToken
	// 2.800.000 raised 7%: 2.996.000, 3.206.000, 3.430.000 in 2023 and
	// never again.
	for _, c := range []struct {
		year, period string
		wage         int64
	}{{"2022", "2022-12", 3_206_000}, {"2023", "2023-01", 3_430_000}, {"2024", "2024-06", 3_430_000}, {"2026", "2026-10", 3_430_000}} {
		if m := findMonth(t, e.contributions(wulan, "?year="+c.year), c.period, "20067890123"); m.ReportedWage != c.wage {
			t.Errorf("Wulan %s: wage %d, want %d", c.period, m.ReportedWage, c.wage)
		}
	}
	// PP 7/2025: class II 0,54% of 3.430.000 = 18.522, halved 9.261 from
	// February 2025, to January 2026 with PP 36/2025 Pasal 10A's
	// extension; full again from February 2026.
	y := e.contributions(wulan, "?year=2025")
	for period, jkk := range map[string]int64{"2025-01": 18_522, "2025-02": 9_261, "2025-07": 9_261, "2025-08": 9_261, "2025-12": 9_261} {
		if m := findMonth(t, y, period, "20067890123"); m.JKK != jkk {
			t.Errorf("Wulan %s JKK %d, want %d", period, m.JKK, jkk)
		}
	}
	y = e.contributions(wulan, "?year=2026")
	for period, jkk := range map[string]int64{"2026-01": 9_261, "2026-02": 18_522} {
		if m := findMonth(t, y, period, "20067890123"); m.JKK != jkk {
			t.Errorf("Wulan %s JKK %d, want %d", period, m.JKK, jkk)
		}
	}
	// PP 49/2020: JKK II 0,54% of 2.800.000 = 15.120 → 1% 151; JKM 8.400
	// → 84.
	if m := findMonth(t, e.contributions(wulan, "?year=2020"), "2020-09", "20067890123"); m.JKK != 151 || m.JKM != 84 || m.PaidDate != "2020-10-10" {
		t.Errorf("Wulan Sep 2020: %+v", m)
	}
}

// Every employer of the time had PP 49/2020's JKK and JKM relief; Siti's
// also paid on the 25th, inside the relief's later deadline.
func TestSeed_COVIDRelief(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := e.login("budi@contoh.id", DemoPassword).AccessToken
	// 10.674.000 in 2020: JHT 394.938 + 213.480, JP on the 8.939.700 cap
	// 178.794 + 89.397, JKK I 25.618 → 1% 256, JKM 32.022 → 1% 320.
	m := findMonth(t, e.contributions(budi, "?year=2020"), "2020-09", "18012345678")
	if m.ReportedWage != 10_674_000 || m.JHTEmployer != 394_938 || m.JPEmployer != 178_794 || m.JPWorker != 89_397 || m.JKK != 256 || m.JKM != 320 || m.PaidDate != "2020-10-10" {
		t.Errorf("Budi Sep 2020: %+v", m)
	}
	if m := findMonth(t, e.contributions(budi, "?year=2020"), "2020-07", "18012345678"); m.JKK != 25_618 || m.JKM != 32_022 {
		t.Errorf("Budi Jul 2020, before the relief: %+v", m)
	}
	siti := e.loginSiti().AccessToken
	// 4.387.000: JKK III 39.044 → 390, JKM 13.161 → 132.
	if m := findMonth(t, e.contributions(siti, "?year=2020"), "2020-09", "19023456789"); m.JKK != 390 || m.JKM != 132 || m.PaidDate != "2020-10-25" {
		t.Errorf("Siti Sep 2020: %+v", m)
	}
	if m := findMonth(t, e.contributions(siti, "?year=2021"), "2021-01", "19023456789"); m.PaidDate != "2021-02-25" {
		t.Errorf("Siti Jan 2021 paid %s", m.PaidDate)
	}
}

// Eko Prasetyo: laid off on 14 August 2026, self-employed (BPU) since
// September (seed_bpu.go).
func TestSeed_BPUMemberAfterAMidMonthLayoff(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	eko := e.login("eko@contoh.id", DemoPassword).AccessToken
	var me struct {
		Segment  string `json:"segment"`
		Employer *struct {
			Name string `json:"name"`
		} `json:"employer"`
		Cards []struct {
			KPJ    string  `json:"kpj"`
			Status string  `json:"status"`
			Closed *string `json:"closed"`
		} `json:"cards"`
		Programs []struct {
			Code string `json:"code"`
		} `json:"programs"`
	}
	e.call("GET", "/v1/me", eko, nil, http.StatusOK, &me)
	var codes []string
	for _, p := range me.Programs {
		codes = append(codes, p.Code)
	}
	if me.Segment != "BPU" || me.Employer != nil || strings.Join(codes, " ") != "JHT JKK JKM" || len(me.Cards) != 2 {
		t.Fatalf("Eko: %+v", me)
	}
	if c := me.Cards[1]; c.KPJ != "19078901234" || c.Closed == nil || *c.Closed != "2026-08-14" {
		t.Errorf("the furniture maker's card %+v", c)
	}
	c := e.contributions(eko, "?year=2026")
	// The old card: July 2026 is the last month paid; August, the month
	// of the lay-off, is not.
	findMonth(t, c, "2026-07", "19078901234")
	for _, m := range c.Months {
		if m.Period == "2026-08" {
			t.Errorf("August 2026 paid on %s", m.KPJ)
		}
	}
	// BPU on Rp3.000.000: JHT 2% 60.000, JKK 1% 30.000, JKM 6.800; no JP,
	// no JKP; October paid on the 20th.
	oct := findMonth(t, c, "2026-10", bpuCardKPJ)
	if oct.ReportedWage != 3_000_000 || oct.JHTWorker != 60_000 || oct.JHTEmployer != 0 || oct.JKK != 30_000 || oct.JKM != 6_800 ||
		oct.JP != 0 || oct.JKP != 0 || oct.Total != 96_800 || oct.PaidDate != "2026-10-20" {
		t.Errorf("Eko Oct 2026 %+v", oct)
	}
	// 2.100.000 raised 6% a year from 2019: 2.226.000, 2.360.000,
	// 2.502.000, 2.652.000, 2.811.000, 2.980.000, 3.159.000 in 2026.
	// PP 36/2025: class II JKK 0,54% of 3.159.000 = 17.058,6, halved
	// 8.529,3 → 8.529 in January 2026; full, 17.059, from February.
	for period, jkk := range map[string]int64{"2026-01": 8_529, "2026-02": 17_059} {
		if m := findMonth(t, c, period, "19078901234"); m.ReportedWage != 3_159_000 || m.JKK != jkk {
			t.Errorf("Eko %s %+v", period, m)
		}
	}
}
