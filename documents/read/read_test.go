package read

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The members and documents here are invented.

const (
	kpjA = "11000000001"
	kpjB = "11000000002"
	nik1 = "3174010101900001"
	nik2 = "3174010101900002"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// statementOf is a bundle as the statement reader gives it: one card, one
// year, wage w each month from January to last.
func statementOf(file, nik, kpj string, year int, last time.Month, wage int64) documents.Bundle {
	data := []byte(file + nik + kpj)
	src := documents.SourceOf(file, data)
	b := documents.Bundle{
		Documents: []documents.Document{{Kind: documents.KindStatement, File: src.File, SHA256: src.SHA256, Pages: 1,
			Rows: int(last), Year: year, KPJ: kpj, PrintedAt: date(year+1, time.January, 10), TotalsChecked: true}},
		Identity: documents.Identity{Name: "Rina Contoh", BirthDate: date(1990, time.January, 1), NIK: nik},
		Cards:    []member.KPJCard{{KPJ: kpj, EmployerName: "PT Contoh Makmur", NPP: "12345678", Opened: date(year, time.January, 1)}},
	}
	for mo := time.January; mo <= last; mo++ {
		s := src
		s.Page, s.Line = 1, 10+int(mo)
		b.Months = append(b.Months, member.MonthContribution{Period: member.Month(year, mo), KPJ: kpj, EmployerName: "PT Contoh Makmur",
			ReportedWage: member.Rupiah(wage), JHTEmployer: member.Rupiah(wage * 37 / 1000), JHTWorker: member.Rupiah(wage * 2 / 100),
			JPEmployer: member.Rupiah(wage * 2 / 100), JPWorker: member.Rupiah(wage / 100),
			PaidDate: date(year, mo, 28), PostedDate: date(year, mo, 28).AddDate(0, 0, 3), Source: &s})
	}
	b.Balances = []member.BalanceAccount{{KPJ: kpj, EmployerName: "PT Contoh Makmur", AsOf: date(year+1, time.January, 10),
		History: []member.YearBalance{{Year: year, Employer: member.Rupiah(wage * 37 / 1000 * int64(last)),
			Worker: member.Rupiah(wage * 2 / 100 * int64(last)), Development: 100_000, Closing: member.Rupiah(wage*57/1000*int64(last) + 100_000)}}}}
	return b
}

// jmo is figures typed from JMO: months without the split of the shares.
func jmo(file, kpj string, year int, months []time.Month, wage int64) documents.Bundle {
	src := documents.SourceOf(file, []byte(file))
	b := documents.Bundle{Documents: []documents.Document{{Kind: documents.KindJMO, File: src.File, SHA256: src.SHA256, Rows: len(months)}}}
	for i, mo := range months {
		s := src
		s.Line = i + 2
		b.Months = append(b.Months, member.MonthContribution{Period: member.Month(year, mo), KPJ: kpj,
			ReportedWage: member.Rupiah(wage), JHT: member.Rupiah(wage * 57 / 1000), PaidDate: date(year, mo, 20), Source: &s})
	}
	return b
}

func problem(t *testing.T, err error) *documents.Problem {
	t.Helper()
	var p *documents.Problem
	if !errors.As(err, &p) {
		t.Fatalf("want a *documents.Problem, got %v", err)
	}
	return p
}

func TestMerge_RefusesAnotherMembersDocumentNamingBothFiles(t *testing.T) {
	t.Parallel()
	other := statementOf("b-2024.pdf", nik2, kpjB, 2024, time.December, 5_000_000)
	sameNIKOtherName := statementOf("c-2024.pdf", nik1, kpjB, 2024, time.December, 5_000_000)
	sameNIKOtherName.Identity.Name = "Nama Lain"
	noNIKOtherBirth := statementOf("d-2024.pdf", "", kpjB, 2024, time.December, 5_000_000)
	noNIKOtherBirth.Identity.BirthDate = date(1991, time.May, 5)
	noNIKOtherName := statementOf("e-2024.pdf", "", kpjB, 2024, time.December, 5_000_000)
	noNIKOtherName.Identity.Name = "rina  CONTOH binti"
	for name, tc := range map[string]struct {
		second documents.Bundle
		refuse bool
		why    string
	}{
		"another NIK":                      {other, true, "NIK"},
		"same NIK, name written otherwise": {sameNIKOtherName, false, ""},
		"no NIK, another birth date":       {noNIKOtherBirth, true, "birth date"},
		"no NIK, another name":             {noNIKOtherName, true, "name"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Merge(statementOf("a-2024.pdf", nik1, kpjA, 2024, time.December, 4_000_000), tc.second)
			if !tc.refuse {
				if err != nil {
					t.Fatalf("want the documents merged, got %v", err)
				}
				return
			}
			p := problem(t, err)
			file := tc.second.Documents[0].File
			id, en := p.Text(member.ID), p.Text(member.EN)
			if p.Code != "other_member" || !strings.HasPrefix(id, file+": ") || !strings.Contains(id, "a-2024.pdf") ||
				!strings.Contains(id, "peserta lain") || !strings.Contains(en, "a-2024.pdf") || !strings.Contains(en, tc.why) {
				t.Errorf("code %s\nID: %s\nEN: %s", p.Code, id, en)
			}
		})
	}
}

func TestMerge_SameFileTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	a := statementOf("a-2024.pdf", nik1, kpjA, 2024, time.December, 4_000_000)
	once, err := Merge(a)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Merge(a, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(twice.Documents) != 1 || len(twice.Months) != 12 || len(twice.Balances) != 1 || len(twice.Cards) != 1 ||
		len(once.Months) != len(twice.Months) {
		t.Errorf("twice: %d documents, %d months, %d balances, %d cards", len(twice.Documents), len(twice.Months), len(twice.Balances), len(twice.Cards))
	}
}

func TestMerge_StatementWinsOverJMO(t *testing.T) {
	t.Parallel()
	st := statementOf("a-2024.pdf", nik1, kpjA, 2024, time.June, 4_000_000)
	// JMO typed with another wage for May and June, and July that the
	// statement (printed in June) does not have.
	j := jmo("jmo.csv", kpjA, 2024, []time.Month{time.May, time.June, time.July}, 4_100_000)
	for name, order := range map[string][]documents.Bundle{"statement first": {st, j}, "JMO first": {j, st}} {
		t.Run(name, func(t *testing.T) {
			b, err := Merge(order...)
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Months) != 7 || len(b.Documents) != 2 {
				t.Fatalf("%d months from %d documents, want 7 from 2", len(b.Months), len(b.Documents))
			}
			for _, m := range b.Months {
				want, file := member.Rupiah(4_000_000), "a-2024.pdf"
				if m.Period.Month() == time.July {
					want, file = 4_100_000, "jmo.csv"
				}
				if m.ReportedWage != want || m.Source.File != file {
					t.Errorf("%s: wage %d from %s, want %d from %s", m.Period.Format("2006-01"), m.ReportedWage, m.Source.File, want, file)
				}
			}
		})
	}
}

func TestMerge_ConflictingFiguresNamedWithBothFiles(t *testing.T) {
	t.Parallel()
	a := statementOf("a-2024.pdf", nik1, kpjA, 2024, time.December, 4_000_000)
	b := statementOf("a-2024-lagi.pdf", nik1, kpjA, 2024, time.December, 4_000_000)
	b.Months[5].JHTWorker = 70_000 // June, as another printout has it
	_, err := Merge(a, b)
	p := problem(t, err)
	id, en := p.Text(member.ID), p.Text(member.EN)
	if p.Code != "conflict" || !strings.HasPrefix(id, "a-2024-lagi.pdf, halaman 1, baris 16: kartu "+kpjA+", Juni 2024: JHT pekerja di sini Rp 70.000") ||
		!strings.Contains(id, "a-2024.pdf menulis Rp 80.000") || !strings.Contains(en, "June 2024: JHT worker here Rp 70.000, while a-2024.pdf says Rp 80.000") {
		t.Errorf("code %s\nID: %s\nEN: %s", p.Code, id, en)
	}
	// Two JMO copies that disagree are a conflict too.
	_, err = Merge(jmo("jmo1.csv", kpjA, 2024, []time.Month{time.May}, 4_000_000), jmo("jmo2.csv", kpjA, 2024, []time.Month{time.May}, 4_500_000))
	if p := problem(t, err); p.Code != "conflict" || !strings.Contains(p.Text(member.EN), "jmo1.csv") || p.File != "jmo2.csv" {
		t.Errorf("JMO: %v", p)
	}
}

func TestMerge_PayslipsAndA1(t *testing.T) {
	t.Parallel()
	slip := func(file string, basic int64) documents.Bundle {
		src := documents.SourceOf(file, []byte(file))
		return documents.Bundle{Documents: []documents.Document{{Kind: documents.KindPayslips, File: file, SHA256: src.SHA256}},
			Payslips: []member.Payslip{{Period: date(2024, time.March, 1), Employer: "PT Contoh Makmur", BasicWage: member.Rupiah(basic), Source: src}},
			A1:       []member.A1Deduction{{Year: 2024, Employer: "PT Contoh Makmur", Amount: 1_440_000, Source: src}}}
	}
	b, err := Merge(slip("slip1.csv", 4_000_000), slip("slip2.csv", 4_000_000))
	if err != nil || len(b.Payslips) != 1 || len(b.A1) != 1 || len(b.Documents) != 2 {
		t.Fatalf("the same payslip in two files: %v, %d payslips", err, len(b.Payslips))
	}
	_, err = Merge(slip("slip1.csv", 4_000_000), slip("slip2.csv", 4_200_000))
	if p := problem(t, err); p.Code != "conflict" || p.File != "slip2.csv" || !strings.Contains(p.Text(member.ID), "Maret 2024") || !strings.Contains(p.Text(member.ID), "slip1.csv") {
		t.Errorf("%v", p)
	}
}

func TestFile_RefusesWhatNoReaderTakes(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		data []byte
		code string
	}{
		"empty":  {[]byte(" \n"), "empty"},
		"huge":   {make([]byte, documents.MaxFileBytes+1), "too_large"},
		"binary": {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), "unknown_format"},
	} {
		_, err := File("/home/x/"+name+".bin", tc.data)
		p := problem(t, err)
		if p.Code != tc.code || p.File != name+".bin" || p.ID == "" || p.EN == "" || p.ID == p.EN {
			t.Errorf("%s: %+v", name, p)
		}
	}
}

// Text goes to the tabular reader, whatever its name: the templates'
// CSVs read as their kinds, other text gets the tabular reader's sentence.
func TestFile_TablesByTheirHeaders(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		data string
		kind documents.Kind
	}{
		"slip.txt": {"\uFEFFPeriode;Pemberi Kerja;KPJ;Gaji Pokok;Tunjangan Tetap;Pendapatan Lain;Potongan JHT 2%;Potongan JP 1%;BPJS Kesehatan;Potongan JKK;Potongan JKM;PPh 21\r\n" +
			"03-2024;PT Contoh Makmur;11000000001;4.000.000;500.000;0;90.000;45.000;45.000;0;0;0\r\n", documents.KindPayslips},
		"kerja.csv": {"KPJ,Pemberi Kerja,NPP,Mulai Bekerja,Tanggal Berhenti,Alasan Berhenti\n11000000001,PT Contoh Makmur,12345678,04/07/2022,30/06/2024,PHK\n", documents.KindEmployment},
	} {
		b, err := File(name, []byte(tc.data))
		if err != nil || len(b.Documents) != 1 || b.Documents[0].Kind != tc.kind || len(b.Refused) != 0 {
			t.Errorf("%s: %v, %+v, refused %+v", name, err, b.Documents, b.Refused)
		}
	}
	_, err := File("catatan.csv", []byte("Nama;Alamat\nRina;Jakarta\n"))
	if p := problem(t, err); p.File != "catatan.csv" || p.Code == "unknown_format" || p.Text(member.EN) == p.Text(member.ID) {
		t.Errorf("%+v", p)
	}
}
