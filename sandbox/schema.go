package sandbox

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // pure-Go driver: no cgo in the desktop build
)

// schemaVersion is stored in PRAGMA user_version; bump it with a migration.
const schemaVersion = 3

// schema is the whole sandbox database. Secrets are never stored in the
// clear: passwords are argon2id hashes and tokens are SHA-256 digests.
const schema = `
CREATE TABLE members (
	id           INTEGER PRIMARY KEY,
	nik          TEXT NOT NULL UNIQUE,
	full_name    TEXT NOT NULL,
	birth_date   TEXT NOT NULL,
	gender       TEXT NOT NULL CHECK (gender IN ('L','P')),
	segment      TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('aktif','nonaktif')),
	status_since TEXT NOT NULL,
	member_since TEXT NOT NULL
);
CREATE TABLE cards (
	kpj           TEXT PRIMARY KEY,
	member_id     INTEGER NOT NULL REFERENCES members(id),
	employer_name TEXT NOT NULL,
	npp           TEXT NOT NULL,
	risk_class    INTEGER NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
	status        TEXT NOT NULL CHECK (status IN ('aktif','nonaktif')),
	opened        TEXT NOT NULL,
	closed        TEXT
);
CREATE TABLE contributions (
	kpj           TEXT NOT NULL REFERENCES cards(kpj),
	period        TEXT NOT NULL,
	reported_wage INTEGER NOT NULL,
	jht_employer  INTEGER NOT NULL,
	jht_worker    INTEGER NOT NULL,
	jp_employer   INTEGER NOT NULL,
	jp_worker     INTEGER NOT NULL,
	jkk           INTEGER NOT NULL,
	jkm           INTEGER NOT NULL,
	jkp           INTEGER NOT NULL,
	paid_date     TEXT NOT NULL,
	PRIMARY KEY (kpj, period)
);
CREATE TABLE claims (
	id        TEXT PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES members(id),
	kpj       TEXT NOT NULL REFERENCES cards(kpj),
	program   TEXT NOT NULL,
	type      TEXT NOT NULL,
	submitted TEXT NOT NULL,
	amount    INTEGER NOT NULL,
	status    TEXT NOT NULL
);
CREATE TABLE claim_events (
	claim_id TEXT NOT NULL REFERENCES claims(id),
	seq      INTEGER NOT NULL,
	status   TEXT NOT NULL,
	at       TEXT NOT NULL,
	note     TEXT NOT NULL,
	PRIMARY KEY (claim_id, seq)
);
CREATE TABLE accounts (
	member_id      INTEGER PRIMARY KEY REFERENCES members(id),
	email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
	phone          TEXT NOT NULL,
	password_hash  TEXT NOT NULL,
	totp_secret    TEXT,
	totp_pending   TEXT,
	totp_last_step INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL
);
CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	member_id  INTEGER NOT NULL REFERENCES members(id),
	created_at INTEGER NOT NULL,
	revoked_at INTEGER
);
CREATE TABLE tokens (
	hash       BLOB PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('access','refresh')),
	session_id INTEGER NOT NULL REFERENCES sessions(id),
	expires_at INTEGER NOT NULL,
	spent_at   INTEGER
);
CREATE TABLE mfa_challenges (
	hash        BLOB PRIMARY KEY,
	member_id   INTEGER NOT NULL REFERENCES members(id),
	expires_at  INTEGER NOT NULL,
	attempts    INTEGER NOT NULL DEFAULT 0,
	done        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE logins (
	id          INTEGER PRIMARY KEY,
	member_id   INTEGER NOT NULL REFERENCES members(id),
	at          INTEGER NOT NULL,
	client_name TEXT NOT NULL,
	ip          TEXT NOT NULL,
	session_id  INTEGER NOT NULL REFERENCES sessions(id)
);
CREATE INDEX logins_member ON logins(member_id, at);
`

// schemaV2 adds what issue 15 needs: the lockout bucket of an MFA
// challenge (the identifier typed at login), the mobile number on the
// member record (registration sends its SMS code there), and pending
// registrations, which become accounts only once the email and SMS codes
// are confirmed. Codes are stored as SHA-256 digests bound to their
// registration, the password as its argon2id hash.
const schemaV2 = `
ALTER TABLE mfa_challenges ADD COLUMN lock_key TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN phone TEXT;
CREATE TABLE registrations (
	hash          BLOB PRIMARY KEY,
	member_id     INTEGER REFERENCES members(id),
	kpj           TEXT NOT NULL,
	email         TEXT NOT NULL,
	phone         TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	email_code    BLOB NOT NULL,
	sms_code      BLOB NOT NULL,
	codes_expire  INTEGER NOT NULL,
	resend_at     INTEGER NOT NULL,
	resends       INTEGER NOT NULL DEFAULT 0,
	attempts      INTEGER NOT NULL DEFAULT 0,
	expires_at    INTEGER NOT NULL,
	done          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX registrations_expiry ON registrations(expires_at);
UPDATE members SET phone = (SELECT a.phone FROM accounts a WHERE a.member_id = members.id) WHERE phone IS NULL;
`

// openDB opens (creating if needed) the database in dir and makes sure it
// carries the current schema and seed.
func openDB(ctx context.Context, dir string, pw PasswordParams) (*sql.DB, error) {
	path := filepath.Join(dir, "sandbox.db")
	// Create the file 0600 before SQLite does (it would use 0644); its WAL
	// and shm files inherit the database file's mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600) // #nosec G304 -- the sandbox database inside its own data dir
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	_ = f.Close()
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// One connection serialises writers, which SQLite does anyway, and
	// removes SQLITE_BUSY races between concurrent requests.
	db.SetMaxOpenConns(1)
	if err := migrate(ctx, db, pw); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

func migrate(ctx context.Context, db *sql.DB, pw PasswordParams) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case v == schemaVersion:
		return nil
	case v > schemaVersion:
		return fmt.Errorf("database schema version %d is newer than this sandbox (%d)", v, schemaVersion)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin schema: %w", err)
	}
	defer tx.Rollback()
	if v == 0 {
		if _, err := tx.ExecContext(ctx, schema); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
		if err := seed(ctx, tx, pw); err != nil {
			return fmt.Errorf("seed demo members: %w", err)
		}
	}
	if v < 2 {
		if _, err := tx.ExecContext(ctx, schemaV2); err != nil {
			return fmt.Errorf("migrate schema to version 2: %w", err)
		}
		if err := seedPhones(ctx, tx); err != nil {
			return err
		}
	}
	if v >= 1 && v < 3 {
		// A demo database from before Rina (issue 15's corrected birth
		// date) gets her; a new one has her from seed.
		for _, m := range registerDemoMembers {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM members WHERE nik = ?`, m.nik).Scan(&n); err != nil {
				return fmt.Errorf("look for %s: %w", m.name, err)
			}
			if n > 0 {
				continue
			}
			if err := seedOne(ctx, tx, m, pw); err != nil {
				return fmt.Errorf("seed %s: %w", m.name, err)
			}
		}
		if err := seedPhones(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit schema: %w", err)
	}
	return nil
}
