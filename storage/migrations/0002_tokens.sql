-- 0002: writers' tokens. Only the SHA-256 hash of a token is stored; the
-- secret is shown once, when the token is created. A revoked token stays
-- (its name is not reused) so that provenance keeps naming a known writer.

CREATE TABLE tokens (
    name       TEXT PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'reporter')),
    unit       TEXT NOT NULL DEFAULT '',
    hash       BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
) WITHOUT ROWID;
