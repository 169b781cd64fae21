package periksa

import (
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// The --json structure. docs/periksa.md describes every field; a field is
// added, never renamed or removed, and Format changes when one must be.
// Money is whole rupiah, dates "YYYY-MM-DD", months "YYYY-MM", an unknown
// date null.

// Format names this structure's version.
const Format = "cekbpjstk-periksa/1"

// Report is what periksa found.
type Report struct {
	Format    string     `json:"format"`
	Lang      string     `json:"lang"`
	Today     *string    `json:"today"`
	AsOf      *string    `json:"as_of"`
	Member    Member     `json:"member"`
	Documents []Document `json:"documents"`
	Refused   []Refused  `json:"refused"`
	Cards     []Card     `json:"cards"`
	Findings  []Finding  `json:"findings"`
	Reliefs   []Relief   `json:"reliefs"`
	Rights    Rights     `json:"rights"`
	Notes     []string   `json:"notes"`
}

// Member is who the documents are about (the NIK is never printed).
type Member struct {
	Name            string   `json:"name"`
	BirthDate       *string  `json:"birth_date"`
	Segment         string   `json:"segment"`
	Status          string   `json:"status"`
	Programs        []string `json:"programs"`
	AssumedPrograms []string `json:"assumed_programs"`
}

// Document is one file read.
type Document struct {
	File          string  `json:"file"`
	Kind          string  `json:"kind"`
	SHA256        string  `json:"sha256"`
	Pages         int     `json:"pages"`
	Rows          int     `json:"rows"`
	Year          int     `json:"year"`
	Card          string  `json:"card"`
	PrintedAt     *string `json:"printed_at"`
	TotalsChecked bool    `json:"totals_checked"`
}

// Refused is a row a reader did not take.
type Refused struct {
	File   string `json:"file"`
	Page   int    `json:"page"`
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// Card is one KPJ card: its facts, its audit counts and its JHT claim.
type Card struct {
	KPJ        string  `json:"kpj"`
	Employer   string  `json:"employer"`
	NPP        string  `json:"npp"`
	Status     string  `json:"status"`
	Opened     *string `json:"opened"`
	Closed     *string `json:"closed"`
	FirstPaid  *string `json:"first_paid"`
	LastPaid   *string `json:"last_paid"`
	MonthsDue  int     `json:"months_due"`
	MonthsPaid int     `json:"months_paid"`
	OnTime     int     `json:"on_time"`
	JPMonths   int     `json:"jp_months"`
	// Covered: the runs of months the documents speak for; the audit and
	// the payslip checks look only there.
	Covered     []Span  `json:"covered"`
	Balance     *int64  `json:"balance"`
	BalanceAsOf *string `json:"balance_as_of"`
	JHT         JHT     `json:"jht"`
}

// Span is a run of months.
type Span struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Finding is one departure from the rules.
type Finding struct {
	Kind     string `json:"kind"`
	Card     string `json:"card"`
	Employer string `json:"employer"`
	// Period is the first month concerned; Months all of them.
	Period      *string  `json:"period"`
	Months      []string `json:"months"`
	Amount      int64    `json:"amount"`
	WorkerShare int64    `json:"worker_share"`
	Rule        string   `json:"rule"`
	Citation    string   `json:"citation"`
	// CitationSource: "text" (read in the regulation or BPJSTK's own
	// page), "secondary" (read in the press) or "unconfirmed".
	CitationSource string `json:"citation_source"`
	Text           string `json:"text"`
	// PerMonth: the payslip checks' months, each in rupiah.
	PerMonth []MonthAmount `json:"per_month,omitempty"`
	Late     []LateMonth   `json:"late,omitempty"`
	Gap      []GapMonth    `json:"gap,omitempty"`
}

// MonthAmount is one month of a payslip finding: what the payslip shows,
// what reached the card, what was due, on which wage, and the month's
// amount (what each holds by kind: docs/periksa.md).
type MonthAmount struct {
	Month   string `json:"month"`
	Payslip int64  `json:"payslip"`
	Card    int64  `json:"card"`
	Due     int64  `json:"due"`
	Wage    int64  `json:"wage"`
	Amount  int64  `json:"amount"`
}

// LateMonth is one month paid after its deadline.
type LateMonth struct {
	Month        string `json:"month"`
	Deadline     string `json:"deadline"`
	Paid         string `json:"paid"`
	DaysLate     int    `json:"days_late"`
	MonthsLate   int    `json:"months_late"`
	Dues         int64  `json:"dues"`
	Fine         int64  `json:"fine"`
	MaybeHoliday bool   `json:"maybe_holiday"`
}

// GapMonth is one month of the payslip wage against the reported one.
type GapMonth struct {
	Month          string `json:"month"`
	Payslip        int64  `json:"payslip"`
	Reported       int64  `json:"reported"`
	Gap            int64  `json:"gap"`
	JHT            int64  `json:"jht"`
	JP             int64  `json:"jp"`
	WorkerDeducted int64  `json:"worker_deducted"`
}

// Relief is a run of months under a contribution relief.
type Relief struct {
	Kind     string   `json:"kind"`
	Card     string   `json:"card"`
	Months   []string `json:"months"`
	Applied  bool     `json:"applied"`
	Citation string   `json:"citation"`
}

// Rights are the member's rights: the JHT claim per card (in Cards), JP
// and JKP for the member (they count every card's months).
type Rights struct {
	// AsOf: JP and JKP count months, so they are worked out as of the
	// documents' date (as_of): a month after it is unknown, not unpaid.
	// The JHT claim is as of today.
	AsOf *string `json:"as_of"`
	JP   JP      `json:"jp"`
	JKP  JKP     `json:"jkp"`
}

// JHT is one card's JHT claim readiness.
type JHT struct {
	Balance int64    `json:"balance"`
	Tax     int64    `json:"tax"`
	Reasons []Reason `json:"reasons"`
}

// Reason is one ground for a JHT claim on a card.
type Reason struct {
	Reason    string   `json:"reason"`
	State     string   `json:"state"`
	Blockers  []string `json:"blockers"`
	From      *string  `json:"from"`
	Citation  string   `json:"citation"`
	Secondary bool     `json:"secondary"`
}

// JP is the pension picture.
type JP struct {
	Months            int     `json:"months"`
	MinimumMonths     int     `json:"minimum_months"`
	Remaining         int     `json:"remaining"`
	PensionAge        int     `json:"pension_age"`
	PensionDate       *string `json:"pension_date"`
	Paid              int64   `json:"paid"`
	AverageWage       int64   `json:"average_wage"`
	EstimateNow       int64   `json:"estimate_now"`
	Contributing      bool    `json:"contributing"`
	MonthsAtPension   int     `json:"months_at_pension"`
	EstimateAtPension int64   `json:"estimate_at_pension"`
	Citation          string  `json:"citation"`
}

// JKP is the job-loss benefit picture.
type JKP struct {
	Eligible         bool    `json:"eligible"`
	Hypothetical     bool    `json:"hypothetical"`
	PHKMonth         *string `json:"phk_month"`
	PHKDate          *string `json:"phk_date"`
	PaidIn24         int     `json:"paid_in_24"`
	Consecutive      int     `json:"consecutive"`
	MeetsMonths      bool    `json:"meets_months"`
	MeetsConsecutive bool    `json:"meets_consecutive"`
	MeetsPrograms    bool    `json:"meets_programs"`
	// Coverage: "covered", or why the member has no JKP at all: "not_bpu"
	// (self-employed), "not_pmi" (migrant worker), "too_old" (54 or older
	// when registered).
	Coverage string `json:"coverage"`
	// Regime: "pp6_2025" (60% for 6 months) or "pp37_2021" (a lay-off
	// before 7 February 2025: 45% for 3 months, then 25% for 3).
	Regime string `json:"regime"`
	// Arrears: months the employer owed, which count (PP 6/2025 Pasal
	// 39); Payer: "bpjs", or "employer" when more than 3 in a row.
	Arrears       []string     `json:"arrears"`
	Payer         string       `json:"payer"`
	Programs      []JKPProgram `json:"programs"`
	LastWage      int64        `json:"last_wage"`
	BaseWage      int64        `json:"base_wage"`
	Monthly       int64        `json:"monthly"`
	Later         int64        `json:"later"`
	BenefitMonths int          `json:"benefit_months"`
	Total         int64        `json:"total"`
	ClaimBy       *string      `json:"claim_by"`
	WindowPassed  bool         `json:"window_passed"`
	Citation      string       `json:"citation"`
}

// JKPProgram is one program JKP requires.
type JKPProgram struct {
	Code        string `json:"code"`
	Has         bool   `json:"has"`
	SmallFirmOK bool   `json:"small_firm_ok"`
}

func isoDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func isoMonth(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01")
	return &s
}

func isoMonths(ts []time.Time) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Format("2006-01"))
	}
	return out
}

// docsAndRefused are the documents read and the rows refused.
func docsAndRefused(b documents.Bundle, l member.Lang) ([]Document, []Refused) {
	docs, refused := []Document{}, []Refused{}
	for _, d := range b.Documents {
		docs = append(docs, Document{File: d.File, Kind: string(d.Kind), SHA256: d.SHA256, Pages: d.Pages, Rows: d.Rows,
			Year: d.Year, Card: d.KPJ, PrintedAt: isoDate(d.PrintedAt), TotalsChecked: d.TotalsChecked})
	}
	for _, r := range b.Refused {
		out := Refused{File: r.Source.File, Page: r.Source.Page, Line: r.Source.Line, Text: r.Text}
		if r.Reason != nil {
			out.Code, out.Reason = r.Reason.Code, r.Reason.Text(l)
		}
		refused = append(refused, out)
	}
	return docs, refused
}

// memberOf is the member's part of the report.
func memberOf(md read.Model) Member {
	m := Member{Name: md.Member.FullName, BirthDate: isoDate(md.Member.BirthDate), Segment: md.Member.Segment,
		Status: md.Member.Status, Programs: []string{}, AssumedPrograms: []string{}}
	for _, p := range md.Member.Programs {
		m.Programs = append(m.Programs, p.Code)
	}
	m.AssumedPrograms = append(m.AssumedPrograms, md.AssumedPrograms...)
	return m
}
