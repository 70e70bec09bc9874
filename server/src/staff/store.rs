//! Where the staff workspace keeps its state: accounts, sessions, failed
//! sign-ins and the audit log, in SQLite in the data folder (created and
//! migrated on first start; nothing to install).

mod reach;
pub(super) use reach::unreachable;
pub use reach::ACQUIRE_TIMEOUT;

use std::path::Path;
use std::str::FromStr;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::AnyPool;
use sqlx::{Connection, Row};

use super::secret::{self, Token};

/// The database file in the data folder.
pub const DATABASE_FILE: &str = "localgoals.sqlite";

/// Why the store failed. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not open the staff database {path}: {source}. Check that the data folder is writable.")]
    Open {
        path: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("could not bring the staff database up to date: {0}. Restore the data folder from a backup or report this as a bug.")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the staff database failed: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{email} already has an account; choose another email address")]
    EmailTaken { email: String },
    #[error("{email:?} is not an email address (it needs one @ with text on both sides)")]
    NotAnEmail { email: String },
    #[error("a password needs at least {min} characters; choose a longer one")]
    PasswordTooShort { min: usize },
    #[error("could not hash the password: {0}")]
    Hash(String),
}

indicators::wire_enum! {
    /// What a signed-in person may do; each role can do what the ones
    /// before it can.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Role: "role" {
        /// Sees internal indicators.
        Viewer = "viewer",
        /// Also uploads and edits into the draft.
        Editor = "editor",
        /// Also publishes, rolls back and manages users.
        Admin = "admin",
    }
}

indicators::wire_enum! {
    /// What the audit log records.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum AuditAction: "audit action" {
        SignIn = "sign-in",
        FailedSignIn = "failed-sign-in",
        SignOut = "sign-out",
        SignOutEverywhere = "sign-out-everywhere",
        UserAdded = "user-added",
        SignInLinkUsed = "sign-in-link-used",
        /// A file was accepted at the door and archived.
        Upload = "upload",
        /// An upload changed the draft.
        DraftChanged = "draft-changed",
        /// The draft was thrown away.
        DraftDiscarded = "draft-discarded",
        Publish = "publish",
        Rollback = "rollback",
        /// A dataset was imported from the command line.
        Import = "import",
        UserRoleChanged = "user-role-changed",
        /// An indicator's catalogue entry was edited into the draft.
        MetadataChanged = "metadata-changed",
        UserRemoved = "user-removed",
    }
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
}

/// A signed-in session, as found from its cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    /// The token every form of this session carries against CSRF.
    pub csrf: String,
    pub created_at: i64,
    pub seen_at: i64,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: Option<String>,
    pub action: AuditAction,
    pub detail: String,
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// Where the staff database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// `localgoals.sqlite` in the data directory: one server.
    Sqlite { data_dir: std::path::PathBuf },
    /// A PostgreSQL server (`--database postgres://…`): several replicas.
    Postgres { url: String },
}

/// Which kind of database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// The staff database. Queries are written once, with `$1` placeholders,
/// which both SQLite and PostgreSQL read.
#[derive(Debug, Clone)]
pub struct Store {
    pub(super) pool: AnyPool,
    pub backend: Backend,
}

/// A path as a `sqlite://` address (percent-encoded where needed).
fn sqlite_url(path: &Path) -> String {
    let text = path.display().to_string();
    let mut url = String::from("sqlite://");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

impl Store {
    /// Opens (creating and migrating if needed) the database in `data_dir`.
    pub async fn open(data_dir: &Path) -> Result<Self, StoreError> {
        Self::connect(&Database::Sqlite {
            data_dir: data_dir.to_path_buf(),
        })
        .await
    }

    /// Opens the database, creating its tables (or bringing them up to
    /// date) first.
    pub async fn connect(database: &Database) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let (url, backend, shown) = match database {
            Database::Sqlite { data_dir } => {
                let path = data_dir.join(DATABASE_FILE);
                let shown = path.display().to_string();
                let open = |source| StoreError::Open {
                    path: shown.clone(),
                    source,
                };
                // Created, switched to WAL (which stays set in the file)
                // and migrated through the SQLite driver itself.
                let options = SqliteConnectOptions::new()
                    .filename(&path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .busy_timeout(std::time::Duration::from_secs(5));
                let mut connection = sqlx::SqliteConnection::connect_with(&options)
                    .await
                    .map_err(open)?;
                SQLITE_MIGRATIONS.run(&mut connection).await?;
                connection.close().await?;
                (sqlite_url(&path), Backend::Sqlite, shown)
            }
            Database::Postgres { url } => {
                // The address without its password, for messages.
                let shown = match url.split_once('@') {
                    Some((_, host)) => format!("postgres://…@{host}"),
                    None => url.clone(),
                };
                let mut connection =
                    sqlx::PgConnection::connect(url)
                        .await
                        .map_err(|source| StoreError::Open {
                            path: shown.clone(),
                            source,
                        })?;
                // sqlx holds an advisory lock while migrating, so replicas
                // starting together migrate once.
                POSTGRES_MIGRATIONS.run(&mut connection).await?;
                connection.close().await?;
                (url.clone(), Backend::Postgres, shown)
            }
        };
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            // A stopped database is reported after this long (sqlx retries
            // a refused connection until then), not after the default 30 s.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(&url)
            .await
            .map_err(|source| StoreError::Open {
                path: shown,
                source,
            })?;
        Ok(Store { pool, backend })
    }

    /// Adds an account. Without a password, the person signs in first
    /// through a link ([`Store::sign_in_link`]).
    pub async fn add_user(
        &self,
        email: &str,
        role: Role,
        password: Option<&str>,
        now: i64,
    ) -> Result<User, StoreError> {
        self.add_user_by(None, email, role, password, now).await
    }

    /// [`Store::add_user`], recording who added the account.
    pub async fn add_user_by(
        &self,
        actor: Option<&str>,
        email: &str,
        role: Role,
        password: Option<&str>,
        now: i64,
    ) -> Result<User, StoreError> {
        let email = normalise_email(email)?;
        let hash = match password {
            Some(password) => Some(hash_password(password.to_owned()).await?),
            None => None,
        };
        let inserted = sqlx::query(
            "INSERT INTO users (email, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(&email)
        .bind(role.as_str())
        .bind(hash)
        .bind(now)
        .fetch_one(&self.pool)
        .await;
        let id: i64 = match inserted {
            Ok(row) => row.get(0),
            Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
                return Err(StoreError::EmailTaken { email })
            }
            Err(err) => return Err(err.into()),
        };
        self.audit(
            actor,
            AuditAction::UserAdded,
            &format!("{email} as {role}"),
            now,
        )
        .await?;
        Ok(User { id, email, role })
    }

    /// The user with `email` and their password hash, if they have one.
    pub async fn user_by_email(
        &self,
        email: &str,
    ) -> Result<Option<(User, Option<String>)>, StoreError> {
        let Ok(email) = normalise_email(email) else {
            return Ok(None);
        };
        let row = sqlx::query("SELECT id, email, role, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|row| {
            let role = Role::from_str(row.get::<&str, _>(2)).ok()?;
            Some((
                User {
                    id: row.get(0),
                    email: row.get(1),
                    role,
                },
                row.get(3),
            ))
        }))
    }

    /// Checks `password` against the account of `email`: the user if it
    /// matches. Hashing runs on a blocking thread; an unknown email still
    /// costs one hash, so timing does not tell which emails exist.
    pub async fn verify(&self, email: &str, password: &str) -> Result<Option<User>, StoreError> {
        let found = self.user_by_email(email).await?;
        let hash = found.as_ref().and_then(|(_, hash)| hash.clone());
        let password = password.to_owned();
        let matches = tokio::task::spawn_blocking(move || match hash {
            Some(hash) => secret::verify_password(&password, &hash),
            None => {
                secret::verify_password(&password, secret::dummy_hash());
                false
            }
        })
        .await
        .map_err(|err| StoreError::Hash(err.to_string()))?;
        Ok(found.filter(|_| matches).map(|(user, _)| user))
    }

    /// A one-time sign-in link's token for `user`, valid for `valid_for`
    /// seconds.
    pub async fn sign_in_link(
        &self,
        user: &User,
        now: i64,
        valid_for: i64,
    ) -> Result<Token, StoreError> {
        let token = Token::new();
        sqlx::query(
            "INSERT INTO sign_in_links (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(token.hash())
        .bind(user.id)
        .bind(now + valid_for)
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// Uses a sign-in link: its user, once, before it expires.
    pub async fn redeem_link(&self, token: &str, now: i64) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(
            "DELETE FROM sign_in_links WHERE token_hash = $1 RETURNING user_id, expires_at",
        )
        .bind(secret::hash_token(token))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if row.get::<i64, _>(1) < now {
            return Ok(None);
        }
        self.user_by_id(row.get(0)).await
    }

    async fn user_by_id(&self, id: i64) -> Result<Option<User>, StoreError> {
        let row = sqlx::query("SELECT id, email, role FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|row| {
            Some(User {
                id: row.get(0),
                email: row.get(1),
                role: Role::from_str(row.get::<&str, _>(2)).ok()?,
            })
        }))
    }

    /// Starts a session for `user`: its cookie token (only its hash is
    /// stored) and the session.
    pub async fn start_session(
        &self,
        user: &User,
        now: i64,
    ) -> Result<(Token, Session), StoreError> {
        let token = Token::new();
        let csrf = Token::new().reveal().to_owned();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, seen_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token.hash())
        .bind(user.id)
        .bind(&csrf)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok((
            token,
            Session {
                user: user.clone(),
                csrf,
                created_at: now,
                seen_at: now,
            },
        ))
    }

    /// The session of a cookie's `token`, if it has not been idle longer
    /// than `idle` nor lived longer than `absolute` (seconds); an expired
    /// one is removed. A session in use is marked seen at most once a
    /// minute, not on every request.
    pub async fn session(
        &self,
        token: &str,
        now: i64,
        idle: i64,
        absolute: i64,
    ) -> Result<Option<Session>, StoreError> {
        let hash = secret::hash_token(token);
        let row = sqlx::query(
            "SELECT u.id, u.email, u.role, s.csrf, s.created_at, s.seen_at \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
        )
        .bind(&hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let (created_at, seen_at): (i64, i64) = (row.get(4), row.get(5));
        if now - seen_at > idle || now - created_at > absolute {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(&hash)
                .execute(&self.pool)
                .await?;
            return Ok(None);
        }
        let Ok(role) = Role::from_str(row.get::<&str, _>(2)) else {
            return Ok(None);
        };
        if now - seen_at >= 60 {
            sqlx::query("UPDATE sessions SET seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(&hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(Session {
            user: User {
                id: row.get(0),
                email: row.get(1),
                role,
            },
            csrf: row.get(3),
            created_at,
            seen_at: now.max(seen_at),
        }))
    }

    /// Ends the session of a cookie's `token`.
    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(secret::hash_token(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of `user` (sign out everywhere).
    pub async fn end_all_sessions(&self, user: &User) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.id)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}

/// An email as stored: trimmed and lower case; `NotAnEmail` unless it has
/// one `@` with text on both sides and no spaces.
pub(super) fn normalise_email(email: &str) -> Result<String, StoreError> {
    let email = email.trim().to_lowercase();
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(email)
    } else {
        Err(StoreError::NotAnEmail { email })
    }
}

async fn hash_password(password: String) -> Result<String, StoreError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(StoreError::PasswordTooShort { min: MIN_PASSWORD });
    }
    tokio::task::spawn_blocking(move || secret::hash_password(&password))
        .await
        .map_err(|err| StoreError::Hash(err.to_string()))?
        .map_err(StoreError::Hash)
}
