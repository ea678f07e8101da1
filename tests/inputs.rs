//! The command line's inputs fed arbitrary bytes, real files cut short, and real files with a
//! few bytes changed: captures (`validate`), documents under `--after` (`diff`) and locale
//! overlays (`generate`, `check`, `translate`). Each is read or refused with an error that
//! names the file and the place (line and column); nothing panics.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cloudspec::diff;
use cloudspec::published;
use cloudspec_capture::{self as capture, Outcome, input::Source, progress::Silent};
use cloudspec_diff::Diff;
use cloudspec_findings::{Format, Styles, render};
use cloudspec_schema::json::JsonFileError;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use regex::Regex;

fn real(dir: &str, suffix: &str) -> Vec<Vec<u8>> {
    let files = cloudspec_tests::files_below(&cloudspec_tests::workspace().path(dir), suffix);
    let found: Vec<Vec<u8>> = files
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display())))
        .collect();
    assert!(!found.is_empty(), "no {suffix} files under {dir}");
    found
}

static CAPTURES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| real("tests/fixtures/huaweicloud/cph", ".json"));
static DOCUMENTS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| real("spec", ".yaml"));
static OVERLAYS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| real("crates", ".overlay.yaml"));

/// Bytes of any kind, or one of `real` cut short, or with a few bytes replaced or inserted.
fn inputs(real: &'static [Vec<u8>]) -> impl Strategy<Value = Vec<u8>> {
    let file = (0..real.len()).prop_map(move |index| real[index].clone());
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        (file.clone(), any::<prop::sample::Index>())
            .prop_map(|(file, cut)| file[..cut.index(file.len() + 1)].to_vec()),
        (file, prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<bool>()), 1..4))
            .prop_map(|(mut file, changes)| {
                for (at, byte, insert) in changes {
                    let at = at.index(file.len() + 1);
                    if insert || at == file.len() {
                        file.insert(at, byte);
                    } else {
                        file[at] = byte;
                    }
                }
                file
            }),
    ]
}

/// A place in a message: `file:LINE:COLUMN` or `line L column C`.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r":[1-9][0-9]*:[1-9][0-9]*: |line [1-9][0-9]* column [1-9][0-9]*").expect("regex")
});

/// Fails unless `message` starts with `file` and gives a place.
fn names_file_and_place(message: &str, file: &str) -> Result<(), TestCaseError> {
    prop_assert!(message.starts_with(file), "the error does not start with {file}: {message}");
    prop_assert!(PLACE.is_match(message), "the error gives no line and column: {message}");
    Ok(())
}

/// The one-based line and column after `bytes`, as the reader counts them (columns in bytes).
fn end_of(bytes: &[u8]) -> (usize, usize) {
    let line_start = bytes.iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1);
    (bytes.split(|&byte| byte == b'\n').count(), bytes.len() - line_start + 1)
}

fn write(dir: &Path, relative: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("create directories");
    std::fs::write(&path, bytes).expect("write the input");
    path
}

static CONTRACT: LazyLock<published::Published> = LazyLock::new(|| {
    published::load(
        &cloudspec_tests::workspace(),
        cloudspec_catalog::ENDPOINTS,
        "huaweicloud/cph/ListPhoneImages",
        "200",
        "en",
    )
    .unwrap_or_else(|error| panic!("{error}"))
});

/// The documents under `spec/`, the before side of every diff here.
static BEFORE: LazyLock<cloudspec_diff::DocumentSet> = LazyLock::new(|| {
    diff::documents::from_dir(&cloudspec_tests::workspace(), Path::new("spec"))
        .unwrap_or_else(|error| panic!("{error}"))
});

/// Checks `bytes` as a capture; the outcome.
fn check_capture(bytes: &[u8]) -> Result<Outcome, TestCaseError> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = write(dir.path(), "capture.json", bytes);
    let (checked, found) = capture::check_all(&CONTRACT.plan, Source::File(path.clone()), &mut Silent);
    prop_assert_eq!(checked.violations, found.violations.len());
    prop_assert_eq!(checked.notices, found.notices.len());
    let shown = path.display().to_string();
    for item in &found.violations {
        prop_assert!(item.line > 0 && item.column > 0, "{:?}", item);
    }
    for item in &found.notices {
        prop_assert!(item.line > 0 && item.column > 0, "{:?}", item);
    }
    match &checked.outcome {
        Outcome::Valid | Outcome::Invalid => {}
        Outcome::Malformed(JsonFileError::Empty { .. }) => {
            prop_assert!(bytes.iter().all(u8::is_ascii_whitespace), "{:?} is not empty", bytes);
        }
        Outcome::Malformed(error) => names_file_and_place(&error.to_string(), &shown)?,
        other => prop_assert!(false, "{:?}", other),
    }
    Ok(checked.outcome)
}

proptest! {
    // Failures are printed, not written next to the sources (CI writes nothing).
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_capture_of_any_bytes_is_judged_or_refused_at_its_place(bytes in inputs(&CAPTURES)) {
        check_capture(&bytes)?;
    }

    #[test]
    fn a_capture_cut_short_is_malformed_where_it_ends(
        case in 0..CAPTURES.len(),
        cut in any::<prop::sample::Index>(),
    ) {
        let file = &CAPTURES[case];
        let bytes = &file[..cut.index(file.len())];
        let outcome = check_capture(bytes)?;
        if bytes.trim_ascii_end() == file.trim_ascii_end() {
            // Only trailing whitespace was cut: the capture is whole.
            return Ok(());
        }
        match outcome {
            // A cut in the middle of a character stops there, at the character's first byte.
            Outcome::Malformed(JsonFileError::NotUtf8 { byte, .. }) => {
                prop_assert!(byte >= 0xC0, "byte 0x{:02X} starts no character", byte);
            }
            Outcome::Malformed(JsonFileError::Syntax { line, column, .. }) => {
                prop_assert_eq!((line, column), end_of(bytes));
            }
            Outcome::Malformed(JsonFileError::Empty { .. }) => {}
            other => prop_assert!(false, "{:?} cut at {} is \
                {:?}", String::from_utf8_lossy(bytes), bytes.len(), other),
        }
    }

    #[test]
    fn an_after_document_of_any_bytes_is_read_or_refused_at_its_place(bytes in inputs(&DOCUMENTS)) {
        let dir = tempfile::tempdir().expect("temporary directory");
        write(dir.path(), "after/huaweicloud/cph/ListPhoneImages.yaml", &bytes);
        let workspace = cloudspec::Workspace::new(dir.path());
        match diff::documents::from_dir(&workspace, Path::new("after")) {
            Ok(after) => {
                // Whatever YAML it holds, comparing and reporting it does not panic.
                let today = cloudspec_diff::Date::parse("2026-01-01").expect("a date");
                let changes = cloudspec_diff::diff(&BEFORE, &after, today);
                let report = Diff { base: "spec/".into(), head: "after/".into(), changes, stale: Vec::new() };
                for format in Format::ALL {
                    let mut out = Vec::new();
                    let mut sink = render::sink(format, &mut out, Styles::PLAIN);
                    cloudspec_diff::report::write(&report, sink.as_mut()).expect("written to memory");
                }
            }
            Err(error) => names_file_and_place(&error.to_string(), "after/huaweicloud/cph/\
                ListPhoneImages.yaml")?,
        }
    }

    #[test]
    fn an_overlay_of_any_bytes_is_read_or_refused_at_its_place(bytes in inputs(&OVERLAYS)) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let shown = Path::new("crates/huaweicloud/src/cph/list_phone_images.zh-CN.overlay.yaml");
        let path = write(dir.path(), "overlay.yaml", &bytes);
        let endpoint = cloudspec_catalog::find("huaweicloud/cph/ListPhoneImages").expect("in the catalog");
        match cloudspec::overlay::read(&path, shown) {
            // Whatever it holds, applying it reports problems by name; it does not panic.
            Ok(overlay) => {
                let document = cloudspec_tests::document(endpoint);
                if let Err(error) = cloudspec::overlay::apply(&document, &overlay, shown) {
                    prop_assert!(error.to_string().starts_with(&shown.display().to_string()), "{}", error);
                }
            }
            Err(error) => names_file_and_place(&error.to_string(), &shown.display().to_string())?,
        }
    }
}
