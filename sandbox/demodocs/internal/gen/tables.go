package gen

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// The demo member's payslips plant what only payslips show, on top of
// what the sandbox seeded (June 2026 never paid, nothing paid since
// August 2026):
//
//   - June, September and October 2026: the payslip deducts JHT 2% and
//     JP 1% as every month, but no contribution reached the card;
//   - every month of 2026: the employer passes its own JKK (0,89% for
//     risk class 3) on to the worker as "Potongan JKK";
//   - every month: a fixed allowance (Tunjangan Tetap, Rp750.000) the
//     employer leaves out of the reported wage, so the payslip's basic
//     wage plus fixed allowances is above it.
//
// The deductions of JHT and JP are taken on the reported wage, as the
// employer reported it, so the months that were paid show no gap between
// what was deducted and what was credited. BPJS Kesehatan is the
// worker's 1% of the basic wage plus fixed allowances, up to a wage of
// Rp12.000.000 (Perpres 82/2018 Pasal 30 ayat (2) and Pasal 32 as amended
// by Perpres 75/2019; read in a secondary source); the overtime is
// invented. PPh 21 is left out: the demo does not compute tax.
const (
	fixedAllowance   = 750_000
	healthWageCap    = 12_000_000
	healthWorkerBP   = 100
	payslipFirstYear = 2025
)

// planted are the months deducted on the payslip but never paid in.
var plantedUnpaid = []string{"2026-06", "2026-09", "2026-10"}

// Tables returns the demo member's payslips (one CSV a year, 2025 and
// 2026 up to the sandbox's last month), his employment facts and his
// 2025 1721-A1, in an Indonesian spreadsheet's CSV: ';', a BOM, CRLF,
// "5.670.000,00" and "Rp 5.955.000", a title row above the header and a
// total row below the months. They are read from the sandbox's member API
// like the printouts, so the two tell the same story.
func Tables(ctx context.Context) ([]File, error) {
	c, done, err := login(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	var me meJSON
	if err := c.do("GET", "/v1/me", nil, &me); err != nil {
		return nil, err
	}
	if len(me.Cards) != 1 || me.Employer == nil {
		return nil, fmt.Errorf("demodocs: %s should have one card with an employer", Email)
	}
	card := me.Cards[0]
	credited := map[string]monthFigures{}
	for y := payslipFirstYear; y <= 2026; y++ {
		var cs tableMonthsJSON
		if err := c.do("GET", fmt.Sprintf("/v1/me/contributions?year=%d", y), nil, &cs); err != nil {
			return nil, err
		}
		for _, m := range cs.Months {
			credited[m.Period] = m
		}
	}
	for _, p := range plantedUnpaid {
		if _, ok := credited[p]; ok {
			return nil, fmt.Errorf("demodocs: the sandbox now credits %s, which the payslips plant as unpaid", p)
		}
	}
	slips, err := payslips(credited)
	if err != nil {
		return nil, err
	}
	name := strings.ToLower(strings.ReplaceAll(me.FullName, " ", "-"))
	var out []File
	var a1 int64
	for _, y := range []int{2025, 2026} {
		var rows []slip
		for _, s := range slips {
			if s.period.Year() == y {
				rows = append(rows, s)
				if y == 2025 {
					a1 += s.jht + s.jp
				}
			}
		}
		out = append(out, File{Name: fmt.Sprintf("%s-slip-gaji-%d.csv", name, y), Data: payslipCSV(card.EmployerName, card.KPJ, y, rows)})
	}
	opened, err := time.Parse(time.DateOnly, card.Opened)
	if err != nil {
		return nil, err
	}
	out = append(out,
		File{Name: name + "-pekerjaan.csv", Data: csvFile(nil,
			[]string{"KPJ", "Pemberi Kerja", "NPP", "Mulai Bekerja", "Tanggal Berhenti", "Alasan Berhenti"},
			[][]string{{card.KPJ, card.EmployerName, me.Employer.NPP, opened.Format("02-01-2006"), "", ""}})},
		File{Name: name + "-1721-a1-2025.csv", Data: csvFile(nil,
			[]string{"Tahun", "Pemberi Kerja", "KPJ", "Iuran Pensiun atau Iuran THT/JHT"},
			[][]string{{"2025", card.EmployerName, card.KPJ, rupiah(a1, true)}})})
	return out, nil
}

// slip is one month's payslip as the demo writes it.
type slip struct {
	period                             time.Time
	basic, fixed, overtime             int64
	jht, jp, health, jkk, net, credits int64
}

// payslips are the months from January 2025 to the sandbox's last month:
// the credited months' figures, and for the planted unpaid months the
// wage of the month before with the deductions the rules give.
func payslips(credited map[string]monthFigures) ([]slip, error) {
	var out []slip
	var last monthFigures
	for p := member.Month(payslipFirstYear, time.January); !p.After(member.Month(2026, time.October)); p = p.AddDate(0, 1, 0) {
		m, ok := credited[p.Format("2006-01")]
		if !ok {
			if last.ReportedWage == 0 {
				return nil, fmt.Errorf("demodocs: no wage for %s", p.Format("2006-01"))
			}
			due := rates.Compute(p, last.ReportedWage, 3)
			m = monthFigures{Period: p.Format("2006-01"), ReportedWage: last.ReportedWage,
				JHTWorker: due.JHTWorker, JPWorker: due.JPWorker, JKK: last.JKK}
		}
		last = m
		s := slip{period: p, basic: m.ReportedWage, fixed: fixedAllowance, jht: m.JHTWorker, jp: m.JPWorker}
		if p.Month()%3 == 0 {
			s.overtime = 425_000 // a quarter's closing, invented
		}
		s.health = rates.Pct(min(s.basic+s.fixed, healthWageCap), healthWorkerBP)
		if p.Year() == 2026 {
			s.jkk = m.JKK
		}
		s.net = s.basic + s.fixed + s.overtime - s.jht - s.jp - s.health - s.jkk
		out = append(out, s)
	}
	return out, nil
}

var payslipHeader = []string{"Periode", "Pemberi Kerja", "KPJ", "Gaji Pokok", "Tunjangan Tetap", "Lembur",
	"BPJS TK JHT 2%", "BPJS TK JP 1%", "BPJS Kesehatan 1%", "Potongan JKK", "Gaji Bersih"}

// payslipCSV writes a year's payslips: 2025 with month names and
// "5.670.000,00", 2026 with MM-YYYY and "Rp 5.955.000".
func payslipCSV(employer, kpj string, year int, rows []slip) []byte {
	named := year == 2025
	var body [][]string
	var sum slip
	for _, s := range rows {
		period := s.period.Format("01-2006")
		if named {
			period = member.FormatMonth(member.ID, s.period)
		}
		body = append(body, []string{period, employer, kpj, rupiah(s.basic, named), rupiah(s.fixed, named),
			rupiah(s.overtime, named), rupiah(s.jht, named), rupiah(s.jp, named), rupiah(s.health, named),
			rupiah(s.jkk, named), rupiah(s.net, named)})
		sum.basic, sum.fixed, sum.overtime, sum.net = sum.basic+s.basic, sum.fixed+s.fixed, sum.overtime+s.overtime, sum.net+s.net
		sum.jht, sum.jp, sum.health, sum.jkk = sum.jht+s.jht, sum.jp+s.jp, sum.health+s.health, sum.jkk+s.jkk
	}
	body = append(body, []string{"Jumlah", "", "", rupiah(sum.basic, named), rupiah(sum.fixed, named),
		rupiah(sum.overtime, named), rupiah(sum.jht, named), rupiah(sum.jp, named), rupiah(sum.health, named),
		rupiah(sum.jkk, named), rupiah(sum.net, named)})
	title := fmt.Sprintf("Rekap Slip Gaji %d - %s", year, employer)
	return csvFile(&title, payslipHeader, body)
}

// rupiah writes an amount as an Indonesian spreadsheet shows it:
// "5.670.000,00", or "Rp 5.955.000" in a currency-formatted column; zero
// is "-", the accounting format's zero.
func rupiah(n int64, sen bool) string {
	if n == 0 {
		return "-"
	}
	s := member.Rupiah(n).Format() // "Rp 5.955.000"
	if sen {
		return strings.TrimPrefix(s, "Rp ") + ",00"
	}
	return s
}

// csvFile writes a CSV with ';', a UTF-8 BOM and CRLF line ends, an
// optional title line above the header. No cell holds ';', '"' or a line
// end, so none is quoted.
func csvFile(title *string, header []string, rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	if title != nil {
		b.WriteString(*title + "\r\n")
	}
	for _, r := range append([][]string{header}, rows...) {
		b.WriteString(strings.Join(r, ";") + "\r\n")
	}
	return b.Bytes()
}

type monthFigures struct {
	Period       string `json:"period"`
	ReportedWage int64  `json:"reported_wage"`
	JHTWorker    int64  `json:"jht_worker"`
	JPWorker     int64  `json:"jp_worker"`
	JKK          int64  `json:"jkk"`
}

type tableMonthsJSON struct {
	Months []monthFigures `json:"months"`
}
