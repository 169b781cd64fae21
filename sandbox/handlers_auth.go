package sandbox

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, healthResponse{Status: "ok", Version: "1", Time: s.now().UTC().Format(time.RFC3339)})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	ident := strings.TrimSpace(req.Identifier)
	var errs fieldErrors
	if ident == "" {
		errs.add("identifier", "required", "Email or KPJ number is required.")
	}
	if req.Password == "" {
		errs.add("password", "required", "Password is required.")
	}
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	acct, err := findAccount(ctx, s.db, ident)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key := lockKey(acct, ident)
	_, ip := clientInfo(r)
	now := s.now()
	if d := max(s.lock.locked(key, now), s.ipLock.locked(ip, now)); d > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(d)))
		return
	}
	hash := s.dummyHash
	if acct != nil {
		hash = acct.passwordHash
	}
	ok, err := verifyPassword(req.Password, hash)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct == nil || !ok {
		remaining, lockedFor := s.lock.fail(key, now)
		ipRemaining, ipLockedFor := s.ipLock.fail(ip, now)
		remaining, lockedFor = min(remaining, ipRemaining), max(lockedFor, ipLockedFor)
		if lockedFor > 0 {
			s.log.Warn("login locked", "after_failures", s.cfg.lockMax)
			writeProblem(w, lockedProblem(retryAfterSeconds(lockedFor)))
			return
		}
		writeProblem(w, withAttempts(newProblem("invalid-credentials", "The email/KPJ or password is wrong."), remaining))
		return
	}
	if acct.totpSecret != "" {
		// The lockout is cleared only after the second factor, so a stolen
		// password cannot be used to brute-force TOTP codes.
		s.startMFA(w, r, acct, key)
		return
	}
	s.lock.succeed(key)
	s.finishLogin(w, r, acct.memberID)
}

// startMFA issues a short-lived challenge token for the second step.
func (s *Server) startMFA(w http.ResponseWriter, r *http.Request, acct *account, key string) {
	raw, hash, err := newToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	exp := s.now().Add(s.cfg.mfaTTL)
	if _, err := s.db.ExecContext(r.Context(), `INSERT INTO mfa_challenges (hash, member_id, expires_at) VALUES (?, ?, ?)`,
		hash, acct.memberID, exp.Unix()); err != nil {
		s.fail(w, r, fmt.Errorf("insert mfa challenge: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, mfaRequiredResponse{
		MFARequired: true, MFAToken: raw, ExpiresIn: int(s.cfg.mfaTTL / time.Second),
		AttemptsRemaining: min(mfaMaxAttempts, s.lock.remaining(key, s.now())),
	})
}

// mfaMaxAttempts is how many codes one mfa_token may try.
const mfaMaxAttempts = 5

// finishLogin starts a session and answers with its tokens.
func (s *Server) finishLogin(w http.ResponseWriter, r *http.Request, memberID int64) {
	client, ip := clientInfo(r)
	tx, err := s.db.BeginTx(r.Context(), nil)
	if err != nil {
		s.fail(w, r, fmt.Errorf("begin login: %w", err))
		return
	}
	defer tx.Rollback()
	pair, err := s.startSession(r.Context(), tx, memberID, client, ip)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := tx.Commit(); err != nil {
		s.fail(w, r, fmt.Errorf("commit login: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, pair)
}

func (s *Server) handleLoginMFA(w http.ResponseWriter, r *http.Request) {
	var req loginMFARequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	var errs fieldErrors
	if req.MFAToken == "" {
		errs.add("mfa_token", "required", "mfa_token is required.")
	}
	if req.Code == "" {
		errs.add("code", "required", "The 6-digit code is required.")
	}
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	now := s.now()
	var memberID, expires, attempts, done int64
	err := s.db.QueryRowContext(ctx, `SELECT member_id, expires_at, attempts, done FROM mfa_challenges WHERE hash = ?`,
		hashToken(req.MFAToken)).Scan(&memberID, &expires, &attempts, &done)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeProblem(w, newProblem("unauthorized", "The mfa_token is unknown; sign in again."))
		return
	case err != nil:
		s.fail(w, r, fmt.Errorf("look up mfa challenge: %w", err))
		return
	case done != 0 || attempts >= mfaMaxAttempts || now.Unix() >= expires:
		writeProblem(w, newProblem("unauthorized", "The mfa_token has expired or was used up; sign in again."))
		return
	}
	acct, err := accountByMember(ctx, s.db, memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key := lockKey(acct, "")
	if d := s.lock.locked(key, now); d > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(d)))
		return
	}
	step, err := matchTOTP(acct.totpSecret, strings.TrimSpace(req.Code), now, acct.totpLastStep)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if step == 0 {
		attempts++
		if _, err := s.db.ExecContext(ctx, `UPDATE mfa_challenges SET attempts = ? WHERE hash = ?`,
			attempts, hashToken(req.MFAToken)); err != nil {
			s.fail(w, r, fmt.Errorf("count mfa attempt: %w", err))
			return
		}
		remaining, lockedFor := s.lock.fail(key, now)
		if lockedFor > 0 {
			writeProblem(w, lockedProblem(retryAfterSeconds(lockedFor)))
			return
		}
		left := min(int(mfaMaxAttempts-attempts), remaining)
		writeProblem(w, withAttempts(newProblem("invalid-mfa-code", "The authentication code is wrong or expired."), left))
		return
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE mfa_challenges SET done = 1 WHERE hash = ?`, hashToken(req.MFAToken)); err != nil {
		s.fail(w, r, fmt.Errorf("finish mfa challenge: %w", err))
		return
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE accounts SET totp_last_step = ? WHERE member_id = ?`, step, memberID); err != nil {
		s.fail(w, r, fmt.Errorf("record totp step: %w", err))
		return
	}
	s.lock.succeed(key)
	s.finishLogin(w, r, memberID)
}

func (s *Server) handleRefresh(w http.ResponseWriter, r *http.Request) {
	var req refreshRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	if req.RefreshToken == "" {
		writeProblem(w, validationProblem(fieldErrors{{Field: "refresh_token", Code: "required", Message: "refresh_token is required."}}))
		return
	}
	pair, err := s.rotateRefresh(r.Context(), req.RefreshToken)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pair)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request, sess session) {
	if err := revokeSession(r.Context(), s.db, sess.sessionID, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
