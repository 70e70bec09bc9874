-- Several replicas on one database: the files of releases, workspace
-- datasets and uploads as bytes (each replica keeps a copy in its data
-- directory), and which release is current.

-- Every file, by its path in the data directory. Files are written once
-- and never changed (a release, a dataset version, an upload), so a path
-- names one content.
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    bytes BYTEA NOT NULL,
    sha256 TEXT NOT NULL
);

-- `current_release`: the release every replica serves.
CREATE TABLE pointers (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
