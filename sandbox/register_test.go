package sandbox

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func dewi() map[string]any {
	return map[string]any{
		"nik": "5171044407950004", "kpj": "21045678901", "full_name": "Dewi Lestari",
		"birth_date": "1995-07-04", "email": "dewi@contoh.id", "phone": "+6281337001122",
		"password": "Kintamani!Pagi7",
	}
}

type testRegistration struct {
	RegistrationID    string `json:"registration_id"`
	EmailMasked       string `json:"email_masked"`
	PhoneMasked       string `json:"phone_masked"`
	ExpiresIn         int    `json:"expires_in"`
	ResendIn          int    `json:"resend_in"`
	AttemptsRemaining int    `json:"attempts_remaining"`
}

// startRegistration is step 1; it must answer 202.
func (e *env) startRegistration(body map[string]any) testRegistration {
	e.t.Helper()
	var reg testRegistration
	e.call("POST", "/v1/register", "", body, http.StatusAccepted, &reg)
	if reg.RegistrationID == "" {
		e.t.Fatal("no registration_id")
	}
	return reg
}

// codes are the newest email and SMS codes in the outbox for Dewi's
// address and her phone on record.
func (e *env) codes(email, phone string) (string, string) {
	return e.srv.LatestCode("email", email), e.srv.LatestCode("sms", phone)
}

func (e *env) verify(reg testRegistration, emailCode, smsCode string) (int, []byte) {
	e.t.Helper()
	status, _, body := e.do("POST", "/v1/register/verify", "", map[string]string{
		"registration_id": reg.RegistrationID, "email_code": emailCode, "sms_code": smsCode})
	return status, body
}

func TestRegister_DewiTwoStepsThenLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	if reg.EmailMasked != "de**@contoh.id" || reg.PhoneMasked != "0813****1122" || reg.ExpiresIn != 300 ||
		reg.ResendIn != 60 || reg.AttemptsRemaining != 5 {
		t.Errorf("registration = %+v", reg)
	}
	emailCode, smsCode := e.codes("dewi@contoh.id", "081337001122")
	if len(emailCode) != 6 || len(smsCode) != 6 {
		t.Fatalf("codes in the outbox: email %q, sms %q", emailCode, smsCode)
	}
	var resp struct {
		KPJ      string `json:"kpj"`
		Email    string `json:"email"`
		FullName string `json:"full_name"`
	}
	e.call("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": emailCode, "sms_code": smsCode}, http.StatusCreated, &resp)
	if resp.KPJ != "21045678901" || resp.Email != "dewi@contoh.id" || resp.FullName != "Dewi Lestari" {
		t.Errorf("register = %+v", resp)
	}
	tok := e.login("dewi@contoh.id", "Kintamani!Pagi7")
	var me struct {
		Gender      string `json:"gender"`
		PhoneMasked string `json:"phone_masked"`
		MFAEnabled  bool   `json:"mfa_enabled"`
	}
	e.call("GET", "/v1/me", tok.AccessToken, nil, http.StatusOK, &me)
	if me.Gender != "P" || me.PhoneMasked != "0813****1122" || me.MFAEnabled {
		t.Errorf("me = %+v", me)
	}
	// The codes were single-use.
	e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": emailCode, "sms_code": smsCode}, http.StatusGone, "registration-expired")
}

func TestRegister_UnverifiedRegistrationCannotLogIn(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	// Step 1 done, codes not confirmed: no account yet.
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "dewi@contoh.id", "password": "Kintamani!Pagi7"},
		http.StatusUnauthorized, "invalid-credentials")
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "21045678901", "password": "Kintamani!Pagi7"},
		http.StatusUnauthorized, "invalid-credentials")
	// Only the email code (an attacker with their own address has that one):
	// still nothing.
	emailCode, _ := e.codes("dewi@contoh.id", "081337001122")
	status, body := e.verify(reg, emailCode, "000000")
	if status != http.StatusUnauthorized || !strings.Contains(string(body), "sms_code") || strings.Contains(string(body), "email_code") {
		t.Fatalf("verify with the email code only: %d %s", status, body)
	}
	e.problem("POST", "/v1/login", "", map[string]string{"identifier": "dewi@contoh.id", "password": "Kintamani!Pagi7"},
		http.StatusUnauthorized, "invalid-credentials")
	var n int
	if err := e.srv.db.QueryRow(`SELECT COUNT(*) FROM accounts WHERE email = 'dewi@contoh.id'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("accounts for dewi: %d, %v", n, err)
	}
}

// A stranger who knows Dewi's NIK, KPJ and birth date but types their own
// phone gets no SMS code and cannot finish; the member's phone on record
// gets nothing either (there is nothing to confirm).
func TestRegister_StrangersPhoneGetsNoCode(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	body := dewi()
	body["email"], body["phone"] = "penipu@contoh.id", "081299998888"
	reg := e.startRegistration(body)
	emailCode, smsCode := e.codes("penipu@contoh.id", "081299998888")
	if emailCode == "" || smsCode != "" {
		t.Fatalf("email code %q, sms code %q: the typed phone must get none", emailCode, smsCode)
	}
	for _, m := range e.srv.Outbox() {
		if m.Channel == "sms" && m.Code != "" {
			t.Errorf("an SMS code was sent: %+v", m)
		}
	}
	status, _ := e.verify(reg, emailCode, "123456")
	if status != http.StatusUnauthorized {
		t.Errorf("verify: %d", status)
	}
}

func TestRegister_ExpiredAndReusedCodes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	oldEmail, oldSMS := e.codes("dewi@contoh.id", "081337001122")
	e.clock.Advance(regCodeTTL)
	p := e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": oldEmail, "sms_code": oldSMS}, http.StatusGone, "code-expired")
	if p.AttemptsRemaining == nil || *p.AttemptsRemaining != 4 {
		t.Errorf("attempts_remaining %v", p.AttemptsRemaining)
	}
	var again testRegistration
	e.call("POST", "/v1/register/resend", "", map[string]string{"registration_id": reg.RegistrationID}, http.StatusAccepted, &again)
	if again.RegistrationID != reg.RegistrationID || again.ResendIn != 60 || again.ExpiresIn != 300 || again.AttemptsRemaining != 4 {
		t.Errorf("resend = %+v", again)
	}
	newEmail, newSMS := e.codes("dewi@contoh.id", "081337001122")
	if newEmail == oldEmail && newSMS == oldSMS {
		t.Fatal("resend sent the same codes")
	}
	// The old codes died with the resend.
	if newEmail != oldEmail || newSMS != oldSMS {
		status, _ := e.verify(reg, oldEmail, oldSMS)
		if status != http.StatusUnauthorized {
			t.Errorf("old codes after a resend: %d", status)
		}
	}
	if status, body := e.verify(reg, newEmail, newSMS); status != http.StatusCreated {
		t.Fatalf("new codes: %d %s", status, body)
	}
	// Reused: the registration is done.
	e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": newEmail, "sms_code": newSMS}, http.StatusGone, "registration-expired")
	e.problem("POST", "/v1/register/resend", "", map[string]string{"registration_id": reg.RegistrationID},
		http.StatusGone, "registration-expired")
}

func TestRegister_WrongCodesUseUpTheAttempts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	emailCode, smsCode := e.codes("dewi@contoh.id", "081337001122")
	wrong := fmt.Sprintf("%06d", (mustAtoi(t, smsCode)+1)%1_000_000)
	for want := 4; want >= 0; want-- {
		p := e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
			"email_code": emailCode, "sms_code": wrong}, http.StatusUnauthorized, "invalid-code")
		if p.AttemptsRemaining == nil || *p.AttemptsRemaining != want || !p.hasField("sms_code", "mismatch") || p.hasField("email_code", "mismatch") {
			t.Fatalf("attempt: remaining %v (want %d), errors %+v", p.AttemptsRemaining, want, p.Errors)
		}
	}
	e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": emailCode, "sms_code": smsCode}, http.StatusGone, "registration-expired")
	p := e.problem("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
		"email_code": "12345", "sms_code": ""}, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("email_code", "format") || !p.hasField("sms_code", "required") {
		t.Errorf("errors %+v", p.Errors)
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRegister_ParallelVerificationsCreateOneAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	emailCode, smsCode := e.codes("dewi@contoh.id", "081337001122")
	statuses := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func() {
			status, _, _ := e.do("POST", "/v1/register/verify", "", map[string]string{"registration_id": reg.RegistrationID,
				"email_code": emailCode, "sms_code": smsCode})
			statuses <- status
		}()
	}
	created := 0
	for i := 0; i < 10; i++ {
		switch s := <-statuses; s {
		case http.StatusCreated:
			created++
		case http.StatusGone:
		default:
			t.Errorf("status %d", s)
		}
	}
	if created != 1 {
		t.Errorf("%d verifications created an account, want exactly 1", created)
	}
}

func TestRegister_ResendCountdown(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(dewi())
	body := map[string]string{"registration_id": reg.RegistrationID}
	p := e.problem("POST", "/v1/register/resend", "", body, http.StatusTooManyRequests, "rate-limited")
	if p.header.Get("Retry-After") != "60" || *p.RetryAfter != 60 {
		t.Errorf("Retry-After %q", p.header.Get("Retry-After"))
	}
	e.clock.Advance(45 * time.Second)
	p = e.problem("POST", "/v1/register/resend", "", body, http.StatusTooManyRequests, "rate-limited")
	if p.header.Get("Retry-After") != "15" {
		t.Errorf("Retry-After after 45 s: %q", p.header.Get("Retry-After"))
	}
	for i := 0; i < regMaxResends; i++ {
		e.clock.Advance(regResendAfter)
		e.call("POST", "/v1/register/resend", "", body, http.StatusAccepted, nil)
	}
	e.clock.Advance(regResendAfter)
	e.problem("POST", "/v1/register/resend", "", body, http.StatusTooManyRequests, "rate-limited")
	e.problem("POST", "/v1/register/resend", "", map[string]string{"registration_id": "unknown"}, http.StatusGone, "registration-expired")
}

func TestRegister_RateLimitPerAddressAndPerNIK(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	// Per NIK (as typed, whether or not it exists): three starts an hour.
	for i := 0; i < regPerNIK; i++ {
		e.startRegistration(dewi())
	}
	p := e.problem("POST", "/v1/register", "", dewi(), http.StatusTooManyRequests, "rate-limited")
	if ra, _ := strconv.Atoi(p.header.Get("Retry-After")); ra != int(regWindow/time.Second) {
		t.Errorf("Retry-After %d", ra)
	}
	// Per address: ten starts an hour, over any NIKs.
	for i := regPerNIK; i < regPerAddress; i++ {
		body := dewi()
		body["nik"] = fmt.Sprintf("517104440795%04d", i+10)
		e.startRegistration(body)
	}
	body := dewi()
	body["nik"] = "5171044407959999"
	p = e.problem("POST", "/v1/register", "", body, http.StatusTooManyRequests, "rate-limited")
	if p.RetryAfter == nil || *p.RetryAfter < 1 {
		t.Errorf("retry_after %v", p.RetryAfter)
	}
	e.clock.Advance(regWindow)
	e.startRegistration(dewi())
}

// The answers to step 1 and step 2 are the same for a member who can
// register, an unknown KPJ, a member who already has an account, an email
// an account uses and a phone that is not on the record: only the
// registration id differs.
func TestRegister_IdenticalAnswersForExistingAndUnknownIdentities(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	budi := func(m map[string]any) {
		m["nik"], m["kpj"], m["birth_date"], m["full_name"] = "3174051708850003", "18012345678", "1985-08-17", "Budi Santoso"
	}
	cases := map[string]func(map[string]any){
		"registrable member":  func(map[string]any) {},
		"unknown KPJ":         func(m map[string]any) { m["kpj"] = "21045678902" },
		"unknown NIK":         func(m map[string]any) { m["nik"] = "5171044407950099" },
		"wrong birth date":    func(m map[string]any) { m["birth_date"] = "1995-07-05" },
		"already registered":  budi,
		"phone not on record": func(m map[string]any) { m["phone"] = "081299998888" },
	}
	e.srv.regNIK.max = 100 // the cases share NIKs; the per-NIK limit has its own test
	type answer struct {
		Status  int
		Headers []string
		Body    map[string]any
	}
	var first *answer
	var firstName string
	for name, edit := range cases {
		body := dewi()
		edit(body)
		status, h, raw := e.do("POST", "/v1/register", "", body)
		var b map[string]any
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatalf("%s: %s", name, raw)
		}
		delete(b, "registration_id")
		// The phone is masked as typed: the one case that types another
		// number shows that number.
		wantPhone := "0813****1122"
		if name == "phone not on record" {
			wantPhone = "0812****8888"
		}
		if b["phone_masked"] != wantPhone {
			t.Errorf("%s: phone_masked %v, want %s", name, b["phone_masked"], wantPhone)
		}
		delete(b, "phone_masked")
		var keys []string
		for k := range h {
			if k != "Date" && k != "Content-Length" {
				keys = append(keys, k+"="+h.Get(k))
			}
		}
		a := &answer{Status: status, Headers: sortStrings(keys), Body: b}
		if first == nil {
			first, firstName = a, name
			continue
		}
		if !reflect.DeepEqual(a, first) {
			t.Errorf("%s answered %+v, %s answered %+v", name, a, firstName, first)
		}
		// Step 2 with made-up codes answers alike too.
		var reg testRegistration
		_ = json.Unmarshal(raw, &reg)
		st, body2 := e.verify(reg, "111111", "222222")
		if st != http.StatusUnauthorized || !strings.Contains(string(body2), `"attempts_remaining":4`) {
			t.Errorf("%s: verify answered %d %s", name, st, body2)
		}
	}
	// The email an account uses: the same answer again.
	body := dewi()
	body["email"] = "budi@contoh.id"
	status, _, raw := e.do("POST", "/v1/register", "", body)
	var b map[string]any
	_ = json.Unmarshal(raw, &b)
	if status != http.StatusAccepted || b["email_masked"] != "bu**@contoh.id" || b["phone_masked"] != "0813****1122" {
		t.Errorf("email taken: %d %s", status, raw)
	}
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func TestRegister_Errors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		edit        func(map[string]any)
		status      int
		slug        string
		field, code string
	}{
		{"NIK date invalid", func(m map[string]any) { m["nik"] = "5171047213950004" }, 422, "validation", "nik", "invalid_date"},
		{"NIK 31 Feb", func(m map[string]any) { m["nik"] = "5171047102950004" }, 422, "validation", "nik", "invalid_date"},
		{"NIK province 20 does not exist", func(m map[string]any) { m["nik"] = "2071044407950004" }, 422, "validation", "nik", "format"},
		{"NIK province 99 does not exist", func(m map[string]any) { m["nik"] = "9971044407950004" }, 422, "validation", "nik", "format"},
		{"NIK too short", func(m map[string]any) { m["nik"] = "517104440795" }, 422, "validation", "nik", "format"},
		{"NIK letters", func(m map[string]any) { m["nik"] = "51710444079500AB" }, 422, "validation", "nik", "format"},
		{"NIK missing", func(m map[string]any) { m["nik"] = "" }, 422, "validation", "nik", "required"},
		{"KPJ 10 digits", func(m map[string]any) { m["kpj"] = "2104567890" }, 422, "validation", "kpj", "format"},
		{"birth date not a date", func(m map[string]any) { m["birth_date"] = "1995-02-30" }, 422, "validation", "birth_date", "invalid_date"},
		{"birth date format", func(m map[string]any) { m["birth_date"] = "04/07/1995" }, 422, "validation", "birth_date", "format"},
		{"email", func(m map[string]any) { m["email"] = "dewi@" }, 422, "validation", "email", "format"},
		{"email without dot", func(m map[string]any) { m["email"] = "dewi@localhost" }, 422, "validation", "email", "format"},
		{"phone landline", func(m map[string]any) { m["phone"] = "0361234567" }, 422, "validation", "phone", "format"},
		{"phone foreign", func(m map[string]any) { m["phone"] = "+6591234567" }, 422, "validation", "phone", "format"},
		{"password short", func(m map[string]any) { m["password"] = "Abc#12345" }, 422, "validation", "password", "length"},
		{"password common", func(m map[string]any) { m["password"] = "Password12345" }, 422, "validation", "password", "weak"},
		{"password digits", func(m map[string]any) { m["password"] = "8172635491" }, 422, "validation", "password", "weak"},
		{"password repeated", func(m map[string]any) { m["password"] = "aaaaaaaaaa1" }, 422, "validation", "password", "weak"},
		{"password name", func(m map[string]any) { m["password"] = "Lestari#2026" }, 422, "validation", "password", "weak"},
		{"password birth date", func(m map[string]any) { m["password"] = "x19950704yz" }, 422, "validation", "password", "weak"},
		{"full name missing", func(m map[string]any) { m["full_name"] = " " }, 422, "validation", "full_name", "required"},
	}
	e := newEnv(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			body := dewi()
			c.edit(body)
			p := e.problem("POST", "/v1/register", "", body, c.status, c.slug)
			if c.field != "" && !p.hasField(c.field, c.code) {
				t.Errorf("errors %+v lack %s/%s", p.Errors, c.field, c.code)
			}
			if c.status == 422 && len(p.Errors) != 1 {
				t.Errorf("want exactly one field error, got %+v", p.Errors)
			}
		})
	}
}

// Province 96 (Papua Barat Daya, 2022) is a real province: its NIKs pass
// validation; 20 is not. A NIK whose date is not the birth date is not
// refused either: the member record decides.
func TestRegister_NIKProvince96AcceptedAnd20Refused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, nik := range []string{"9671044407950004", "9571044407950004", "9271044407950004"} {
		body := dewi()
		body["nik"] = nik
		e.startRegistration(body)
	}
	body := dewi()
	body["nik"] = "2071044407950004"
	p := e.problem("POST", "/v1/register", "", body, http.StatusUnprocessableEntity, "validation")
	if !p.hasField("nik", "format") {
		t.Errorf("errors %+v", p.Errors)
	}
}

func TestRegister_NIKDateOtherThanBirthDateIsNoBlock(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	body := dewi()
	body["birth_date"] = "1995-07-05" // the NIK says 1995-07-04
	e.startRegistration(body)
}

func TestRegister_AllMissingListsEveryField(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	p := e.problem("POST", "/v1/register", "", map[string]any{}, 422, "validation")
	for _, f := range []string{"nik", "kpj", "full_name", "birth_date", "email", "phone", "password"} {
		if !p.hasField(f, "required") {
			t.Errorf("no required error for %s: %+v", f, p.Errors)
		}
	}
	if p.Errors[0].Field != "nik" {
		t.Errorf("first error is %s, want nik", p.Errors[0].Field)
	}
}

func TestDevOutbox_LoopbackOnlyAndOnlyWhenEnabled(t *testing.T) {
	t.Parallel()
	off := newEnv(t)
	off.problem("GET", "/v1/dev/outbox", "", nil, http.StatusNotFound, "not-found")

	var logged syncBuffer
	on := newEnv(t, WithDevOutbox(), WithLogger(slog.New(slog.NewTextHandler(&logged, nil))))
	on.startRegistration(dewi())
	var box struct {
		Messages []Message `json:"messages"`
	}
	on.call("GET", "/v1/dev/outbox", "", nil, http.StatusOK, &box)
	if len(box.Messages) != 2 || box.Messages[0].Channel != "email" || box.Messages[1].Channel != "sms" ||
		box.Messages[1].To != "081337001122" || len(box.Messages[1].Code) != 6 {
		t.Fatalf("outbox = %+v", box.Messages)
	}
	if !strings.Contains(logged.String(), box.Messages[1].Code) {
		t.Error("the standalone server's log does not show the SMS")
	}
	// From another address the endpoint does not exist.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/v1/dev/outbox", nil)
	req.RemoteAddr = "192.0.2.7:40000"
	on.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), box.Messages[1].Code) {
		t.Errorf("non-loopback caller: %d %s", rec.Code, rec.Body)
	}
}

func TestStrictJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	cases := []struct {
		name, body, field string
	}{
		{"unknown field", `{"identifier":"a","password":"b","remember":true}`, "remember"},
		{"wrong type", `{"identifier":"a","password":12345}`, "password"},
		{"trailing object", `{"identifier":"a","password":"b"}{"x":1}`, ""},
		{"trailing garbage", `{"identifier":"a","password":"b"} x`, ""},
		{"not JSON", `identifier=a&password=b`, ""},
		{"truncated", `{"identifier":"a",`, ""},
		{"array", `[1,2]`, ""},
		{"empty", ``, ""},
		{"too large", `{"identifier":"` + strings.Repeat("a", 20<<10) + `","password":"b"}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			p := e.problem("POST", "/v1/login", "", c.body, http.StatusBadRequest, "bad-request")
			if c.field != "" && (len(p.Errors) != 1 || p.Errors[0].Field != c.field) {
				t.Errorf("errors = %+v, want field %s", p.Errors, c.field)
			}
		})
	}
	// Strictness applies to every body-taking endpoint.
	e.t = t
	e.problem("POST", "/v1/register", "", `{"nik":1}`, http.StatusBadRequest, "bad-request")
	e.problem("POST", "/v1/register/verify", "", `{"registration_id":"a","x":1}`, http.StatusBadRequest, "bad-request")
	e.problem("POST", "/v1/token/refresh", "", `{"refresh_token":"a","x":1}`, http.StatusBadRequest, "bad-request")
}

// Rina's NIK says 10 February 1993, her record (corrected) 1 February: she
// registers with the record's date, the codes reach her, and she signs in.
func TestRegister_CorrectedBirthDateMemberRegisters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.startRegistration(map[string]any{
		"nik": "3273015002930007", "kpj": "22078901234", "full_name": "Rina Marlina",
		"birth_date": "1993-02-01", "email": "rina@contoh.id", "phone": "085221334455",
		"password": "Batagor#Dago77",
	})
	emailCode, smsCode := e.codes("rina@contoh.id", "085221334455")
	if emailCode == "" || smsCode == "" {
		t.Fatalf("codes %q %q", emailCode, smsCode)
	}
	if status, body := e.verify(reg, emailCode, smsCode); status != http.StatusCreated {
		t.Fatalf("verify: %d %s", status, body)
	}
	e.login("22078901234", "Batagor#Dago77")
}

// Every member the demo offers to register can: the codes reach the phone
// on record and the account is created.
func TestDemoRegistrations_EachCanRegister(t *testing.T) {
	t.Parallel()
	regs := DemoRegistrations()
	if len(regs) < 2 {
		t.Fatalf("%d demo registrations, want Dewi and Rina", len(regs))
	}
	e := newEnv(t)
	for _, r := range regs {
		if r.Note == "" {
			t.Errorf("%s has no note", r.FullName)
		}
		reg := e.startRegistration(map[string]any{
			"nik": r.NIK, "kpj": r.KPJ, "full_name": r.FullName, "birth_date": r.BirthDate.Format(time.DateOnly),
			"email": r.Email, "phone": r.Phone, "password": r.Password,
		})
		emailCode, smsCode := e.codes(r.Email, r.Phone)
		if status, body := e.verify(reg, emailCode, smsCode); status != http.StatusCreated {
			t.Errorf("%s: %d %s", r.FullName, status, body)
		}
	}
}
