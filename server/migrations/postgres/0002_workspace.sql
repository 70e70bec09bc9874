-- Uploads, the shared draft and its changes, as in the SQLite migrations.

CREATE TABLE uploads (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    name TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    archived TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('received', 'problems', 'in-draft'))
);

CREATE TABLE draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dataset TEXT NOT NULL,
    base TEXT NOT NULL
);

-- A sequence never hands out a number twice: the newest id is the
-- draft's version.
CREATE TABLE draft_changes (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('observations', 'catalogue', 'areas')),
    file TEXT NOT NULL,
    summary TEXT NOT NULL,
    upload_id BIGINT REFERENCES uploads (id)
);
