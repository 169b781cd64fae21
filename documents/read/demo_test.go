package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The demo member's statement printouts (sandbox/demodocs, generated from
// the sandbox's invented member Rudi Hartono), read as a member would
// give them.
func demoStatements(t *testing.T) []documents.Bundle {
	t.Helper()
	names, err := filepath.Glob("../../sandbox/demodocs/files/*.pdf")
	if err != nil || len(names) < 5 {
		t.Fatalf("the demo statements: %v %v", names, err)
	}
	var out []documents.Bundle
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := File(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(b.Documents) != 1 || b.Documents[0].Kind != documents.KindStatement || !b.Documents[0].TotalsChecked {
			t.Fatalf("%s read as %+v", name, b.Documents)
		}
		out = append(out, b)
	}
	return out
}

func TestFile_DemoStatementsMergeIntoOneCard(t *testing.T) {
	t.Parallel()
	years := demoStatements(t)
	all, err := Merge(append(years, years[len(years)-1])...) // the newest given twice
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Documents) != len(years) || len(all.Cards) != 1 || all.Cards[0].KPJ != "22056789012" || len(all.Balances) != 1 {
		t.Fatalf("%d documents, cards %+v, %d balances", len(all.Documents), all.Cards, len(all.Balances))
	}
	// Every month once, of the one card, from 2022.
	seen := map[time.Time]bool{}
	for _, m := range all.Months {
		if seen[m.Period] || m.KPJ != "22056789012" || m.Period.Year() < 2022 {
			t.Fatalf("month %v of %s (again: %v)", m.Period, m.KPJ, seen[m.Period])
		}
		seen[m.Period] = true
	}
	md := ModelOf(all, time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC))
	if md.Member.FullName != "Rudi Hartono" || len(md.Contributions) != len(years) || len(md.Balance.Accounts[0].History) != len(years) ||
		md.Balance.AsOf.Year() != 2026 || md.Member.Cards[0].Status != "aktif" {
		t.Errorf("model: %q, %d years, history %d, as of %v, card %+v", md.Member.FullName, len(md.Contributions),
			len(md.Balance.Accounts[0].History), md.Balance.AsOf, md.Member.Cards[0])
	}
	// The June 2026 the employer never paid is not there.
	if seen[member.Month(2026, time.June)] || !seen[member.Month(2026, time.May)] {
		t.Errorf("June 2026 read: %v, May: %v", seen[member.Month(2026, time.June)], seen[member.Month(2026, time.May)])
	}
}

// Another printout of the same card and year with other figures (as a
// corrected reprint would be) is refused, naming both files.
func TestFile_DemoStatementReprintWithOtherFigures(t *testing.T) {
	t.Parallel()
	years := demoStatements(t)
	first := years[0]
	reprint := first
	reprint.Documents = []documents.Document{first.Documents[0]}
	reprint.Documents[0].File, reprint.Documents[0].SHA256 = "cetak-ulang.pdf", strings.Repeat("0", 64)
	reprint.Months = append([]member.MonthContribution(nil), first.Months...)
	src := *reprint.Months[3].Source
	src.File, src.SHA256 = "cetak-ulang.pdf", strings.Repeat("0", 64)
	reprint.Months[3].Source = &src
	reprint.Months[3].ReportedWage += 100_000
	_, err := Merge(first, reprint)
	p := problem(t, err)
	if p.Code != "conflict" || p.File != "cetak-ulang.pdf" || !strings.Contains(p.Text(member.ID), first.Documents[0].File) ||
		!strings.Contains(p.Text(member.EN), "wage here") {
		t.Errorf("%s / %s", p.Text(member.ID), p.Text(member.EN))
	}
}

// Statements of 2022 and 2026 only: the years between are not the
// employer's arrears but documents not given. The audit checks the two
// years; payslips of 2024 have nothing to be compared with.
func TestAudit_OnlyTheMonthsTheDocumentsCover(t *testing.T) {
	t.Parallel()
	years := demoStatements(t)
	slips := documents.Bundle{Documents: []documents.Document{{Kind: documents.KindPayslips, File: "slip.csv", SHA256: "s"}},
		Payslips: []member.Payslip{
			{Period: member.Month(2024, time.March), Employer: "PT Sumber Rejeki Plastindo", BasicWage: 6_000_000, DeductJHT: 120_000, DeductJP: 60_000},
			{Period: member.Month(2026, time.June), Employer: "PT Sumber Rejeki Plastindo", BasicWage: 6_000_000, DeductJHT: 120_000, DeductJP: 60_000},
		}}
	b, err := Merge(years[0], years[len(years)-1], slips)
	if err != nil {
		t.Fatal(err)
	}
	md := ModelOf(b, time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC))
	spans := md.Coverage["22056789012"]
	if len(spans) != 2 || !spans[0].From.Equal(member.Month(2022, time.January)) || !spans[0].To.Equal(member.Month(2022, time.December)) ||
		!spans[1].From.Equal(member.Month(2026, time.January)) {
		t.Fatalf("coverage %+v", spans)
	}
	rep := Audit(md)
	var missing []time.Time
	for _, f := range rep.Findings() {
		if f.Kind == "missing" {
			missing = append(missing, f.Months...)
		}
	}
	// 2022: 12 due; 2026 by 16 November: January to September due.
	if c := rep.Cards[0]; len(missing) != 1 || !missing[0].Equal(member.Month(2026, time.June)) || c.MonthsDue != 21 || c.MonthsPaid != 19 {
		t.Errorf("missing %v; %d due, %d paid", missing, rep.Cards[0].MonthsDue, rep.Cards[0].MonthsPaid)
	}
	// Only June 2026's payslip is checked: deducted, and the month never
	// paid in.
	pay := PayslipCheck(md)
	var notPaid []time.Time
	for _, f := range pay.Findings {
		if f.Kind == "not_deposited" {
			for _, m := range f.Months {
				notPaid = append(notPaid, m.Month)
			}
		}
	}
	if len(notPaid) != 1 || !notPaid[0].Equal(member.Month(2026, time.June)) {
		t.Errorf("not deposited %v", notPaid)
	}
}
