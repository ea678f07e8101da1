//! What the folders of cases of `lint` and of the editorial rules share: a folder per case,
//! named `<rule>` or `<rule>--<variant>` (`clean` breaks no rule), whose findings must all be
//! of its rule, and whose report a snapshot holds.

use std::path::{Path, PathBuf};

use cloudspec::lint::{self, Finding};

/// The case folders under `root`, by name, in order.
pub fn folders(root: &Path) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(root)
        .unwrap_or_else(|error| panic!("{}: {error}", root.display()))
        .map(|entry| entry.expect("entry").path())
        .map(|path| (path.file_name().and_then(|name| name.to_str()).expect("UTF-8 name").to_owned(), path))
        .collect();
    cases.sort();
    cases
}

/// Holds the case `name` to its rule, and returns its report of `documents` documents for a
/// snapshot.
pub fn report(name: &str, documents: usize, findings: &[Finding]) -> String {
    let rule = name.split("--").next().unwrap_or_default();
    if rule == "clean" {
        assert!(findings.is_empty(), "{name}: expected no findings, found {findings:#?}");
    } else {
        assert!(
            !findings.is_empty() && findings.iter().all(|finding| finding.rule.id == rule),
            "{name}: expected findings of {rule} only, found {:?}",
            findings.iter().map(|finding| (finding.rule.id, &finding.message)).collect::<Vec<_>>()
        );
    }
    let report = lint::report::lint(documents, findings);
    format!("{}[exit {}]\n", anstream::adapter::strip_str(&report.text), report.exit_code)
}
