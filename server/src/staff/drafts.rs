//! The shared draft and the archive of uploads, in the staff database.

use sqlx::Row;

use super::store::{Store, StoreError};

indicators::wire_enum! {
    /// Which part of the dataset an upload changes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ChangeKind: "change kind" {
        /// An observation file in `observations/`.
        Observations = "observations",
        Catalogue = "catalogue",
        Areas = "areas",
        /// `actions.csv`: decisions, motions, programmes and budget lines.
        Actions = "actions",
        /// `groups.csv`: which disaggregation values are rights-holder groups.
        Groups = "groups",
        /// `districts.geojson`: the district boundaries.
        Districts = "districts",
        /// `recommendations.csv`: recommendations and their follow-up.
        Recommendations = "recommendations",
        /// `qualitative.csv`: qualitative indicators' statements.
        Qualitative = "qualitative",
    }
}

indicators::wire_enum! {
    /// What became of an archived upload.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UploadOutcome: "upload outcome" {
        /// Archived; not checked yet (or the check stopped).
        Received = "received",
        /// The check found errors; the draft is unchanged.
        Problems = "problems",
        /// It changed the draft.
        InDraft = "in-draft",
    }
}

/// One archived upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub name: String,
    pub bytes: i64,
    pub sha256: String,
    /// Its path relative to the data directory.
    pub archived: String,
    pub outcome: UploadOutcome,
}

/// One change to the draft: who, when, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftChange {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub kind: ChangeKind,
    pub file: String,
    pub summary: String,
}

/// The site's draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The workspace dataset holding the draft.
    pub dataset: String,
    /// The working dataset it started from.
    pub base: String,
    /// Its changes, oldest first; the last one's id is its version.
    pub changes: Vec<DraftChange>,
}

impl Draft {
    /// The id of its newest change: a preview names it, and publishing a
    /// draft whose version moved on asks for a new preview.
    pub fn version(&self) -> i64 {
        self.changes.last().map_or(0, |c| c.id)
    }
}

/// What a new version of the draft is.
#[derive(Debug, Clone, Copy)]
pub struct NewVersion<'a> {
    pub dataset: &'a str,
    pub base: &'a str,
    pub actor: &'a str,
    pub kind: ChangeKind,
    pub file: &'a str,
    pub summary: &'a str,
    pub upload: Option<i64>,
    pub at: i64,
}

impl Store {
    /// Records an archived upload; returns its id.
    pub async fn record_upload(&self, upload: &Upload) -> Result<i64, StoreError> {
        let id = sqlx::query(
            "INSERT INTO uploads (at, actor, name, bytes, sha256, archived, outcome) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(upload.at)
        .bind(&upload.actor)
        .bind(&upload.name)
        .bind(upload.bytes)
        .bind(&upload.sha256)
        .bind(&upload.archived)
        .bind(upload.outcome.as_str())
        .fetch_one(&self.pool)
        .await?
        .try_get::<i64, _>(0)?;
        Ok(id)
    }

    pub async fn set_upload_outcome(
        &self,
        id: i64,
        outcome: UploadOutcome,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE uploads SET outcome = $1 WHERE id = $2")
            .bind(outcome.as_str())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Every archived upload, newest first.
    pub async fn uploads(&self) -> Result<Vec<Upload>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, at, actor, name, bytes, sha256, archived, outcome FROM uploads ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Upload {
                    id: row.try_get(0)?,
                    at: row.try_get(1)?,
                    actor: row.try_get(2)?,
                    name: row.try_get(3)?,
                    bytes: row.try_get(4)?,
                    sha256: row.try_get(5)?,
                    archived: row.try_get(6)?,
                    outcome: parse(row.try_get::<String, _>(7)?)?,
                })
            })
            .collect()
    }

    /// The draft, if there is one.
    pub async fn draft(&self) -> Result<Option<Draft>, StoreError> {
        let Some(row) = sqlx::query("SELECT dataset, base FROM draft WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let changes =
            sqlx::query("SELECT id, at, actor, kind, file, summary FROM draft_changes ORDER BY id")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    Ok(DraftChange {
                        id: row.try_get(0)?,
                        at: row.try_get(1)?,
                        actor: row.try_get(2)?,
                        kind: parse(row.try_get::<String, _>(3)?)?,
                        file: row.try_get(4)?,
                        summary: row.try_get(5)?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(Draft {
            dataset: row.try_get(0)?,
            base: row.try_get(1)?,
            changes,
        }))
    }

    /// Makes `new.dataset` the draft and records the change, in one
    /// transaction; returns the draft's new version.
    pub async fn change_draft(&self, new: NewVersion<'_>) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO draft (id, dataset, base) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET dataset = excluded.dataset, base = excluded.base",
        )
        .bind(new.dataset)
        .bind(new.base)
        .execute(&mut *tx)
        .await?;
        let version = sqlx::query(
            "INSERT INTO draft_changes (at, actor, kind, file, summary, upload_id) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(new.at)
        .bind(new.actor)
        .bind(new.kind.as_str())
        .bind(new.file)
        .bind(new.summary)
        .bind(new.upload)
        .fetch_one(&mut *tx)
        .await?
        .try_get::<i64, _>(0)?;
        if let Some(upload) = new.upload {
            sqlx::query("UPDATE uploads SET outcome = 'in-draft' WHERE id = $1")
                .bind(upload)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(version)
    }

    /// Ends the draft (published or thrown away).
    pub async fn clear_draft(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM draft").execute(&mut *tx).await?;
        sqlx::query("DELETE FROM draft_changes")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn parse<T: std::str::FromStr>(text: String) -> Result<T, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Database(sqlx::Error::Decode(text.into())))
}
