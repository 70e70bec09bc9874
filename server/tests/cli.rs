//! The `localgoals` binary's command line, run as a user would.

use std::process::Command;

#[test]
fn help_explains_commands_and_the_data_option() {
    let output = Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .arg("--help")
        .output()
        .expect("run localgoals");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "serve",
        "--data",
        "LOCALGOALS_DATA",
        "--addr",
        "With no command",
    ] {
        assert!(
            help.contains(expected),
            "--help should mention {expected}:\n{help}"
        );
    }
}

#[test]
fn unreadable_dataset_fails_with_a_clear_message_and_nonzero_exit() {
    let data = tempfile::TempDir::new().expect("data folder");
    let output = Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .args(["--data"])
        .arg(data.path())
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--dataset",
            "/nonexistent/city",
        ])
        .output()
        .expect("run localgoals");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/city"), "{stderr}");
    assert!(stderr.contains("Give a dataset folder"), "{stderr}");
}

fn localgoals(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .args(args)
        .output()
        .expect("run localgoals")
}

fn demo() -> String {
    format!("{}/../indicators/demo-city", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_accepts_the_demo_city_and_describes_each_file() {
    let output = localgoals(&["check", &demo()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("54 indicator(s)"), "{stdout}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
    let wide = stdout
        .lines()
        .find(|l| l.contains("observations/districts-wijken.csv"))
        .expect("the wide file is listed");
    assert!(
        wide.contains("wide") && wide.contains("windows-1252") && wide.contains("decimal comma"),
        "{wide}"
    );
    let xlsx = stdout
        .lines()
        .find(|l| l.contains("governance.xlsx"))
        .expect("the workbook is listed");
    assert!(!xlsx.contains("NOT accepted"), "{xlsx}");
}

#[test]
fn check_of_a_broken_file_exits_1_with_file_line_column_and_fix() {
    let dir = tempfile::TempDir::new().expect("folder");
    let file = dir.path().join("broken.csv");
    std::fs::write(
        &file,
        "indicator;jaar;waarde\nrent;2020;12,5\nrent;Prior to 2015;13\nrent;2021;dertien\n",
    )
    .expect("write");
    let output = localgoals(&["check", file.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("broken.csv:3 [jaar] error bad-period"),
        "{stdout}"
    );
    assert!(
        stdout.contains("broken.csv:4 [waarde] error not-a-number"),
        "{stdout}"
    );
    assert!(stdout.contains("NOT accepted"), "{stdout}");
}

#[test]
fn check_json_has_one_object_per_problem_and_the_observations() {
    let dir = tempfile::TempDir::new().expect("folder");
    let file = dir.path().join("p.csv");
    std::fs::write(
        &file,
        "indicator,year,value\np,2020,1\np,2020,2\np,2021,3 e\n",
    )
    .expect("write");
    let output = localgoals(&["check", "--json", file.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let problems = json["problems"].as_array().expect("problems");
    let duplicate = problems
        .iter()
        .find(|p| p["code"] == "duplicate-observation")
        .expect("duplicate reported");
    assert_eq!(duplicate["line"], 3);
    assert_eq!(duplicate["severity"], "error");
    assert_eq!(duplicate["file"], "p.csv");
    // Codes and values for programs, the same worded in English for people.
    assert_eq!(duplicate["column"], "value");
    assert_eq!(duplicate["reason"], "conflict-in-file");
    assert_eq!(duplicate["first_line"], 2);
    assert_eq!(duplicate["first_value"], 1.0);
    assert_eq!(
        duplicate["message"],
        "p 2020 Total already has the value 1 on line 2"
    );
    assert_eq!(
        duplicate["hint"],
        "Keep one row per indicator, period and disaggregation; delete or correct the other."
    );
    assert!(problems
        .iter()
        .any(|p| p["code"] == "flagged-value" && p["severity"] == "warning"));
}

#[test]
fn areas_prints_the_default_rights_catalogue_as_csv() {
    let output = localgoals(&["areas"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(stdout.starts_with("id,kind,name_en,instrument,article,rights_holders"));
    assert!(stdout.contains("adequate-housing,rights"));
}

#[test]
fn build_then_status_explains_each_series() {
    let data = tempfile::TempDir::new().expect("data folder");
    let data_arg = data.path().to_str().expect("utf-8 path");
    let output = localgoals(&["--data", data_arg, "build", &demo()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Release r00001 is now current (open-sdg)"),
        "{stdout}"
    );
    assert!(stdout.contains("54 indicators"), "{stdout}");
    let output = localgoals(&["--data", data_arg, "status", "poverty-rate"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(stdout.contains("Indicator status:"), "{stdout}");
    assert!(stdout.contains("baseline 2015 = "), "{stdout}");
    assert!(stdout.contains("why: From "), "{stdout}");
    assert!(stdout.contains("Sex: female"), "{stdout}");
    // The headline counts toward the indicator's status; the other series do not.
    assert!(stdout.contains("(from the series marked *)"), "{stdout}");
    assert_eq!(stdout.matches("\n * ").count(), 1, "{stdout}");
    assert!(stdout.contains("\n * Total: "), "{stdout}");
    let output = localgoals(&["--data", data_arg, "status", "no-such-indicator"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no indicator `no-such-indicator`"));
}

#[test]
fn build_of_a_broken_dataset_writes_no_release_and_says_how_to_see_why() {
    let root = tempfile::TempDir::new().expect("folder");
    let (dataset, data) = (root.path().join("city"), root.path().join("data"));
    std::fs::create_dir_all(dataset.join("observations")).expect("dir");
    std::fs::write(
        dataset.join("catalogue.csv"),
        "id,title_en,unit,direction,sdg_targets\np,P,%,lower,1.2\n",
    )
    .expect("catalogue");
    std::fs::write(
        dataset.join("observations/p.csv"),
        "indicator,year,value\np,2020,1\np,2021,twelve\n",
    )
    .expect("observations");
    let output = localgoals(&[
        "--data",
        data.to_str().expect("path"),
        "build",
        dataset.to_str().expect("path"),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 error(s)") && stderr.contains("localgoals check"),
        "{stderr}"
    );
    assert!(!data.join("releases/CURRENT").exists());
    let output = localgoals(&["--data", data.to_str().expect("path"), "status", "p"]);
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("Build one with `localgoals build DATASET`"));
}

#[test]
fn user_add_reads_the_password_from_stdin_or_prints_a_link_and_refuses_a_second_account() {
    use std::io::Write;
    let data = tempfile::TempDir::new().expect("data folder");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_localgoals"))
            .arg("--data")
            .arg(data.path())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run localgoals");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write the password");
        child.wait_with_output().expect("finish")
    };
    let added = run(
        &["user", "add", "clerk@city.example", "--role", "editor"],
        "a long enough password\n",
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        "Added clerk@city.example as editor.\n"
    );
    assert!(data.path().join("localgoals.sqlite").is_file());

    let linked = run(
        &[
            "user",
            "add",
            "head@city.example",
            "--role",
            "admin",
            "--link",
            "--public-url",
            "https://goals.city.example/",
        ],
        "",
    );
    assert!(linked.status.success());
    let out = String::from_utf8_lossy(&linked.stdout);
    let link = out
        .lines()
        .find(|l| l.starts_with("https://goals.city.example/staff/link/"))
        .unwrap_or_else(|| panic!("no link in {out}"));
    assert_eq!(
        link.len(),
        "https://goals.city.example/staff/link/".len() + 64
    );

    let twice = run(
        &["user", "add", "clerk@city.example", "--role", "viewer"],
        "another long password\n",
    );
    assert!(!twice.status.success());
    assert!(String::from_utf8_lossy(&twice.stderr)
        .contains("clerk@city.example already has an account"));
    let short = run(
        &["user", "add", "x@city.example", "--role", "viewer"],
        "short\n",
    );
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
    let bad_role = run(&["user", "add", "y@city.example", "--role", "owner"], "");
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("viewer, editor, admin"));
}

#[test]
fn check_reports_each_text_missing_in_a_declared_language() {
    let dir = tempfile::TempDir::new().expect("folder");
    let demo = std::path::PathBuf::from(demo());
    std::fs::create_dir(dir.path().join("observations")).expect("mkdir");
    for entry in std::fs::read_dir(demo.join("observations")).expect("ls") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.path().join("observations").join(entry.file_name()),
        )
        .expect("copy");
    }
    for file in ["areas.csv", "labels.csv"] {
        std::fs::copy(demo.join(file), dir.path().join(file)).expect("copy");
    }
    // German declared, but the catalogue has German titles only.
    std::fs::write(
        dir.path().join("settings.csv"),
        "key,value\nlanguages,en;nl;de\n",
    )
    .expect("settings");
    let catalogue = std::fs::read_to_string(demo.join("catalogue.csv")).expect("catalogue");
    // poverty-rate loses its Dutch title (line 2 of the catalogue).
    let catalogue = catalogue.replacen(",Inwoners onder de armoedegrens,", ",,", 1);
    std::fs::write(dir.path().join("catalogue.csv"), catalogue).expect("catalogue");
    let output = localgoals(&["check", dir.path().to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "missing texts are warnings: {stdout}"
    );
    assert!(
        stdout.contains("catalogue.csv:2 [title_nl] warning missing-translation: `poverty-rate` has no text in `nl`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[definition_de] warning missing-translation"),
        "{stdout}"
    );
    assert!(
        stdout.contains("areas.csv:2 [name_de] warning missing-translation"),
        "{stdout}"
    );
    assert!(
        stdout.contains("labels.csv:1 [label_de] warning missing-translation"),
        "{stdout}"
    );
}
