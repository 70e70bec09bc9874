//! The `localgoals` command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicators::progress::ProgressMethod;

/// Local Goals: a city's Sustainable Development Goals and human-rights
/// indicators, from the spreadsheets staff already keep to a public dashboard.
#[derive(Debug, Parser)]
#[command(name = "localgoals", version)]
#[command(after_help = "With no command, `localgoals` runs `serve`.\n\
Examples:\n  localgoals                              serve the bundled demo city\n  localgoals --data /var/lib/localgoals serve --addr 0.0.0.0:8080 --dataset ./my-city")]
pub struct Cli {
    /// Folder for the releases (created if missing).
    #[arg(
        long,
        global = true,
        env = "LOCALGOALS_DATA",
        default_value = "data",
        value_name = "DIR"
    )]
    pub data: PathBuf,

    /// Where accounts, sessions, the draft and the audit log live: by
    /// default `localgoals.sqlite` in the data directory. A
    /// `postgres://user@host/db` address shares them, and the releases,
    /// datasets and uploads, between replicas: each serves what any of them
    /// published, and keeps a copy of the files in its own data directory.
    #[arg(long, global = true, env = "LOCALGOALS_DATABASE", value_name = "URL")]
    pub database: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options of `serve`, also accepted without the word `serve`.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web dashboard (the default).
    Serve(ServeArgs),
    /// Check a dataset folder, an Open SDG repository or one CSV/XLSX file, and
    /// list every problem with its file, line, column and a fix. Exits with
    /// status 1 when there are errors.
    Check(CheckArgs),
    /// Print Local Goals' default rights areas as CSV, to start an areas.csv from.
    Areas,
    /// Build a release from a dataset folder or an Open SDG repository: check it, compute every series'
    /// baseline, trend and progress status, and write it (atomically) into the
    /// data directory as the new current release. Nothing is written if the
    /// dataset has errors.
    Build(BuildArgs),
    /// Make a dataset folder (or Open SDG repository) the staff workspace's
    /// working dataset and publish it as a new release. The server reads its
    /// --dataset on first start only; after that, this (or an upload in the
    /// workspace) is how the working dataset changes. Nothing changes if the
    /// dataset has errors.
    Import(ImportArgs),
    /// Show an indicator's series with their status and why, from the current release.
    Status(StatusArgs),
    /// Write every public page (in every language), asset, chart, download
    /// and feed of the current release as plain files into OUT, for any web
    /// server or CDN. Internal indicators are never written.
    ExportStatic(ExportStaticArgs),
    /// Manage the staff workspace's accounts.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum UserCommand {
    /// Add an account. The password is read from standard input (one line,
    /// at least 12 characters); with --link, a one-time sign-in link is
    /// printed instead.
    Add(UserAddArgs),
    /// Print a one-time sign-in link for an existing account (valid 24 hours).
    Link(UserLinkArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UserAddArgs {
    /// The person's email address, which is also their sign-in name.
    #[arg(value_name = "EMAIL")]
    pub email: String,
    /// viewer: sees internal indicators; editor: also uploads and edits the
    /// draft; admin: also publishes, rolls back and manages users.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Print a one-time sign-in link instead of reading a password.
    #[arg(long)]
    pub link: bool,
    /// The site's address, to print the link with.
    #[arg(
        long,
        env = "LOCALGOALS_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
}

#[derive(Debug, Clone, Args)]
pub struct UserLinkArgs {
    #[arg(value_name = "EMAIL")]
    pub email: String,
    /// The site's address, to print the link with.
    #[arg(
        long,
        env = "LOCALGOALS_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
}

/// A staff role on the command line, named as the database stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleArg(pub crate::staff::Role);

impl ValueEnum for RoleArg {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: OnceLock<Vec<RoleArg>> = OnceLock::new();
        ALL.get_or_init(|| {
            crate::staff::Role::ALL
                .iter()
                .copied()
                .map(RoleArg)
                .collect()
        })
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.as_str()))
    }
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// A dataset folder (with catalogue.csv) or an Open SDG repository.
    #[arg(value_name = "DATASET")]
    pub dataset: PathBuf,
    /// Progress method, overriding the dataset's settings.csv.
    #[arg(long, value_enum)]
    pub method: Option<Method>,
}

/// A progress method on the command line, named as in settings.csv and the
/// releases (`ProgressMethod`'s one table of wire names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method(pub ProgressMethod);

impl ValueEnum for Method {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: OnceLock<Vec<Method>> = OnceLock::new();
        ALL.get_or_init(|| ProgressMethod::ALL.iter().copied().map(Method).collect())
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.as_str()))
    }
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// A dataset folder (with catalogue.csv) or an Open SDG repository.
    #[arg(value_name = "DIR")]
    pub dataset: PathBuf,
    /// Import even though the workspace has an unpublished draft, and throw
    /// the draft away (it was made from the dataset being replaced).
    #[arg(long)]
    pub discard_draft: bool,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The indicator id, e.g. poverty-rate.
    #[arg(value_name = "INDICATOR")]
    pub indicator: String,
}

#[derive(Debug, Clone, Args)]
pub struct ExportStaticArgs {
    /// The folder to write the site into (created if missing).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// A dataset folder (with catalogue.csv), an Open SDG repository, or a file.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Print the parsed observations and every problem as JSON instead.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: LEPTOS_SITE_ADDR, else 127.0.0.1:3000].
    #[arg(long, value_name = "HOST:PORT")]
    pub addr: Option<SocketAddr>,

    /// The dataset to start from: on first start (no working dataset in
    /// --data yet) it is copied into the data directory as the working
    /// dataset and released. Later starts serve what the workspace
    /// published and do not read it (`localgoals import` replaces the
    /// working dataset). A dataset folder (catalogue.csv, areas.csv,
    /// observations/) or an Open SDG repository. If it has errors, the
    /// current release is served unchanged.
    #[arg(
        long,
        env = "LOCALGOALS_DATASET",
        default_value = "indicators/demo-city",
        value_name = "DIR"
    )]
    pub dataset: PathBuf,

    /// Serve the current release without reading --dataset.
    #[arg(long)]
    pub no_build: bool,

    /// A proxy (an address or a CIDR range, repeatable) whose
    /// X-Forwarded-For header is believed when counting failed sign-ins per
    /// address. Without it, the connection's own address counts.
    #[arg(
        long = "trust-proxy",
        value_name = "CIDR",
        env = "LOCALGOALS_TRUST_PROXY",
        value_delimiter = ','
    )]
    pub trust_proxy: Vec<String>,

    /// The largest file the workspace accepts for upload, in megabytes.
    #[arg(
        long,
        env = "LOCALGOALS_UPLOAD_LIMIT_MB",
        default_value_t = 50,
        value_name = "MB"
    )]
    pub upload_limit_mb: u64,

    /// The address the public reaches the site at. An `https://` address
    /// marks the staff session cookies Secure (sent over HTTPS only).
    #[arg(long, env = "LOCALGOALS_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
}

impl Cli {
    /// The staff database: `--database`, else SQLite in the data directory.
    pub fn database(&self) -> Result<crate::staff::Database, String> {
        match self.database.as_deref() {
            None | Some("") => Ok(crate::staff::Database::Sqlite {
                data_dir: self.data.clone(),
            }),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(crate::staff::Database::Postgres { url: url.to_owned() })
            }
            Some(other) => Err(format!(
                "--database {other:?} is not a PostgreSQL address; give postgres://USER@HOST/DATABASE, or leave it out to use SQLite in the data directory"
            )),
        }
    }

    /// The serve options, whether given after `serve` or on their own.
    pub fn serve_args(&self) -> ServeArgs {
        match &self.command {
            Some(Command::Serve(args)) => args.clone(),
            _ => self.serve.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_command_means_serve_with_defaults() {
        let cli = Cli::try_parse_from(["localgoals"]).expect("parse");
        assert!(cli.command.is_none());
        let serve = cli.serve_args();
        assert_eq!(serve.addr, None);
        assert_eq!(serve.dataset, PathBuf::from("indicators/demo-city"));
    }

    #[test]
    fn data_is_global_and_addr_parses_after_serve() {
        let cli = Cli::try_parse_from([
            "localgoals",
            "serve",
            "--addr",
            "127.0.0.1:8081",
            "--data",
            "/tmp/x",
        ])
        .expect("parse");
        assert_eq!(cli.data, PathBuf::from("/tmp/x"));
        assert_eq!(
            cli.serve_args().addr,
            Some("127.0.0.1:8081".parse().expect("addr"))
        );
    }

    #[test]
    fn check_takes_a_path_and_json() {
        let cli = Cli::try_parse_from(["localgoals", "check", "city/", "--json"]).expect("parse");
        match cli.command {
            Some(Command::Check(args)) => {
                assert_eq!(args.path, PathBuf::from("city/"));
                assert!(args.json);
            }
            other => panic!("expected check, got {other:?}"),
        }
    }

    #[test]
    fn methods_are_named_as_in_settings_and_unknown_ones_are_listed() {
        let cli = Cli::try_parse_from(["localgoals", "build", "city/", "--method", "eurostat"])
            .expect("parse");
        match cli.command {
            Some(Command::Build(args)) => {
                assert_eq!(args.method, Some(Method(ProgressMethod::Eurostat)))
            }
            other => panic!("expected build, got {other:?}"),
        }
        let err = Cli::try_parse_from(["localgoals", "build", "city/", "--method", "guess"])
            .expect_err("unknown method");
        let text = err.to_string();
        for name in ProgressMethod::NAMES {
            assert!(text.contains(name), "{text}");
        }
    }

    #[test]
    fn bad_address_is_rejected_by_the_parser() {
        let err =
            Cli::try_parse_from(["localgoals", "--addr", "localhost"]).expect_err("must fail");
        assert!(err.to_string().contains("--addr"), "{err}");
    }
}
