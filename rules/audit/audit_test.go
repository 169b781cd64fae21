package audit

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

func m(y int, mo time.Month) time.Time { return member.Month(y, mo) }

func day(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) }

// row is one month as the server sends it; dues are given whole so that a
// test states every amount it relies on.
func row(kpj string, p time.Time, wage, jhtE, jhtW, jpE, jpW, jkk, jkm int64, paid time.Time) member.MonthContribution {
	r := member.MonthContribution{Period: p, KPJ: kpj, EmployerName: "PT " + kpj, ReportedWage: member.Rupiah(wage),
		JHTEmployer: member.Rupiah(jhtE), JHTWorker: member.Rupiah(jhtW), JPEmployer: member.Rupiah(jpE), JPWorker: member.Rupiah(jpW),
		JKK: member.Rupiah(jkk), JKM: member.Rupiah(jkm), PaidDate: paid}
	r.JHT, r.JP = r.JHTEmployer+r.JHTWorker, r.JPEmployer+r.JPWorker
	r.Total = r.JHT + r.JP + r.JKK + r.JKM
	return r
}

func byYear(rows ...member.MonthContribution) map[int]member.Contributions {
	out := map[int]member.Contributions{}
	for _, r := range rows {
		c := out[r.Period.Year()]
		c.Year = r.Period.Year()
		c.Months = append(c.Months, r)
		out[c.Year] = c
	}
	return out
}

func TestDeadline(t *testing.T) {
	t.Parallel()
	for month, want := range map[time.Time]time.Time{
		m(2023, time.December): day(2024, time.January, 15),   // a Monday
		m(2026, time.February): day(2026, time.March, 16),     // the 15th is a Sunday
		m(2023, time.March):    day(2023, time.April, 17),     // the 15th is a Saturday
		m(2020, time.August):   day(2020, time.September, 30), // PP 49/2020: the 30th
		m(2021, time.January):  day(2021, time.February, 26),  // 28 February 2021 is a Sunday: the Friday before
		m(2020, time.December): day(2021, time.January, 29),   // 30 January 2021 is a Saturday
		m(2020, time.July):     day(2020, time.August, 17),    // before PP 49/2020: the 15th, a Saturday
		m(2021, time.February): day(2021, time.March, 15),     // after it
	} {
		if got := Deadline(month); !got.Equal(want) {
			t.Errorf("Deadline(%s) = %s, want %s", month.Format("2006-01"), got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

func TestMonthsLate(t *testing.T) {
	t.Parallel()
	dl := day(2024, time.January, 15)
	for paid, want := range map[time.Time]int{
		day(2024, time.January, 10):  0,
		day(2024, time.January, 15):  0,
		day(2024, time.January, 16):  1,
		day(2024, time.February, 15): 1,
		day(2024, time.February, 16): 2,
		day(2024, time.May, 1):       4,
	} {
		if got := monthsLate(dl, paid); got != want {
			t.Errorf("monthsLate(15 Jan, %s) = %d, want %d", paid.Format(time.DateOnly), got, want)
		}
	}
}

// cardA: opened 15 January 2023, open; wage Rp5.000.000, risk class 1.
// Dues at 5.000.000 in 2023: JHT 185.000 + 100.000, JP 100.000 + 50.000
// (under the 9.559.600 cap), JKK 0,24% 12.000, JKM 0,3% 15.000: total
// 462.000. From September the wage drops to 4.500.000 (JHT 166.500 +
// 90.000, JP 90.000 + 45.000, JKK 10.800, JKM 13.500).
func cardA() []member.MonthContribution {
	var rows []member.MonthContribution
	for mo := time.January; mo <= time.October; mo++ {
		paid := day(2023, mo+1, 10)
		switch mo {
		case time.May:
			continue // never paid
		case time.March:
			paid = day(2023, time.May, 20) // deadline 17 April: 33 days, 2 months late
		case time.July:
			paid = day(2023, time.August, 16) // deadline 15 August: 1 day late
		}
		if mo >= time.September {
			rows = append(rows, row("A", m(2023, mo), 4_500_000, 166_500, 90_000, 90_000, 45_000, 10_800, 13_500, paid))
			continue
		}
		rows = append(rows, row("A", m(2023, mo), 5_000_000, 185_000, 100_000, 100_000, 50_000, 12_000, 15_000, paid))
	}
	return rows
}

// cardB: 2016–2018, closed; Rp3.000.000 every month, JHT but never JP.
func cardB() []member.MonthContribution {
	var rows []member.MonthContribution
	for p := m(2016, time.January); !p.After(m(2018, time.December)); p = p.AddDate(0, 1, 0) {
		rows = append(rows, row("B", p, 3_000_000, 111_000, 60_000, 0, 0, 7_200, 9_000, p.AddDate(0, 1, 9)))
	}
	return rows
}

func aMember() member.Member {
	return member.Member{FullName: "Rina Wulandari", BirthDate: day(1988, time.June, 2), Cards: []member.KPJCard{
		{KPJ: "A", EmployerName: "PT A", Status: "aktif", Opened: day(2023, time.January, 15)},
		{KPJ: "B", EmployerName: "PT B", Status: "nonaktif", Opened: day(2016, time.January, 4), Closed: day(2018, time.December, 31)},
	}}
}

func TestRun_HandComputedCard(t *testing.T) {
	t.Parallel()
	rows := append(cardA(), cardB()...)
	// As of 20 January 2024 December's deadline (15 January) has passed:
	// the card should carry January to December 2023.
	rep := Run(Input{Member: aMember(), Contributions: byYear(rows...), AsOf: day(2024, time.January, 20)})
	if len(rep.Cards) != 2 {
		t.Fatalf("%d cards", len(rep.Cards))
	}
	a := rep.Cards[0]
	if !a.First.Equal(m(2023, time.January)) || !a.Last.Equal(m(2023, time.December)) || a.MonthsDue != 12 || a.MonthsPaid != 9 || a.OnTime != 7 {
		t.Errorf("card A: first %s last %s due %d paid %d on time %d", a.First.Format("2006-01"), a.Last.Format("2006-01"), a.MonthsDue, a.MonthsPaid, a.OnTime)
	}
	got := map[Kind]Finding{}
	for _, f := range a.Findings {
		got[f.Kind] = f
	}
	// May: JHT 285.000 + JP 150.000 at April's wage; 150.000 of it the
	// worker's.
	if f := got[KindMissing]; !reflect.DeepEqual(f.Months, []time.Time{m(2023, time.May)}) || f.Amount != 435_000 || f.WorkerShare != 150_000 || f.Cite != CiteDuty {
		t.Errorf("missing: %+v", f)
	}
	// November and December at October's 4.500.000: 5,7% 256.500 + 3%
	// 135.000 = 391.500 a month; the worker's 3% 135.000.
	if f := got[KindLagging]; !reflect.DeepEqual(f.Months, []time.Time{m(2023, time.November), m(2023, time.December)}) || f.Amount != 783_000 || f.WorkerShare != 270_000 {
		t.Errorf("lagging: %+v", f)
	}
	// March: 462.000 × 2% × 2 = 18.480; July: 462.000 × 2% × 1 = 9.240.
	f := got[KindLate]
	if len(f.Late) != 2 || f.Amount != 27_720 || f.Source != SourceSecondary {
		t.Fatalf("late: %+v", f)
	}
	want := []LateMonth{
		{Month: m(2023, time.March), Deadline: day(2023, time.April, 17), Paid: day(2023, time.May, 20), DaysLate: 33, MonthsLate: 2, Dues: 462_000, Fine: 18_480},
		{Month: m(2023, time.July), Deadline: day(2023, time.August, 15), Paid: day(2023, time.August, 16), DaysLate: 1, MonthsLate: 1, Dues: 462_000, Fine: 9_240, MaybeHoliday: true},
	}
	if !reflect.DeepEqual(f.Late, want) {
		t.Errorf("late months:\n got %+v\nwant %+v", f.Late, want)
	}
	if f := got[KindWageDrop]; f.Wage != 4_500_000 || f.PrevWage != 5_000_000 || !f.Months[0].Equal(m(2023, time.September)) {
		t.Errorf("drop: %+v", f)
	}
	if _, ok := got[KindWageFlat]; ok {
		t.Error("card A flagged as flat: no run reaches 24 months")
	}
	if _, ok := got[KindNoJP]; ok {
		t.Error("card A has JP every month")
	}

	b := rep.Cards[1]
	got = map[Kind]Finding{}
	for _, f := range b.Findings {
		got[f.Kind] = f
	}
	if len(b.Findings) != 2 {
		t.Errorf("card B findings: %+v", b.Findings)
	}
	// 36 months × 3% of 3.000.000 = 36 × 90.000; the worker's 1% 30.000.
	if f := got[KindNoJP]; len(f.Months) != 36 || f.Amount != 3_240_000 || f.WorkerShare != 1_080_000 || f.Cite != CiteJP {
		t.Errorf("no JP: %d months %d %d", len(f.Months), f.Amount, f.WorkerShare)
	}
	if f := got[KindWageFlat]; f.Wage != 3_000_000 || !reflect.DeepEqual(f.Months, []time.Time{m(2016, time.January), m(2018, time.December)}) {
		t.Errorf("flat: %+v", f)
	}
	// The screen's order: missing, lagging, late, no JP, flat, drop.
	var kinds []Kind
	for _, f := range rep.Findings() {
		kinds = append(kinds, f.Kind)
	}
	if !reflect.DeepEqual(kinds, []Kind{KindMissing, KindLagging, KindLate, KindNoJP, KindWageFlat, KindWageDrop}) {
		t.Errorf("order %v", kinds)
	}
}

func TestRun_CleanCardHasNoFindings(t *testing.T) {
	t.Parallel()
	var rows []member.MonthContribution
	w := int64(4_000_000)
	for p := m(2022, time.January); !p.After(m(2024, time.December)); p = p.AddDate(0, 1, 0) {
		if p.Month() == time.January {
			w += 200_000 // a raise every January: no run of 24
		}
		c := rates.Compute(p, w, 2)
		rows = append(rows, row("C", p, w, c.JHTEmployer, c.JHTWorker, c.JPEmployer, c.JPWorker, c.JKK, c.JKM, Deadline(p)))
	}
	mem := member.Member{Cards: []member.KPJCard{{KPJ: "C", Opened: day(2022, time.January, 3)}}}
	// As of 15 January 2025 December's deadline is that very day: December
	// is not due yet (the card should carry up to November), though it is
	// already paid: 35 months due, paid and on time.
	rep := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: day(2025, time.January, 15)})
	if f := rep.Findings(); len(f) != 0 {
		t.Errorf("clean card: %+v", f)
	}
	if c := rep.Cards[0]; c.OnTime != 35 || !c.Last.Equal(m(2024, time.November)) || c.MonthsDue != 35 || c.MonthsPaid != 35 {
		t.Errorf("on time %d, last due %s", c.OnTime, c.Last.Format("2006-01"))
	}
}

func TestRun_NoJPAfterPensionAge(t *testing.T) {
	t.Parallel()
	// Born March 1962: 57 in 2019, the pension age of 2019 (57): JP ends.
	mem := member.Member{BirthDate: day(1962, time.March, 1), Cards: []member.KPJCard{{KPJ: "D", Opened: day(2018, time.December, 1), Closed: day(2019, time.January, 31)}}}
	rows := byYear(
		row("D", m(2018, time.December), 4_000_000, 148_000, 80_000, 0, 0, 9_600, 12_000, day(2019, time.January, 10)),
		row("D", m(2019, time.January), 4_000_000, 148_000, 80_000, 0, 0, 9_600, 12_000, day(2019, time.February, 10)),
	)
	rep := Run(Input{Member: mem, Contributions: rows, AsOf: day(2019, time.March, 1)})
	f := rep.Findings()
	// December 2018: 56 (2018 − 1962) ≥ 56 → not flagged; January 2019:
	// 57 ≥ 57 → not flagged.
	if len(f) != 0 {
		t.Errorf("JP flagged past the pension age: %+v", f)
	}
	if pensionAge(2018) != 56 || pensionAge(2019) != 57 || pensionAge(2022) != 58 || pensionAge(2025) != 59 || pensionAge(2043) != 65 || pensionAge(2060) != 65 {
		t.Error("pension age ladder")
	}
}

func TestRun_ReliefMonthsAreLabelledNotFlagged(t *testing.T) {
	t.Parallel()
	// Wage 4.000.000, class 1. Normal JKK 9.600 and JKM 12.000; PP 49/2020
	// leaves 1%: 96 and 120. Every month paid on the 25th of the next
	// (before the 30th).
	var rows []member.MonthContribution
	for p := m(2020, time.August); !p.After(m(2021, time.January)); p = p.AddDate(0, 1, 0) {
		paid := p.AddDate(0, 1, 24)
		rows = append(rows, row("E", p, 4_000_000, 148_000, 80_000, 80_000, 40_000, 96, 120, paid))
	}
	// PP 7/2025: class 3 (0,89% of 4.000.000 = 35.600) at half, 17.800,
	// February to August 2025; January at the full rate.
	rows = append(rows, row("F", m(2025, time.January), 4_000_000, 148_000, 80_000, 80_000, 40_000, 35_600, 12_000, day(2025, time.February, 10)))
	for p := m(2025, time.February); !p.After(m(2025, time.August)); p = p.AddDate(0, 1, 0) {
		rows = append(rows, row("F", p, 4_000_000, 148_000, 80_000, 80_000, 40_000, 17_800, 12_000, p.AddDate(0, 1, 9)))
	}
	mem := member.Member{Cards: []member.KPJCard{
		{KPJ: "E", Opened: day(2020, time.August, 1), Closed: day(2021, time.January, 31)},
		{KPJ: "F", Opened: day(2025, time.January, 1), Closed: day(2025, time.August, 31)},
	}}
	rep := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: day(2025, time.November, 1)})
	if f := rep.Findings(); len(f) != 0 {
		t.Errorf("relief months flagged: %+v", f)
	}
	rel := rep.Reliefs()
	if len(rel) != 3 {
		t.Fatalf("reliefs: %+v", rel)
	}
	if r := rel[0]; r.Kind != ReliefCOVID || len(r.Months) != 6 || !r.Applied || r.JPDeferred || r.Cite != CiteCOVID {
		t.Errorf("covid: %+v", r)
	}
	if r := rel[1]; r.Kind != ReliefPadatKarya || len(r.Months) != 6 || !r.Months[0].Equal(m(2025, time.February)) || r.Source != SourceText {
		t.Errorf("PP 7/2025: %+v", r)
	}
	// August 2025 is PP 36/2025's extension (Pasal 10A), read in the press.
	if r := rel[2]; r.Kind != ReliefPadatKarya || !reflect.DeepEqual(r.Months, []time.Time{m(2025, time.August)}) ||
		r.Source != SourceSecondary || !r.Extension || r.Cite != CitePadatKaryaExt {
		t.Errorf("PP 7/2025 extension: %+v", r)
	}
}

func TestDeadlineFor_SelfEmployedPayByThe15thOfTheSameMonth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		segment string
		month   time.Time
		want    time.Time
	}{
		{"BPU", m(2026, time.October), day(2026, time.October, 15)},   // a Thursday
		{"BPU", m(2026, time.November), day(2026, time.November, 16)}, // the 15th is a Sunday
		{"BPU", m(2026, time.August), day(2026, time.August, 17)},     // the 15th is a Saturday
		{"PU", m(2026, time.October), day(2026, time.November, 16)},   // the next month's 15th, a Sunday
		{"", m(2026, time.September), day(2026, time.October, 15)},
	} {
		if got := DeadlineFor(c.segment, c.month); !got.Equal(c.want) {
			t.Errorf("%s %s: %s, want %s", c.segment, c.month.Format("2006-01"), got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

func TestRun_SelfEmployedHasNoEmployerFindings(t *testing.T) {
	t.Parallel()
	// A BPU card opened March 2026, Rp2 juta declared, JHT 2% only (no
	// JP, no employer): March to July paid; March on 10 March (on time),
	// April on 20 April (after the 15th), May to July on the 5th;
	// August and September not paid; October paid 14 October.
	var rows []member.MonthContribution
	add := func(p, paid time.Time) {
		rows = append(rows, row("B", p, 2_000_000, 0, 40_000, 0, 0, 4_800, 6_000, paid))
	}
	add(m(2026, time.March), day(2026, time.March, 10))
	add(m(2026, time.April), day(2026, time.April, 20))
	for p := m(2026, time.May); !p.After(m(2026, time.July)); p = p.AddDate(0, 1, 0) {
		add(p, p.AddDate(0, 0, 4))
	}
	add(m(2026, time.October), day(2026, time.October, 14))
	mem := member.Member{Segment: "BPU", Cards: []member.KPJCard{{KPJ: "B", Opened: day(2026, time.March, 2)}}}
	// On 17 November 2026 November's deadline, Monday the 16th, has
	// passed: the months due are March to November (9).
	asOf := day(2026, time.November, 17)
	rep := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: asOf})
	c := rep.Cards[0]
	if len(rep.Findings()) != 0 || !c.SelfPaid {
		t.Fatalf("findings for a self-paid card: %+v", rep.Findings())
	}
	// 9 due, 6 paid, 5 on time (April late); August, September and
	// November unpaid, one in a row at the end: not lapsed (three are
	// needed).
	if c.MonthsDue != 9 || c.MonthsPaid != 6 || c.OnTime != 5 || c.Lapsed ||
		!reflect.DeepEqual(c.Unpaid, []time.Time{m(2026, time.August), m(2026, time.September), m(2026, time.November)}) {
		t.Errorf("%+v", c)
	}
	// Without October's payment August to November run to the newest
	// month due: lapsed.
	rep = Run(Input{Member: mem, Contributions: byYear(rows[:5]...), AsOf: asOf})
	if c := rep.Cards[0]; !c.Lapsed || len(c.Unpaid) != 4 {
		t.Errorf("lapsed %+v", c)
	}
	// The same months on a closed card (earlier employment) of a BPU
	// member: the employer is held to them.
	closed := member.Member{Segment: "BPU", Cards: []member.KPJCard{{KPJ: "B", Opened: day(2026, time.March, 2), Closed: day(2026, time.October, 31)}}}
	if rep := Run(Input{Member: closed, Contributions: byYear(rows...), AsOf: asOf}); len(rep.Findings()) == 0 || rep.Cards[0].SelfPaid {
		t.Error("a BPU member's closed employer card is not audited")
	}
	// A wage earner with the same months: the employer is held to them.
	mem.Segment = "PU"
	// Closed in the middle of November (a lay-off on the 13th) with
	// November unpaid: November is not held against the employer; on the
	// 30th (the month's last day) it is.
	for _, c := range []struct {
		closed  time.Time
		missing []time.Time
	}{
		{day(2026, time.November, 13), []time.Time{m(2026, time.August), m(2026, time.September)}},
		{day(2026, time.November, 30), []time.Time{m(2026, time.August), m(2026, time.September), m(2026, time.November)}},
	} {
		pu := member.Member{Segment: "PU", Cards: []member.KPJCard{{KPJ: "B", Opened: day(2026, time.March, 2), Closed: c.closed}}}
		rep := Run(Input{Member: pu, Contributions: byYear(rows...), AsOf: day(2026, time.December, 20)})
		var got []time.Time
		for _, f := range rep.Findings() {
			if f.Kind == KindMissing || f.Kind == KindLagging {
				got = append(got, f.Months...)
			}
		}
		if !reflect.DeepEqual(got, c.missing) {
			t.Errorf("closed %s: missing %v, want %v", c.closed.Format(time.DateOnly), got, c.missing)
		}
	}
	if rep := Run(Input{Member: mem, Contributions: byYear(rows...), AsOf: asOf}); len(rep.Findings()) == 0 {
		t.Error("a PU card with gaps has no findings")
	}
}

func TestRun_COVIDMonthPaidAfterThe30thIsLateAtHalfAPercent(t *testing.T) {
	t.Parallel()
	// September 2020 due 30 October, paid 5 November: one month late at
	// 0,5% of 228.000 + 120.000 + 96 + 120 = 348.216 → 1.741.
	rows := byYear(row("G", m(2020, time.September), 4_000_000, 148_000, 80_000, 80_000, 40_000, 96, 120, day(2020, time.November, 5)))
	mem := member.Member{Cards: []member.KPJCard{{KPJ: "G", Opened: day(2020, time.September, 1), Closed: day(2020, time.September, 30)}}}
	f := Run(Input{Member: mem, Contributions: rows, AsOf: day(2021, time.January, 1)}).Findings()
	if len(f) != 1 || f[0].Kind != KindLate || f[0].Late[0].Fine != 1_741 || f[0].Late[0].DaysLate != 6 || f[0].Late[0].MaybeHoliday {
		t.Errorf("%+v", f)
	}
}

func TestHalfJKK(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		wage, jkk int64
		want      bool
	}{
		{4_000_000, 17_800, true},  // class 3 halved
		{4_000_000, 4_800, true},   // class 1 halved
		{4_000_000, 35_600, false}, // class 3 whole
		{4_000_000, 9_600, false},  // class 1 whole
		{4_000_000, 0, false},
	} {
		if got := halfJKK(c.wage, c.jkk); got != c.want {
			t.Errorf("halfJKK(%d, %d) = %v", c.wage, c.jkk, got)
		}
	}
}

func TestComplaint_BothLanguagesCarryMonthsAndAmounts(t *testing.T) {
	t.Parallel()
	rows := append(cardA(), cardB()...)
	rep := Run(Input{Member: aMember(), Contributions: byYear(rows...), AsOf: day(2024, time.January, 20)})
	letter := Letter{Name: "Rina Wulandari", KPJ: "A", Employer: "PT A", Date: day(2024, time.January, 22)}
	id := Complaint(member.ID, letter, rep.Cards[0].Findings)
	for _, want := range []string{
		"Rina Wulandari, peserta BPJS Ketenagakerjaan dengan nomor KPJ A, pekerja di PT A",
		"1. Tidak ada iuran untuk Mei 2023",
		"Rp 435.000, termasuk potongan upah saya Rp 150.000",
		"2. Iuran terakhir yang tercatat adalah untuk Oktober 2023; iuran November–Desember 2023",
		"3. Iuran Maret 2023, Juli 2023 dibayar melewati batas",
		"Maret 2023: batas 17 April 2023, dibayar 20 Mei 2023 (33 hari terlambat), denda Rp 18.480",
		"Juli 2023: batas 15 Agustus 2023, dibayar 16 Agustus 2023 (1 hari terlambat), denda Rp 9.240 (mungkin tepat waktu",
		"diperkirakan Rp 27.720",
		"turun dari Rp 5.000.000 menjadi Rp 4.500.000 pada September 2023",
		"Dasar: " + CiteDuty,
		"UU 24/2011 Pasal 19",
		"22 Januari 2024",
	} {
		if !strings.Contains(id, want) {
			t.Errorf("Indonesian complaint lacks %q:\n%s", want, id)
		}
	}
	en := Complaint(member.EN, letter, rep.Cards[1].Findings)
	for _, want := range []string{
		"JHT was paid without Pension (JP) contributions for January 2016–December 2018 (36 months)",
		"the unpaid JP is about Rp 3.240.000, including Rp 1.080.000 deducted from my wage",
		"The reported wage stayed at Rp 3.000.000 for 36 months (January 2016–December 2018)",
		"Law 24/2011 Article 19",
		"Basis: PP 45/2015 Article 28; Perpres 109/2013 Article 6.",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("English complaint lacks %q:\n%s", want, en)
		}
	}
	// One month is "1 month"; the Indonesian citation reads as written.
	enA := Complaint(member.EN, letter, rep.Cards[0].Findings)
	for _, want := range []string{"although my membership was active (1 month;", "(2 months; estimated JHT and JP: Rp 783.000)",
		"Basis: Law 24/2011 Article 19(1)–(2) and Article 55.", "Basis: PP 44/2015, PP 45/2015, PP 46/2015 (deadline and fine)."} {
		if !strings.Contains(enA, want) {
			t.Errorf("English complaint lacks %q:\n%s", want, enA)
		}
	}
	if !strings.Contains(id, "(1 bulan;") || !strings.Contains(id, "Dasar: UU 24/2011 Pasal 19 ayat (1)–(2) dan Pasal 55.") {
		t.Errorf("Indonesian counts or citation:\n%s", id)
	}
	if strings.Contains(en, "Tidak ada") || strings.Contains(id, "Dear") {
		t.Error("languages mixed")
	}
}

func TestFormatMonths(t *testing.T) {
	t.Parallel()
	ms := []time.Time{m(2025, time.December), m(2026, time.January), m(2026, time.February), m(2026, time.May), m(2026, time.July), m(2026, time.August)}
	if got, want := FormatMonths(member.ID, ms), "Desember 2025–Februari 2026, Mei 2026, Juli–Agustus 2026"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := FormatMonths(member.EN, ms[3:4]), "May 2026"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
