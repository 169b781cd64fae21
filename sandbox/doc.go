// Package sandbox implements the Cek BPJSTK member API contract
// (api/openapi.yaml) as a real server: TLS with a persisted, pinnable leaf
// certificate under a signing-only, name-constrained CA, a SQLite database
// seeded with deterministic demo members, argon2id password hashes behind a
// semaphore, RFC 6238 TOTP, rotating refresh tokens with a 90-day family
// lifetime, limits that count every attempt before checking it, and
// registration in two steps whose email and SMS codes go to an outbox
// (Outbox, LatestCode; WithDevOutbox logs them and serves GET
// /v1/dev/outbox to loopback callers).
//
// BPJS Ketenagakerjaan publishes no member API, so this package is the
// counterpart the client (service/) and UI are built and tested against. It
// runs inside the app for --demo (Start on 127.0.0.1:0), standalone via
// cmd/cekbpjstk-sandbox, and under every client test:
//
//	srv, _ := sandbox.Open(t.TempDir(), sandbox.WithPasswordParams(sandbox.FastPasswordParams))
//	ts := httptest.NewUnstartedServer(srv.Handler())
//	ts.TLS = srv.TLSConfig()
//	ts.StartTLS()
//	// trust srv.CertPEM() (the CA) and pin srv.PinSHA256() and
//	// srv.BackupPinSHA256() (the leaf key and a backup) in the client
//
// Demo members (online accounts use DemoPassword, "Sandbox#2026"):
//   - Budi Santoso, budi@contoh.id, KPJ 18012345678 (and closed card
//     09011223344): aktif, two employers since 2011, no 2FA.
//   - Siti Rahayu, siti@contoh.id, KPJ 19023456789: nonaktif since 2025, a JHT
//     claim in process, TOTP with secret SitiTOTPSecret (JBSWY3DPEHPK3PXP).
//   - Andi Pratama, andi@contoh.id, KPJ 23034567890: aktif, three months.
//   - Dewi Lestari, NIK 5171044407950004, KPJ 21045678901, born 1995-07-04,
//     mobile 081337001122 on her record (where the registration SMS goes):
//     a member without an online account, to register.
//   - Rina Marlina, NIK 3273015002930007 (it says 10 February 1993), KPJ
//     22078901234, born 1 February 1993 on her corrected record, mobile
//     085221334455: registers although her NIK's date differs.
//
// DemoAccounts is the one list of these log-ins (with a note on each, an
// English translation key) for a login screen, DemoTOTPCode is Siti's
// current code, and DemoRunner runs the app's --demo server once per
// process.
//
// Member data is fixed relative to ReferenceDate so tests never depend on
// the day they run; rates and their legal sources are in rates.go.
//
// Package sandbox/faults makes the server misbehave on purpose for client
// tests (5xx, latency, malformed and oversized bodies, gzip bombs,
// redirects, dropped connections), through the fault-agnostic hook
// WithMiddleware / Server.SetMiddleware; it is a separate package so the
// shipped app never links it. Stats reports what the server has seen.
//
// The package deliberately has its own wire types and never imports the
// client or UI packages: a shared struct would hide encoding bugs on both
// sides of the wire.
package sandbox
