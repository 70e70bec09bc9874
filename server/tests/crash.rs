//! Killing `localgoals build` with SIGKILL never leaves a damaged or
//! half-written release visible: the previous release stays current and
//! loadable until the new one is whole. One test stops the build at each step
//! of the write (a pause point the build reports) and kills it there; the
//! other kills it at random moments.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use indicators::release::{
    current_id, load, load_current, release_numbers, verify, WriteStep, PAUSE_VARIABLE,
    RELEASES_DIR,
};

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

fn build(data: &Path, method: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .arg("--data")
        .arg(data)
        .arg("build")
        .arg(demo())
        .args(["--method", method])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start localgoals build")
}

/// Every release folder that is visible verifies, and CURRENT names one that loads.
fn assert_consistent(data: &Path, round: usize) {
    for number in release_numbers(data) {
        let dir = data.join(RELEASES_DIR).join(format!("r{number:05}"));
        if let Err(err) = verify(&dir) {
            panic!("round {round}: visible release r{number:05} is damaged: {err}");
        }
    }
    let current = current_id(data).unwrap_or_else(|| panic!("round {round}: CURRENT disappeared"));
    let release = load_current(data)
        .unwrap_or_else(|e| panic!("round {round}: current release {current} does not load: {e}"));
    assert!(!release.dataset.observations.is_empty(), "round {round}");
}

/// Starts a build that stops at `step`, waits until it reports being there
/// (so the kill lands inside the write window), and kills it.
fn kill_at(data: &Path, method: &str, step: WriteStep) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .arg("--data")
        .arg(data)
        .arg("build")
        .arg(demo())
        .args(["--method", method])
        .env(PAUSE_VARIABLE, step.as_str())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start localgoals build");
    let stderr = child.stderr.take().expect("stderr");
    let wanted = format!("paused at {step}");
    let reached = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(&wanted));
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(reached, "the build never reached {step} (exit: {status})");
    assert!(!status.success(), "killed, not finished, at {step}");
}

#[test]
fn sigkill_inside_each_write_step_leaves_the_previous_or_the_new_release_whole() {
    let folder = tempfile::TempDir::new().expect("data folder");
    let data = folder.path();
    assert!(build(data, "open-sdg")
        .wait()
        .expect("first build")
        .success());
    let methods = ["eurostat", "unsd-progress-chart"];
    for (round, &step) in WriteStep::ALL.iter().enumerate() {
        let before = current_id(data).expect("a current release");
        let numbers_before = release_numbers(data);
        // A method other than the current release's, so the build writes a
        // new release rather than keeping the current one.
        let method = methods[round % methods.len()];
        kill_at(data, method, step);
        assert_consistent(data, round);
        let after = current_id(data).expect("CURRENT");
        let new_release = release_numbers(data)
            .into_iter()
            .find(|n| !numbers_before.contains(n))
            .map(|n| format!("r{n:05}"));
        match step {
            // Before the rename nothing new is visible.
            WriteStep::FilesWritten | WriteStep::ManifestWritten => {
                assert_eq!(after, before, "{step}");
                assert_eq!(new_release, None, "{step}");
            }
            // Renamed: the new release is whole but not current yet.
            WriteStep::Renamed | WriteStep::CurrentWritten => {
                assert_eq!(after, before, "{step}");
                let new_release = new_release.unwrap_or_else(|| panic!("{step}: no new release"));
                load(data, &new_release).unwrap_or_else(|e| panic!("{step}: {e}"));
            }
            // Switched: the new release is current and whole.
            WriteStep::CurrentSwitched => {
                assert_eq!(Some(after.clone()), new_release, "{step}");
                let release = load_current(data).expect("the new release loads");
                assert_eq!(release.manifest.method.as_str(), method, "{step}");
            }
        }
    }
    // Afterwards a normal build still works and becomes current.
    assert!(build(data, "open-sdg")
        .wait()
        .expect("final build")
        .success());
    assert_consistent(data, 99);
    assert_eq!(
        load_current(data)
            .expect("current")
            .manifest
            .method
            .as_str(),
        "open-sdg"
    );
}

#[test]
fn sigkill_at_random_points_never_exposes_a_damaged_release() {
    let folder = tempfile::TempDir::new().expect("data folder");
    let data = folder.path().to_path_buf();
    // A first, complete release; and how long a build takes here.
    let start = Instant::now();
    let status = build(&data, "open-sdg").wait().expect("first build");
    assert!(status.success());
    let full = start.elapsed();
    assert_consistent(&data, 0);

    // Alternate the method so each build writes a new release, then kill it
    // after a pseudo-random share of a full build's time (seeded, repeatable).
    let methods = ["eurostat", "unsd-progress-chart", "open-sdg"];
    let mut seed: u64 = 0x5EED_CAFE;
    let mut killed = 0;
    let mut round = 0;
    // Until 20 builds were killed mid-way (a few may finish first on a busy machine).
    while killed < 20 && round < 80 {
        round += 1;
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let fraction = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let mut child = build(&data, methods[round % methods.len()]);
        std::thread::sleep(full.mul_f64(fraction * 0.9));
        if child.try_wait().expect("poll").is_none() {
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        let _ = child.wait();
        assert_consistent(&data, round);
    }
    assert!(
        killed >= 20,
        "only {killed} of {round} builds were killed mid-way; the build was faster than the timer"
    );

    // Afterwards a normal build still works.
    assert!(build(&data, "eurostat")
        .wait()
        .expect("final build")
        .success());
    assert_consistent(&data, 99);
}
