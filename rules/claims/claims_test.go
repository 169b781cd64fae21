package claims

import (
	"reflect"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestChannels(t *testing.T) {
	t.Parallel()
	all, office := []Channel{JMO, LapakAsik, Branch}, []Channel{LapakAsik, Branch}
	for _, tc := range []struct {
		name   string
		amount int64
		on     time.Time
		want   []Channel
	}{
		{"Rp15 juta exactly, after May 2025: JMO", 15_000_000, day(2025, time.June, 1), all},
		{"one rupiah above the limit: no JMO", 15_000_001, day(2025, time.June, 1), office},
		{"Siti's Rp27,9 juta: Lapak Asik or a branch", 27_900_000, day(2026, time.October, 28), office},
		{"Rp12 juta in April 2025: the Rp10 juta limit then", 12_000_000, day(2025, time.April, 30), office},
		{"Rp12 juta on 1 May 2025: JMO", 12_000_000, day(2025, time.May, 1), all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Channels(tc.amount, tc.on); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Channels(%d) = %v, want %v", tc.amount, got, tc.want)
			}
		})
	}
}

func TestPayoutDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		amount int64
		want   Payout
	}{
		{8_000_000, Payout{1, 1, false}},
		{10_000_000, Payout{1, 1, false}},
		{12_000_000, Payout{1, 5, true}}, // JMO takes it since May 2025; the one-day promise says Rp10 juta
		{15_000_000, Payout{1, 5, true}},
		{27_900_000, Payout{5, 5, false}},
	} {
		if got := PayoutDays(tc.amount); got != tc.want {
			t.Errorf("PayoutDays(%d) = %+v, want %+v", tc.amount, got, tc.want)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		from time.Time
		n    int
		want time.Time
	}{
		// Mon 2 Nov 2026 + 5: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 → over at the start of Tue 10.
		{"Monday plus five", time.Date(2026, time.November, 2, 10, 30, 0, 0, time.UTC), 5, day(2026, time.November, 10)},
		// Fri 30 Oct + 1: Mon 2 Nov → over at the start of Tue 3.
		{"Friday plus one skips the weekend", day(2026, time.October, 30), 1, day(2026, time.November, 3)},
		// Sat 31 Oct + 1: Mon 2 Nov.
		{"Saturday plus one", day(2026, time.October, 31), 1, day(2026, time.November, 3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := AddWorkingDays(tc.from, tc.n); !got.Equal(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	// 2 Nov (Mon) to 16 Nov (Mon): 3–6, 9–13, 16 = 10 working days.
	if n := WorkingDaysBetween(day(2026, time.November, 2), day(2026, time.November, 16)); n != 10 {
		t.Errorf("WorkingDaysBetween = %d, want 10", n)
	}
}

func TestTax(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		amount, lump, brackets int64
	}{
		{27_900_000, 0, 1_395_000},                  // 5% of 27,9 juta under Pasal 17
		{50_000_000, 0, 2_500_000},                  // the final rate is 0% up to 50 juta
		{60_000_000, 500_000, 3_000_000},            // 5% of the 10 juta above 50 juta
		{100_000_000, 2_500_000, 9_000_000},         // brackets: 3 juta + 15% × 40 juta
		{300_000_000, 12_500_000, 44_000_000},       // 3 + 28,5 + 12,5 juta
		{6_000_000_000, 297_500_000, 1_794_000_000}, // 3 + 28,5 + 62,5 + 1.350 + 350 juta
	} {
		if got := LumpSumTax(tc.amount); got != tc.lump {
			t.Errorf("LumpSumTax(%d) = %d, want %d", tc.amount, got, tc.lump)
		}
		if got := BracketTax(tc.amount); got != tc.brackets {
			t.Errorf("BracketTax(%d) = %d, want %d", tc.amount, got, tc.brackets)
		}
	}
	if got := TwoYearWindowEnd(day(2026, time.November, 16)); !got.Equal(day(2027, time.December, 31)) {
		t.Errorf("window ends %v", got)
	}
}

// siti is a member who left her only job in May 2025 (Siti Rahayu's data).
func siti(claims ...member.Claim) Input {
	return Input{
		Member: member.Member{BirthDate: day(1990, time.March, 12), Status: "nonaktif", MemberSince: day(2019, time.February, 1),
			Cards: []member.KPJCard{{KPJ: "19023456789", EmployerName: "PT Priangan Tekstil Mandiri", Status: "nonaktif",
				Opened: day(2019, time.February, 1), Closed: day(2025, time.May, 31)}}},
		Balance: member.Balance{Total: 27_900_000, Accounts: []member.BalanceAccount{{KPJ: "19023456789", Total: 27_900_000}}},
		Claims:  claims,
		Today:   day(2026, time.November, 16),
	}
}

// budi has an old card closed in 2018 and an active one since.
func budi() Input {
	return Input{
		Member: member.Member{BirthDate: day(1985, time.August, 17), Status: "aktif", MemberSince: day(2011, time.November, 1),
			Cards: []member.KPJCard{
				{KPJ: "18012345678", EmployerName: "PT Nusantara Data Teknologi", Status: "aktif", Opened: day(2018, time.April, 1)},
				{KPJ: "09011223344", EmployerName: "PT Sinar Baja Cikarang", Status: "nonaktif", Opened: day(2011, time.November, 1), Closed: day(2018, time.March, 31)},
			}},
		Balance: member.Balance{Total: 200_000_000, Accounts: []member.BalanceAccount{
			{KPJ: "18012345678", Total: 160_000_000, History: []member.YearBalance{{Year: 2018, Employer: 3, Worker: 2, Development: 1, Closing: 6}, {Year: 2019, Employer: 4, Worker: 2, Development: 1, Closing: 13}}},
			{KPJ: "09011223344", Total: 40_000_000, History: []member.YearBalance{{Year: 2017, Employer: 5, Worker: 3, Closing: 10}, {Year: 2018, Employer: 1, Worker: 1, Development: 1, Closing: 13}}},
		}},
		Today: day(2026, time.November, 16),
	}
}

func check(t *testing.T, c Card, r Reason) Check {
	t.Helper()
	for _, ch := range c.Checks {
		if ch.Reason == r {
			return ch
		}
	}
	t.Fatalf("no check for reason %d", r)
	return Check{}
}

func TestAssess_Reasons(t *testing.T) {
	t.Parallel()
	t.Run("Siti, card closed 17 months ago, no claim: resignation ready, by Lapak Asik or a branch", func(t *testing.T) {
		a := Assess(siti())
		c := a.Cards[0]
		if ch := check(t, c, Resignation); ch.State != Ready {
			t.Errorf("resignation %+v", ch)
		}
		if !reflect.DeepEqual(c.Channels, []Channel{LapakAsik, Branch}) || c.Payout.MaxDays != 5 || c.Tax != 0 {
			t.Errorf("channels %v payout %+v tax %d", c.Channels, c.Payout, c.Tax)
		}
		if ch := check(t, c, RetirementAge); ch.State != Blocked || !ch.From.Equal(day(2046, time.March, 12)) {
			t.Errorf("age check %+v", ch)
		}
		if ch := check(t, c, Death); ch.State != Depends {
			t.Errorf("death %+v", ch)
		}
		if a.Age != 36 {
			t.Errorf("age %d, want 36 (born 12 March 1990)", a.Age)
		}
	})
	t.Run("card closed on 1 November: waiting until 1 December", func(t *testing.T) {
		in := siti()
		in.Member.Cards[0].Closed = day(2026, time.November, 1)
		ch := check(t, Assess(in).Cards[0], Layoff)
		if ch.State != Waiting || !ch.From.Equal(day(2026, time.December, 1)) {
			t.Errorf("%+v", ch)
		}
	})
	t.Run("the one-month wait keeps to the month's last day", func(t *testing.T) {
		// 31 October + 1 month = 30 November (AddDate: 1 December); 31
		// January 2027 + 1 month = 28 February (AddDate: 3 March).
		for _, c := range []struct{ closed, today, from time.Time }{
			{day(2026, time.October, 31), day(2026, time.November, 16), day(2026, time.November, 30)},
			{day(2027, time.January, 31), day(2027, time.February, 10), day(2027, time.February, 28)},
		} {
			in := siti()
			in.Member.Cards[0].Closed, in.Today = c.closed, c.today
			if ch := check(t, Assess(in).Cards[0], Resignation); ch.State != Waiting || !ch.From.Equal(c.from) {
				t.Errorf("closed %v: %+v", c.closed, ch)
			}
		}
		// On 28 February itself the wait is over.
		in := siti()
		in.Member.Cards[0].Closed, in.Today = day(2027, time.January, 31), day(2027, time.February, 28)
		if ch := check(t, Assess(in).Cards[0], Resignation); ch.State != Ready {
			t.Errorf("28 February %+v", ch)
		}
	})
	t.Run("a claim in process on the card", func(t *testing.T) {
		a := Assess(siti(member.Claim{ID: "K", KPJ: "19023456789", Program: "JHT", Type: "Klaim JHT karena mengundurkan diri", Status: "diproses"}))
		if ch := check(t, a.Cards[0], Resignation); ch.State != InProcess || ch.Claim == nil || ch.Claim.ID != "K" {
			t.Errorf("%+v", ch)
		}
	})
	t.Run("a refused claim does not count", func(t *testing.T) {
		a := Assess(siti(member.Claim{ID: "K", KPJ: "19023456789", Program: "JHT", Status: "ditolak"}))
		if ch := check(t, a.Cards[0], Resignation); ch.State != Ready {
			t.Errorf("%+v", ch)
		}
	})
	t.Run("Budi: the active card is blocked, the old one because he works again", func(t *testing.T) {
		a := Assess(budi())
		active, old := a.Cards[0], a.Cards[1]
		if ch := check(t, active, Resignation); ch.State != Blocked || ch.Blockers[0] != CardActive {
			t.Errorf("active card %+v", ch)
		}
		if ch := check(t, old, Resignation); ch.State != Blocked || ch.Blockers[0] != WorkingAgain {
			t.Errorf("old card %+v", ch)
		}
		if ch := check(t, old, RetirementAge); ch.State != Blocked || !ch.From.Equal(day(2041, time.August, 17)) {
			t.Errorf("age %+v", ch)
		}
		// 160 juta at once: 5% of 110 juta = 5,5 juta.
		if active.Tax != 5_500_000 || active.TaxRule != TaxLumpSum {
			t.Errorf("tax %d rule %d", active.Tax, active.TaxRule)
		}
	})
	t.Run("aged 56: ready on any card", func(t *testing.T) {
		in := budi()
		in.Today = day(2041, time.August, 17)
		if ch := check(t, Assess(in).Cards[0], RetirementAge); ch.State != Ready {
			t.Errorf("%+v", ch)
		}
	})
}

func TestDocuments(t *testing.T) {
	t.Parallel()
	if got := Documents(Resignation, 27_900_000); !reflect.DeepEqual(got, []Document{DocCard, DocKTP, DocKK, DocResignLetter, DocBankBook}) {
		t.Errorf("resignation %v", got)
	}
	if got := Documents(Layoff, 60_000_000); got[len(got)-1] != DocNPWP || got[3] != DocPHKProof {
		t.Errorf("lay-off above 50 juta %v", got)
	}
	if got := Documents(Death, 60_000_000); got[1] != DocDeathCertificate || len(got) != 5 {
		t.Errorf("death %v", got)
	}
}

func TestPartial(t *testing.T) {
	t.Parallel()
	t.Run("Budi: 15 years, active, never used", func(t *testing.T) {
		p := Assess(budi()).Partial
		if p.State != Ready || p.Years != 15 || !p.From.Equal(day(2021, time.November, 1)) {
			t.Fatalf("%+v", p)
		}
		// 10% and 30% of 200 juta; 30% = 60 juta: 5% of the 10 juta above 50 juta.
		if p.Amount10 != 20_000_000 || p.Amount30 != 60_000_000 || p.Tax10 != 0 || p.Tax30 != 500_000 {
			t.Errorf("amounts %d %d tax %d %d", p.Amount10, p.Amount30, p.Tax10, p.Tax30)
		}
		// The 180 juta left after 10%: within the window, taxed with it at
		// the final rates (7,5 juta on 200 juta minus 0 on 20 juta); later,
		// at Pasal 17 rates: 3 juta + 15% × 120 juta = 21 juta.
		if p.RestTax10 != 7_500_000 || p.RestLate10 != 21_000_000 || !p.WindowEnd.Equal(day(2027, time.December, 31)) {
			t.Errorf("rest %d late %d window %v", p.RestTax10, p.RestLate10, p.WindowEnd)
		}
		if p.Documents30[3] != DocHousing || p.Documents30[len(p.Documents30)-1] != DocNPWP {
			t.Errorf("30%% documents %v", p.Documents30)
		}
	})
	t.Run("Siti: 7 years and not active", func(t *testing.T) {
		p := Assess(siti()).Partial
		if p.State != Blocked || !reflect.DeepEqual(p.Blockers, []Blocker{TooShort, NotActive}) || !p.From.Equal(day(2029, time.February, 1)) {
			t.Errorf("%+v", p)
		}
	})
	t.Run("used once: the rest is taxed with it inside the window, at Pasal 17 rates after", func(t *testing.T) {
		in := budi()
		used := member.Claim{ID: "P", KPJ: "18012345678", Program: "JHT", Type: "Klaim JHT sebagian 10%", Status: "selesai",
			Amount: 20_000_000, Timeline: []member.ClaimEvent{{Status: "selesai", At: day(2025, time.March, 1)}}}
		in.Claims = []member.Claim{used}
		in.Balance.Accounts[0].Total = 45_000_000
		a := Assess(in)
		if a.Partial.State != Paid || a.Partial.Blockers[0] != AlreadyUsed {
			t.Errorf("partial %+v", a.Partial)
		}
		// 65 juta together: 750.000; minus the 0 on the first 20 juta.
		if c := a.Cards[0]; c.Tax != 750_000 || c.TaxRule != TaxCombined {
			t.Errorf("inside the window: tax %d rule %d", c.Tax, c.TaxRule)
		}
		// Resignation on that card is not blocked by the partial claim.
		if ch := check(t, a.Cards[0], Resignation); ch.Claim != nil {
			t.Errorf("partial claim counted as the card's claim")
		}
		in.Today = day(2026, time.January, 1)
		if c := Assess(in).Cards[0]; c.Tax != 750_000 {
			t.Errorf("1 Jan 2026 is inside the window (ends 31 Dec 2026): %d", c.Tax)
		}
		in.Today = day(2027, time.January, 2)
		// 45 juta at 5%: 2.250.000.
		if c := Assess(in).Cards[0]; c.Tax != 2_250_000 || c.TaxRule != TaxBrackets {
			t.Errorf("after the window: tax %d rule %d", c.Tax, c.TaxRule)
		}
	})
}

func TestLate(t *testing.T) {
	t.Parallel()
	processing := []member.ClaimEvent{
		{Status: "diajukan", At: time.Date(2026, time.October, 28, 2, 14, 0, 0, time.UTC)},
		{Status: "diproses", At: time.Date(2026, time.November, 2, 3, 30, 0, 0, time.UTC)},
	}
	for _, tc := range []struct {
		name  string
		claim member.Claim
		today time.Time
		late  bool
		due   time.Time
	}{
		{"Rp27,9 juta taken up on Mon 2 Nov: due by Mon 9 Nov, late on the 16th",
			member.Claim{Program: "JHT", Status: "diproses", Amount: 27_900_000, Submitted: day(2026, time.October, 28), Timeline: processing},
			day(2026, time.November, 16), true, day(2026, time.November, 10)},
		{"the same on Mon 9 Nov: still within",
			member.Claim{Program: "JHT", Status: "diproses", Amount: 27_900_000, Submitted: day(2026, time.October, 28), Timeline: processing},
			time.Date(2026, time.November, 9, 16, 0, 0, 0, time.UTC), false, day(2026, time.November, 10)},
		{"Rp8 juta filed Fri 13 Nov, no event yet: due Mon 16",
			member.Claim{Program: "JHT", Status: "diajukan", Amount: 8_000_000, Submitted: day(2026, time.November, 13)},
			day(2026, time.November, 16), false, day(2026, time.November, 17)},
		{"paid claims are never late",
			member.Claim{Program: "JHT", Status: "selesai", Amount: 8_000_000, Submitted: day(2026, time.January, 5)},
			day(2026, time.November, 16), false, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, late := IsLate(tc.claim, tc.today)
			if late != tc.late {
				t.Fatalf("late %v, want %v", late, tc.late)
			}
			if _, due, _, _ := ClaimDue(tc.claim); !due.Equal(tc.due) {
				t.Errorf("due %v, want %v", due, tc.due)
			}
			if late && l.Working != 10 {
				t.Errorf("working days %d, want 10", l.Working)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	t.Parallel()
	m := Assess(budi()).Merge
	if !m.Needed || m.Keep != "09011223344" || m.Active != "18012345678" || m.Total != 200_000_000 {
		t.Fatalf("%+v", m)
	}
	if m.Cards[0].KPJ != "09011223344" || m.Cards[0].Closed.IsZero() || !m.Cards[1].IsActive {
		t.Errorf("cards %+v", m.Cards)
	}
	// 2017: old card only (10); 2018: 13 + 6; 2019: the old card's 13
	// carried on plus 13.
	want := []MergedYear{{2017, 8, 0, 10}, {2018, 7, 2, 19}, {2019, 6, 1, 26}}
	if !reflect.DeepEqual(m.History, want) {
		t.Errorf("history %+v, want %+v", m.History, want)
	}
	// Each card at once: 160 juta → 5% × 110 juta = 5,5 juta; 40 juta → 0.
	// Together: 5% × (200 − 50) juta = 7,5 juta.
	if m.SeparateTax != 5_500_000 || m.CombinedTax != 7_500_000 {
		t.Errorf("tax separate %d combined %d", m.SeparateTax, m.CombinedTax)
	}
	if one := Assess(siti()).Merge; one.Needed {
		t.Error("one card needs no merge")
	}
}
