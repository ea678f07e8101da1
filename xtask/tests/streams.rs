//! `validate` checks a capture while it reads it: an endless input gets its answer at the
//! first byte that cannot be JSON, and nothing after it is read.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

fn xtask() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace root");
    command.arg("--root").arg(root).env("NO_COLOR", "1");
    command
}

#[test]
fn an_endless_capture_on_standard_input_is_refused_at_its_first_bad_byte() {
    let mut child = xtask()
        .args(["validate", "ListPhoneImages", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start xtask");
    let mut stdin = child.stdin.take().expect("standard input is piped");
    // A bad byte, then whitespace without end: at most a gigabyte, so that a validate that
    // reads its input whole ends too, and is caught by the count below.
    let writer = std::thread::spawn(move || {
        let mut written = stdin.write_all(b"{\"phone_images\": [x").map_or(0, |()| 19_usize);
        let spaces = vec![b' '; 1 << 16];
        while written < 1 << 30 && stdin.write_all(&spaces).is_ok() {
            written += spaces.len();
        }
        written
    });
    let output = child.wait_with_output().expect("xtask ends");
    let written = writer.join().expect("the writer ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Malformed <stdin>:1:19: expected valid JSON: expected a JSON value, found 'x'"),
        "{stdout}"
    );
    assert!(written < 64 << 20, "validate read {written} bytes before it answered: it reads too far");
}

#[cfg(unix)]
#[test]
fn random_bytes_are_refused_at_once() {
    let output = xtask().args(["validate", "ListPhoneImages", "/dev/urandom"]).output().expect("run xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("   Malformed /dev/urandom:1:"), "{stdout}");
}
