-- Version 1: the latest snapshot per account, every personal value sealed.
-- Plaintext columns hold only keyed hashes (lookup keys), random snapshot
-- ids and part names.

CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    profile BLOB NOT NULL,        -- HMAC of the server profile
    lookup  BLOB NOT NULL UNIQUE, -- HMAC of profile and account identifier
    snap    BLOB NOT NULL,        -- random id of this snapshot, bound into every blob
    header  BLOB NOT NULL         -- sealed: account identifier, label, times
) STRICT;

CREATE INDEX accounts_profile ON accounts (profile);

CREATE TABLE parts (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    part       TEXT NOT NULL,
    body       BLOB NOT NULL,     -- sealed: fetched-at time and payload
    UNIQUE (account_id, part)
) STRICT;
