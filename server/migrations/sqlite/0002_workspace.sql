-- Uploads, the shared draft and its changes. Times are seconds since 1970.

-- Every file accepted at the door, archived under `archived` (relative to
-- the data directory) whatever happened next.
CREATE TABLE uploads (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    name TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    archived TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('received', 'problems', 'in-draft'))
);

-- The site's one draft: the workspace dataset that holds it and the
-- working dataset it started from.
CREATE TABLE draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dataset TEXT NOT NULL,
    base TEXT NOT NULL
);

-- Who changed what in the draft. AUTOINCREMENT: an id is never reused, so
-- the newest id is the draft's version, and a preview of an older version
-- is recognised as stale even after a publish emptied this table.
CREATE TABLE draft_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('observations', 'catalogue', 'areas')),
    file TEXT NOT NULL,
    summary TEXT NOT NULL,
    upload_id INTEGER REFERENCES uploads (id)
);
