//! Telling "the database cannot be reached" from "the database refused
//! this": the first is answered with 503 and a retry, the second is a bug
//! or bad input.

use super::StoreError;

impl StoreError {
    /// Whether the database could not be reached (stopped, restarting, the
    /// network down, every connection busy): the request may work if tried
    /// again, and nothing was stored.
    pub fn is_unreachable(&self) -> bool {
        match self {
            StoreError::Open { source, .. } | StoreError::Database(source) => unreachable(source),
            _ => false,
        }
    }
}

/// Whether `err` says the database could not be reached, rather than that
/// it refused a query.
pub(in crate::staff) fn unreachable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::WorkerCrashed => true,
        // PostgreSQL's "connection exception" class and its shutdown codes.
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
        _ => false,
    }
}

/// How long a request waits for a database connection before it is told
/// the database is unreachable.
pub const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
