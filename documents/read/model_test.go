package read

import (
	"slices"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

func TestModel_WhatTheRulesRead(t *testing.T) {
	t.Parallel()
	s23 := statementOf("a-2023.pdf", nik1, kpjA, 2023, time.December, 4_000_000)
	s24 := statementOf("a-2024.pdf", nik1, kpjA, 2024, time.June, 4_500_000)
	s24.Cards[0].Opened = time.Time{} // a later printout may not repeat it
	// A second card, from JMO figures, and the member's employment facts:
	// the first job ended by PHK on 30 June 2024.
	j := jmo("jmo.csv", kpjB, 2024, []time.Month{time.August, time.September}, 5_000_000)
	j.Cards = []member.KPJCard{{KPJ: kpjB, EmployerName: "PT Baru Jaya"}}
	j.Balances = []member.BalanceAccount{{KPJ: kpjB, Total: 570_000, AsOf: date(2024, time.October, 31)}}
	emp := documents.Bundle{Documents: []documents.Document{{Kind: documents.KindEmployment, File: "kerja.csv", SHA256: "e"}},
		Employment: []member.Employment{
			{KPJ: kpjA, Employer: "PT Contoh Makmur", Start: date(2022, time.July, 4), End: date(2024, time.June, 30), Reason: member.EndPHK},
			{KPJ: kpjB, Employer: "PT Baru Jaya", Start: date(2024, time.August, 1)},
		},
		Payslips: []member.Payslip{
			{Period: date(2024, time.August, 1), Employer: "PT Baru Jaya", BasicWage: 5_000_000, FixedAllowances: 1_000_000, OtherIncome: 700_000},
			{Period: date(2024, time.September, 1), Employer: "PT Baru Jaya", BasicWage: 5_000_000, FixedAllowances: 1_000_000},
		}}
	b, err := Merge(s23, s24, j, emp)
	if err != nil {
		t.Fatal(err)
	}
	today := date(2026, time.December, 7)
	md := ModelOf(b, today)

	m := md.Member
	if m.FullName != "Rina Contoh" || !m.BirthDate.Equal(date(1990, time.January, 1)) || m.Segment != "PU" ||
		m.NIKMasked != "3174********0001" || m.Status != "aktif" {
		t.Errorf("member %+v", m)
	}
	if len(m.Cards) != 2 {
		t.Fatalf("cards %+v", m.Cards)
	}
	a, bc := m.Cards[0], m.Cards[1]
	if a.KPJ != kpjA || a.Status != "nonaktif" || !a.Opened.Equal(date(2022, time.July, 4)) || !a.Closed.Equal(date(2024, time.June, 30)) || a.NPP != "12345678" {
		t.Errorf("first card %+v", a)
	}
	if bc.KPJ != kpjB || bc.Status != "aktif" || !bc.Closed.IsZero() || !bc.Opened.Equal(date(2024, time.August, 1)) || bc.EmployerName != "PT Baru Jaya" {
		t.Errorf("second card %+v", bc)
	}
	if m.Employer == nil || m.Employer.Name != "PT Baru Jaya" || !m.MemberSince.Equal(date(2022, time.July, 4)) ||
		!m.LastContribution.Equal(member.Month(2024, time.September)) {
		t.Errorf("employer %+v, since %v, last %v", m.Employer, m.MemberSince, m.LastContribution)
	}
	var codes []string
	for _, p := range m.Programs {
		codes = append(codes, p.Code)
	}
	if !slices.Equal(codes, []string{"JHT", "JKK", "JKM", "JP"}) || !slices.Equal(md.AssumedPrograms, []string{"JKK", "JKM"}) {
		t.Errorf("programs %v, assumed %v", codes, md.AssumedPrograms)
	}
	if len(md.Cards) != 2 || md.Cards[0].FullName != "Rina Contoh" || md.Cards[1].Status != "aktif" {
		t.Errorf("digital cards %+v", md.Cards)
	}

	// Contributions by year with the server's totals: 2023 is 12 months
	// of 4 000 000 (JHT 5.7%, JP 3%).
	y23, y24 := md.Contributions[2023], md.Contributions[2024]
	if len(md.Contributions) != 2 || len(y23.Months) != 12 || !slices.Equal(y23.AvailableYears, []int{2023, 2024}) ||
		y23.Totals.ReportedWage != 48_000_000 || y23.Totals.JHT != 2_736_000 || y23.Totals.JP != 1_440_000 || y23.Totals.Total != 4_176_000 {
		t.Errorf("2023: %d months, years %v, totals %+v", len(y23.Months), y23.AvailableYears, y23.Totals)
	}
	if len(y24.Months) != 8 || y24.Months[0].JHT != 256_500 || y24.Months[7].KPJ != kpjB || y24.Months[7].Total != 285_000 {
		t.Errorf("2024: %+v", y24.Months)
	}

	// The balance: both cards, as of the newest document (10 January
	// 2025, the 2024 printout), the first card's years from both.
	bal := md.Balance
	if len(bal.Accounts) != 2 || !bal.AsOf.Equal(date(2025, time.January, 10)) || !md.AsOf.Equal(bal.AsOf) {
		t.Fatalf("balance %+v", bal)
	}
	first := bal.Accounts[0]
	if first.KPJ != kpjA || len(first.History) != 2 || first.Total != first.History[1].Closing || first.Total != 4_500_000*57/1000*6+100_000 ||
		bal.Total != first.Total+570_000 || first.Worker != 80_000*12+90_000*6 {
		t.Errorf("first account %+v, total %d", first, bal.Total)
	}

	// The payslips' wage for "Upah saya": basic + fixed allowances.
	if len(md.PayslipWages) != 2 || md.PayslipWages[0].Wage != 6_000_000 || len(md.Payslips) != 2 || len(md.Employment) != 2 {
		t.Errorf("payslip wages %+v", md.PayslipWages)
	}
}

// Without a dated document, the figures are true today; a card a statement
// marks non-active without an end closes with its last month paid.
func TestModel_UndatedAndNonActive(t *testing.T) {
	t.Parallel()
	j := jmo("jmo.csv", kpjA, 2025, []time.Month{time.January, time.February, time.March}, 3_000_000)
	j.Cards = []member.KPJCard{{KPJ: kpjA, EmployerName: "PT Lama", Status: "nonaktif"}}
	today := date(2026, time.December, 7)
	md := ModelOf(j, today)
	c := md.Member.Cards[0]
	if !md.AsOf.Equal(today) || c.Status != "nonaktif" || !c.Closed.Equal(date(2025, time.March, 31)) ||
		!c.Opened.Equal(date(2025, time.January, 1)) || md.Member.Status != "nonaktif" || !md.Member.StatusSince.Equal(c.Closed) {
		t.Errorf("as of %v, card %+v, member %s since %v", md.AsOf, c, md.Member.Status, md.Member.StatusSince)
	}
	// An employment that ends after today leaves the card active.
	j.Cards[0].Status = ""
	j.Employment = []member.Employment{{KPJ: kpjA, Start: date(2025, time.January, 1), End: date(2027, time.January, 31)}}
	if c := ModelOf(j, today).Member.Cards[0]; c.Status != "aktif" || !c.Closed.IsZero() {
		t.Errorf("an end after today: %+v", c)
	}
}
