package service

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// Fuzz targets for every decoder of server data: no input may panic, every
// failure must be ErrBadResponse, and every success must survive the UI's
// JSON round trip into the offline cache.

func fuzzDecoder[T any](f *testing.F, decode func([]byte) (T, error), seeds ...string) {
	for _, s := range append(seeds, "", "null", "{}", "[]", `{"a":1}{"b":2}`, `"x"`) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := decode(body)
		if err != nil {
			if !errors.Is(err, ErrBadResponse) {
				t.Fatalf("error %v is not ErrBadResponse", err)
			}
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("cannot encode %#v: %v", v, err)
		}
		var back T
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("cannot decode own encoding %s: %v", b, err)
		}
	})
}

func FuzzDecodeMember(f *testing.F) {
	fuzzDecoder(f, decodeMember,
		`{"full_name":"Budi Santoso","nik_masked":"3174********0003","email":"b@c.id","phone_masked":"0812****7890","birth_date":"1985-08-17","gender":"L","status":"aktif","status_since":"2011-11-01","segment":"PU","member_since":"2011-11-01","employer":{"name":"PT X","npp":"1","since":"2018-04-01"},"cards":[{"kpj":"18012345678","employer_name":"PT X","status":"aktif","opened":"2018-04-01","closed":null}],"programs":[{"code":"JHT","name":"Jaminan Hari Tua","status":"aktif","joined":"2011-11-01"}],"mfa_enabled":false,"last_contribution":"2026-10"}`,
		`{"full_name":"X","gender":"Q"}`, `{"full_name":"X","birth_date":"17-08-1985"}`)
}

func FuzzDecodeBalance(f *testing.F) {
	fuzzDecoder(f, decodeBalance,
		`{"as_of":"2026-10-31","total":1000,"accounts":[{"kpj":"1","employer_name":"PT X","employer_share":500,"worker_share":300,"development":200,"total":1000,"history":[{"year":2025,"employer_share":1,"worker_share":2,"development":3,"closing_balance":6}]}]}`,
		`{"total":1e30,"accounts":[]}`)
}

func FuzzDecodeContributions(f *testing.F) {
	fuzzDecoder(f, decodeContributions,
		`{"year":2024,"available_years":[2023,2024],"months":[{"period":"2024-01","kpj":"1","employer_name":"PT X","reported_wage":9500000,"jht_employer":1,"jht_worker":1,"jht":2,"jp_employer":1,"jp_worker":1,"jp":2,"jkk":1,"jkm":1,"jkp":1,"total":7,"paid_date":"2024-02-10"}],"totals":{"reported_wage":1,"jht":2,"jp":2,"jkk":1,"jkm":1,"jkp":1,"total":7}}`)
}

func FuzzDecodeClaims(f *testing.F) {
	fuzzDecoder(f, decodeClaims,
		`{"claims":[{"id":"K-1","kpj":"1","program":"JHT","type":"partial","submitted":"2025-01-02","amount":100,"status":"selesai","timeline":[{"status":"diajukan","at":"2025-01-02T03:04:05Z","note":""}]}]}`)
}

func FuzzDecodeCards(f *testing.F) {
	fuzzDecoder(f, decodeCards,
		`{"cards":[{"kpj":"1","full_name":"B","birth_date":"1985-08-17","nik_masked":"3174***","segment":"PU","status":"aktif","employer_name":"PT X","programs":["JHT","JKK"],"member_since":"2011-11-01"}]}`)
}

func FuzzDecodeLogins(f *testing.F) {
	fuzzDecoder(f, decodeLogins, `{"logins":[{"at":"2026-11-25T10:00:00Z","client_name":"Cek BPJSTK/1","ip":"127.0.0.1","current":true}]}`)
}

func FuzzDecodeTOTP(f *testing.F) {
	fuzzDecoder(f, decodeTOTP, `{"secret":"JBSWY3DPEHPK3PXP","otpauth_uri":"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"}`)
}

func FuzzDecodeTokens(f *testing.F) {
	fuzzDecoder(f, func(b []byte) (wireTokens, error) { return decodeTokens(b, true) },
		`{"access_token":"a","refresh_token":"r","token_type":"Bearer","expires_in":900}`,
		`{"mfa_required":true,"mfa_token":"m","expires_in":300,"attempts_remaining":5}`)
}

func FuzzDecodeRegistration(f *testing.F) {
	fuzzDecoder(f, func(b []byte) (PendingRegistration, error) { return decodeRegistration(b, time.Unix(1_800_000_000, 0)) },
		`{"registration_id":"7wtSvb0u3cxz1QTvFYfYBnBi9QC8FsYa59_XdiTMzxM","email_masked":"de**@contoh.id","phone_masked":"0813****1122","expires_in":300,"resend_in":60,"attempts_remaining":5}`)
}

func FuzzDecodeRegistered(f *testing.F) {
	fuzzDecoder(f, decodeRegistered, `{"kpj":"21045678901","email":"dewi@contoh.id","full_name":"Dewi Lestari"}`)
}

func FuzzDecodeProblem(f *testing.F) {
	for _, s := range []string{
		`{"type":"https://sandbox.cekbpjstk.invalid/problems/locked","title":"Locked","status":429,"retry_after":900}`,
		`{"type":"x/validation","status":422,"errors":[{"field":"nik","code":"format","message":"m"}]}`,
		`{"type":"x/invalid-credentials","status":401,"attempts_remaining":3}`, "", "<html>",
		`{"type":"x/invalid-code","status":401,"attempts_remaining":2,"errors":[{"field":"sms_code","code":"mismatch","message":"m"}]}`,
		`{"type":"x/rate-limited","status":429,"retry_after":60}`,
	} {
		f.Add([]byte(s), 401, "")
	}
	f.Fuzz(func(t *testing.T, body []byte, status int, retryAfter string) {
		h := map[string][]string{"Retry-After": {retryAfter}}
		err := apiError(answer{status: status, header: h, body: body})
		if err == nil {
			t.Fatal("nil error")
		}
		var le *LockedError
		if errors.As(err, &le) && le.RetryAfter < 0 {
			t.Fatalf("negative retry-after %v", le.RetryAfter)
		}
	})
}
