//! The staff database's logs: failed sign-ins (for throttling) and the
//! append-only audit log.

use std::str::FromStr;

use sqlx::Row;

use super::store::{normalise_email, AuditAction, AuditEntry, Store, StoreError};

impl Store {
    /// Notes a failed sign-in for throttling.
    pub async fn record_failure(
        &self,
        email: &str,
        address: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let email = normalise_email(email).unwrap_or_else(|_| email.trim().to_lowercase());
        sqlx::query("INSERT INTO failed_sign_ins (email, address, at) VALUES ($1, $2, $3)")
            .bind(email)
            .bind(address)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failed sign-ins since `since`: for `email`, for `address`, and the
    /// oldest of each (when the throttle lifts).
    pub async fn failures_since(
        &self,
        email: &str,
        address: &str,
        since: i64,
    ) -> Result<Failures, StoreError> {
        let email = normalise_email(email).unwrap_or_else(|_| email.trim().to_lowercase());
        let count = |column: &'static str, key: String| {
            let pool = self.pool.clone();
            async move {
                let row = sqlx::query(&format!(
                    "SELECT COUNT(*), MIN(at) FROM failed_sign_ins WHERE {column} = $1 AND at >= $2"
                ))
                .bind(key)
                .bind(since)
                .fetch_one(&pool)
                .await?;
                Ok::<_, StoreError>((row.get::<i64, _>(0), row.get::<Option<i64>, _>(1)))
            }
        };
        let (account, account_oldest) = count("email", email).await?;
        let (address_count, address_oldest) = count("address", address.to_owned()).await?;
        Ok(Failures {
            account,
            account_oldest,
            address: address_count,
            address_oldest,
        })
    }

    /// Forgets the failed sign-ins of `email` (after one that succeeds).
    pub async fn clear_failures(&self, email: &str) -> Result<(), StoreError> {
        let email = normalise_email(email).unwrap_or_else(|_| email.trim().to_lowercase());
        sqlx::query("DELETE FROM failed_sign_ins WHERE email = $1")
            .bind(email)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Appends to the audit log.
    pub async fn audit(
        &self,
        actor: Option<&str>,
        action: AuditAction,
        detail: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO audit (at, actor, action, detail) VALUES ($1, $2, $3, $4)")
            .bind(now)
            .bind(actor)
            .bind(action.as_str())
            .bind(detail)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest `limit` lines of the audit log, newest first.
    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let rows =
            sqlx::query("SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                Some(AuditEntry {
                    at: row.get(0),
                    actor: row.get(1),
                    action: AuditAction::from_str(row.get::<&str, _>(2)).ok()?,
                    detail: row.get(3),
                })
            })
            .collect())
    }

    /// Runs raw SQL (tests use it to prove the audit log refuses changes).
    #[doc(hidden)]
    pub async fn execute_raw(&self, sql: &str) -> Result<u64, StoreError> {
        Ok(sqlx::query(sql).execute(&self.pool).await?.rows_affected())
    }
}

/// Failed sign-ins in the throttle's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub account: i64,
    pub account_oldest: Option<i64>,
    pub address: i64,
    pub address_oldest: Option<i64>,
}
