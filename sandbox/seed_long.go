package sandbox

import (
	"context"
	"fmt"
)

// LongMemberEmail is the sign-in of the long-history member that
// SeedLongMember adds (password DemoPassword).
const LongMemberEmail = "slamet@contoh.id"

// longMember is a member with 40 years of contributions, November 1986 to
// October 2026 (480 months on three cards, one after the other): the
// worst case of a history's size for the slow-connection bench (make
// bench), not a demo member. He is left out of the demo on purpose: his
// first years fall before Jamsostek (UU 3/1992, JHT at 5.7% under PP
// 14/1993), when ASTEK's own rates applied, and the sandbox has JHT
// development rates only from 2009, so his early dues and his balance
// would not be what a real member of his age saw, and the demo's data
// must be realistic. His wages are: a textile factory's operator in 1986
// (above Jakarta's minimum of the time), a steel maker's technician after
// the 1998 crisis, a logistics supervisor since 2009.
var longMember = seedMember{
	nik: "3175031405670007", name: "Slamet Widodo", birth: "1967-05-14",
	status: "aktif", statusSince: "1986-11-01", memberSince: "1986-11-01",
	jobs: []seedJob{
		{kpj: "86070112233", employer: "PT Aneka Tekstil Pulogadung", npp: "86011422", risk: 3,
			from: month(1986, 11), to: month(1997, 12), wage: 95_000, raiseBP: 1500, closed: "1997-12-31"},
		{kpj: "98051234567", employer: "PT Baja Cilegon Perkasa", npp: "98024417", risk: 4,
			from: month(1998, 1), to: month(2009, 6), wage: 650_000, raiseBP: 1200, closed: "2009-06-30"},
		{kpj: "09071234560", employer: "PT Cikarang Logistik Prima", npp: "09063380", risk: 2,
			from: month(2009, 7), to: LastPeriod, wage: 3_100_000, raiseBP: 700},
	},
	account: &seedAccount{email: LongMemberEmail, phone: "081298765432"},
}

// SeedLongMember adds the long-history member (LongMemberEmail) to the
// server's database, once; for benchmarks and tests.
func (s *Server) SeedLongMember(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("seed long member: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM members WHERE nik = ?`, longMember.nik).Scan(&n); err != nil {
		return fmt.Errorf("seed long member: %w", err)
	}
	if n > 0 {
		return nil
	}
	if err := seedOne(ctx, tx, longMember, s.cfg.password); err != nil {
		return fmt.Errorf("seed long member: %w", err)
	}
	return tx.Commit()
}
