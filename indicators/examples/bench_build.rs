//! Build time and peak memory, next to polars' raw CSV read of the same bytes
//! in the same run. Each phase runs in its own process so its peak memory
//! (VmHWM) is its own.
//!
//!     cargo run --release -p indicators --example bench_build [-- ROWS]
//!     target/release/examples/bench_build --data DIR build DATASET
//!     target/release/examples/bench_build synth DIR [ROWS [ROWS_PER_FILE]]
//!
//! Datasets: the demo city, Statistics Canada's Open SDG repository (from
//! `tests/fixtures/real-data.tar.zst`) and a synthetic dataset of ROWS
//! observations (default 10,000,000) written to a temporary folder.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use polars::prelude::*;

/// The allocator the `localgoals` binary uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Child: `raw FILE...` reads each file with polars, all columns as text.
fn raw(files: &[String]) {
    let start = Instant::now();
    let mut rows = 0;
    for f in files {
        let lf = LazyCsvReader::new(PlRefPath::try_from_path(Path::new(f)).expect("path"))
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .finish()
            .expect("scan");
        rows += lf.collect().map(|df| df.height()).unwrap_or(0);
    }
    println!("{} {} {rows}", start.elapsed().as_secs_f64(), peak_kib());
}

/// Child: `floor OUT FILE...` is what polars alone takes to do the storage
/// part of a build of the synthetic dataset, with no check at all: read
/// every file, type the year and value, sort by series and year, summarise
/// each series with a group-by, write both as zstd-1 Parquet (as a release
/// does) and read them back. No build can be faster than this by much, so
/// it says how far from the raw read a build can get on this machine.
fn floor(out: &str, files: &[String]) {
    let start = Instant::now();
    let scans: Vec<LazyFrame> = files
        .iter()
        .map(|f| {
            LazyCsvReader::new(PlRefPath::try_from_path(Path::new(f)).expect("path"))
                .with_has_header(true)
                .with_infer_schema_length(Some(0))
                .finish()
                .expect("scan")
        })
        .collect();
    let series = [col("indicator"), col("district")];
    let typed = concat(scans, UnionArgs::default())
        .expect("concat")
        .with_columns([
            col("year").strict_cast(DataType::Int32),
            col("value").strict_cast(DataType::Float64),
        ])
        .collect()
        .expect("read");
    let phase = |name: &str, since: &mut Instant| {
        eprintln!("  floor: {name} {:.2} s", since.elapsed().as_secs_f64());
        *since = Instant::now();
    };
    let mut since = start;
    phase("read and type", &mut since);
    let mut observations = typed
        .lazy()
        .sort_by_exprs(
            [col("indicator"), col("district"), col("year")],
            SortMultipleOptions::default(),
        )
        .collect()
        .expect("sort");
    phase("sort", &mut since);
    let mut summaries = observations
        .clone()
        .lazy()
        .group_by(series)
        .agg([
            col("year").first().alias("baseline_year"),
            col("value").first().alias("baseline"),
            col("year").last().alias("latest_year"),
            col("value").last().alias("latest"),
            col("value").len().alias("points"),
            col("value").mean().alias("mean"),
        ])
        .collect()
        .expect("group-by");
    phase("group-by", &mut since);
    let dir = Path::new(out);
    std::fs::create_dir_all(dir).expect("out dir");
    let mut rows = 0;
    for (name, frame) in [
        ("observations.parquet", &mut observations),
        ("series.parquet", &mut summaries),
    ] {
        let path = dir.join(name);
        ParquetWriter::new(std::fs::File::create(&path).expect("create"))
            .with_compression(ParquetCompression::Zstd(
                polars_utils::compression::ZstdLevel::try_new(1).ok(),
            ))
            .finish(frame)
            .expect("write");
        rows += ParquetReader::new(std::fs::File::open(&path).expect("open"))
            .finish()
            .expect("read back")
            .height();
        phase(name, &mut since);
    }
    println!("{} {} {rows}", start.elapsed().as_secs_f64(), peak_kib());
}

/// Child: `build DATASET DATA` builds a release.
fn build(dataset: &str, data: &str) {
    let start = Instant::now();
    let outcome =
        indicators::release::build(Path::new(dataset), Path::new(data), None).expect("build");
    println!(
        "{} {} {}",
        start.elapsed().as_secs_f64(),
        peak_kib(),
        outcome.manifest.observations
    );
}

fn child(args: &[String]) -> (f64, u64, u64) {
    let out = Command::new(std::env::current_exe().expect("exe"))
        .args(args)
        .output()
        .expect("child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let mut next = || parts.next().unwrap_or("0").to_owned();
    (
        next().parse().unwrap_or(0.0),
        next().parse().unwrap_or(0),
        next().parse().unwrap_or(0),
    )
}

/// `rows` observations of 1,000 indicators by district and year, in files
/// of at most `per_file` rows.
fn write_synthetic(dir: &Path, rows: usize, per_file: usize) {
    use std::io::Write;
    std::fs::create_dir_all(dir.join("observations")).expect("dir");
    let indicators = 1000;
    let mut cat = std::io::BufWriter::new(
        std::fs::File::create(dir.join("catalogue.csv")).expect("catalogue"),
    );
    writeln!(
        cat,
        "id,title_en,unit,direction,sdg_targets,baseline_year,target_value,target_year"
    )
    .expect("write");
    for i in 0..indicators {
        let target = if i % 3 == 0 {
            format!("{}", 50 + i % 40)
        } else {
            String::new()
        };
        let year = if target.is_empty() { "" } else { "2030" };
        writeln!(
            cat,
            "ind-{i:04},Indicator {i},%,{},{}.1,2015,{target},{year}",
            if i % 2 == 0 { "higher" } else { "lower" },
            1 + i % 17
        )
        .expect("write");
    }
    let create = |part: usize| {
        let name = if per_file >= rows {
            "all.csv".to_owned()
        } else {
            format!("part-{part:04}.csv")
        };
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(dir.join("observations").join(name)).expect("create"),
        );
        writeln!(out, "indicator,year,district,value").expect("write");
        out
    };
    let mut out = create(0);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let districts = rows.div_ceil(indicators * 25).max(1);
    for i in 0..rows {
        if i > 0 && i % per_file.max(1) == 0 {
            out = create(i / per_file);
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Series are contiguous (as exports usually are): indicator, district, then years.
        let (year, rest) = (2000 + i % 25, i / 25);
        let (district, indicator) = (rest % districts, rest / districts);
        writeln!(
            out,
            "ind-{:04},{year},d{district},{}",
            indicator % indicators,
            20.0 + (state % 6000) as f64 / 100.0
        )
        .expect("write");
    }
}

fn bytes_of(paths: &[PathBuf]) -> f64 {
    paths
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum::<u64>() as f64
        / 1024.0
        / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("raw") => return raw(&args[1..]),
        Some("build") => return build(&args[1], &args[2]),
        Some("floor") if args.len() >= 3 => return floor(&args[1], &args[2..]),
        // `synth DIR [ROWS [ROWS_PER_FILE]]` writes the synthetic dataset to
        // keep (for the 10^8-observation build, in files a city could send,
        // or to profile one phase).
        Some("synth") if args.len() >= 2 => {
            let number = |i: usize| args.get(i).and_then(|a| a.parse().ok());
            let rows = number(2).unwrap_or(10_000_000);
            return write_synthetic(Path::new(&args[1]), rows, number(3).unwrap_or(rows));
        }
        // `localgoals --data DIR build DATASET`'s syntax, so that
        // `scripts/bench-sdg-build.sh --localgoals` can time this release
        // build of the same code without compiling the whole server.
        Some("--data") if args.len() == 4 && args[2] == "build" => {
            return build(&args[3], &args[1])
        }
        _ => {}
    }
    let rows: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::TempDir::new().expect("a scratch folder");
    let tmp = tmp.path();
    let synthetic = tmp.join("synthetic");
    write_synthetic(&synthetic, rows, rows);
    let canada = common::real("canada_cif");
    let demo = root.join("demo-city");
    let csvs = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "csv" || x == "tsv"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let cases: Vec<(&str, PathBuf, Vec<PathBuf>)> = vec![
        (
            "demo city (CSV/TSV files only in the raw read)",
            demo.clone(),
            csvs(&demo.join("observations")),
        ),
        (
            "Canada CIF Open SDG repository",
            canada.clone(),
            indicators::read::opensdg::data_files(&canada.join("data")),
        ),
        (
            "synthetic dataset",
            synthetic.clone(),
            vec![synthetic.join("observations/all.csv")],
        ),
    ];
    println!(
        "{:<48} {:>9} {:>12} {:>10} {:>12} {:>10} {:>7}",
        "dataset", "MiB", "observations", "raw s", "raw peak MiB", "build s", "ratio"
    );
    let mut floor_of = None;
    for (label, dataset, files) in cases {
        if !dataset.exists() {
            println!("{label}: not here, skipped");
            continue;
        }
        let raw_args: Vec<String> = std::iter::once("raw".to_owned())
            .chain(files.iter().map(|p| p.display().to_string()))
            .collect();
        let (raw_s, raw_peak, _) = child(&raw_args);
        if dataset == synthetic {
            let floor_args: Vec<String> =
                ["floor".to_owned(), tmp.join("floor").display().to_string()]
                    .into_iter()
                    .chain(files.iter().map(|p| p.display().to_string()))
                    .collect();
            let (floor_s, floor_peak, _) = child(&floor_args);
            floor_of = Some((raw_s, floor_s, floor_peak));
        }
        let data = tmp.join(format!("data-{}", label.len()));
        let (build_s, build_peak, observations) = child(&[
            "build".into(),
            dataset.display().to_string(),
            data.display().to_string(),
        ]);
        println!(
            "{label:<48} {:>9.1} {observations:>12} {raw_s:>10.2} {:>12.0} {build_s:>10.2} {:>6.1}x   build peak {:.0} MiB",
            bytes_of(&files),
            raw_peak as f64 / 1024.0,
            build_s / raw_s.max(1e-9),
            build_peak as f64 / 1024.0
        );
    }
    if let Some((raw_s, floor_s, floor_peak)) = floor_of {
        println!(
            "synthetic, polars alone: read, type, sort, group-by, write and read back Parquet: {floor_s:.2} s = {:.1}x the raw read, peak {:.0} MiB",
            floor_s / raw_s.max(1e-9),
            floor_peak as f64 / 1024.0
        );
    }
}
