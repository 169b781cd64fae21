-- Version 3: a member's own book (an account with no server): its rows
-- and the original documents they were read from, each sealed under the
-- account's key like the snapshot. A book is found by its account's
-- lookup key (the same HMAC as its vault row's), not by the vault row's
-- id: a save replaces the vault row, never the book. Plaintext columns:
-- ids, random row ids and keyed hashes only.

CREATE TABLE books (
    id     INTEGER PRIMARY KEY,
    lookup BLOB NOT NULL UNIQUE     -- HMAC of profile and identifier under the account key
) STRICT;

CREATE TABLE book_rows (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    uid     BLOB NOT NULL UNIQUE,   -- random id, bound into the body
    body    BLOB NOT NULL           -- sealed: one row (what it says and where it came from)
) STRICT;

CREATE INDEX book_rows_book ON book_rows (book_id);

CREATE TABLE book_docs (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    digest  BLOB NOT NULL,          -- HMAC of the file's SHA-256 under the account key
    uid     BLOB NOT NULL UNIQUE,   -- random id, bound into meta and body
    meta    BLOB NOT NULL,          -- sealed: name, kind, size, SHA-256, when imported
    body    BLOB NOT NULL,          -- sealed: the original file
    UNIQUE (book_id, digest)
) STRICT;
