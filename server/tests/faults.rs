//! Faults, with `localgoals serve` as a process: SIGKILL during uploads,
//! a full disk during a publish or an upload (`LOCALGOALS_FAIL_AT`), and
//! PostgreSQL stopped under a running server. After each the data is
//! checked whole: the staff database (SQLite's own checks), the served
//! release, and every archived upload. See docs/faults.md.

#[path = "support/raw_http.rs"]
mod raw_http;

#[path = "faults/database.rs"]
mod database;
#[path = "faults/disk.rs"]
mod disk;
#[path = "faults/integrity.rs"]
mod integrity;
#[path = "faults/support.rs"]
mod support;
#[path = "faults/uploads.rs"]
mod uploads;
