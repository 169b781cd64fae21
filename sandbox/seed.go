package sandbox

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ReferenceDate is the sandbox's fixed "today" for member data: contribution
// history runs up to LastPeriod (paid in early November) and balances are
// reported as of this date. Fixing it keeps every seeded figure, and every
// test that checks one, stable no matter when the tests run.
var ReferenceDate = time.Date(2026, time.November, 16, 0, 0, 0, 0, time.UTC)

// LastPeriod is the newest seeded contribution month.
var LastPeriod = month(2026, time.October)

// DemoPassword is the password of every seeded online account.
const DemoPassword = "Sandbox#2026"

// SitiTOTPSecret is the base32 TOTP secret seeded for Siti Rahayu, so a tester
// can add it to an authenticator app or compute codes in tests.
const SitiTOTPSecret = "JBSWY3DPEHPK3PXP" // #nosec G101 -- the published TOTP secret of a fictitious demo member, documented in the package comment

type seedJob struct {
	kpj, employer, npp string
	risk               int
	from, to           time.Time // first and last contribution month
	wage               int64     // wage in the first month
	raiseBP            int64     // raise every January, basis points
	closed             string    // card closing date, "" while open
	irregular                    // departures from the rules, for the audit's demo (seed_audit.go)
}

type seedAccount struct {
	email, phone, totp string
}

type seedMember struct {
	nik, name, birth, status, statusSince, memberSince string
	// segment is "PU" (a wage earner, when empty), "BPU" or "PMI".
	segment string
	jobs    []seedJob
	account *seedAccount
	// birthCorrected: the record's birth date was corrected after the NIK
	// was issued, so the NIK's date differs (seed_register.go).
	birthCorrected bool
}

// demoMembers are the members described in issue 3. Wages are plausible
// for each city and year (at or above the regional minimum wage).
var demoMembers = []seedMember{
	{
		nik: "3174051708850003", name: "Budi Santoso", birth: "1985-08-17",
		status: "aktif", statusSince: "2011-11-01", memberSince: "2011-11-01",
		jobs: []seedJob{
			{kpj: "09011223344", employer: "PT Sinar Baja Cikarang", npp: "11023456", risk: 3,
				from: month(2011, time.November), to: month(2018, time.March), wage: 2_900_000, raiseBP: 800, closed: "2018-03-31"},
			{kpj: "18012345678", employer: "PT Nusantara Data Teknologi", npp: "18045671", risk: 1,
				from: month(2018, time.April), to: LastPeriod, wage: 9_500_000, raiseBP: 600},
		},
		account: &seedAccount{email: "budi@contoh.id", phone: "081234567890"},
	},
	{
		nik: "3273015203900001", name: "Siti Rahayu", birth: "1990-03-12",
		status: "nonaktif", statusSince: "2025-06-01", memberSince: "2019-02-01",
		jobs: []seedJob{
			{kpj: "19023456789", employer: "PT Priangan Tekstil Mandiri", npp: "19067823", risk: 3,
				from: month(2019, time.February), to: month(2025, time.May), wage: 4_100_000, raiseBP: 700, closed: "2025-05-31",
				irregular: irregular{padatKarya: true, covidPayDay: 25}},
		},
		account: &seedAccount{email: "siti@contoh.id", phone: "085712345678", totp: SitiTOTPSecret},
	},
	{
		nik: "3578012501020002", name: "Andi Pratama", birth: "2002-01-25",
		status: "aktif", statusSince: "2026-08-01", memberSince: "2026-08-01",
		jobs: []seedJob{
			{kpj: "23034567890", employer: "PT Maju Bersama Logistik", npp: "23081234", risk: 2,
				from: month(2026, time.August), to: LastPeriod, wage: 5_400_000},
		},
		account: &seedAccount{email: "andi@contoh.id", phone: "089612345678"},
	},
	{
		// Dewi has membership data but no online account: she is the one to
		// register.
		nik: "5171044407950004", name: "Dewi Lestari", birth: "1995-07-04",
		status: "aktif", statusSince: "2021-05-01", memberSince: "2021-05-01",
		jobs: []seedJob{
			{kpj: "21045678901", employer: "CV Bali Kreatif Nusantara", npp: "21093456", risk: 1,
				from: month(2021, time.May), to: LastPeriod, wage: 3_200_000, raiseBP: 600},
		},
	},
}

// seedWage is the deterministic wage for a month: the starting wage raised
// every January and rounded to a thousand rupiah like a payslip.
func seedWage(j seedJob, period time.Time) int64 {
	w := j.wage
	for y := j.from.Year() + 1; y <= period.Year(); y++ {
		if j.frozen(y) {
			break
		}
		w = (w*(10000+j.raiseBP)/10000 + 500) / 1000 * 1000
	}
	return w
}

// paidDate is when a month's dues were paid: the 10th of the next month,
// within the legal deadline of the 15th, unless the job's irregular
// payments say otherwise.
func (j seedJob) paidDate(period time.Time) string {
	if d := j.paidOn(period); d != "" {
		return d
	}
	return period.AddDate(0, 1, 9).Format(time.DateOnly)
}

func seed(ctx context.Context, tx *sql.Tx, pw PasswordParams) error {
	for _, m := range demoMembers {
		if err := seedOne(ctx, tx, m, pw); err != nil {
			return fmt.Errorf("member %s: %w", m.name, err)
		}
	}
	return seedClaims(ctx, tx)
}

func seedOne(ctx context.Context, tx *sql.Tx, m seedMember, pw PasswordParams) error {
	birth, err := time.Parse(time.DateOnly, m.birth)
	if err != nil {
		return fmt.Errorf("birth date: %w", err)
	}
	gender, nikBirth, ok := nikBirthDate(m.nik)
	if !ok || (!nikBirth.Equal(birth) && !m.birthCorrected) {
		return fmt.Errorf("seed NIK does not encode birth date %s", m.birth)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO members
		(nik, full_name, birth_date, gender, segment, status, status_since, member_since)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		m.nik, m.name, m.birth, gender, cmp.Or(m.segment, "PU"), m.status, m.statusSince, m.memberSince)
	if err != nil {
		return fmt.Errorf("insert member: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("member id: %w", err)
	}
	for _, j := range m.jobs {
		if err := seedJobRows(ctx, tx, id, j); err != nil {
			return fmt.Errorf("card %s: %w", j.kpj, err)
		}
	}
	if m.account == nil {
		return nil
	}
	hash, err := hashPassword(DemoPassword, pw)
	if err != nil {
		return err
	}
	var secret any
	if m.account.totp != "" {
		secret = m.account.totp
	}
	created := ReferenceDate.AddDate(0, -1, 0).Unix()
	if _, err := tx.ExecContext(ctx, `INSERT INTO accounts
		(member_id, email, phone, password_hash, totp_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, m.account.email, m.account.phone, hash, secret, created); err != nil {
		return fmt.Errorf("insert account: %w", err)
	}
	return nil
}

func seedJobRows(ctx context.Context, tx *sql.Tx, memberID int64, j seedJob) error {
	status := "aktif"
	var closed any
	if j.closed != "" {
		status, closed = "nonaktif", j.closed
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO cards
		(kpj, member_id, employer_name, npp, risk_class, status, opened, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		j.kpj, memberID, j.employer, j.npp, j.risk, status, j.from.Format(time.DateOnly), closed); err != nil {
		return fmt.Errorf("insert card: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO contributions
		(kpj, period, reported_wage, jht_employer, jht_worker, jp_employer, jp_worker, jkk, jkm, jkp, paid_date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare contributions: %w", err)
	}
	defer stmt.Close()
	for p := j.from; !p.After(j.to); p = p.AddDate(0, 1, 0) {
		if j.skipped(p) {
			continue
		}
		c := seedContribution(j, p)
		if _, err := stmt.ExecContext(ctx, j.kpj, p.Format("2006-01"), c.Wage, c.JHTEmployer, c.JHTWorker,
			c.JPEmployer, c.JPWorker, c.JKK, c.JKM, c.JKP, j.paidDate(p)); err != nil {
			return fmt.Errorf("insert contribution %s: %w", p.Format("2006-01"), err)
		}
	}
	return nil
}

// seedClaims gives Siti the JHT claim she filed after leaving her job; the
// amount is her JHT balance on the reference date, about Rp27,9 juta. That
// is above the Rp15 juta JMO takes since May 2025, so she filed it through
// Lapak Asik (the website), and the branch took up her documents on
// 2 November. A balance above Rp10 juta is paid within five working days of
// the documents being complete (by 9 November); on the reference date it is
// still being processed, so the Klaim tab shows it past its payout time
// (claims.IsLate), which is the case the app must handle.
func seedClaims(ctx context.Context, tx *sql.Tx) error {
	const kpj = "19023456789"
	rows, err := loadContributions(ctx, tx, kpj)
	if err != nil {
		return err
	}
	hist := jhtHistory(rows, ReferenceDate)
	amount := hist[len(hist)-1].ClosingBalance
	const id = "KLM-2026-0048213"
	if _, err := tx.ExecContext(ctx, `INSERT INTO claims (id, member_id, kpj, program, type, submitted, amount, status)
		SELECT ?, member_id, kpj, 'JHT', 'Klaim JHT karena mengundurkan diri', '2026-10-28', ?, 'diproses'
		FROM cards WHERE kpj = ?`, id, amount, kpj); err != nil {
		return fmt.Errorf("insert claim: %w", err)
	}
	events := []struct{ status, at, note string }{
		{"diajukan", "2026-10-28T02:14:00Z", "Pengajuan diterima melalui Lapak Asik (saldo di atas batas JMO Rp15 juta)."},
		{"diproses", "2026-11-02T03:30:00Z", "Berkas dinyatakan lengkap setelah wawancara daring; diverifikasi petugas kantor cabang Bandung Soekarno Hatta."},
	}
	for i, e := range events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claim_events (claim_id, seq, status, at, note) VALUES (?, ?, ?, ?, ?)`,
			id, i, e.status, e.at, e.note); err != nil {
			return fmt.Errorf("insert claim event: %w", err)
		}
	}
	return nil
}
