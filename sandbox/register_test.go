package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

func dewi() map[string]any {
	return map[string]any{
		"nik": "5171044407950004", "kpj": "21045678901", "full_name": "Dewi Lestari",
		"birth_date": "1995-07-04", "email": "dewi@contoh.id", "phone": "+6281337001122",
		"password": "Kintamani!Pagi7",
	}
}

func TestRegister_DewiThenLogin(t *testing.T) {
	e := newEnv(t)
	var got struct{ KPJ, Email, FullName string }
	var resp struct {
		KPJ      string `json:"kpj"`
		Email    string `json:"email"`
		FullName string `json:"full_name"`
	}
	e.call("POST", "/v1/register", "", dewi(), http.StatusCreated, &resp)
	got.KPJ, got.Email, got.FullName = resp.KPJ, resp.Email, resp.FullName
	if got.KPJ != "21045678901" || got.Email != "dewi@contoh.id" || got.FullName != "Dewi Lestari" {
		t.Errorf("register = %+v", got)
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
	// Registering twice is a conflict.
	e.problem("POST", "/v1/register", "", dewi(), http.StatusConflict, "already-registered")
}

func TestRegister_Errors(t *testing.T) {
	cases := []struct {
		name        string
		edit        func(map[string]any)
		status      int
		slug        string
		field, code string
	}{
		{"NIK date is not the birth date", func(m map[string]any) { m["birth_date"] = "1995-07-05" }, 422, "validation", "nik", "mismatch"},
		{"NIK of a man with the same date", func(m map[string]any) { m["nik"] = "5171040407950004" }, 404, "member-not-found", "", ""},
		{"NIK date invalid", func(m map[string]any) { m["nik"] = "5171047213950004" }, 422, "validation", "nik", "invalid_date"},
		{"NIK 31 Feb", func(m map[string]any) { m["nik"] = "5171047102950004" }, 422, "validation", "nik", "invalid_date"},
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
		{"unknown member", func(m map[string]any) { m["kpj"] = "21045678902" }, 404, "member-not-found", "", ""},
		{"Budi already has an account", func(m map[string]any) {
			m["nik"], m["kpj"], m["birth_date"], m["full_name"] = "3174051708850003", "18012345678", "1985-08-17", "Budi Santoso"
		}, 409, "already-registered", "", ""},
		{"email taken", func(m map[string]any) { m["email"] = "Budi@Contoh.id" }, 409, "email-taken", "", ""},
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

func TestRegister_AllMissingListsEveryField(t *testing.T) {
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

func TestStrictJSON(t *testing.T) {
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
	e.problem("POST", "/v1/token/refresh", "", `{"refresh_token":"a","x":1}`, http.StatusBadRequest, "bad-request")
}
