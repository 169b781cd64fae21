package sandbox

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"
)

// newToken returns a random 32-byte base64url token and the SHA-256 digest
// that is all the database ever sees: a leaked database yields no usable
// token.
func newToken() (string, []byte, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("read token bytes: %w", err)
	}
	raw := base64.RawURLEncoding.EncodeToString(b)
	return raw, hashToken(raw), nil
}

func hashToken(raw string) []byte {
	sum := sha256.Sum256([]byte(raw))
	return sum[:]
}

// startSession creates a session family for memberID, records the login and
// returns its first token pair.
func (s *Server) startSession(ctx context.Context, tx *sql.Tx, memberID int64, client, ip string) (tokenResponse, error) {
	now := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO sessions (member_id, created_at) VALUES (?, ?)`, memberID, now.Unix())
	if err != nil {
		return tokenResponse{}, fmt.Errorf("insert session: %w", err)
	}
	sid, err := res.LastInsertId()
	if err != nil {
		return tokenResponse{}, fmt.Errorf("session id: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO logins (member_id, at, client_name, ip, session_id) VALUES (?, ?, ?, ?, ?)`,
		memberID, now.Unix(), client, ip, sid); err != nil {
		return tokenResponse{}, fmt.Errorf("insert login: %w", err)
	}
	return s.issueTokens(ctx, tx, sid, now.Add(s.cfg.sessionLife))
}

// issueTokens adds a fresh access and refresh token to session sid, whose
// family ends at familyEnd: no token outlives it.
func (s *Server) issueTokens(ctx context.Context, tx *sql.Tx, sid int64, familyEnd time.Time) (tokenResponse, error) {
	now := s.now()
	access, accessHash, err := newToken()
	if err != nil {
		return tokenResponse{}, err
	}
	refresh, refreshHash, err := newToken()
	if err != nil {
		return tokenResponse{}, err
	}
	const q = `INSERT INTO tokens (hash, kind, session_id, expires_at) VALUES (?, ?, ?, ?)`
	accessEnd := minTime(now.Add(s.cfg.accessTTL), familyEnd)
	if _, err := tx.ExecContext(ctx, q, accessHash, "access", sid, accessEnd.Unix()); err != nil {
		return tokenResponse{}, fmt.Errorf("insert access token: %w", err)
	}
	if _, err := tx.ExecContext(ctx, q, refreshHash, "refresh", sid, minTime(now.Add(s.cfg.refreshTTL), familyEnd).Unix()); err != nil {
		return tokenResponse{}, fmt.Errorf("insert refresh token: %w", err)
	}
	return tokenResponse{
		AccessToken: access, RefreshToken: refresh, TokenType: "Bearer",
		ExpiresIn: max(1, int(accessEnd.Sub(now)/time.Second)),
	}, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// session is the authenticated caller of a request.
type session struct {
	memberID  int64
	sessionID int64
}

// authenticate resolves a bearer access token.
func (s *Server) authenticate(ctx context.Context, raw string) (session, error) {
	var sess session
	var expires int64
	var revoked sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT s.member_id, s.id, t.expires_at, s.revoked_at
		FROM tokens t JOIN sessions s ON s.id = t.session_id
		WHERE t.hash = ? AND t.kind = 'access'`, hashToken(raw)).Scan(&sess.memberID, &sess.sessionID, &expires, &revoked)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return session{}, newProblem("unauthorized", "The access token is unknown.")
	case err != nil:
		return session{}, fmt.Errorf("look up access token: %w", err)
	case revoked.Valid:
		return session{}, newProblem("unauthorized", "The session has been signed out.")
	case s.now().Unix() >= expires:
		return session{}, newProblem("unauthorized", "The access token has expired.")
	}
	return sess, nil
}

// rotateRefresh spends a refresh token and returns a new pair in the same
// session family. A token that was already spent means two parties hold it
// (RFC 6819 §5.2.2.3, OAuth 2.0 Security BCP §4.14): the whole family is
// revoked and both must sign in again.
func (s *Server) rotateRefresh(ctx context.Context, raw string) (tokenResponse, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return tokenResponse{}, fmt.Errorf("begin refresh: %w", err)
	}
	defer tx.Rollback()
	var sid, expires, created int64
	var spent, revoked sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT t.session_id, t.expires_at, t.spent_at, s.revoked_at, s.created_at
		FROM tokens t JOIN sessions s ON s.id = t.session_id
		WHERE t.hash = ? AND t.kind = 'refresh'`, hashToken(raw)).Scan(&sid, &expires, &spent, &revoked, &created)
	familyEnd := time.Unix(created, 0).Add(s.cfg.sessionLife)
	now := s.now()
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return tokenResponse{}, newProblem("unauthorized", "The refresh token is unknown.")
	case err != nil:
		return tokenResponse{}, fmt.Errorf("look up refresh token: %w", err)
	case revoked.Valid:
		return tokenResponse{}, newProblem("unauthorized", "The session has been signed out.")
	case spent.Valid:
		if err := revokeSession(ctx, tx, sid, now); err != nil {
			return tokenResponse{}, err
		}
		if err := tx.Commit(); err != nil {
			return tokenResponse{}, fmt.Errorf("commit revocation: %w", err)
		}
		s.log.Warn("refresh token reused; session revoked", "session", sid)
		return tokenResponse{}, newProblem("token-reused", "This refresh token was already used; the session has been revoked. Sign in again.")
	case !now.Before(familyEnd):
		return tokenResponse{}, newProblem("unauthorized", "The session has reached its absolute lifetime; sign in again.")
	case now.Unix() >= expires:
		return tokenResponse{}, newProblem("unauthorized", "The refresh token has expired.")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE tokens SET spent_at = ? WHERE hash = ?`, now.Unix(), hashToken(raw)); err != nil {
		return tokenResponse{}, fmt.Errorf("spend refresh token: %w", err)
	}
	pair, err := s.issueTokens(ctx, tx, sid, familyEnd)
	if err != nil {
		return tokenResponse{}, err
	}
	if err := tx.Commit(); err != nil {
		return tokenResponse{}, fmt.Errorf("commit refresh: %w", err)
	}
	return pair, nil
}

// revokeSession ends a session family; its tokens stop working at once.
func revokeSession(ctx context.Context, q querier, sid int64, now time.Time) error {
	if _, err := q.ExecContext(ctx, `UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, now.Unix(), sid); err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	return nil
}
