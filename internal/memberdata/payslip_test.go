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
