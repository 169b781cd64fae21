package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// attempt is one counted check of a secret behind an access token (the
// current password, a TOTP code): reserved in the member's lockout bucket
// before anything is compared, so a stolen access token buys no more
// guesses than a login does.
type attempt struct {
	s   *Server
	res reservation
	now time.Time
}

// beginAttempt reserves the attempt, answering 429 itself when the member
// is locked.
func (s *Server) beginAttempt(w http.ResponseWriter, acct *account) (attempt, bool) {
	now := s.now()
	res, retry, ok := s.lock.reserve(memberKey(acct.memberID), now)
	if !ok {
		writeProblem(w, lockedProblem(retryAfterSeconds(retry)))
		return attempt{}, false
	}
	return attempt{s: s, res: res, now: now}, true
}

// wrong answers a failed check: 429 once the limit is reached, else 401
// with slug and the attempts left.
func (a attempt) wrong(w http.ResponseWriter, slug, detail string) {
	if d := a.res.lockedFor(a.now); d > 0 {
		writeProblem(w, lockedProblem(retryAfterSeconds(d)))
		return
	}
	writeProblem(w, withAttempts(newProblem(slug, detail), a.res.Remaining))
}

// password checks the current password; on a wrong one it has answered.
func (a attempt) password(w http.ResponseWriter, r *http.Request, acct *account, pw string) bool {
	good, err := a.s.verify(r.Context(), pw, acct.passwordHash)
	if err != nil {
		a.res.Refund()
		a.s.fail(w, r, err)
		return false
	}
	if !good {
		a.wrong(w, "invalid-credentials", "The current password is wrong.")
	}
	return good
}

// requirePassword adds the 422 for a missing current password.
func requirePassword(errs *fieldErrors, pw string) {
	if pw == "" {
		errs.add("current_password", "required", "The current password is required.")
	}
}

func (s *Server) handleTOTPEnroll(w http.ResponseWriter, r *http.Request, sess session) {
	var req totpEnrollRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	var errs fieldErrors
	requirePassword(&errs, req.CurrentPassword)
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct.totpSecret != "" {
		// Replacing an active factor must go through DELETE (which needs a
		// code), or a stolen password and token could swap in the thief's app.
		writeProblem(w, newProblem("mfa-already-enabled", "Two-factor authentication is already on; turn it off first."))
		return
	}
	// An access token alone does not turn 2FA on: whoever holds a stolen
	// one could otherwise lock the member out with their own app.
	at, ok := s.beginAttempt(w, acct)
	if !ok || !at.password(w, r, acct, req.CurrentPassword) {
		return
	}
	at.res.Succeed()
	secret, uri, err := newTOTPKey(acct.email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE accounts SET totp_pending = ? WHERE member_id = ? AND totp_secret IS NULL`,
		secret, sess.memberID); err != nil {
		s.fail(w, r, fmt.Errorf("store pending totp: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, totpEnrollResponse{Secret: secret, OTPAuthURI: uri})
}

// readCode checks a code field, adding the 422 entry.
func readCode(errs *fieldErrors, code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		errs.add("code", "required", "The 6-digit code is required.")
	}
	return code
}

func (s *Server) handleTOTPConfirm(w http.ResponseWriter, r *http.Request, sess session) {
	var req codeRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	var errs fieldErrors
	code := readCode(&errs, req.Code)
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct.totpPending == "" {
		writeProblem(w, newProblem("mfa-not-enrolled", "Start enrolment with POST /v1/me/mfa/totp first."))
		return
	}
	at, ok := s.beginAttempt(w, acct)
	if !ok {
		return
	}
	// A new secret has no spent steps.
	step, err := matchTOTP(acct.totpPending, code, at.now, 0)
	if err != nil {
		at.res.Refund()
		s.fail(w, r, err)
		return
	}
	if step != 0 {
		res, err := s.db.ExecContext(ctx, `UPDATE accounts SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?
			WHERE member_id = ? AND totp_pending = ?`, step, sess.memberID, acct.totpPending)
		if err != nil {
			at.res.Refund()
			s.fail(w, r, fmt.Errorf("enable totp: %w", err))
			return
		}
		if n, _ := res.RowsAffected(); n != 1 {
			step = 0 // a racing confirmation won
		}
	}
	if step == 0 {
		at.wrong(w, "invalid-mfa-code", "The code does not match; check the authenticator app's clock.")
		return
	}
	at.res.Succeed()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleTOTPDisable(w http.ResponseWriter, r *http.Request, sess session) {
	var req totpDisableRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	var errs fieldErrors
	code := readCode(&errs, req.Code)
	requirePassword(&errs, req.CurrentPassword)
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct.totpSecret == "" {
		writeProblem(w, newProblem("mfa-not-enrolled", "Two-factor authentication is not on."))
		return
	}
	at, ok := s.beginAttempt(w, acct)
	if !ok || !at.password(w, r, acct, req.CurrentPassword) {
		return
	}
	step, err := matchTOTP(acct.totpSecret, code, at.now, acct.totpLastStep)
	if err != nil {
		at.res.Refund()
		s.fail(w, r, err)
		return
	}
	if step != 0 {
		// The step must still be unspent at the moment 2FA goes off.
		res, err := s.db.ExecContext(ctx, `UPDATE accounts SET totp_secret = NULL, totp_pending = NULL, totp_last_step = 0
			WHERE member_id = ? AND totp_secret = ? AND totp_last_step < ?`, sess.memberID, acct.totpSecret, step)
		if err != nil {
			at.res.Refund()
			s.fail(w, r, fmt.Errorf("disable totp: %w", err))
			return
		}
		if n, _ := res.RowsAffected(); n != 1 {
			step = 0
		}
	}
	if step == 0 {
		at.wrong(w, "invalid-mfa-code", "The code does not match.")
		return
	}
	at.res.Succeed()
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
	requirePassword(&errs, req.CurrentPassword)
	checkPassword(&errs, "new_password", req.NewPassword, personalStrings(m.fullName, acct.email, m.nik, "", m.birthDate)...)
	if len(errs) == 0 && req.NewPassword == req.CurrentPassword {
		errs.add("new_password", "weak", "The new password must differ from the current one.")
	}
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	// Wrong current passwords count toward the member's lockout, so a
	// stolen access token cannot be used to guess the password.
	at, ok := s.beginAttempt(w, acct)
	if !ok || !at.password(w, r, acct, req.CurrentPassword) {
		return
	}
	hash, err := s.hash(ctx, req.NewPassword)
	if err != nil {
		at.res.Refund()
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
		at.now.Unix(), sess.memberID, sess.sessionID); err != nil {
		s.fail(w, r, fmt.Errorf("revoke other sessions: %w", err))
		return
	}
	if err := tx.Commit(); err != nil {
		s.fail(w, r, fmt.Errorf("commit password change: %w", err))
		return
	}
	at.res.Succeed()
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
