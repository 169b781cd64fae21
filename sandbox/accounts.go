package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// account is an online account as the auth handlers need it.
type account struct {
	memberID     int64
	email        string
	fullName     string
	passwordHash string
	totpSecret   string // "" when TOTP is off
	totpPending  string
	totpLastStep int64
}

const accountColumns = `a.member_id, a.email, m.full_name, a.password_hash,
	COALESCE(a.totp_secret, ''), COALESCE(a.totp_pending, ''), a.totp_last_step`

func scanAccount(row *sql.Row) (*account, error) {
	var a account
	err := row.Scan(&a.memberID, &a.email, &a.fullName, &a.passwordHash, &a.totpSecret, &a.totpPending, &a.totpLastStep)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("scan account: %w", err)
	}
	return &a, nil
}

// findAccount resolves a login identifier: an email address or the
// 11-digit KPJ of any of the member's cards. It returns nil, nil when there
// is no such account.
func findAccount(ctx context.Context, q querier, identifier string) (*account, error) {
	if reKPJ.MatchString(identifier) {
		return scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+`
			FROM cards c JOIN accounts a ON a.member_id = c.member_id JOIN members m ON m.id = a.member_id
			WHERE c.kpj = ?`, identifier))
	}
	return scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+`
		FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.email = ?`, identifier))
}

func accountByMember(ctx context.Context, q querier, memberID int64) (*account, error) {
	a, err := scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+`
		FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.member_id = ?`, memberID))
	if err == nil && a == nil {
		err = fmt.Errorf("member %d has no account", memberID)
	}
	return a, err
}

// identKey is the lockout bucket of a login identifier: as typed,
// trimmed and lower-cased (emails are case-insensitive; a KPJ has no case),
// whether or not it exists. Counting per member would make
// attempts_remaining link an email to a KPJ; a member's several
// identifiers each have their own limit, and the per-address limit caps
// them together.
func identKey(identifier string) string {
	return "id:" + strings.ToLower(strings.TrimSpace(identifier))
}

// memberKey is the lockout bucket of the checks made with an access token
// (the current password, TOTP codes): the caller is known, so the bucket is
// the member.
func memberKey(memberID int64) string {
	return "member:" + strconv.FormatInt(memberID, 10)
}
