//! Every document under `spec/` passes the lint: no finding of level error.

use cloudspec::lint::{self, Level, Subject};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_findings::{Format, Styles};
use cloudspec_tests::workspace;
use serde_json::Value;

#[test]
fn committed_documents_pass_the_lint() {
    let workspace = workspace();
    let documents: Vec<(String, Value, cloudspec_endpoint::WireCase)> = ENDPOINTS
        .iter()
        .map(|endpoint| {
            let path = cloudspec::paths::document(endpoint);
            let text = std::fs::read_to_string(workspace.path(&path))
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let value =
                yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path.to_string(), value, endpoint.provider.wire_case)
        })
        .collect();
    let subjects: Vec<Subject<'_>> = documents
        .iter()
        .map(|(path, document, wire_case)| Subject { path, document, wire_case: *wire_case, proven: false })
        .collect();
    let findings = lint::lint(&subjects);
    let mut shown = Vec::new();
    lint::report::lint(&mut shown, Format::Text, Styles::PLAIN, subjects.len(), &[], &findings)
        .expect("a Vec takes every write");
    let shown = String::from_utf8(shown).expect("reports are UTF-8");
    eprint!("{shown}");
    assert!(
        findings.iter().all(|finding| finding.rule.level != Level::Error),
        "spec/ breaks the lint:\n{shown}"
    );
}
