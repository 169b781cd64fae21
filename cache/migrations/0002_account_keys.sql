-- Version 2: one data key per account, wrapped by the member's password.
-- Version 1's tables (sealed under one installation key in the OS keyring)
-- are kept as legacy_* until Open has moved their data over.
-- Plaintext columns: the server profile's name, the masked identifier and
-- the "as of" time the login view lists without a password, the lock
-- flag; everything else is sealed under the account's key.

ALTER TABLE accounts RENAME TO legacy_accounts;
ALTER TABLE parts RENAME TO legacy_parts;

CREATE TABLE vaults (
    id      INTEGER PRIMARY KEY,
    profile TEXT NOT NULL,          -- server profile name (official, demo, custom)
    masked  TEXT NOT NULL,          -- masked identifier, e.g. b•••@contoh.id
    as_of   INTEGER NOT NULL,       -- unix seconds: when the data was true
    locked  INTEGER NOT NULL DEFAULT 0,
    lookup  BLOB NOT NULL UNIQUE,   -- HMAC of profile and identifier under the account key
    snap    BLOB NOT NULL,          -- random id of this snapshot, bound into every blob
    header  BLOB NOT NULL,          -- sealed: identifier, label, times
    wrap    BLOB,                   -- the account key wrapped by the password (Argon2id), or NULL
    token   BLOB                    -- sealed: the refresh token set aside by a lock, or NULL
) STRICT;

CREATE INDEX vaults_profile ON vaults (profile, masked);

CREATE TABLE vault_parts (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
    part       TEXT NOT NULL,
    body       BLOB NOT NULL,     -- sealed: fetched-at time and payload
    UNIQUE (account_id, part)
) STRICT;
