package memberdata

import (
	"reflect"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestPayslipPart_OptionalAndRoundTrips(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, time.November, 16, 8, 0, 0, 0, time.UTC)
	data := Data{Identifier: "budi@contoh.id", Member: member.Member{FullName: "Budi Santoso"},
		Contributions: map[int]member.Contributions{}, FetchedAt: at}
	snap, err := Snapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := snap.Parts[cache.PartPayslip]; ok {
		t.Fatal("a payslip part without wages")
	}
	back, err := FromSnapshot(data.Identifier, snap)
	if err != nil || back.Payslip != nil {
		t.Fatalf("a snapshot without wages: %+v, %v", back.Payslip, err)
	}
	// Entered out of order, with a day of the month: kept sorted, by month.
	data.Payslip = []member.PayslipWage{
		{From: time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC), Wage: 9_000_000},
		{From: time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 8_000_000},
	}
	if snap, err = Snapshot(data); err != nil {
		t.Fatal(err)
	}
	if e := snap.Parts[cache.PartPayslip]; !e.FetchedAt.Equal(at) {
		t.Errorf("payslip part fetched at %s, want the data's %s", e.FetchedAt, at)
	}
	back, err = FromSnapshot(data.Identifier, snap)
	want := []member.PayslipWage{
		{From: time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), Wage: 8_000_000},
		{From: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC), Wage: 9_000_000},
	}
	if err != nil || !reflect.DeepEqual(back.Payslip, want) || !back.FetchedAt.Equal(at) {
		t.Fatalf("round trip: %+v, %v, fetched %s", back.Payslip, err, back.FetchedAt)
	}
	snap.Parts[cache.PartPayslip] = cache.Entry{Data: []byte(`{"not":"a list"}`), FetchedAt: at}
	if back, err := FromSnapshot(data.Identifier, snap); err != nil || back.Payslip != nil || back.Member.FullName != "Budi Santoso" {
		t.Errorf("a malformed payslip part: %+v, %v; want the rest read, the wages left out", back.Payslip, err)
	}
}

// The payslips month by month, employment and 1721-A1 travel in their own
// optional part: a snapshot without it (every cache written before) reads
// with none, and one with it reads back sorted by month.
func TestOwnPart_OptionalAndRoundTrips(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, time.November, 16, 8, 0, 0, 0, time.UTC)
	data := Data{Identifier: "rudi@contoh.id", Member: member.Member{FullName: "Rudi Hartono"},
		Contributions: map[int]member.Contributions{}, FetchedAt: at,
		Payslip: []member.PayslipWage{{From: member.Month(2026, time.January), Wage: 6_000_000}}}
	snap, err := Snapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := snap.Parts[partOwn]; ok {
		t.Fatal("an own part with nothing in it")
	}
	mar, feb := member.Month(2026, time.March), time.Date(2026, time.February, 25, 0, 0, 0, 0, time.UTC)
	data.Payslips = []member.Payslip{
		{Period: mar, Employer: "PT Contoh", KPJ: "23000000002", BasicWage: 5_000_000, DeductJHT: 100_000},
		{Period: feb, Employer: "PT Contoh", KPJ: "23000000002", BasicWage: 5_000_000, FixedAllowances: 500_000,
			DeductJHT: 110_000, DeductJP: 55_000, Source: member.Source{File: "slip-feb.csv", SHA256: "ab", Line: 2}},
	}
	data.Employment = []member.Employment{{KPJ: "23000000002", Employer: "PT Contoh", Start: member.Month(2020, time.May)}}
	data.A1 = []member.A1Deduction{{Year: 2025, Employer: "PT Contoh", Amount: 1_800_000}}
	if snap, err = Snapshot(data); err != nil {
		t.Fatal(err)
	}
	back, err := FromSnapshot(data.Identifier, snap)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Payslips) != 2 || !back.Payslips[0].Period.Equal(member.Month(2026, time.February)) ||
		back.Payslips[0].Wage() != 5_500_000 || back.Payslips[0].Source.File != "slip-feb.csv" || !back.Payslips[1].Period.Equal(mar) {
		t.Errorf("payslips back %+v", back.Payslips)
	}
	if !reflect.DeepEqual(back.Employment, data.Employment) || !reflect.DeepEqual(back.A1, data.A1) || len(back.Payslip) != 1 {
		t.Errorf("back: employment %+v, A1 %+v, wages %+v", back.Employment, back.A1, back.Payslip)
	}
	// Written before this part existed: the rest reads, with no payslips.
	delete(snap.Parts, partOwn)
	if back, err := FromSnapshot(data.Identifier, snap); err != nil || back.Payslips != nil || len(back.Payslip) != 1 {
		t.Errorf("an old snapshot: %+v, %v", back.Payslips, err)
	}
	snap.Parts[partOwn] = cache.Entry{Data: []byte(`[1,2`), FetchedAt: at}
	if back, err := FromSnapshot(data.Identifier, snap); err != nil || back.Payslips != nil || back.Member.FullName != "Rudi Hartono" {
		t.Errorf("a malformed own part: %+v, %v; want the rest read", back.Payslips, err)
	}
}
