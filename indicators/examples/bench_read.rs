//! How long reading takes, next to polars' own CSV read of the same bytes in
//! the same run. Prints a table; figures go to docs/benchmarks.md.
//!
//!     cargo run --release -p indicators --example bench_read [-- ROWS]
//!
//! Reads (1) a synthetic long file of ROWS rows (default 1,000,000) written
//! to a temporary folder, and (2) Statistics Canada's Open SDG repository
//! (from `tests/fixtures/real-data.tar.zst`, unpacked once). Each figure is
//! the median of 5 runs.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use polars::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

fn median(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut out = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        out = std::hint::black_box(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[RUNS / 2], out)
}

/// polars' CSV reader on the file as it is: every column as text (what a
/// validating reader must start from), and with polars' own type inference.
fn polars_read(path: &Path, infer: bool) -> usize {
    let reader = LazyCsvReader::new(PlRefPath::try_from_path(path).expect("path"))
        .with_has_header(true)
        .with_infer_schema_length(if infer { Some(100) } else { Some(0) });
    reader
        .finish()
        .and_then(|lf| lf.collect())
        .map(|df| df.height())
        .unwrap_or(0)
}

fn write_synthetic(path: &Path, rows: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(out, "indicator,year,district,sex,value,flag").expect("write");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let value = (state % 100_000) as f64 / 100.0;
        let flag = if state.is_multiple_of(50) { "p" } else { "" };
        // Unique (indicator, year, district, sex) for every row up to 1.5M.
        writeln!(
            out,
            "ind-{:03},{},district {},{},{value},{flag}",
            i % 250,
            2000 + (i / 250) % 25,
            (i / 6250) % 80,
            ["female", "male", "all"][(i / 500_000) % 3]
        )
        .expect("write");
    }
}

fn mib(path: &Path) -> f64 {
    let bytes: u64 = if path.is_dir() {
        indicators::read::opensdg::data_files(&path.join("data"))
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .sum()
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    };
    bytes as f64 / 1024.0 / 1024.0
}

fn report(label: &str, path: &Path, raw_files: &[PathBuf]) {
    let (text, rows) = median(|| raw_files.iter().map(|f| polars_read(f, false)).sum());
    let (typed, _) = median(|| raw_files.iter().map(|f| polars_read(f, true)).sum());
    let (ours, observations) = median(|| {
        indicators::read::check_path(path, &|_, _, _| {})
            .map(|r| r.frame.height() + r.problems.len())
            .unwrap_or(0)
    });
    println!(
        "{label}: {:.1} MiB, {rows} rows, {} files",
        mib(path),
        raw_files.len()
    );
    println!(
        "  polars CSV read, all text    {:>9.1} ms",
        text.as_secs_f64() * 1e3
    );
    println!(
        "  polars CSV read, typed       {:>9.1} ms",
        typed.as_secs_f64() * 1e3
    );
    println!(
        "  localgoals check (check_path)  {:>9.1} ms   ({observations} observations + problems)",
        ours.as_secs_f64() * 1e3
    );
    println!(
        "  ratio check / polars text    {:>9.2}x",
        ours.as_secs_f64() / text.as_secs_f64()
    );
    // This VM's speed drifts within seconds: a raw read and a check run
    // back to back, RUNS pairs, give a ratio the drift moves less.
    let mut ratios: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(
                raw_files
                    .iter()
                    .map(|f| polars_read(f, false))
                    .sum::<usize>(),
            );
            let raw = start.elapsed();
            let start = Instant::now();
            std::hint::black_box(
                indicators::read::check_path(path, &|_, _, _| {}).map(|r| r.problems.len()),
            )
            .ok();
            start.elapsed().as_secs_f64() / raw.as_secs_f64()
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "  ratio, {RUNS} back-to-back pairs {:>6.2}x median ({:.2}x to {:.2}x)",
        ratios[RUNS / 2],
        ratios[0],
        ratios[RUNS - 1]
    );
}

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::TempDir::new().expect("a scratch folder");
    let dir = dir.path();
    let synthetic = dir.join("synthetic.csv");
    write_synthetic(&synthetic, rows);
    println!(
        "runs per figure: {RUNS} (median); threads: {}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
    report(
        "synthetic long file",
        &synthetic,
        std::slice::from_ref(&synthetic),
    );
    let canada = common::real("canada_cif");
    let files = indicators::read::opensdg::data_files(&canada.join("data"));
    report("Canada CIF Open SDG repository", &canada, &files);
}
