package sandbox

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// member is a membership record (with or without an online account).
type member struct {
	id                                        int64
	nik, fullName, birthDate, gender          string
	segment, status, statusSince, memberSince string
}

// card is one KPJ card, i.e. one employment's membership number.
type card struct {
	kpj, employerName, npp, status, opened string
	closed                                 sql.NullString
}

func loadMember(ctx context.Context, q querier, id int64) (*member, error) {
	var m member
	err := q.QueryRowContext(ctx, `SELECT id, nik, full_name, birth_date, gender, segment, status, status_since, member_since
		FROM members WHERE id = ?`, id).Scan(&m.id, &m.nik, &m.fullName, &m.birthDate, &m.gender,
		&m.segment, &m.status, &m.statusSince, &m.memberSince)
	if err != nil {
		return nil, fmt.Errorf("load member %d: %w", id, err)
	}
	return &m, nil
}

// loadCards returns a member's cards, the active one first, then newest.
func loadCards(ctx context.Context, q querier, memberID int64) ([]card, error) {
	rows, err := q.QueryContext(ctx, `SELECT kpj, employer_name, npp, status, opened, closed FROM cards
		WHERE member_id = ? ORDER BY status = 'aktif' DESC, opened DESC`, memberID)
	if err != nil {
		return nil, fmt.Errorf("query cards: %w", err)
	}
	defer rows.Close()
	var out []card
	for rows.Next() {
		var c card
		if err := rows.Scan(&c.kpj, &c.employerName, &c.npp, &c.status, &c.opened, &c.closed); err != nil {
			return nil, fmt.Errorf("scan card: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read cards: %w", err)
	}
	return out, nil
}

// maskMiddle keeps the first and last keep characters, e.g. a NIK becomes
// 3174********0003: enough to recognise, too little to reuse.
func maskMiddle(s string, keep int) string {
	if len(s) <= 2*keep {
		return strings.Repeat("*", len(s))
	}
	return s[:keep] + strings.Repeat("*", len(s)-2*keep) + s[len(s)-keep:]
}

// programNames are the official names of the five programs.
var programNames = map[string]string{
	"JHT": "Jaminan Hari Tua",
	"JKK": "Jaminan Kecelakaan Kerja",
	"JKM": "Jaminan Kematian",
	"JP":  "Jaminan Pensiun",
	"JKP": "Jaminan Kehilangan Pekerjaan",
}

var programOrder = []string{"JHT", "JKK", "JKM", "JP", "JKP"}

// selfPaidPrograms are a self-employed (BPU) member's: JKK and JKM, and
// JHT if he chooses it (the seeded one does); never JP or JKP.
var selfPaidPrograms = []string{"JHT", "JKK", "JKM"}

// memberPrograms are the programs of a member of segment.
func memberPrograms(segment string) []string {
	if segment == "BPU" {
		return selfPaidPrograms
	}
	return programOrder
}

// programStart is when a program began to exist; members who joined
// earlier were enrolled on that date.
var programStart = map[string]string{
	"JP":  rates.JPStart.Format(time.DateOnly),
	"JKP": rates.JKPStart.Format(time.DateOnly),
}

// programJoined is when a member who joined on since entered code.
func programJoined(code, since string) string {
	if start := programStart[code]; start > since {
		return start
	}
	return since
}

// cardPrograms lists the programs a card covered: those that existed
// before the card closed. A card with no employer registration number
// (NPP) is a self-employed member's own.
func cardPrograms(c card) []string {
	if c.npp == "" {
		return selfPaidPrograms
	}
	var out []string
	for _, code := range programOrder {
		if c.closed.Valid && programStart[code] > c.closed.String {
			continue
		}
		out = append(out, code)
	}
	return out
}
