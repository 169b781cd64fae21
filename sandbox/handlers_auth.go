package sandbox

import (
	"context"
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
	// Count the attempt first, for the identifier as typed and for the
	// address, under the lockouts' mutex: however many requests race, no
	// more than the limit are ever checked. The bucket is the identifier
	// as typed, known or not, so the answer (attempts_remaining, the lock)
	// never tells whether two identifiers belong to one member.
	key := identKey(ident)
	_, ip := clientInfo(r)
	now := s.now()
	res, retry, ok := s.lock.reserve(key, now)
	if !ok {
		writeProblem(w, lockedProblem(retryAfterSeconds(retry)))
		return
	}
	ipRes, retry, ok := s.ipLock.reserve(ip, now)
	if !ok {
		res.Refund()
		writeProblem(w, lockedProblem(retryAfterSeconds(retry)))
		return
	}
	acct, err := findAccount(ctx, s.db, ident)
	if err != nil {
		res.Refund()
		ipRes.Refund()
		s.fail(w, r, err)
		return
	}
	hash := s.dummyHash
	if acct != nil {
		hash = acct.passwordHash
	}
	good, err := s.verify(ctx, req.Password, hash)
	if err != nil {
		res.Refund()
		ipRes.Refund()
		s.fail(w, r, err)
		return
	}
	if acct == nil || !good {
		if d := max(res.lockedFor(now), ipRes.lockedFor(now)); d > 0 {
			s.log.Warn("login locked", "after_failures", s.cfg.lockMax)
			writeProblem(w, lockedProblem(retryAfterSeconds(d)))
			return
		}
		writeProblem(w, withAttempts(newProblem("invalid-credentials", "The email/KPJ or password is wrong."),
			min(res.Remaining, ipRes.Remaining)))
		return
	}
	// A right password is no failure of the address.
	ipRes.Refund()
	if acct.totpSecret != "" {
		// The identifier's failures are cleared only after the second
		// factor, so a stolen password cannot be used to brute-force TOTP
		// codes; this attempt itself is given back.
		res.Refund()
		s.startMFA(w, r, acct, key)
		return
	}
	res.Succeed()
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
	if _, err := s.db.ExecContext(r.Context(), `INSERT INTO mfa_challenges (hash, member_id, expires_at, lock_key) VALUES (?, ?, ?, ?)`,
		hash, acct.memberID, exp.Unix(), key); err != nil {
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
	// One conditional UPDATE spends one of the challenge's attempts: racing
	// requests can never try more codes than it allows.
	var memberID, attempts int64
	var key string
	challenge := hashToken(req.MFAToken)
	err := s.db.QueryRowContext(ctx, `UPDATE mfa_challenges SET attempts = attempts + 1
		WHERE hash = ? AND done = 0 AND attempts < ? AND expires_at > ?
		RETURNING member_id, attempts, lock_key`, challenge, mfaMaxAttempts, now.Unix()).Scan(&memberID, &attempts, &key)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeProblem(w, newProblem("unauthorized", "The mfa_token is unknown, has expired or was used up; sign in again."))
		return
	case err != nil:
		s.fail(w, r, fmt.Errorf("spend mfa attempt: %w", err))
		return
	}
	acct, err := accountByMember(ctx, s.db, memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, retry, ok := s.lock.reserve(key, now)
	if !ok {
		writeProblem(w, lockedProblem(retryAfterSeconds(retry)))
		return
	}
	step, err := matchTOTP(acct.totpSecret, strings.TrimSpace(req.Code), now, acct.totpLastStep)
	if err != nil {
		res.Refund()
		s.fail(w, r, err)
		return
	}
	if step != 0 {
		// The challenge and the time step are spent in one transaction,
		// each only if still unspent: one code buys one session.
		spent, err := s.spendMFA(ctx, challenge, memberID, step)
		if err != nil {
			res.Refund()
			s.fail(w, r, err)
			return
		}
		if !spent {
			step = 0
		}
	}
	if step == 0 {
		if d := res.lockedFor(now); d > 0 {
			writeProblem(w, lockedProblem(retryAfterSeconds(d)))
			return
		}
		left := min(int(mfaMaxAttempts-attempts), res.Remaining)
		writeProblem(w, withAttempts(newProblem("invalid-mfa-code", "The authentication code is wrong or expired."), left))
		return
	}
	res.Succeed()
	s.finishLogin(w, r, memberID)
}

// spendMFA marks the challenge done and the TOTP step used, both or
// neither, and reports whether this call was the one that spent them.
func (s *Server) spendMFA(ctx context.Context, challenge []byte, memberID, step int64) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin mfa: %w", err)
	}
	defer tx.Rollback()
	done, err := tx.ExecContext(ctx, `UPDATE mfa_challenges SET done = 1 WHERE hash = ? AND done = 0`, challenge)
	if err != nil {
		return false, fmt.Errorf("finish mfa challenge: %w", err)
	}
	if n, _ := done.RowsAffected(); n != 1 {
		return false, nil
	}
	if ok, err := spendTOTPStep(ctx, tx, memberID, step); err != nil || !ok {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit mfa: %w", err)
	}
	return true, nil
}

// spendTOTPStep records step as the member's last used TOTP step, only if
// it is newer than the one recorded: a code is good once.
func spendTOTPStep(ctx context.Context, q querier, memberID, step int64) (bool, error) {
	res, err := q.ExecContext(ctx, `UPDATE accounts SET totp_last_step = ? WHERE member_id = ? AND totp_last_step < ?`,
		step, memberID, step)
	if err != nil {
		return false, fmt.Errorf("record totp step: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
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
