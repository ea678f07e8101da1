//! `lint`: each folder of `lint_cases/` holds one or more documents that break the rule the
//! folder is named after (`<rule>` or `<rule>--<variant>`; `clean` breaks none), and the
//! report is held by a snapshot. A document's first line `# wire-case: PascalCase` sets the
//! provider's case; snake_case otherwise.

use std::path::Path;

use cloudspec::lint::{self, Subject, rules};
use cloudspec_endpoint::WireCase;
use serde_json::Value;

use super::rule_cases;

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
    for (name, case) in rule_cases::folders(&root) {
        let mut files: Vec<_> = std::fs::read_dir(&case)
            .expect("case folder")
            .map(|entry| entry.expect("entry").path())
            .collect();
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
        let text = rule_cases::report(&name, subjects.len(), &lint::lint(&subjects));
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true }, {
            insta::assert_snapshot!("case", text);
        });
    }
}

/// The registry holds to what every registry does: ids, summaries, a case folder a rule.
#[test]
fn the_registry_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_cases");
    let unpaired =
        [("response-description", "a request body is described by its operation, which a rule asks")];
    rule_cases::registry(&rules::ALL, &root, &unpaired);
}
