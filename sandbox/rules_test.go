package sandbox

import (
	"testing"
	"time"
)

func TestNIKBirthDate(t *testing.T) {
	cases := []struct {
		nik, gender, birth string
		ok                 bool
	}{
		{"3174051708850003", "L", "1985-08-17", true},
		{"3273015203900001", "P", "1990-03-12", true},
		{"3578012501020002", "L", "2002-01-25", true},
		{"5171044407950004", "P", "1995-07-04", true},
		{"3174053202850003", "", "", false}, // 32 Feb… day 32 is not a woman's day either (< 41)
		{"3174051713850003", "", "", false}, // month 13
		{"3174057102850003", "", "", false}, // 31 Feb for a woman
		{"317405170885000", "", "", false},  // 15 digits
	}
	for _, c := range cases {
		g, birth, ok := nikBirthDate(c.nik)
		if ok != c.ok || (ok && (g != c.gender || birth.Format(time.DateOnly) != c.birth)) {
			t.Errorf("nikBirthDate(%s) = %s %s %v, want %s %s %v", c.nik, g, birth.Format(time.DateOnly), ok, c.gender, c.birth, c.ok)
		}
	}
	// 29 Feb exists in 2000 and 1996 but not 1997/2097.
	if _, _, _, _, ok := nikDate("3174052902000003"); !ok {
		t.Error("29-02-00 rejected")
	}
	if _, _, _, _, ok := nikDate("3174052902970003"); ok {
		t.Error("29-02-97 accepted")
	}
}

func TestJPWageCapSeries(t *testing.T) {
	cases := map[string]int64{
		"2015-06": 0,
		"2015-07": 7_000_000,
		"2016-02": 7_000_000,
		"2016-03": 7_335_300,
		"2024-12": 10_042_300,
		"2025-02": 10_042_300,
		"2025-03": 10_547_400,
		"2026-02": 10_547_400,
		"2026-03": 11_086_300,
		"2026-10": 11_086_300,
	}
	for p, want := range cases {
		period, _ := time.Parse("2006-01", p)
		if got := JPWageCap(period); got != want {
			t.Errorf("JPWageCap(%s) = %d, want %d", p, got, want)
		}
	}
	for i := 1; i < len(jpWageCaps); i++ {
		if jpWageCaps[i].cap <= jpWageCaps[i-1].cap || jpWageCaps[i].from.Month() != time.March {
			t.Errorf("cap series not rising every March at %d", i)
		}
	}
}

func TestComputeContribution_RatesAndRounding(t *testing.T) {
	p := month(2026, time.May)
	c := ComputeContribution(p, 4_999_999, 5)
	// 4.999.999 × 3.7% = 184.999,963 → 185.000; × 2% = 99.999,98 → 100.000
	// × 1.74% = 86.999,98 → 87.000; × 0.3% = 14.999,997 → 15.000;
	// JKP 0.36% = 17.999,996 → 18.000.
	want := Contribution{Wage: 4_999_999, JHTEmployer: 185_000, JHTWorker: 100_000, JPEmployer: 100_000, JPWorker: 50_000,
		JKK: 87_000, JKM: 15_000, JKP: 18_000}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if got := c.Total(); got != 185_000+100_000+100_000+50_000+87_000+15_000 {
		t.Errorf("Total %d", got)
	}
	for class, bp := range map[int]int64{1: 24, 2: 54, 3: 89, 4: 127, 5: 174} {
		if got := ComputeContribution(p, 10_000_000, class).JKK; got != 10_000_000*bp/10_000 {
			t.Errorf("class %d JKK %d", class, got)
		}
	}
	// The JKP base is capped at Rp5.000.000 and the JP base at the JP cap.
	c = ComputeContribution(p, 20_000_000, 1)
	if c.JKP != 18_000 || c.JPEmployer != 221_726 || c.JPWorker != 110_863 {
		t.Errorf("capped: %+v", c)
	}
}

func TestPasswordHash(t *testing.T) {
	h, err := hashPassword("Sandbox#2026", DefaultPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ok, err := verifyPassword("Sandbox#2026", h)
	elapsed := time.Since(start)
	if !ok || err != nil {
		t.Fatalf("verify = %v, %v", ok, err)
	}
	t.Logf("argon2id default verify took %v", elapsed)
	if ok, _ := verifyPassword("Sandbox#2027", h); ok {
		t.Error("wrong password verified")
	}
	h2, _ := hashPassword("Sandbox#2026", DefaultPasswordParams)
	if h == h2 {
		t.Error("two hashes of the same password are equal: salt missing")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x", "$argon2id$v=18$m=64,t=1,p=1$AAAA$AAAA"} {
		if _, err := verifyPassword("x", bad); err == nil {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestPasswordWeakness(t *testing.T) {
	personal := personalStrings("Dewi Lestari", "dewi@contoh.id", "5171044407950004", "21045678901", "1995-07-04")
	for pw, weak := range map[string]bool{
		"Kintamani!Pagi7": false,
		"Sandbox#2026":    false,
		"bismillah123":    true,
		"Dewi2026!!xx":    true,
		"abcdefghijk":     true,
		"1234567890":      true,
		"qwertyuiop1":     true,
		"zzzzzzzzzzzz":    true,
		"onlylowercase":   true,
	} {
		if got := weakness(pw, personal) != ""; got != weak {
			t.Errorf("weakness(%q) = %v, want %v", pw, got, weak)
		}
	}
}
