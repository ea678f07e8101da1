//! `validate --har` on sessions built from the documented requests and bodies
//! (`cloudspec_tests::session`): every endpoint's documented exchanges are valid, alone and
//! all in one session; and every case of `tests/cases/har/` (a recipe, `*.session.json`, or
//! an archive as it is, `*.har`) is reported in every format, held by a snapshot, with no
//! credential of the documented requests in any of them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cloudspec::cmd::validate::Options;
use cloudspec::cmd::{Command as _, Context, Output};
use cloudspec_capture::progress::Silent;
use cloudspec_catalog::ENDPOINTS;
use cloudspec_findings::{Format, Styles};
use cloudspec_tests::session::{self, Recipe};
use cloudspec_tests::workspace;

/// The report of `validate --har` on `archives` (what it writes, then its errors), and its
/// exit code.
fn report(archives: &[PathBuf], format: Format, strict: bool) -> (String, u8) {
    let options = Options {
        operation: None,
        status: "200".into(),
        locale: "en".into(),
        files: Vec::new(),
        har: archives.to_vec(),
        strict,
        format,
    };
    let context = Context { root: Some(workspace().root().to_owned()), endpoints: ENDPOINTS };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut output = Output { out: &mut out, err: &mut err, styles: Styles::PLAIN, progress: &mut Silent };
    let code = options.run(&context, &mut output).expect("a Vec takes every write");
    out.extend(err);
    let text = String::from_utf8(out).expect("reports are UTF-8");
    (text.replace(&format!("{}/", scratch().display()), ""), code)
}

/// Where the built archives are written.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sessions");
    std::fs::create_dir_all(&dir).expect("create the scratch directory");
    dir
}

fn write(name: &str, text: &str) -> PathBuf {
    let path = scratch().join(name);
    std::fs::write(&path, text).expect("write the archive");
    path
}

fn assert_no_secret(text: &str) {
    for secret in session::secrets() {
        assert!(!text.contains(&secret), "a report shows the secret {secret:?}:\n{text}");
    }
}

#[test]
fn documented_sessions_are_valid() {
    let mut all = Vec::new();
    for endpoint in ENDPOINTS {
        let steps = session::documented(endpoint);
        let archive = write(&format!("{}.har", endpoint.operation_id), &session::har(&steps));
        let (text, code) = report(std::slice::from_ref(&archive), Format::Json, true);
        assert_eq!(code, 0, "{}:\n{text}", endpoint.key());
        assert_no_secret(&text);
        let report: serde_json::Value = serde_json::from_str(&text).expect("the JSON report");
        assert_eq!(report["summary"]["valid"], steps.len(), "{}:\n{text}", endpoint.key());
        all.extend(steps);
    }
    // All in one session: every entry valid, and every endpoint reached. (Asserted, not a
    // snapshot: a snapshot of the whole catalog would change with every endpoint added.)
    let archive = write("documented.har", &session::har(&all));
    let (text, code) = report(&[archive], Format::Text, true);
    assert_eq!(code, 0, "{text}");
    assert_no_secret(&text);
    let entries = all.len();
    let summary =
        format!("{entries} entries: {entries} valid, 0 invalid, 0 unchecked, 0 unmatched; 0 violations");
    assert!(text.contains(&summary), "expected `{summary}` in:\n{text}");
    for endpoint in ENDPOINTS {
        let line = format!("Coverage {}: seen ", endpoint.key());
        let reached = text.lines().any(|written| written.trim_start().starts_with(&line));
        assert!(
            reached && !text.contains(&format!("{line}none")),
            "{} is not reached:\n{text}",
            endpoint.key()
        );
    }
}

#[test]
fn cases() {
    let dir = workspace().path("tests/cases/har");
    // `*.*`: the cases are files with an extension; `*` also matches the folder itself.
    insta::glob!(&dir, "*.*", |path| {
        let name = path.file_name().and_then(|name| name.to_str()).expect("a case has a name");
        let archive = match name.strip_suffix(".session.json") {
            Some(stem) => {
                let text = std::fs::read_to_string(path).expect("read the recipe");
                let recipe: Recipe =
                    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
                write(&format!("{stem}.har"), &session::har(&recipe.steps))
            }
            None => path.to_owned(),
        };
        let mut transcript = String::new();
        for format in Format::ALL {
            let (text, code) = report(std::slice::from_ref(&archive), format, false);
            assert_no_secret(&text);
            let _ = writeln!(transcript, "=== {format:?} (exit {code})\n{text}");
        }
        let (_, strict) = report(std::slice::from_ref(&archive), Format::Text, true);
        let _ = writeln!(transcript, "=== --strict: exit {strict}");
        insta::assert_snapshot!(transcript.replace(&format!("{}/", dir.display()), ""));
    });
}
