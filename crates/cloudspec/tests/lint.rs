//! `lint`: each folder of `lint_cases/` holds one or more documents that break the rule the
//! folder is named after (`<rule>` or `<rule>--<variant>`; `clean` breaks none), and the
//! report is held by a snapshot. A document's first line `# wire-case: PascalCase` sets the
//! provider's case; snake_case otherwise.

use std::path::Path;

use cloudspec::WireCase;
use cloudspec::lint::{self, Subject, rules};
use serde_json::Value;

fn read(path: &Path) -> (String, Value, WireCase) {
    let text = std::fs::read_to_string(path).expect("read case");
    let wire_case =
        if text.starts_with("# wire-case: PascalCase") { WireCase::PascalCase } else { WireCase::SnakeCase };
    let value = yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let name = path.file_name().and_then(|name| name.to_str()).expect("UTF-8 name").to_owned();
    (name, value, wire_case)
}

#[test]
fn every_case_breaks_its_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_cases");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/lint_cases")
        .map(|entry| entry.expect("entry").path())
        .collect();
    cases.sort();
    for case in &cases {
        let name = case.file_name().and_then(|name| name.to_str()).expect("UTF-8 name").to_owned();
        let mut files: Vec<_> =
            std::fs::read_dir(case).expect("case folder").map(|entry| entry.expect("entry").path()).collect();
        files.sort();
        let documents: Vec<_> = files.iter().map(|file| read(file)).collect();
        let subjects: Vec<Subject<'_>> = documents
            .iter()
            .map(|(path, document, wire_case)| Subject {
                path,
                document,
                wire_case: *wire_case,
                proven: false,
            })
            .collect();
        let findings = lint::lint(&subjects);
        let rule = name.split("--").next().unwrap_or_default();
        if rule == "clean" {
            assert!(findings.is_empty(), "{name}: expected no findings, found {findings:#?}");
        } else {
            assert!(
                !findings.is_empty() && findings.iter().all(|finding| finding.rule.id == rule),
                "{name}: expected findings of {rule} only, found {:?}",
                findings.iter().map(|finding| finding.rule.id).collect::<Vec<_>>()
            );
        }
        let report = lint::report::lint(subjects.len(), &findings);
        let text = format!("{}[exit {}]\n", anstream::adapter::strip_str(&report.text), report.exit_code);
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("case", text);
        });
    }
    for rule in rules::ALL {
        assert!(root.join(rule.id).is_dir(), "rule {} has no case in tests/lint_cases/", rule.id);
    }
}
