// Package sandbox implements the Cek BPJSTK member API contract
// (api/openapi.yaml) as a real server: TLS with a persisted, pinnable
// certificate, a SQLite database seeded with deterministic demo members,
// argon2id password hashes, RFC 6238 TOTP, rotating refresh tokens and login
// lockout.
//
// BPJS Ketenagakerjaan publishes no member API, so this package is the
// counterpart the client (service/) and UI are built and tested against. It
// runs inside the app for --demo, standalone via cmd/cekbpjstk-sandbox, and
// under every client test.
//
// The package deliberately has its own wire types and never imports the
// client or UI packages: a shared struct would hide encoding bugs on both
// sides of the wire.
package sandbox
