package sandbox

import (
	"testing"
	"time"
)

func TestNIKBirthDate(t *testing.T) {
	t.Parallel()
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

func TestPasswordHash(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
