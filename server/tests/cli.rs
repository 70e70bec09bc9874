//! The `localgoals` binary's command line, run as a user would.

use std::process::Command;

#[test]
fn help_explains_commands_and_the_data_option() {
    let output = Command::new(env!("CARGO_BIN_EXE_localgoals")).arg("--help").output().expect("run localgoals");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for expected in ["serve", "--data", "LOCALGOALS_DATA", "--addr", "With no command"] {
        assert!(help.contains(expected), "--help should mention {expected}:\n{help}");
    }
}

#[test]
fn unreadable_dataset_fails_with_a_clear_message_and_nonzero_exit() {
    let data = std::env::temp_dir().join(format!("localgoals-cli-test-{}", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .args(["--data"])
        .arg(&data)
        .args(["serve", "--addr", "127.0.0.1:0", "--dataset", "/nonexistent/city"])
        .output()
        .expect("run localgoals");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/city"), "{stderr}");
    assert!(stderr.contains("Check that the file exists"), "{stderr}");
}
