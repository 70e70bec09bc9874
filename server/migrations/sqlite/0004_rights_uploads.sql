-- The rights files change the draft too: `groups.csv`, `districts.geojson`,
-- `recommendations.csv` and `qualitative.csv`. SQLite cannot change a CHECK
-- constraint, so the table is rebuilt as in 0003; its AUTOINCREMENT counter
-- is carried over, so a draft version is never handed out twice.
CREATE TABLE draft_changes_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('observations', 'catalogue', 'areas', 'actions',
        'groups', 'districts', 'recommendations', 'qualitative')),
    file TEXT NOT NULL,
    summary TEXT NOT NULL,
    upload_id INTEGER REFERENCES uploads (id)
);
INSERT INTO draft_changes_new (id, at, actor, kind, file, summary, upload_id)
    SELECT id, at, actor, kind, file, summary, upload_id FROM draft_changes;
DELETE FROM sqlite_sequence WHERE name = 'draft_changes_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'draft_changes_new', seq FROM sqlite_sequence WHERE name = 'draft_changes';
DROP TABLE draft_changes;
ALTER TABLE draft_changes_new RENAME TO draft_changes;
