//! Server time per page and the bytes of a first visit, on the demo city,
//! through the real router in-process (no network, no browser).
//!
//! ```text
//! scripts/build-site.sh --release                     # the site whose bytes are counted
//! cargo run --release -p server --example bench_pages [-- REQUESTS]
//! ```
//!
//! Prints the median and p99 time to render and collect each page, and the
//! compressed size of everything a first visit to an indicator page downloads
//! (HTML, CSS, JS, wasm, icon) as the server sends it to a browser that
//! accepts brotli.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Body;
use axum::Router;
use http::{header, Request};
use tower::ServiceExt;

const PAGES: &[&str] = &[
    "/",
    "/indicators/poverty-rate",
    "/nl/indicators/poverty-rate",
    "/indicators/rent-burden",
    "/goals/11",
    "/progress",
    "/search?q=armoede",
    "/compare?a=rent-burden&b=social-assistance",
];

async fn fetch(app: &Router, path: &str, encoding: &str) -> anyhow::Result<(u16, String, usize)> {
    let response = app
        .clone()
        .oneshot(
            Request::get(path)
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())?,
        )
        .await?;
    let status = response.status().as_u16();
    let coding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_owned();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
    Ok((status, coding, bytes.len()))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let requests: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()
        .context("REQUESTS must be a number")?
        .unwrap_or(500);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    options.site_root = root
        .join("target/site")
        .to_string_lossy()
        .into_owned()
        .into();
    let data_dir = tempfile::TempDir::new()?;
    let state = server::AppState::load(
        options,
        Some(&root.join("indicators/demo-city")),
        data_dir.path(),
    )
    .await?;
    let app = server::app(state);

    println!("Server time per page, {requests} sequential requests each (after 20 warm-up), demo city:\n");
    println!("| page | median | p99 | median, brotli | p99, brotli | HTML raw | HTML brotli |");
    println!("|---|---|---|---|---|---|---|");
    for page in PAGES {
        let mut row = format!("| `{page}` |");
        // Uncompressed (the render alone), then as a browser gets it.
        for encoding in ["identity", "br"] {
            for _ in 0..20 {
                fetch(&app, page, encoding).await?;
            }
            let mut times = Vec::with_capacity(requests);
            for _ in 0..requests {
                let start = Instant::now();
                let (status, _, _) = fetch(&app, page, encoding).await?;
                times.push(start.elapsed());
                anyhow::ensure!(status == 200, "{page} answered {status}");
            }
            times.sort();
            row.push_str(&format!(
                " {:.2} ms | {:.2} ms |",
                percentile(&times, 0.5).as_secs_f64() * 1e3,
                percentile(&times, 0.99).as_secs_f64() * 1e3,
            ));
        }
        let (_, _, raw) = fetch(&app, page, "identity").await?;
        let (_, coding, compressed) = fetch(&app, page, "br").await?;
        println!("{row} {raw} B | {compressed} B ({coding}) |");
    }
    // The yearly report: its first view computes the statuses of two years
    // from every indicator's data; later views reuse them. The PDF and the
    // chart files are drawn anew each time.
    println!("\nThe yearly report and the chart files (first request, then the median of 10):\n");
    println!("| request | first | median of 10 | bytes |");
    println!("|---|---|---|---|");
    for path in [
        "/report/2025",
        "/report/2025/pdf",
        "/nl/report/2025/pdf",
        "/charts/poverty-rate.svg?sex=female",
        "/charts/poverty-rate.png?sex=female",
    ] {
        let start = Instant::now();
        let (status, _, bytes) = fetch(&app, path, "identity").await?;
        let first = start.elapsed();
        anyhow::ensure!(status == 200, "{path} answered {status}");
        let mut times = Vec::new();
        for _ in 0..10 {
            let start = Instant::now();
            fetch(&app, path, "identity").await?;
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "| `{path}` | {:.0} ms | {:.0} ms | {bytes} B |",
            first.as_secs_f64() * 1e3,
            percentile(&times, 0.5).as_secs_f64() * 1e3
        );
    }
    // The page in each language, then what every page shares.
    for page in ["/indicators/poverty-rate", "/nl/indicators/poverty-rate"] {
        println!("\nFirst visit to {page} (Accept-Encoding: br, gzip):\n");
        println!("| file | sent | encoding |");
        println!("|---|---|---|");
        let mut total = 0;
        for path in [
            page,
            "/pkg/localgoals.css",
            "/pkg/localgoals.js",
            "/pkg/localgoals.wasm",
            "/favicon.svg",
        ] {
            let (status, coding, bytes) = fetch(&app, path, "br, gzip").await?;
            anyhow::ensure!(
                status == 200,
                "{path} answered {status}: build the site first"
            );
            println!("| `{path}` | {bytes} B | {coding} |");
            total += bytes;
        }
        println!(
            "| **total** | **{total} B** ({:.1} KB) | |",
            total as f64 / 1000.0
        );
    }
    Ok(())
}
