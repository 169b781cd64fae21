package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Wire types mirror api/CONTRACT.md; decode* turn a response body into domain
// types and fail with ErrBadResponse on anything off-contract. They take
// []byte so they can be fuzzed.

// wdate accepts "YYYY-MM-DD", "YYYY-MM", RFC 3339, or null/"" (zero).
type wdate struct{ time.Time }

func (d *wdate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			d.Time = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("bad date %q", s)
}

func decodeJSON(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrBadResponse, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: trailing data", ErrBadResponse)
	}
	return nil
}

func badf(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrBadResponse}, a...)...)
}

type wireTokens struct {
	AccessToken       string `json:"access_token"`
	RefreshToken      string `json:"refresh_token"`
	TokenType         string `json:"token_type"`
	ExpiresIn         int64  `json:"expires_in"`
	MFARequired       bool   `json:"mfa_required"`
	MFAToken          string `json:"mfa_token"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

// decodeTokens reads a login/refresh/MFA answer: either a token pair or (if
// allowMFA) an MFA challenge.
func decodeTokens(body []byte, allowMFA bool) (wireTokens, error) {
	var w wireTokens
	if err := decodeJSON(body, &w); err != nil {
		return w, err
	}
	if w.MFARequired {
		if !allowMFA || w.MFAToken == "" || w.ExpiresIn <= 0 {
			return w, badf("unexpected MFA challenge")
		}
		return w, nil
	}
	if w.AccessToken == "" || w.RefreshToken == "" || !strings.EqualFold(w.TokenType, "Bearer") ||
		w.ExpiresIn <= 0 || w.ExpiresIn > 86400*31 {
		return w, badf("incomplete token answer")
	}
	if strings.ContainsAny(w.AccessToken, "\r\n ") || len(w.AccessToken) > 4096 || len(w.RefreshToken) > 4096 {
		return w, badf("malformed token")
	}
	return w, nil
}

type wireProblem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Field   string `json:"field"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
	AttemptsRemaining *int   `json:"attempts_remaining"`
	RetryAfter        *int64 `json:"retry_after"`
}

// decodeProblem parses an RFC 9457 body leniently; a garbage body gives a zero problem.
func decodeProblem(body []byte) wireProblem {
	if len(body) > maxErrorBytes {
		body = body[:maxErrorBytes]
	}
	var p wireProblem
	if json.Unmarshal(body, &p) != nil {
		return wireProblem{}
	}
	return p
}

func (p wireProblem) slug() string {
	if i := strings.LastIndexByte(p.Type, '/'); i >= 0 {
		return p.Type[i+1:]
	}
	return p.Type
}

type wireMember struct {
	FullName    string `json:"full_name"`
	NIKMasked   string `json:"nik_masked"`
	Email       string `json:"email"`
	PhoneMasked string `json:"phone_masked"`
	BirthDate   wdate  `json:"birth_date"`
	Gender      string `json:"gender"`
	Status      string `json:"status"`
	StatusSince wdate  `json:"status_since"`
	Segment     string `json:"segment"`
	MemberSince wdate  `json:"member_since"`
	Employer    *struct {
		Name  string `json:"name"`
		NPP   string `json:"npp"`
		Since wdate  `json:"since"`
	} `json:"employer"`
	Cards []struct {
		KPJ          string `json:"kpj"`
		EmployerName string `json:"employer_name"`
		Status       string `json:"status"`
		Opened       wdate  `json:"opened"`
		Closed       wdate  `json:"closed"`
	} `json:"cards"`
	Programs []struct {
		Code   string `json:"code"`
		Name   string `json:"name"`
		Status string `json:"status"`
		Joined wdate  `json:"joined"`
	} `json:"programs"`
	MFAEnabled       bool  `json:"mfa_enabled"`
	LastContribution wdate `json:"last_contribution"`
}

func decodeMember(body []byte) (member.Member, error) {
	var w wireMember
	if err := decodeJSON(body, &w); err != nil {
		return member.Member{}, err
	}
	if w.FullName == "" {
		return member.Member{}, badf("member without name")
	}
	if w.Gender != "" && w.Gender != "L" && w.Gender != "P" {
		return member.Member{}, badf("gender %q", w.Gender)
	}
	m := member.Member{
		FullName: w.FullName, NIKMasked: w.NIKMasked, Email: w.Email, PhoneMasked: w.PhoneMasked,
		BirthDate: w.BirthDate.Time, Gender: member.Gender(w.Gender), Status: w.Status,
		StatusSince: w.StatusSince.Time, Segment: w.Segment, MemberSince: w.MemberSince.Time,
		MFAEnabled: w.MFAEnabled, LastContribution: w.LastContribution.Time,
		Cards: []member.KPJCard{}, Programs: []member.Program{},
	}
	if w.Employer != nil {
		m.Employer = &member.Employer{Name: w.Employer.Name, NPP: w.Employer.NPP, Since: w.Employer.Since.Time}
	}
	for _, c := range w.Cards {
		m.Cards = append(m.Cards, member.KPJCard{KPJ: c.KPJ, EmployerName: c.EmployerName, Status: c.Status, Opened: c.Opened.Time, Closed: c.Closed.Time})
	}
	for _, p := range w.Programs {
		m.Programs = append(m.Programs, member.Program{Code: p.Code, Name: p.Name, Status: p.Status, Joined: p.Joined.Time})
	}
	return m, nil
}

type wireBalance struct {
	AsOf     wdate  `json:"as_of"`
	Total    *int64 `json:"total"`
	Accounts []struct {
		KPJ           string `json:"kpj"`
		EmployerName  string `json:"employer_name"`
		EmployerShare int64  `json:"employer_share"`
		WorkerShare   int64  `json:"worker_share"`
		Development   int64  `json:"development"`
		Total         int64  `json:"total"`
		History       []struct {
			Year           int   `json:"year"`
			EmployerShare  int64 `json:"employer_share"`
			WorkerShare    int64 `json:"worker_share"`
			Development    int64 `json:"development"`
			ClosingBalance int64 `json:"closing_balance"`
		} `json:"history"`
	} `json:"accounts"`
}

func decodeBalance(body []byte) (member.Balance, error) {
	var w wireBalance
	if err := decodeJSON(body, &w); err != nil {
		return member.Balance{}, err
	}
	if w.Total == nil || w.Accounts == nil {
		return member.Balance{}, badf("balance without total or accounts")
	}
	b := member.Balance{AsOf: w.AsOf.Time, Total: member.Rupiah(*w.Total), Accounts: []member.BalanceAccount{}}
	for _, a := range w.Accounts {
		acc := member.BalanceAccount{KPJ: a.KPJ, EmployerName: a.EmployerName, Employer: member.Rupiah(a.EmployerShare), Worker: member.Rupiah(a.WorkerShare),
			Development: member.Rupiah(a.Development), Total: member.Rupiah(a.Total), History: []member.YearBalance{}}
		for _, h := range a.History {
			acc.History = append(acc.History, member.YearBalance{Year: h.Year, Employer: member.Rupiah(h.EmployerShare),
				Worker: member.Rupiah(h.WorkerShare), Development: member.Rupiah(h.Development), Closing: member.Rupiah(h.ClosingBalance)})
		}
		b.Accounts = append(b.Accounts, acc)
	}
	return b, nil
}

type wireContributions struct {
	Year           int   `json:"year"`
	AvailableYears []int `json:"available_years"`
	Months         []struct {
		Period       wdate  `json:"period"`
		KPJ          string `json:"kpj"`
		EmployerName string `json:"employer_name"`
		ReportedWage int64  `json:"reported_wage"`
		JHTEmployer  int64  `json:"jht_employer"`
		JHTWorker    int64  `json:"jht_worker"`
		JHT          int64  `json:"jht"`
		JPEmployer   int64  `json:"jp_employer"`
		JPWorker     int64  `json:"jp_worker"`
		JP           int64  `json:"jp"`
		JKK          int64  `json:"jkk"`
		JKM          int64  `json:"jkm"`
		JKP          int64  `json:"jkp"`
		Total        int64  `json:"total"`
		PaidDate     wdate  `json:"paid_date"`
	} `json:"months"`
	Totals *struct {
		ReportedWage int64 `json:"reported_wage"`
		JHT          int64 `json:"jht"`
		JP           int64 `json:"jp"`
		JKK          int64 `json:"jkk"`
		JKM          int64 `json:"jkm"`
		JKP          int64 `json:"jkp"`
		Total        int64 `json:"total"`
	} `json:"totals"`
}

func decodeContributions(body []byte) (member.Contributions, error) {
	var w wireContributions
	if err := decodeJSON(body, &w); err != nil {
		return member.Contributions{}, err
	}
	return contributionsFromWire(w)
}

// contributionsFromWire checks and converts one year of contributions (of
// the single-year call or of the history).
func contributionsFromWire(w wireContributions) (member.Contributions, error) {
	if w.Year < 1900 || w.Year > 9999 || w.Totals == nil {
		return member.Contributions{}, badf("contributions without year or totals")
	}
	c := member.Contributions{Year: w.Year, AvailableYears: append([]int{}, w.AvailableYears...), Months: []member.MonthContribution{},
		Totals: member.ContributionTotals{ReportedWage: member.Rupiah(w.Totals.ReportedWage), JHT: member.Rupiah(w.Totals.JHT),
			JP: member.Rupiah(w.Totals.JP), JKK: member.Rupiah(w.Totals.JKK), JKM: member.Rupiah(w.Totals.JKM), JKP: member.Rupiah(w.Totals.JKP),
			Total: member.Rupiah(w.Totals.Total)}}
	for _, m := range w.Months {
		c.Months = append(c.Months, member.MonthContribution{Period: m.Period.Time, KPJ: m.KPJ, EmployerName: m.EmployerName,
			ReportedWage: member.Rupiah(m.ReportedWage), JHTEmployer: member.Rupiah(m.JHTEmployer), JHTWorker: member.Rupiah(m.JHTWorker),
			JHT: member.Rupiah(m.JHT), JPEmployer: member.Rupiah(m.JPEmployer), JPWorker: member.Rupiah(m.JPWorker), JP: member.Rupiah(m.JP),
			JKK: member.Rupiah(m.JKK), JKM: member.Rupiah(m.JKM), JKP: member.Rupiah(m.JKP), Total: member.Rupiah(m.Total), PaidDate: m.PaidDate.Time})
	}
	return c, nil
}

type wireClaims struct {
	Claims []struct {
		ID        string `json:"id"`
		KPJ       string `json:"kpj"`
		Program   string `json:"program"`
		Type      string `json:"type"`
		Submitted wdate  `json:"submitted"`
		Amount    int64  `json:"amount"`
		Status    string `json:"status"`
		Timeline  []struct {
			Status string `json:"status"`
			At     wdate  `json:"at"`
			Note   string `json:"note"`
		} `json:"timeline"`
	} `json:"claims"`
}

func decodeClaims(body []byte) ([]member.Claim, error) {
	var w wireClaims
	if err := decodeJSON(body, &w); err != nil {
		return nil, err
	}
	if w.Claims == nil {
		return nil, badf("no claims list")
	}
	out := []member.Claim{}
	for _, c := range w.Claims {
		cl := member.Claim{ID: c.ID, KPJ: c.KPJ, Program: c.Program, Type: c.Type, Submitted: c.Submitted.Time,
			Amount: member.Rupiah(c.Amount), Status: c.Status, Timeline: []member.ClaimEvent{}}
		for _, e := range c.Timeline {
			cl.Timeline = append(cl.Timeline, member.ClaimEvent{Status: e.Status, At: e.At.Time, Note: e.Note})
		}
		out = append(out, cl)
	}
	return out, nil
}

type wireCards struct {
	Cards []struct {
		KPJ          string   `json:"kpj"`
		FullName     string   `json:"full_name"`
		BirthDate    wdate    `json:"birth_date"`
		NIKMasked    string   `json:"nik_masked"`
		Segment      string   `json:"segment"`
		Status       string   `json:"status"`
		EmployerName string   `json:"employer_name"`
		Programs     []string `json:"programs"`
		MemberSince  wdate    `json:"member_since"`
	} `json:"cards"`
}

func decodeCards(body []byte) ([]member.Card, error) {
	var w wireCards
	if err := decodeJSON(body, &w); err != nil {
		return nil, err
	}
	if w.Cards == nil {
		return nil, badf("no cards list")
	}
	out := []member.Card{}
	for _, c := range w.Cards {
		out = append(out, member.Card{KPJ: c.KPJ, FullName: c.FullName, BirthDate: c.BirthDate.Time, NIKMasked: c.NIKMasked,
			Segment: c.Segment, Status: c.Status, EmployerName: c.EmployerName,
			Programs: append([]string{}, c.Programs...), MemberSince: c.MemberSince.Time})
	}
	return out, nil
}

type wireLogins struct {
	Logins []struct {
		At         wdate  `json:"at"`
		ClientName string `json:"client_name"`
		IP         string `json:"ip"`
		Current    bool   `json:"current"`
	} `json:"logins"`
}

func decodeLogins(body []byte) ([]Login, error) {
	var w wireLogins
	if err := decodeJSON(body, &w); err != nil {
		return nil, err
	}
	if w.Logins == nil {
		return nil, badf("no logins list")
	}
	out := []Login{}
	for _, l := range w.Logins {
		out = append(out, Login{At: l.At.Time, ClientName: l.ClientName, IP: l.IP, Current: l.Current})
	}
	return out, nil
}

func decodeTOTP(body []byte) (TOTPEnrolment, error) {
	var w struct {
		Secret     string `json:"secret"`
		OTPAuthURI string `json:"otpauth_uri"`
	}
	if err := decodeJSON(body, &w); err != nil {
		return TOTPEnrolment{}, err
	}
	if w.Secret == "" || !strings.HasPrefix(w.OTPAuthURI, "otpauth://") {
		return TOTPEnrolment{}, badf("incomplete TOTP enrolment")
	}
	return TOTPEnrolment{Secret: w.Secret, OTPAuthURI: w.OTPAuthURI}, nil
}

type wireRegistration struct {
	RegistrationID    string `json:"registration_id"`
	EmailMasked       string `json:"email_masked"`
	PhoneMasked       string `json:"phone_masked"`
	ExpiresIn         int64  `json:"expires_in"`
	ResendIn          int64  `json:"resend_in"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

// decodeRegistration reads a started (or resent) registration; times are
// relative to sent, when the request went out.
func decodeRegistration(body []byte, sent time.Time) (PendingRegistration, error) {
	var w wireRegistration
	if err := decodeJSON(body, &w); err != nil {
		return PendingRegistration{}, err
	}
	if w.RegistrationID == "" || len(w.RegistrationID) > 256 || strings.ContainsAny(w.RegistrationID, "\r\n ") ||
		w.ExpiresIn <= 0 || w.ExpiresIn > 86400 || w.ResendIn < 0 || w.ResendIn > 86400 ||
		w.AttemptsRemaining < 0 || w.AttemptsRemaining > 100 || len(w.EmailMasked) > 320 || len(w.PhoneMasked) > 32 {
		return PendingRegistration{}, badf("incomplete registration answer")
	}
	return PendingRegistration{
		id: w.RegistrationID, EmailMasked: w.EmailMasked, PhoneMasked: w.PhoneMasked,
		CodesExpire: sent.Add(time.Duration(w.ExpiresIn) * time.Second), ResendAt: sent.Add(time.Duration(w.ResendIn) * time.Second),
		AttemptsRemaining: w.AttemptsRemaining,
	}, nil
}

type wireRegistered struct {
	KPJ      string `json:"kpj"`
	Email    string `json:"email"`
	FullName string `json:"full_name"`
}

func decodeRegistered(body []byte) (Registered, error) {
	var w wireRegistered
	if err := decodeJSON(body, &w); err != nil {
		return Registered{}, err
	}
	if validate.ValidateKPJ(w.KPJ) != nil || w.Email == "" || len(w.Email) > 254 || len(w.FullName) > 400 {
		return Registered{}, badf("incomplete registration result")
	}
	return Registered(w), nil
}
