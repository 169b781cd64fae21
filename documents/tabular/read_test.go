package tabular

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The payslip every format below writes: January 2025 at PT Contoh Jaya.
var wantSlip = member.Payslip{
	Period: member.Month(2025, time.January), Employer: "PT Contoh Jaya", KPJ: "25011112222",
	BasicWage: 4_000_000, FixedAllowances: 500_000, OtherIncome: 250_000,
	DeductJHT: 90_000, DeductJP: 45_000, DeductHealth: 45_000, DeductJKK: 10_800, DeductTax: 25_000,
}

func utf16LE(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

func TestReadPayslips_EachFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"indonesian spreadsheet: semicolon, BOM, dotted thousands, sen, Rp", []byte("\uFEFFPeriode;Pemberi Kerja;KPJ;Gaji Pokok;Tunjangan Tetap;Lembur;BPJS TK JHT 2%;BPJS TK JP 1%;BPJS Kesehatan;Potongan JKK;PPh 21\r\n" +
			"01-2025;PT Contoh Jaya;25011112222;4.000.000,00;Rp 500.000;250.000;90.000;45.000;45.000;10.800;25.000\r\n")},
		{"plain comma CSV", []byte("Period,Employer,KPJ,Basic salary,Fixed allowances,Other income,JHT (2%),JP (1%),Health,JKK,Income tax\n" +
			"2025-01,PT Contoh Jaya,25011112222,4000000,500000,250000,90000,45000,45000,10800,25000\n")},
		{"comma CSV with quoted US-style amounts", []byte("Bulan,Perusahaan,No KPJ,Gaji Pokok,Tunjangan Jabatan,Bonus,JHT Karyawan,JP Karyawan,BPJS Kes,JKK,Pajak\n" +
			"Januari 2025,PT Contoh Jaya,250.1111.2222,\"4,000,000.00\",\"500,000\",\"250,000\",\"90,000\",\"45,000\",\"45,000\",\"10,800\",\"25,000\"\n")},
		{"tab-separated, pasted from a spreadsheet", []byte("Periode\tPemberi Kerja\tKPJ\tGaji Pokok\tTunjangan Tetap\tPendapatan Lain\tPotongan JHT\tIuran Pensiun\tBPJS Kesehatan\tJKK\tPPh 21\n" +
			"Jan 2025\tPT Contoh Jaya\t25011112222\tRp4.000.000\tRp500.000\tRp250.000\tRp90.000\tRp45.000\tRp45.000\tRp10.800\tRp25.000\n")},
		{"UTF-16 with its BOM (Excel's Unicode text)", utf16LE("Periode\tPemberi Kerja\tKPJ\tGaji Pokok\tTunjangan Tetap\tPendapatan Lain\tPotongan JHT\tPotongan JP\tBPJS Kesehatan\tJKK\tPPh 21\r\n" +
			"01/2025\tPT Contoh Jaya\t25011112222\t4.000.000\t500.000\t250.000\t90.000\t45.000\t45.000\t10.800\t25.000\r\n")},
		{"a title row and a sep= line above the header, columns in another order, a total row", []byte("sep=;\nSlip gaji 2025\n\n" +
			"PPh 21;BPJS TK JKK;BPJS Kesehatan;BPJS TK JP 1%;BPJS TK JHT 2%;Insentif;Tunjangan Tetap;Gaji Pokok;KPJ;Pemberi Kerja;Periode;Gaji Bersih\n" +
			"25.000;10.800;45.000;45.000;90.000;250.000;500.000;4.000.000;25011112222;PT Contoh Jaya;01-01-2025;4.534.200\n" +
			"Total;;;;;;;;;;;4.534.200\n")},
		{"allowances over several columns add up", []byte("Periode;Pemberi Kerja;KPJ;Gaji Pokok;Tunjangan Jabatan;Tunjangan Keluarga;Lembur;Uang Makan;JHT 2%;JP 1%;BPJS Kesehatan 1%;JKK;PPh21\n" +
			"01-2025;PT Contoh Jaya;25011112222;4.000.000;300.000;200.000;150.000;100.000;90.000;45.000;45.000;10.800;25.000\n")},
		{"Windows-1252 text (not UTF-8)", []byte("Periode;Pemberi Kerja;KPJ;Gaji Pokok;Tunjangan Tetap;Pendapatan Lain;JHT;JP;Kesehatan;JKK;PPh 21;Catatan\n" +
			"01-2025;PT Contoh Jaya;25011112222;4.000.000;500.000;250.000;90.000;45.000;45.000;10.800;25.000;caf\xe9\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ReadPayslips("slip.csv", tc.data)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if len(b.Refused) != 0 || len(b.Payslips) != 1 {
				t.Fatalf("payslips %+v, refused %+v", b.Payslips, b.Refused)
			}
			got := b.Payslips[0]
			got.Source = member.Source{}
			if got != wantSlip {
				t.Errorf("got  %+v\nwant %+v", got, wantSlip)
			}
			if got.Wage() != 4_500_000 {
				t.Errorf("Wage() = %d", got.Wage())
			}
			if d := b.Documents; len(d) != 1 || d[0].Kind != documents.KindPayslips || d[0].Rows != 1 || d[0].File != "slip.csv" {
				t.Errorf("documents %+v", d)
			}
		})
	}
}

func TestRead_SourcesNameFileHashAndLine(t *testing.T) {
	t.Parallel()
	data := []byte("Periode;Gaji Pokok;JHT\n\n01-2025;4.000.000;80.000\n02-2025;4.000.000;80.000\n")
	b, err := Read("/home/x/slip-2025.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	for i, want := range []int{3, 4} {
		s := b.Payslips[i].Source
		if s.File != "slip-2025.csv" || s.SHA256 != hex.EncodeToString(sum[:]) || s.Line != want || s.Page != 0 {
			t.Errorf("payslip %d source %+v, want line %d", i, s, want)
		}
	}
	if b.Documents[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("document %+v", b.Documents[0])
	}
}

// problemOf is the *documents.Problem of an error.
func problemOf(t *testing.T, err error) *documents.Problem {
	t.Helper()
	var p *documents.Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not a *documents.Problem", err, err)
	}
	if p.ID == "" || p.EN == "" || p.ID == p.EN || p.File == "" {
		t.Fatalf("problem %+v: both languages and the file", p)
	}
	return p
}

func TestRead_BadFilesSayWhyInBothLanguages(t *testing.T) {
	t.Parallel()
	many := new(bytes.Buffer)
	many.WriteString("Periode;Gaji Pokok\n")
	for i := range documents.MaxRows + 1 {
		fmt.Fprintf(many, "%02d-%d;4.000.000\n", i%12+1, 1980+i/12)
	}
	for _, tc := range []struct {
		name       string
		data       []byte
		code       string
		line       int
		id, en     string // parts of the sentences
		readWith   func(string, []byte) (documents.Bundle, error)
		noPlaceKey bool
	}{
		{name: "wrong columns: which are missing, which were found", data: []byte("Tanggal;Nama;Jumlah\n01-01-2025;Rudi;4.000.000\n"),
			code: "missing_columns", line: 1, id: "kolom Periode, Gaji Pokok tidak ada", en: "column Period, Basic wage missing",
			readWith: ReadPayslips},
		{name: "found columns listed", data: []byte("Periode;Potongan JHT\n01-2025;80.000\n"),
			code: "missing_columns", line: 1, id: "kolom yang ada: Periode, Potongan JHT", en: "columns found: Periode, Potongan JHT",
			readWith: ReadPayslips},
		{name: "employment facts without a start", data: []byte("KPJ;Pemberi Kerja;Tanggal Berhenti\n22056789012;PT X;01-01-2025\n"),
			code: "missing_columns", line: 1, id: "Mulai Bekerja tidak ada", en: "Start missing", readWith: ReadEmployment},
		{name: "mixed separators", data: []byte("Periode;Pemberi Kerja;Gaji Pokok;JHT\n01-2025,PT X,4000000,80000\n02-2025,PT X,4000000,80000\n"),
			code: "mixed_separators", line: 2, id: "dipisah dengan ','", en: "separated by ','", readWith: ReadPayslips},
		{name: "unquoted commas in a comma file", data: []byte("Periode,Gaji Pokok,JHT\n01-2025,4,000,000,80,000\n"),
			code: "field_count", line: 2, id: "harus diberi tanda kutip", en: "must be quoted", readWith: ReadPayslips},
		{name: "an impossible date", data: []byte("KPJ;Pemberi Kerja;Mulai Bekerja\n22056789012;PT X;31-02-2025\n"),
			code: "bad_date", line: 2, id: `tanggal "31-02-2025" tidak ada`, en: `date "31-02-2025" does not exist`, readWith: ReadEmployment},
		{name: "an impossible period", data: []byte("Periode;Gaji Pokok\n31-02-2025;4.000.000\n"),
			code: "bad_date", line: 2, id: `tanggal "31-02-2025" tidak ada`, en: `date "31-02-2025" does not exist`, readWith: ReadPayslips},
		{name: "a negative amount", data: []byte("Periode;Gaji Pokok;Potongan JHT\n01-2025;4.000.000;-80.000\n"),
			code: "negative_amount", line: 2, id: `jumlah negatif "-80.000"`, en: `negative amount "-80.000"`, readWith: ReadPayslips},
		{name: "an absurd amount", data: []byte("Periode;Gaji Pokok\n01-2025;4000000000000\n"),
			code: "absurd_amount", line: 2, id: "lebih dari Rp10 miliar", en: "more than Rp10 billion", readWith: ReadPayslips},
		{name: "deductions above the pay", data: []byte("Periode;Gaji Pokok;JHT\n01-2025;4.000.000;8.000.000\n"),
			code: "absurd_amount", line: 2, id: "lebih besar dari penghasilan", en: "larger than the pay", readWith: ReadPayslips},
		{name: "not a number", data: []byte("Periode;Gaji Pokok\n01-2025;empat juta\n"),
			code: "bad_amount", line: 2, id: `"empat juta" bukan jumlah rupiah`, en: `"empat juta" is not a rupiah amount`, readWith: ReadPayslips},
		{name: "only the header", data: []byte("\uFEFFPeriode;Gaji Pokok\r\n"),
			code: "no_rows", line: 1, id: "tanpa baris data", en: "no data rows", readWith: ReadPayslips},
		{name: "too many rows", data: many.Bytes(), code: "too_many_rows", line: documents.MaxRows + 2,
			id: fmt.Sprintf("lebih dari %d baris", documents.MaxRows), en: fmt.Sprintf("more than %d rows", documents.MaxRows), readWith: ReadPayslips},
		{name: "too large", data: bytes.Repeat([]byte("a"), documents.MaxFileBytes+1), code: "too_large",
			id: "lebih besar dari batas 20 MB", en: "larger than the limit of 20 MB", readWith: Read, noPlaceKey: true},
		{name: "binary", data: []byte("%PDF-1.7\n\x00\x01\x02\x03 stream"), code: "not_text",
			id: "bukan berkas teks", en: "not a text file", readWith: Read, noPlaceKey: true},
		{name: "a zip file", data: []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), code: "not_text",
			id: "bukan berkas teks", en: "not a text file", readWith: Read, noPlaceKey: true},
		{name: "empty", data: []byte("\uFEFF  \r\n"), code: "empty", id: "kosong", en: "empty", readWith: Read, noPlaceKey: true},
		{name: "a letter", data: []byte("Dengan hormat,\nSaya ingin menanyakan saldo saya.\nTerima kasih\n"), code: "not_recognised",
			line: 1, id: "tidak dikenali", en: "not recognised", readWith: Read},
		{name: "a duplicate column", data: []byte("Periode;Gaji Pokok;Potongan JHT;JHT Karyawan\n01-2025;4.000.000;80.000;80.000\n"),
			code: "duplicate_column", line: 1, id: `kolom "JHT Karyawan" muncul dua kali`, en: `column "JHT Karyawan" appears twice`, readWith: ReadPayslips},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.readWith("berkas.csv", tc.data)
			if err == nil {
				t.Fatal("read without an error")
			}
			p := problemOf(t, err)
			if p.Code != tc.code || p.Line != tc.line {
				t.Errorf("code %q line %d, want %q line %d (%s)", p.Code, p.Line, tc.code, tc.line, p.EN)
			}
			id, en := p.Text(member.ID), p.Text(member.EN)
			if !strings.Contains(id, tc.id) || !strings.Contains(en, tc.en) {
				t.Errorf("sentences\n id %q\n en %q\nwant parts %q / %q", id, en, tc.id, tc.en)
			}
			place := "berkas.csv: "
			if tc.line > 0 {
				place = fmt.Sprintf("berkas.csv, baris %d: ", tc.line)
			}
			if !strings.HasPrefix(id, place) {
				t.Errorf("id %q does not start with its place %q", id, place)
			}
		})
	}
}

func TestRead_ABadRowIsRefusedTheRestRead(t *testing.T) {
	t.Parallel()
	data := []byte("Periode;Pemberi Kerja;Gaji Pokok;Potongan JHT;Potongan JP\n" +
		"01-2025;PT A;4.000.000;80.000;40.000\n" +
		"02-2025;PT A;4.000.000;-80.000;40.000\n" + // negative
		"03-2025;PT A;4.000.000;80.000;40.000\n" +
		"01-2025;PT A;4.000.000;80.000;40.000\n" + // duplicate of line 2
		"31-02-2025;PT A;4.000.000;80.000;40.000\n" + // impossible
		"04-2025,PT A,4000000,80000,40000\n" + // mixed
		"01-2025;PT B;4.000.000;80.000;40.000\n") // another employer: not a duplicate
	b, err := ReadPayslips("slip.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range b.Payslips {
		lines = append(lines, p.Source.Line)
	}
	if fmt.Sprint(lines) != "[2 4 8]" {
		t.Errorf("read lines %v, want [2 4 8]", lines)
	}
	want := map[int]string{3: "negative_amount", 5: "duplicate_month", 6: "bad_date", 7: "mixed_separators"}
	if len(b.Refused) != len(want) {
		t.Fatalf("refused %+v", b.Refused)
	}
	for _, r := range b.Refused {
		if want[r.Source.Line] != r.Reason.Code || r.Reason.Line != r.Source.Line || r.Text == "" {
			t.Errorf("refused line %d: %s %q (%s)", r.Source.Line, r.Reason.Code, r.Text, r.Reason.EN)
		}
	}
	if !strings.Contains(b.Refused[1].Reason.Text(member.ID), "sudah ada di baris 2") {
		t.Errorf("duplicate: %s", b.Refused[1].Reason.Text(member.ID))
	}
	if b.Documents[0].Rows != 3 {
		t.Errorf("rows %d", b.Documents[0].Rows)
	}
}

func TestRead_NoUsableRowIsAnErrorNamingTheFirst(t *testing.T) {
	t.Parallel()
	_, err := ReadPayslips("slip.csv", []byte("Periode;Gaji Pokok;JHT\n01-2025,4000000,80000\n02-2025,4000000,80000\n"))
	p := problemOf(t, err)
	if p.Code != "mixed_separators" || p.Line != 2 || !strings.Contains(p.EN, "no row could be read (2 refused)") {
		t.Errorf("%+v", p)
	}
	_, err = ReadPayslips("slip.csv", []byte("Periode;Gaji Pokok;JHT\n01-2025;4000000;-1\n31-02-2025;4000000;80000\n"))
	if p := problemOf(t, err); p.Code != "no_rows" || p.Line != 2 {
		t.Errorf("%+v", p)
	}
}

func TestReadEmployment_ReasonsAndTicks(t *testing.T) {
	t.Parallel()
	data := []byte("KPJ;Pemberi Kerja;NPP;Mulai Bekerja;Tanggal Berhenti;Alasan Berhenti\n" +
		"09011223344;PT Satu;11023456;01-11-2011;31-03-2018;Mengundurkan diri\n" +
		"18012345678;PT Dua;18045671;2018-04-01;;\n" +
		"19023456789;PT Tiga;;01/02/2019;31/05/2025;PHK\n" +
		"20023456789;PT Empat;;01/02/2019;31/05/2020;kontrak habis\n" +
		"21023456789;PT Lima;;01/02/2019;31/05/2020;Resign\n" +
		"22023456789;PT Enam;;01/02/2019;31/05/2020;Pemutusan hubungan kerja\n" +
		"23023456789;PT Tujuh;;01/02/2019;31/05/2020;PKWT berakhir\n" +
		"24023456789;PT Delapan;;01/02/2019;31/05/2020;pensiun\n" + // not a reason the rules know
		"25023456789;PT Sembilan;;01/02/2019;;PHK\n" + // a reason without an end
		"26023456789;PT Sepuluh;;01/02/2019;31/01/2019;\n" + // ends before it starts
		"2702345678;PT Sebelas;;01/02/2019;;\n") // ten digits
	b, err := ReadEmployment("kerja.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]member.EndReason{}
	for _, e := range b.Employment {
		got[e.Employer] = e.Reason
	}
	want := map[string]member.EndReason{"PT Satu": member.EndResign, "PT Dua": member.EndNone, "PT Tiga": member.EndPHK,
		"PT Empat": member.EndContractEnd, "PT Lima": member.EndResign, "PT Enam": member.EndPHK, "PT Tujuh": member.EndContractEnd}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reasons %v, want %v", got, want)
	}
	first := b.Employment[0]
	if first.KPJ != "09011223344" || first.NPP != "11023456" || !first.Start.Equal(time.Date(2011, 11, 1, 0, 0, 0, 0, time.UTC)) ||
		!first.End.Equal(time.Date(2018, 3, 31, 0, 0, 0, 0, time.UTC)) || first.Source.Line != 2 {
		t.Errorf("first %+v", first)
	}
	var codes []string
	for _, r := range b.Refused {
		codes = append(codes, fmt.Sprintf("%d:%s", r.Source.Line, r.Reason.Code))
	}
	if fmt.Sprint(codes) != "[9:bad_reason 10:reason_without_end 11:end_before_start 12:bad_kpj]" {
		t.Errorf("refused %v", codes)
	}
	if len(b.Cards) != 7 || b.Cards[0].NPP != "11023456" {
		t.Errorf("cards %+v", b.Cards)
	}

	ticks := []byte("Nomor KPJ,Perusahaan,Tanggal Masuk,Tanggal Keluar,PHK,Mengundurkan diri,Kontrak habis\n" +
		"19023456789,PT Tiga,01-02-2019,31-05-2025,ya,,\n" +
		"21023456789,PT Lima,01-02-2019,31-05-2020,,x,\n" +
		"23023456789,PT Tujuh,01-02-2019,31-05-2020,,,1\n" +
		"24023456789,PT Delapan,01-02-2019,31-05-2020,ya,ya,\n" +
		"25023456789,PT Sembilan,01-02-2019,31-05-2020,mungkin,,\n")
	b, err = ReadEmployment("kerja.csv", ticks)
	if err != nil {
		t.Fatal(err)
	}
	got = map[string]member.EndReason{}
	for _, e := range b.Employment {
		got[e.Employer] = e.Reason
	}
	want = map[string]member.EndReason{"PT Tiga": member.EndPHK, "PT Lima": member.EndResign, "PT Tujuh": member.EndContractEnd}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(b.Refused) != 2 || b.Refused[0].Reason.Code != "two_reasons" || b.Refused[1].Reason.Code != "bad_tick" {
		t.Errorf("ticks %v, refused %+v", got, b.Refused)
	}
}

func TestReadEmployment_1721A1(t *testing.T) {
	t.Parallel()
	data := []byte("Tahun;Pemberi Kerja;KPJ;Iuran Pensiun atau Iuran THT/JHT\n2024;PT Sumber;22056789012;Rp 1.945.080\n2025;PT Sumber;22056789012;2.042.340\n2025;PT Sumber;22056789012;2.042.340\n20x5;PT Sumber;;1\n")
	b, err := ReadEmployment("a1.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.A1) != 2 || b.A1[0] != (member.A1Deduction{Year: 2024, Employer: "PT Sumber", KPJ: "22056789012", Amount: 1_945_080, Source: b.A1[0].Source}) ||
		b.A1[1].Amount != 2_042_340 || b.A1[1].Source.Line != 3 {
		t.Errorf("A1 %+v", b.A1)
	}
	if len(b.Refused) != 2 || b.Refused[0].Reason.Code != "duplicate_month" || b.Refused[1].Reason.Code != "bad_year" {
		t.Errorf("refused %+v", b.Refused)
	}
	if b.Documents[0].Kind != documents.KindEmployment {
		t.Errorf("kind %s", b.Documents[0].Kind)
	}
}

func TestReadJMO_BalancesAndMonths(t *testing.T) {
	t.Parallel()
	bal := []byte("KPJ;Pemberi Kerja;Saldo JHT;Per Tanggal;Status;Iuran Terakhir\n" +
		"22056789012;PT Sumber Rejeki Plastindo;Rp 28.123.456;30-11-2026;Aktif;08-2026\n" +
		"09011223344;PT Sinar Baja;12.345.678,00;2026-11-30;Nonaktif;Maret 2018\n" +
		"18012345678;PT Data;1.000;31-11-2026;Aktif;\n" + // no 31 November
		"18012345679;PT Data;1.000;30-11-2026;Tidur;\n") // not a status
	b, err := ReadJMO("saldo.csv", bal)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Balances) != 2 || b.Balances[0].Total != 28_123_456 || !b.Balances[0].AsOf.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) ||
		b.Balances[0].Source == nil || b.Balances[0].Source.Line != 2 || b.Balances[1].Total != 12_345_678 {
		t.Errorf("balances %+v", b.Balances)
	}
	if len(b.Cards) != 2 || b.Cards[0].Status != "aktif" || b.Cards[1].Status != "nonaktif" || b.Cards[0].EmployerName != "PT Sumber Rejeki Plastindo" {
		t.Errorf("cards %+v", b.Cards)
	}
	if len(b.LastPaid) != 2 || !b.LastPaid[0].Month.Equal(member.Month(2026, time.August)) || !b.LastPaid[1].Month.Equal(member.Month(2018, time.March)) {
		t.Errorf("last paid %+v", b.LastPaid)
	}
	if len(b.Refused) != 2 || b.Refused[0].Reason.Code != "bad_date" || b.Refused[1].Reason.Code != "bad_status" {
		t.Errorf("refused %+v", b.Refused)
	}
	if d := b.Documents[0]; d.Kind != documents.KindJMO || !d.PrintedAt.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("document %+v", d)
	}

	months := []byte("KPJ,Bulan,Tanggal Bayar,Upah,Iuran JHT,Rapel\n" +
		"22056789012,10-2026,10-11-2026,5955000,339435,0\n" +
		"22056789012,2026-09,10/10/2026,5955000,339435,\n" +
		"22056789012,Mei 2026,20-05-2026,5955000,678870,339435\n" +
		"22056789012,10-2026,10-11-2026,5955000,339435,0\n" + // duplicate
		"22056789012,11-2026,,5955000,,\n") // no JHT
	b, err = ReadJMO("iuran.csv", months)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Months) != 3 {
		t.Fatalf("months %+v", b.Months)
	}
	m := b.Months[2]
	if !m.Period.Equal(member.Month(2026, time.May)) || m.KPJ != "22056789012" || m.ReportedWage != 5_955_000 || m.JHT != 678_870 ||
		m.BackPay != 339_435 || !m.PaidDate.Equal(time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)) || m.Source == nil || m.Source.Line != 4 {
		t.Errorf("May %+v", m)
	}
	if len(b.Refused) != 2 || b.Refused[0].Reason.Code != "duplicate_month" || b.Refused[1].Reason.Code != "empty_cell" {
		t.Errorf("refused %+v", b.Refused)
	}
}

func TestSniff_TellsTheKindsApart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		data string
		kind documents.Kind
	}{
		{"Periode;Gaji Pokok;JHT\n", documents.KindPayslips},
		{"Bulan;KPJ;Gaji Pokok;Potongan JHT;Upah\n", documents.KindPayslips},
		{"KPJ;Bulan;Tanggal Bayar;Upah;Iuran JHT;Rapel\n", documents.KindJMO},
		{"KPJ;Saldo JHT;Per Tanggal\n", documents.KindJMO},
		{"KPJ,Pemberi Kerja,Mulai Bekerja\n", documents.KindEmployment},
		{"Tahun\tIuran Pensiun\n", documents.KindEmployment},
		{"KPJ 22056789012\nSaldo JHT Rp 1.000.000 per 30-11-2026\n", documents.KindJMO},
	} {
		if k, ok := Sniff([]byte(tc.data)); !ok || k != tc.kind {
			t.Errorf("Sniff(%q) = %q, %v; want %q", tc.data, k, ok, tc.kind)
		}
	}
	for _, bad := range []string{"", "hello\nworld\n", "\x00\x01binary", "Nama;Alamat\nRudi;Bekasi\n"} {
		if k, ok := Sniff([]byte(bad)); ok {
			t.Errorf("Sniff(%q) = %q", bad, k)
		}
	}
}

func TestTemplates_ReadBackAsTheirOwnKind(t *testing.T) {
	t.Parallel()
	tpl := Templates()
	want := map[string]documents.Kind{"slip-gaji.csv": documents.KindPayslips, "jmo-saldo.csv": documents.KindJMO,
		"jmo-iuran.csv": documents.KindJMO, "pekerjaan.csv": documents.KindEmployment, "1721-a1.csv": documents.KindEmployment}
	if len(tpl) != len(want) {
		t.Fatalf("templates %v", tpl)
	}
	for name, data := range tpl {
		if !bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Errorf("%s: no BOM", name)
		}
		if k, ok := Sniff(data); !ok || k != want[name] {
			t.Errorf("%s sniffs as %q", name, k)
		}
		_, _, m, ok := findHeader(splitLines(string(data[3:])), layouts)
		if !ok || m.l.file != name || m.matched != len(m.l.template) {
			t.Errorf("%s: header matches %v (%d of %d columns)", name, m.l.file, m.matched, len(m.l.template))
		}
		if _, err := Read(name, data); err == nil || problemOf(t, err).Code != "no_rows" {
			t.Errorf("%s: %v", name, err)
		}
	}
}
