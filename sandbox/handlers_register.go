package sandbox

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Registration, in two steps as JMO does it. The member record already
// exists (the employer's enrolment created it); registering proves who is
// asking and sets the online credentials:
//
//  1. POST /v1/register: NIK, KPJ, birth date, name, email, phone and
//     password. The answer is the same 202 whatever matched: a
//     registration id and where the codes went (masked as typed). A
//     6-digit code goes to the email (when no account uses it), and one
//     by SMS to the phone, but only when NIK, KPJ and birth date match a
//     member without an online account and the phone is the one on that
//     member's record. So a stranger who knows a NIK and KPJ cannot
//     finish: the SMS code reaches the member's own phone.
//  2. POST /v1/register/verify with both codes: only now is the account
//     created. Codes expire, are single-use, a registration allows
//     regMaxAttempts code checks, and POST /v1/register/resend sends new
//     codes after a countdown.
//
// Nothing in the answers tells whether a NIK, KPJ or email exists.
const (
	regCodeTTL     = 5 * time.Minute  // how long a code is good
	regLifetime    = 30 * time.Minute // how long a registration may take in all
	regResendAfter = 60 * time.Second // the resend countdown
	regMaxResends  = 3
	regMaxAttempts = 5
	regPerAddress  = 10 // registration starts per address per regWindow
	regPerNIK      = 3  // and per NIK as typed
	regWindow      = time.Hour
)

// handleRegister is step 1.
func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) {
	var req registerRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	req.FullName = strings.TrimSpace(req.FullName)
	req.Email = strings.TrimSpace(req.Email)
	req.Phone = strings.TrimSpace(req.Phone)
	if errs := validateRegister(req, s); len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	now := s.now()
	_, ip := clientInfo(r)
	ipRes, retry, ok := s.regIP.reserve(ip, now)
	if !ok {
		writeProblem(w, rateLimitedProblem(retryAfterSeconds(retry)))
		return
	}
	if _, retry, ok := s.regNIK.reserve(req.NIK, now); !ok {
		ipRes.Refund()
		writeProblem(w, rateLimitedProblem(retryAfterSeconds(retry)))
		return
	}
	ctx := r.Context()
	m, err := s.matchRegistration(ctx, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The password is hashed whether or not anything matched, so the
	// answer takes as long either way.
	hash, err := s.hash(ctx, req.Password)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	raw, regHash, err := newToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	emailCode, smsCode, err := s.sendCodes(regHash, req, m, now)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var memberID any
	if m.canRegister() {
		memberID = m.memberID
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM registrations WHERE expires_at <= ?`, now.Unix()); err != nil {
		s.fail(w, r, fmt.Errorf("purge registrations: %w", err))
		return
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO registrations
		(hash, member_id, kpj, email, phone, password_hash, email_code, sms_code, codes_expire, resend_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		regHash, memberID, req.KPJ, req.Email, normalizePhone(req.Phone), hash, emailCode, smsCode,
		now.Add(regCodeTTL).Unix(), now.Add(regResendAfter).Unix(), now.Add(regLifetime).Unix()); err != nil {
		s.fail(w, r, fmt.Errorf("insert registration: %w", err))
		return
	}
	writeJSON(w, http.StatusAccepted, registrationStarted(raw, req.Email, req.Phone, regMaxAttempts, now.Add(regCodeTTL), now.Add(regResendAfter), now))
}

func registrationStarted(id, email, phone string, attempts int, codesExpire, resendAt, now time.Time) registrationResponse {
	return registrationResponse{
		RegistrationID: id, EmailMasked: maskEmail(email), PhoneMasked: maskMiddle(normalizePhone(phone), 4),
		ExpiresIn: max(1, int(codesExpire.Sub(now)/time.Second)), ResendIn: max(0, int(resendAt.Sub(now)/time.Second)),
		AttemptsRemaining: attempts,
	}
}

// regMatch is what step 1 found; the caller never learns it.
type regMatch struct {
	memberID    int64  // 0: NIK, KPJ and birth date match no member
	phoneOnFile string // the member record's mobile number (08… form)
	hasAccount  bool
	emailTaken  bool
	phoneOK     bool // the typed phone is the one on record
}

// canRegister: the member exists, has no account, and the SMS goes to
// their phone on record; the email must be free too.
func (m regMatch) canRegister() bool {
	return m.memberID != 0 && !m.hasAccount && m.phoneOK && !m.emailTaken
}

func (s *Server) matchRegistration(ctx context.Context, req registerRequest) (regMatch, error) {
	var m regMatch
	var phone sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT m.id, m.phone FROM members m JOIN cards c ON c.member_id = m.id
		WHERE m.nik = ? AND c.kpj = ? AND m.birth_date = ?`, req.NIK, req.KPJ, req.BirthDate).Scan(&m.memberID, &phone)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("look up member: %w", err)
	}
	m.phoneOnFile = phone.String
	m.phoneOK = phone.Valid && phone.String != "" && phone.String == normalizePhone(req.Phone)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE member_id = ?`, m.memberID).Scan(&n); err != nil {
		return m, fmt.Errorf("check account: %w", err)
	}
	m.hasAccount = n > 0
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE email = ?`, req.Email).Scan(&n); err != nil {
		return m, fmt.Errorf("check email: %w", err)
	}
	m.emailTaken = n > 0
	return m, nil
}

// sendCodes puts the codes (or notices) in the outbox and returns the
// digests to store. A code nobody was sent is random and unknowable, so a
// registration that matched nothing fails at step 2 exactly like a typo.
func (s *Server) sendCodes(regHash []byte, req registerRequest, m regMatch, now time.Time) (emailDigest, smsDigest []byte, err error) {
	emailCode, err := newCode()
	if err != nil {
		return nil, nil, err
	}
	smsCode, err := newCode()
	if err != nil {
		return nil, nil, err
	}
	if m.emailTaken {
		s.outbox.send(Message{At: now, Channel: "email", To: req.Email, Subject: "Pendaftaran Cek BPJSTK Sandbox",
			Body: "Seseorang mencoba mendaftar dengan alamat email ini, yang sudah dipakai sebuah akun. " +
				"Jika itu Anda, silakan masuk atau atur ulang kata sandi. Jika bukan, abaikan pesan ini."})
	} else {
		s.outbox.send(Message{At: now, Channel: "email", To: req.Email, Subject: "Kode verifikasi Cek BPJSTK Sandbox",
			Body: "Kode verifikasi email Anda: " + emailCode + ". Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun.",
			Code: emailCode})
	}
	switch {
	case m.memberID != 0 && m.hasAccount && m.phoneOnFile != "":
		s.outbox.send(Message{At: now, Channel: "sms", To: m.phoneOnFile,
			Body: "Ada yang mencoba mendaftarkan akun online untuk kepesertaan BPJSTK Anda, padahal Anda sudah punya akun. Jika bukan Anda, abaikan."})
	case m.canRegister():
		s.outbox.send(Message{At: now, Channel: "sms", To: m.phoneOnFile,
			Body: "Kode verifikasi Cek BPJSTK Sandbox: " + smsCode + ". Berlaku 5 menit. JANGAN berikan kode ini kepada siapa pun.",
			Code: smsCode})
	}
	return codeDigest(regHash, "email", emailCode), codeDigest(regHash, "sms", smsCode), nil
}

// newCode is a uniformly random 6-digit code.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("read code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// codeDigest binds a code to its registration and channel.
func codeDigest(regHash []byte, channel, code string) []byte {
	h := sha256.New()
	h.Write(regHash)
	h.Write([]byte{0})
	h.Write([]byte(channel))
	h.Write([]byte{0})
	h.Write([]byte(code))
	return h.Sum(nil)
}

// handleRegisterVerify is step 2.
func (s *Server) handleRegisterVerify(w http.ResponseWriter, r *http.Request) {
	var req registerVerifyRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	var errs fieldErrors
	if req.RegistrationID == "" {
		errs.add("registration_id", "required", "registration_id is required.")
	}
	req.EmailCode, req.SMSCode = strings.TrimSpace(req.EmailCode), strings.TrimSpace(req.SMSCode)
	for _, c := range []struct{ field, code, name string }{{"email_code", req.EmailCode, "email"}, {"sms_code", req.SMSCode, "SMS"}} {
		switch {
		case c.code == "":
			errs.add(c.field, "required", "The "+c.name+" code is required.")
		case len(c.code) != 6 || !reDigit.MatchString(c.code):
			errs.add(c.field, "format", "The "+c.name+" code is 6 digits.")
		}
	}
	if len(errs) > 0 {
		writeProblem(w, validationProblem(errs))
		return
	}
	ctx := r.Context()
	now := s.now()
	regHash := hashToken(req.RegistrationID)
	// One conditional UPDATE spends an attempt, so racing requests cannot
	// check more codes than the registration allows.
	var memberID sql.NullInt64
	var attempts, codesExpire int64
	var kpj, email, phone, pwHash string
	var emailDigest, smsDigest []byte
	err := s.db.QueryRowContext(ctx, `UPDATE registrations SET attempts = attempts + 1
		WHERE hash = ? AND done = 0 AND attempts < ? AND expires_at > ?
		RETURNING member_id, attempts, codes_expire, kpj, email, phone, password_hash, email_code, sms_code`,
		regHash, regMaxAttempts, now.Unix()).Scan(&memberID, &attempts, &codesExpire, &kpj, &email, &phone, &pwHash, &emailDigest, &smsDigest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeProblem(w, newProblem("registration-expired", "This registration has expired, was completed or used up its attempts; start again."))
		return
	case err != nil:
		s.fail(w, r, fmt.Errorf("spend registration attempt: %w", err))
		return
	}
	left := regMaxAttempts - int(attempts)
	if now.Unix() >= codesExpire {
		writeProblem(w, withAttempts(newProblem("code-expired", "The codes have expired; ask for new ones."), left))
		return
	}
	emailOK := subtle.ConstantTimeCompare(codeDigest(regHash, "email", req.EmailCode), emailDigest) == 1
	smsOK := subtle.ConstantTimeCompare(codeDigest(regHash, "sms", req.SMSCode), smsDigest) == 1
	if !emailOK || !smsOK || !memberID.Valid {
		p := newProblem("invalid-code", "A code is wrong.")
		if !emailOK {
			p.Errors = append(p.Errors, FieldError{Field: "email_code", Code: "mismatch", Message: "The email code is wrong."})
		}
		if !smsOK || !memberID.Valid {
			p.Errors = append(p.Errors, FieldError{Field: "sms_code", Code: "mismatch", Message: "The SMS code is wrong."})
		}
		writeProblem(w, withAttempts(p, left))
		return
	}
	resp, p, err := s.createAccount(ctx, regHash, memberID.Int64, kpj, email, phone, pwHash, now)
	switch {
	case err != nil:
		s.fail(w, r, err)
	case p != nil:
		writeProblem(w, p)
	default:
		s.log.Info("member registered", "kpj_suffix", kpj[len(kpj)-4:])
		writeJSON(w, http.StatusCreated, resp)
	}
}

// createAccount turns a confirmed registration into the account, once.
// The caller has proved both the email and the member's phone, so it may
// learn of a conflict that a racing registration created meanwhile.
func (s *Server) createAccount(ctx context.Context, regHash []byte, memberID int64, kpj, email, phone, pwHash string, now time.Time) (registerResponse, *Problem, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return registerResponse{}, nil, fmt.Errorf("begin registration: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE registrations SET done = 1 WHERE hash = ? AND done = 0`, regHash)
	if err != nil {
		return registerResponse{}, nil, fmt.Errorf("finish registration: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return registerResponse{}, newProblem("registration-expired", "This registration was already completed."), nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE member_id = ?`, memberID).Scan(&n); err != nil {
		return registerResponse{}, nil, fmt.Errorf("check account: %w", err)
	}
	if n > 0 {
		return registerResponse{}, newProblem("already-registered", "This member already has an online account; sign in or reset the password."), nil
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE email = ?`, email).Scan(&n); err != nil {
		return registerResponse{}, nil, fmt.Errorf("check email: %w", err)
	}
	if n > 0 {
		return registerResponse{}, newProblem("email-taken", "Another account already uses this email address."), nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO accounts (member_id, email, phone, password_hash, created_at)
		VALUES (?, ?, ?, ?, ?)`, memberID, email, phone, pwHash, now.Unix()); err != nil {
		return registerResponse{}, nil, fmt.Errorf("insert account: %w", err)
	}
	var fullName string
	if err := tx.QueryRowContext(ctx, `SELECT full_name FROM members WHERE id = ?`, memberID).Scan(&fullName); err != nil {
		return registerResponse{}, nil, fmt.Errorf("load member: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return registerResponse{}, nil, fmt.Errorf("commit registration: %w", err)
	}
	return registerResponse{KPJ: kpj, Email: email, FullName: fullName}, nil, nil
}

// handleRegisterResend sends new codes after the countdown; the old ones
// stop working.
func (s *Server) handleRegisterResend(w http.ResponseWriter, r *http.Request) {
	var req registerResendRequest
	if p := decodeJSON(w, r, &req); p != nil {
		writeProblem(w, p)
		return
	}
	if req.RegistrationID == "" {
		writeProblem(w, validationProblem(fieldErrors{{Field: "registration_id", Code: "required", Message: "registration_id is required."}}))
		return
	}
	ctx := r.Context()
	now := s.now()
	regHash := hashToken(req.RegistrationID)
	var memberID sql.NullInt64
	var resendAt, expires, attempts int64
	var resends int
	var kpj, email, phone string
	err := s.db.QueryRowContext(ctx, `SELECT member_id, resend_at, resends, expires_at, attempts, kpj, email, phone
		FROM registrations WHERE hash = ? AND done = 0 AND expires_at > ?`, regHash, now.Unix()).
		Scan(&memberID, &resendAt, &resends, &expires, &attempts, &kpj, &email, &phone)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeProblem(w, newProblem("registration-expired", "This registration has expired or was completed; start again."))
		return
	case err != nil:
		s.fail(w, r, fmt.Errorf("look up registration: %w", err))
		return
	case now.Unix() < resendAt:
		writeProblem(w, rateLimitedProblem(int(resendAt-now.Unix())))
		return
	case resends >= regMaxResends:
		writeProblem(w, rateLimitedProblem(int(expires-now.Unix())))
		return
	}
	m, err := s.matchForResend(ctx, memberID, email, phone)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	emailDigest, smsDigest, err := s.sendCodes(regHash, registerRequest{Email: email, Phone: phone}, m, now)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	codesExpire, nextResend := now.Add(regCodeTTL), now.Add(regResendAfter)
	res, err := s.db.ExecContext(ctx, `UPDATE registrations SET email_code = ?, sms_code = ?, codes_expire = ?,
		resend_at = ?, resends = resends + 1 WHERE hash = ? AND resends = ? AND done = 0`,
		emailDigest, smsDigest, codesExpire.Unix(), nextResend.Unix(), regHash, resends)
	if err != nil {
		s.fail(w, r, fmt.Errorf("resend codes: %w", err))
		return
	}
	if n, _ := res.RowsAffected(); n != 1 {
		// A racing resend won; it sent the codes that count.
		writeProblem(w, rateLimitedProblem(int(regResendAfter/time.Second)))
		return
	}
	writeJSON(w, http.StatusAccepted, registrationStarted(req.RegistrationID, email, phone,
		regMaxAttempts-int(attempts), codesExpire, nextResend, now))
}

// matchForResend rebuilds what step 1 found for a stored registration.
func (s *Server) matchForResend(ctx context.Context, memberID sql.NullInt64, email, phone string) (regMatch, error) {
	m := regMatch{phoneOK: memberID.Valid}
	if memberID.Valid {
		m.memberID, m.phoneOnFile = memberID.Int64, phone
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE email = ?`, email).Scan(&n); err != nil {
		return m, fmt.Errorf("check email: %w", err)
	}
	m.emailTaken = n > 0
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE member_id = ?`, m.memberID).Scan(&n); err != nil {
		return m, fmt.Errorf("check account: %w", err)
	}
	m.hasAccount = n > 0
	return m, nil
}

// maskEmail keeps the first two characters of the local part and the
// domain: "dewi@contoh.id" → "de**@contoh.id".
func maskEmail(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 1 {
		return "***"
	}
	local := []rune(email[:at])
	keep := min(2, len(local))
	return string(local[:keep]) + strings.Repeat("*", max(2, len(local)-keep)) + email[at:]
}

func validateRegister(req registerRequest, s *Server) fieldErrors {
	var errs fieldErrors
	checkBirthDate(&errs, req.BirthDate, s.now())
	// NIK first in the list: it is the first field of the form. Its date
	// part is not compared with the birth date: Dukcapil keeps the NIK when
	// a birth date is corrected, so the member record's match decides.
	var nikErrs fieldErrors
	checkNIK(&nikErrs, req.NIK)
	errs = append(nikErrs, errs...)
	checkKPJ(&errs, "kpj", req.KPJ)
	switch n := utf8.RuneCountInString(req.FullName); {
	case n == 0:
		errs.add("full_name", "required", "Full name is required.")
	case n < 2 || n > 100:
		errs.add("full_name", "length", "Full name must be 2 to 100 characters.")
	}
	checkEmail(&errs, req.Email)
	checkPhone(&errs, req.Phone)
	checkPassword(&errs, "password", req.Password,
		personalStrings(req.FullName, req.Email, req.NIK, req.KPJ, req.BirthDate)...)
	return errs
}
