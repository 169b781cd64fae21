package tabular

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/statement"
)

// TestRead_TheAppsOwnStatementCSV: the CSV the dashboard exports
// (rules/statement.CSV: Periode;KPJ;Pemberi kerja;Upah dilaporkan;JHT;JP;
// JKK;JKM;JKP;Total;Tanggal bayar) reads back as JMO-style months, every
// figure the model holds there kept.
func TestRead_TheAppsOwnStatementCSV(t *testing.T) {
	t.Parallel()
	months := []member.MonthContribution{
		{Period: member.Month(2026, time.July), KPJ: "22056789012", EmployerName: "PT Sumber Rejeki Plastindo",
			ReportedWage: 5_956_000, JHT: 339_492, JP: 178_680, JKK: 53_008, JKM: 17_868, JKP: 2_740, Total: 589_048,
			PaidDate: time.Date(2026, time.August, 10, 0, 0, 0, 0, time.UTC)},
		{Period: member.Month(2026, time.August), KPJ: "22056789012", EmployerName: "PT Sumber Rejeki Plastindo",
			ReportedWage: 5_956_000, JHT: 339_492, JP: 178_680, JKK: 53_008, JKM: 17_868, JKP: 2_740, Total: 589_048,
			PaidDate: time.Date(2026, time.September, 10, 0, 0, 0, 0, time.UTC)},
	}
	data, err := statement.CSV(statement.Input{
		Contributions: map[int]member.Contributions{2026: {Year: 2026, Months: months}},
		From:          member.Month(2026, time.July), To: member.Month(2026, time.August),
	})
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := Sniff(data); !ok || k != documents.KindJMO {
		t.Fatalf("sniffed as %q", k)
	}
	b, err := Read("iuran.csv", data)
	if err != nil || len(b.Refused) != 0 || len(b.Months) != 2 {
		t.Fatalf("%v: %+v refused %+v", err, b.Months, b.Refused)
	}
	for i, got := range b.Months {
		want := months[i]
		if !got.Period.Equal(want.Period) || got.KPJ != want.KPJ || got.EmployerName != want.EmployerName ||
			got.ReportedWage != want.ReportedWage || got.JHT != want.JHT || got.JP != want.JP || got.JKK != want.JKK ||
			got.JKM != want.JKM || !got.PaidDate.Equal(want.PaidDate) || got.Source.Line != i+2 {
			t.Errorf("month %d\n got  %+v\nwant %+v", i, got, want)
		}
	}
}

func TestReadJMO_DepositAndPostingDates(t *testing.T) {
	t.Parallel()
	b, err := ReadJMO("iuran.csv", []byte("  sep=,  \nKPJ,BL-TH,Tgl Setor,Tgl Posting,Upah,Iuran JHT\n22056789012,06-2024,10-07-2024,12-08-2024,5402000,308.124\n"))
	if err != nil || len(b.Months) != 1 {
		t.Fatalf("%v %+v", err, b)
	}
	m := b.Months[0]
	if !m.PaidDate.Equal(time.Date(2024, time.July, 10, 0, 0, 0, 0, time.UTC)) || !m.PostedDate.Equal(time.Date(2024, time.August, 12, 0, 0, 0, 0, time.UTC)) || m.JHT != 308_124 {
		t.Errorf("%+v", m)
	}
}
