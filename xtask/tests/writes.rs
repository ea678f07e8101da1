//! A report that cannot be written ends the command, never silently: standard output on a full
//! disk is an error on standard error and exit 5; a pipe whose reader is gone (`| head`) ends
//! it quietly with 141, as a process SIGPIPE kills. Each reporting command, in text (which
//! streams) and JSON (written at the end).

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Each command and its arguments, run from the workspace root.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["check"],
    &["lint", "--format", "json"],
    &["validate", "ListPhoneImages", "tests/fixtures/huaweicloud/cph/ListPhoneImages/200.json"],
    &["validate", "--har", "tests/cases/har/cut-short.har", "--format", "json"],
    &["validate", "--har", "tests/cases/har/cut-short.har"],
];

fn run(args: &[&str], stdout: impl Into<Stdio>) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root");
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("--root")
        .arg(root)
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(stdout)
        .output()
        .expect("run xtask")
}

#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_ends_quietly() {
    for args in COMMANDS {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("open /dev/full");
        let output = run(args, full);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(5), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: cannot write the report: No space left on device"),
            "{args:?}: {stderr}"
        );

        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = run(args, writer);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(141), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
