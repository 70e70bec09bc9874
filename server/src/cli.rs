//! The `localgoals` command line.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Local Goals: a city's Sustainable Development Goals and human-rights
/// indicators, from the spreadsheets staff already keep to a public dashboard.
#[derive(Debug, Parser)]
#[command(name = "localgoals", version)]
#[command(after_help = "With no command, `localgoals` runs `serve`.\n\
Examples:\n  localgoals                              serve the bundled demo city\n  localgoals --data /var/lib/localgoals serve --addr 0.0.0.0:8080 --dataset ./my-city")]
pub struct Cli {
    /// Folder for releases, the database and uploads (created if missing).
    #[arg(
        long,
        global = true,
        env = "LOCALGOALS_DATA",
        default_value = "data",
        value_name = "DIR"
    )]
    pub data: PathBuf,

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
    /// Build a release from a dataset folder: check it, compute every series'
    /// baseline, trend and progress status, and write it (atomically) into the
    /// data directory as the new current release. Nothing is written if the
    /// dataset has errors.
    Build(BuildArgs),
    /// Show an indicator's series with their status and why, from the current release.
    Status(StatusArgs),
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// The dataset folder (with catalogue.csv).
    #[arg(value_name = "DATASET")]
    pub dataset: PathBuf,
    /// Progress method, overriding the dataset's settings.csv.
    #[arg(long, value_parser = ["open-sdg", "eurostat", "unsd-progress-chart"])]
    pub method: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The indicator id, e.g. poverty-rate.
    #[arg(value_name = "INDICATOR")]
    pub indicator: String,
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

    /// The city dataset to build a release from at start-up (catalogue.csv,
    /// areas.csv, observations/). If it has errors, the current release is
    /// served unchanged.
    #[arg(
        long,
        env = "LOCALGOALS_DATASET",
        default_value = "indicators/demo-city",
        value_name = "DIR"
    )]
    pub dataset: PathBuf,

    /// Serve the current release without building from --dataset.
    #[arg(long)]
    pub no_build: bool,
}

impl Cli {
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
    fn bad_address_is_rejected_by_the_parser() {
        let err =
            Cli::try_parse_from(["localgoals", "--addr", "localhost"]).expect_err("must fail");
        assert!(err.to_string().contains("--addr"), "{err}");
    }
}
