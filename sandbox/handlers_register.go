package sandbox

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// handleRegister creates the online account of an existing member. As in
// the real JMO flow, the member record must already exist (created by the
// employer's enrolment); registration only proves identity with NIK, KPJ and
// birth date together and sets credentials.
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
	ctx := r.Context()
	var memberID int64
	var fullName string
	err := s.db.QueryRowContext(ctx, `SELECT m.id, m.full_name FROM members m JOIN cards c ON c.member_id = m.id
		WHERE m.nik = ? AND c.kpj = ? AND m.birth_date = ?`, req.NIK, req.KPJ, req.BirthDate).Scan(&memberID, &fullName)
	if errors.Is(err, sql.ErrNoRows) {
		writeProblem(w, newProblem("member-not-found",
			"No member matches this NIK, KPJ number and birth date together. Check the numbers on your card."))
		return
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("look up member: %w", err))
		return
	}
	p, err := registrationConflict(r, s.db, memberID, req.Email)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if p != nil {
		writeProblem(w, p)
		return
	}
	hash, err := hashPassword(req.Password, s.cfg.password)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO accounts (member_id, email, phone, password_hash, created_at)
		VALUES (?, ?, ?, ?, ?)`, memberID, req.Email, normalizePhone(req.Phone), hash, s.now().Unix()); err != nil {
		// A concurrent registration can win the race past the checks above;
		// the unique constraints catch it, and rechecking names the cause.
		if p, _ := registrationConflict(r, s.db, memberID, req.Email); p != nil {
			writeProblem(w, p)
			return
		}
		s.fail(w, r, fmt.Errorf("insert account: %w", err))
		return
	}
	s.log.Info("member registered", "kpj_suffix", req.KPJ[len(req.KPJ)-4:])
	writeJSON(w, http.StatusCreated, registerResponse{KPJ: req.KPJ, Email: req.Email, FullName: fullName})
}

// registrationConflict reports an existing account or a taken email.
func registrationConflict(r *http.Request, q querier, memberID int64, email string) (*Problem, error) {
	var n int
	if err := q.QueryRowContext(r.Context(), `SELECT COUNT(*) FROM accounts WHERE member_id = ?`, memberID).Scan(&n); err != nil {
		return nil, fmt.Errorf("check account: %w", err)
	}
	if n > 0 {
		return newProblem("already-registered", "This member already has an online account; sign in or reset the password."), nil
	}
	if err := q.QueryRowContext(r.Context(), `SELECT COUNT(*) FROM accounts WHERE email = ?`, email).Scan(&n); err != nil {
		return nil, fmt.Errorf("check email: %w", err)
	}
	if n > 0 {
		return newProblem("email-taken", "Another account already uses this email address."), nil
	}
	return nil, nil
}

func validateRegister(req registerRequest, s *Server) fieldErrors {
	var errs fieldErrors
	birth, birthOK := checkBirthDate(&errs, req.BirthDate, s.now())
	// NIK first in the list: it is the first field of the form.
	var nikErrs fieldErrors
	checkNIK(&nikErrs, req.NIK, birth, birthOK)
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
