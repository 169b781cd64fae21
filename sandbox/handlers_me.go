package sandbox

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	m, err := loadMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	acct, err := accountByMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var phone string
	if err := s.db.QueryRowContext(ctx, `SELECT phone FROM accounts WHERE member_id = ?`, m.id).Scan(&phone); err != nil {
		s.fail(w, r, fmt.Errorf("load phone: %w", err))
		return
	}
	cards, err := loadCards(ctx, s.db, m.id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := meResponse{
		FullName: m.fullName, NIKMasked: maskMiddle(m.nik, 4), Email: acct.email,
		PhoneMasked: maskMiddle(phone, 4), BirthDate: m.birthDate, Gender: m.gender,
		Status: m.status, StatusSince: m.statusSince, Segment: m.segment, MemberSince: m.memberSince,
		Cards: []cardSummaryJSON{}, Programs: []programJSON{}, MFAEnabled: acct.totpSecret != "",
	}
	for _, c := range cards {
		cs := cardSummaryJSON{KPJ: c.kpj, EmployerName: c.employerName, Status: c.status, Opened: c.opened}
		if c.closed.Valid {
			cs.Closed = &c.closed.String
		}
		resp.Cards = append(resp.Cards, cs)
		if c.status == "aktif" && resp.Employer == nil && c.npp != "" { // a BPU card has no employer
			resp.Employer = &employerJSON{Name: c.employerName, NPP: c.npp, Since: c.opened}
		}
	}
	for _, code := range memberPrograms(m.segment) {
		resp.Programs = append(resp.Programs, programJSON{
			Code: code, Name: programNames[code], Status: m.status, Joined: programJoined(code, m.memberSince),
		})
	}
	var last *string
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(c.period) FROM contributions c JOIN cards k ON k.kpj = c.kpj
		WHERE k.member_id = ?`, m.id).Scan(&last); err != nil {
		s.fail(w, r, fmt.Errorf("last contribution: %w", err))
		return
	}
	resp.LastContribution = last
	writeMemberJSON(w, r, sess, resp)
}

func (s *Server) handleBalance(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	cards, err := loadCards(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := balanceResponse{AsOf: ReferenceDate.Format(time.DateOnly), Accounts: []balanceAccountJSON{}}
	for _, c := range cards {
		rows, err := loadContributions(ctx, s.db, c.kpj)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		acc := balanceAccountJSON{KPJ: c.kpj, EmployerName: c.employerName, History: []balanceYearJSON{}}
		for _, y := range jhtHistory(rows, ReferenceDate) {
			acc.EmployerShare += y.EmployerShare
			acc.WorkerShare += y.WorkerShare
			acc.Development += y.Development
			acc.Total = y.ClosingBalance
			acc.History = append(acc.History, balanceYearJSON(y))
		}
		resp.Total += acc.Total
		resp.Accounts = append(resp.Accounts, acc)
	}
	writeMemberJSON(w, r, sess, resp)
}

var reYear = regexp.MustCompile(`^[0-9]{4}$`)

func (s *Server) handleContributions(w http.ResponseWriter, r *http.Request, sess session) {
	yearParam := r.URL.Query().Get("year")
	if r.URL.Query().Has("year") && !reYear.MatchString(yearParam) {
		writeProblem(w, badRequest("The year parameter must be a four-digit year.",
			FieldError{Field: "year", Code: "format", Message: "must be YYYY"}))
		return
	}
	all, years, err := s.memberContributions(r.Context(), sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := contributionsResponse{AvailableYears: years}
	switch {
	case yearParam != "":
		resp.Year, _ = strconv.Atoi(yearParam)
	case len(years) > 0:
		resp.Year = years[len(years)-1]
	default:
		resp.Year = ReferenceDate.Year()
	}
	y := contributionYear(all, resp.Year)
	resp.Months, resp.Totals = y.Months, y.Totals
	writeMemberJSON(w, r, sess, resp)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *Server) handleClaims(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	rows, err := s.db.QueryContext(ctx, `SELECT id, kpj, program, type, submitted, amount, status
		FROM claims WHERE member_id = ? ORDER BY submitted DESC, id`, sess.memberID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("query claims: %w", err))
		return
	}
	resp := claimsResponse{Claims: []claimJSON{}}
	for rows.Next() {
		c := claimJSON{Timeline: []claimEventJSON{}}
		if err := rows.Scan(&c.ID, &c.KPJ, &c.Program, &c.Type, &c.Submitted, &c.Amount, &c.Status); err != nil {
			_ = rows.Close()
			s.fail(w, r, fmt.Errorf("scan claim: %w", err))
			return
		}
		resp.Claims = append(resp.Claims, c)
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		s.fail(w, r, fmt.Errorf("read claims: %w", err))
		return
	}
	// Events are loaded after the claims cursor is closed: the pool has a
	// single connection, so a nested query would wait forever.
	for i := range resp.Claims {
		c := &resp.Claims[i]
		ev, err := s.db.QueryContext(ctx, `SELECT status, at, note FROM claim_events WHERE claim_id = ? ORDER BY seq`, c.ID)
		if err != nil {
			s.fail(w, r, fmt.Errorf("query claim events: %w", err))
			return
		}
		for ev.Next() {
			var e claimEventJSON
			if err := ev.Scan(&e.Status, &e.At, &e.Note); err != nil {
				_ = ev.Close()
				s.fail(w, r, fmt.Errorf("scan claim event: %w", err))
				return
			}
			c.Timeline = append(c.Timeline, e)
		}
		_ = ev.Close()
		if err := ev.Err(); err != nil {
			s.fail(w, r, fmt.Errorf("read claim events: %w", err))
			return
		}
	}
	writeMemberJSON(w, r, sess, resp)
}

func (s *Server) handleCard(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	m, err := loadMember(ctx, s.db, sess.memberID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cards, err := loadCards(ctx, s.db, m.id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := cardsResponse{Cards: []cardJSON{}}
	for _, c := range cards {
		resp.Cards = append(resp.Cards, cardJSON{
			KPJ: c.kpj, FullName: m.fullName, BirthDate: m.birthDate, NIKMasked: maskMiddle(m.nik, 4),
			Segment: m.segment, Status: c.status, EmployerName: c.employerName,
			Programs: cardPrograms(c), MemberSince: m.memberSince,
		})
	}
	writeMemberJSON(w, r, sess, resp)
}
