package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

func (s *Server) handleTOTPEnroll(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct.totpSecret != "" {
		// Replacing an active factor must go through DELETE (which needs a
		// code), or a stolen access token could swap in the thief's app.
		writeProblem(w, newProblem("mfa-already-enabled", "Two-factor authentication is already on; turn it off first."))
		return
	}
	secret, uri, err := newTOTPKey(acct.email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE accounts SET totp_pending = ? WHERE member_id = ?`, secret, sess.memberID); err != nil {
		s.fail(w, r, fmt.Errorf("store pending totp: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, totpEnrollResponse{Secret: secret, OTPAuthURI: uri})
}

// lockedOut answers 429 if the account is locked. Code checks behind a
// bearer token share the login lockout: otherwise whoever holds a stolen
// access token could guess codes until one turns 2FA off.
func (s *Server) lockedOut(w http.ResponseWriter, acct *account) bool {
	if d := s.lock.locked(lockKey(acct, ""), s.now()); d > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(d)))
		return true
	}
	return false
}

// wrongCode counts a failed code and answers 401 or, once the limit is
// reached, 429.
func (s *Server) wrongCode(w http.ResponseWriter, acct *account, detail string) {
	remaining, lockedFor := s.lock.fail(lockKey(acct, ""), s.now())
	if lockedFor > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(lockedFor)))
		return
	}
	writeProblem(w, withAttempts(newProblem("invalid-mfa-code", detail), remaining))
}

// readCode decodes a {"code"} body, answering the 400/422 itself.
func readCode(w http.ResponseWriter, r *http.Request) (string, bool) {
	var req codeRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return "", false
	}
	code := strings.TrimSpace(req.Code)
	if code == "" {
		writeProblem(w, validationProblem(fieldErrors{{Field: "code", Code: "required", Message: "The 6-digit code is required."}}))
		return "", false
	}
	return code, true
}

// totpCodeCheck is what confirming and disabling TOTP have in common: read
// the code, find the secret it must match, respect the lockout, and count a
// wrong code. It returns the matched time step, or 0 when it has answered.
type totpCodeCheck struct {
	secret      func(*account) string // the secret the code must match
	lastStep    func(*account) int64  // steps at or before this are spent
	notEnrolled string                // detail when there is no such secret
	mismatch    string                // detail for a wrong code
}

func (s *Server) checkTOTPCode(w http.ResponseWriter, r *http.Request, sess session, c totpCodeCheck) int64 {
	code, ok := readCode(w, r)
	if !ok {
		return 0
	}
	acct, err := accountByMember(r.Context(), s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return 0
	}
	secret := c.secret(acct)
	if secret == "" {
		writeProblem(w, newProblem("mfa-not-enrolled", c.notEnrolled))
		return 0
	}
	if s.lockedOut(w, acct) {
		return 0
	}
	step, err := matchTOTP(secret, code, s.now(), c.lastStep(acct))
	if err != nil {
		s.fail(w, r, err)
		return 0
	}
	if step == 0 {
		s.wrongCode(w, acct, c.mismatch)
	}
	return step
}

func (s *Server) handleTOTPConfirm(w http.ResponseWriter, r *http.Request, sess session) {
	step := s.checkTOTPCode(w, r, sess, totpCodeCheck{
		secret:      func(a *account) string { return a.totpPending },
		lastStep:    func(*account) int64 { return 0 }, // a new secret has no spent steps
		notEnrolled: "Start enrolment with POST /v1/me/mfa/totp first.",
		mismatch:    "The code does not match; check the authenticator app's clock.",
	})
	if step == 0 {
		return
	}
	if _, err := s.db.ExecContext(r.Context(), `UPDATE accounts SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?
		WHERE member_id = ?`, step, sess.memberID); err != nil {
		s.fail(w, r, fmt.Errorf("enable totp: %w", err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleTOTPDisable(w http.ResponseWriter, r *http.Request, sess session) {
	step := s.checkTOTPCode(w, r, sess, totpCodeCheck{
		secret:      func(a *account) string { return a.totpSecret },
		lastStep:    func(a *account) int64 { return a.totpLastStep },
		notEnrolled: "Two-factor authentication is not on.",
		mismatch:    "The code does not match.",
	})
	if step == 0 {
		return
	}
	if _, err := s.db.ExecContext(r.Context(), `UPDATE accounts SET totp_secret = NULL, totp_pending = NULL, totp_last_step = 0
		WHERE member_id = ?`, sess.memberID); err != nil {
		s.fail(w, r, fmt.Errorf("disable totp: %w", err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handlePassword(w http.ResponseWriter, r *http.Request, sess session) {
	var req passwordRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	ctx := r.Context()
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := loadMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var errs fieldErrors
	if req.CurrentPassword == "" {
		errs.add("current_password", "required", "The current password is required.")
	}
	checkPassword(&errs, "new_password", req.NewPassword, personalStrings(m.fullName, acct.email, m.nik, "", m.birthDate)...)
	if len(errs) == 0 && req.NewPassword == req.CurrentPassword {
		errs.add("new_password", "weak", "The new password must differ from the current one.")
	}
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	// Wrong current passwords count toward the same lockout as logins, so a
	// stolen access token cannot be used to guess the password.
	key := lockKey(acct, "")
	now := s.now()
	if d := s.lock.locked(key, now); d > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(d)))
		return
	}
	ok, err := verifyPassword(req.CurrentPassword, acct.passwordHash)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		remaining, lockedFor := s.lock.fail(key, now)
		if lockedFor > 0 {
			writeProblem(w, lockedProblem(retryAfterSeconds(lockedFor)))
			return
		}
		writeProblem(w, withAttempts(newProblem("invalid-credentials", "The current password is wrong."), remaining))
		return
	}
	hash, err := hashPassword(req.NewPassword, s.cfg.password)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		s.fail(w, r, fmt.Errorf("begin password change: %w", err))
		return
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ? WHERE member_id = ?`, hash, sess.memberID); err != nil {
		s.fail(w, r, fmt.Errorf("update password: %w", err))
		return
	}
	// Every other session may belong to whoever knew the old password.
	if _, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked_at = ? WHERE member_id = ? AND id <> ? AND revoked_at IS NULL`,
		now.Unix(), sess.memberID, sess.sessionID); err != nil {
		s.fail(w, r, fmt.Errorf("revoke other sessions: %w", err))
		return
	}
	if err := tx.Commit(); err != nil {
		s.fail(w, r, fmt.Errorf("commit password change: %w", err))
		return
	}
	s.lock.succeed(key)
	w.WriteHeader(http.StatusNoContent)
}

// maxLogins is how many login log entries GET /v1/me/logins returns.
const maxLogins = 20

func (s *Server) handleLogins(w http.ResponseWriter, r *http.Request, sess session) {
	rows, err := s.db.QueryContext(r.Context(), `SELECT at, client_name, ip, session_id FROM logins
		WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT ?`, sess.memberID, maxLogins)
	if err != nil {
		s.fail(w, r, fmt.Errorf("query logins: %w", err))
		return
	}
	defer rows.Close()
	resp := loginsResponse{Logins: []loginEntryJSON{}}
	for rows.Next() {
		var at, sid int64
		var e loginEntryJSON
		if err := rows.Scan(&at, &e.ClientName, &e.IP, &sid); err != nil {
			s.fail(w, r, fmt.Errorf("scan login: %w", err))
			return
		}
		e.At = time.Unix(at, 0).UTC().Format(time.RFC3339)
		e.Current = sid == sess.sessionID
		resp.Logins = append(resp.Logins, e)
	}
	if err := rows.Err(); err != nil {
		s.fail(w, r, fmt.Errorf("read logins: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, resp)
}
