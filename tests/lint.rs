//! Every document under `spec/` passes the lint: no finding of severity error.

use cloudspec::lint::{self, Severity, Subject};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_tests::workspace;
use serde_json::Value;

#[test]
fn committed_documents_pass_the_lint() {
    let workspace = workspace();
    let documents: Vec<(String, Value, cloudspec::WireCase)> = ENDPOINTS
        .iter()
        .map(|endpoint| {
            let path = cloudspec::paths::document(endpoint);
            let text = std::fs::read_to_string(workspace.path(&path))
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let value =
                yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (cloudspec::workspace::display(&path), value, endpoint.provider.wire_case)
        })
        .collect();
    let subjects: Vec<Subject<'_>> = documents
        .iter()
        .map(|(path, document, wire_case)| Subject { path, document, wire_case: *wire_case, proven: false })
        .collect();
    let findings = lint::lint(&subjects);
    let shown = lint::report::findings(&findings);
    eprint!("{shown}");
    assert!(
        findings.iter().all(|finding| finding.rule.severity != Severity::Error),
        "spec/ breaks the lint:\n{shown}"
    );
}
