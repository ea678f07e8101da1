//! What the folders of cases of `lint` and of the editorial rules share: a folder per case,
//! named `<rule>` or `<rule>--<variant>` (`clean` breaks no rule), whose findings must all be
//! of its rule, and whose report a snapshot holds.

use std::path::{Path, PathBuf};

use cloudspec::lint::{self, Finding};
use cloudspec_findings::registry::{self, Expectations};
use cloudspec_findings::{Format, Rule, Styles};

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
    let mut text = Vec::new();
    let code = lint::report::lint(&mut text, Format::Text, Styles::PLAIN, documents, &[], findings)
        .expect("a Vec takes every write");
    format!("{}[exit {code}]\n", String::from_utf8(text).expect("reports are UTF-8"))
}

/// Holds `rules` to the invariants of every registry ([`registry::problems`]), with the case
/// folders under `root`; `unpaired` names the request- or response- rules without a twin, and
/// why.
pub fn registry(rules: &[Rule], root: &Path, unpaired: &[(&str, &str)]) {
    let cases: Vec<String> = folders(root).into_iter().map(|(name, _)| name).collect();
    let problems =
        registry::problems(rules, &Expectations { cases: &cases, unpaired, ..Expectations::default() });
    assert!(problems.is_empty(), "{}:\n{}", root.display(), problems.join("\n"));
}
