//! `localgoals`: the thin binary. Parses the command line, sets up logging and
//! runs the chosen command.

use anyhow::Context;
use clap::Parser;
use leptos::config::get_configuration;
use server::cli::{Cli, Command};
use tracing_subscriber::EnvFilter;

/// The allocator polars recommends: see `docs/benchmarks.md` (issue 11, part 3).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        // Logs on stderr: stdout is for what the user asked for (an address, a report, JSON).
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Serve(_)) | None => serve(&cli).await,
        Some(Command::Check(args)) => {
            let args = args.clone();
            let ok = tokio::task::spawn_blocking(move || check(&args))
                .await
                .context("the check stopped unexpectedly")??;
            if !ok {
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::Areas) => {
            print!("{}", indicators::read::default_rights_areas_csv());
            Ok(())
        }
        Some(Command::Build(args)) => {
            let (args, data) = (args.clone(), cli.data.clone());
            tokio::task::spawn_blocking(move || build(&args, &data))
                .await
                .context("the build stopped unexpectedly")?
        }
        Some(Command::User(command)) => user(command, &cli).await,
        Some(Command::ExportStatic(args)) => export_static(args, &cli).await,
        Some(Command::Import(args)) => import(args, &cli).await,
        Some(Command::Status(args)) => {
            let (args, data) = (args.clone(), cli.data.clone());
            tokio::task::spawn_blocking(move || status(&args, &data))
                .await
                .context("reading the release stopped unexpectedly")?
        }
    }
}

/// `localgoals user add|link`: accounts of the staff workspace.
async fn user(command: &server::cli::UserCommand, cli: &Cli) -> anyhow::Result<()> {
    use server::cli::UserCommand;
    use server::staff::{Clock, Store};
    let data = &cli.data;
    std::fs::create_dir_all(data)
        .with_context(|| format!("could not create the data directory {}", data.display()))?;
    let store = Store::connect(&cli.database().map_err(anyhow::Error::msg)?).await?;
    let now = Clock::default().now();
    let valid = server::staff::StaffConfig::default().link_valid;
    let link = |public_url: &str, token: &server::staff::secret::Token| {
        format!(
            "{}/staff/link/{}",
            public_url.trim_end_matches('/'),
            token.reveal()
        )
    };
    match command {
        UserCommand::Add(args) => {
            let password = if args.link {
                None
            } else {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .context("reading the password from standard input")?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            };
            let user = store
                .add_user(&args.email, args.role.0, password.as_deref(), now)
                .await?;
            println!("Added {} as {}.", user.email, user.role);
            if args.link {
                let token = store.sign_in_link(&user, now, valid).await?;
                println!("One-time sign-in link (valid 24 hours, shown once):");
                println!("{}", link(&args.public_url, &token));
            }
        }
        UserCommand::Link(args) => {
            let (user, _) = store.user_by_email(&args.email).await?.ok_or_else(|| {
                anyhow::anyhow!(
                    "no account for {}; add one with `localgoals user add {} --role viewer`",
                    args.email,
                    args.email
                )
            })?;
            let token = store.sign_in_link(&user, now, valid).await?;
            println!(
                "One-time sign-in link for {} (valid 24 hours, shown once):",
                user.email
            );
            println!("{}", link(&args.public_url, &token));
        }
    }
    Ok(())
}

/// `localgoals import DIR`: a new working dataset, released.
async fn import(args: &server::cli::ImportArgs, cli: &Cli) -> anyhow::Result<()> {
    use server::staff::{AuditAction, Clock, Store};
    let data = cli.data.as_path();
    std::fs::create_dir_all(data)
        .with_context(|| format!("could not create the data directory {}", data.display()))?;
    let store = Store::connect(&cli.database().map_err(anyhow::Error::msg)?).await?;
    // With PostgreSQL, no replica changes the workspace meanwhile, and the
    // import follows what they published.
    let shared = (store.backend == server::staff::store::Backend::Postgres)
        .then(|| server::staff::shared::Shared::new(store.clone()));
    let _lock = match &shared {
        Some(shared) => {
            let lock = shared.lock().await?;
            shared.pull_all(data).await?;
            Some(lock)
        }
        None => None,
    };
    if let Some(draft) = store.draft().await? {
        if !args.discard_draft {
            anyhow::bail!(
                "the workspace has an unpublished draft ({} change(s), made from the working dataset this import replaces). \
                 Publish or throw it away in the workspace first, or add --discard-draft to throw it away now.",
                draft.changes.len()
            );
        }
        store.clear_draft().await?;
    }
    let (dataset, dir) = (args.dataset.clone(), data.to_path_buf());
    let outcome =
        tokio::task::spawn_blocking(move || server::staff::workflow::import(&dir, &dataset))
            .await
            .context("the import stopped unexpectedly")??;
    if let Some(shared) = &shared {
        let id = &outcome.manifest.id;
        shared.push(data, &format!("releases/{id}")).await?;
        if let Some(working) = server::staff::workflow::working_dataset(data) {
            shared
                .push(data, &format!("workspace/datasets/{working}"))
                .await?;
        }
        shared.set_current(id).await?;
    }
    store
        .audit(
            None,
            AuditAction::Import,
            &format!(
                "{} as release {} (from the command line)",
                args.dataset.display(),
                outcome.manifest.id
            ),
            Clock::default().now(),
        )
        .await?;
    print!("{}", server::report::build_summary(&outcome));
    println!("This is now the working dataset. With --database, running replicas serve it within seconds; a single server serves it after a restart.");
    Ok(())
}

fn build(args: &server::cli::BuildArgs, data: &std::path::Path) -> anyhow::Result<()> {
    let method = args.method.map(|m| m.0);
    let outcome = indicators::release::build(&args.dataset, data, method)?;
    print!("{}", server::report::build_summary(&outcome));
    Ok(())
}

fn status(args: &server::cli::StatusArgs, data: &std::path::Path) -> anyhow::Result<()> {
    let release = indicators::release::load_current(data)?;
    let text = server::report::indicator_status(
        &release,
        &args.indicator,
        &indicators::release::status_history(data, &args.indicator),
    )
    .ok_or_else(|| {
        anyhow::anyhow!(
            "no indicator `{}` in release {}. `localgoals check` lists the ids.",
            args.indicator,
            release.manifest.id
        )
    })?;
    print!("{text}");
    Ok(())
}

/// Runs `localgoals check`; `Ok(false)` when the data has errors.
fn check(args: &server::cli::CheckArgs) -> anyhow::Result<bool> {
    use std::io::IsTerminal;
    let bar = (!args.json && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos}/{len} files {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |file: &str, done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_message(file.to_owned());
        }
    };
    // The text report needs counts only: the observations stay columns.
    let report = if args.json {
        indicators::read::read_path(&args.path, &progress)?
    } else {
        indicators::read::check_path(&args.path, &progress)?
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let shown = args.path.display().to_string();
    if args.json {
        println!("{}", server::check::render_json(&report, &shown)?);
    } else {
        print!("{}", server::check::render_text(&report, &shown));
    }
    Ok(report.errors() == 0)
}

async fn serve(cli: &Cli) -> anyhow::Result<()> {
    let args = cli.serve_args();
    // Reads LEPTOS_* variables (set by scripts/run.sh, or by hand in production).
    let mut leptos_options = get_configuration(None)
        .context("reading the LEPTOS_* configuration")?
        .leptos_options;
    if let Some(addr) = args.addr {
        leptos_options.site_addr = addr;
    }
    let addr = leptos_options.site_addr;
    let config = server::staff::StaffConfig {
        secure_cookies: args
            .public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://")),
        upload_limit: args.upload_limit_mb.saturating_mul(1024 * 1024),
        public_url: args.public_url.clone(),
        trusted_proxies: args
            .trust_proxy
            .iter()
            .map(|text| {
                text.parse::<ipnet::IpNet>()
                    .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .with_context(|| format!("--trust-proxy {text:?} is not an address or a CIDR range such as 10.0.0.0/8"))
            })
            .collect::<anyhow::Result<_>>()?,
        ..server::staff::StaffConfig::default()
    };
    let database = cli.database().map_err(anyhow::Error::msg)?;
    let state = server::AppState::load_in(
        leptos_options,
        (!args.no_build).then_some(args.dataset.as_path()),
        &cli.data,
        config,
        &database,
    )
    .await?;
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
        format!(
            "could not listen on {addr}; is another program using it? Choose another with --addr"
        )
    })?;
    let bound = listener.local_addr().context("reading the bound address")?;
    tracing::info!(%bound, data = %cli.data.display(), "listening");
    println!("Local Goals is running at http://{bound}/");
    // The peer's address counts failed sign-ins per address.
    let service = server::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the web server stopped with an error")?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "could not listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(%err, "could not listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing open requests");
}

/// `localgoals export-static OUT`: the public site as plain files. Loads
/// the data directory as `serve` does (the same first-start import), then
/// crawls the app in-process: no port is opened.
async fn export_static(args: &server::cli::ExportStaticArgs, cli: &Cli) -> anyhow::Result<()> {
    let serve = cli.serve_args();
    let leptos_options = get_configuration(None)
        .context("reading the LEPTOS_* configuration")?
        .leptos_options;
    let database = cli.database().map_err(anyhow::Error::msg)?;
    let state = server::AppState::load_in(
        leptos_options,
        (!serve.no_build).then_some(serve.dataset.as_path()),
        &cli.data,
        server::staff::StaffConfig::default(),
        &database,
    )
    .await?;
    let summary = server::export::export_state(state, &args.out).await?;
    print!("{summary}");
    Ok(())
}
