//! The schemars and utoipa derives of each body type agree (the build refuses to write
//! `spec/` when they do not), and the comparison bites: each `cases/drift/*.yaml` pairs a
//! utoipa document with a schemars schema that differ in one way, and what the comparison
//! says is held by a snapshot.

use std::fmt::Write as _;

use cloudspec::drift::differences;
use cloudspec_catalog::ENDPOINTS;
use serde_json::Value;

#[test]
fn every_body_type_agrees() {
    for endpoint in ENDPOINTS {
        let document = cloudspec_tests::document(endpoint);
        for body in endpoint.body_types() {
            let name = (body.schema_name)();
            let found = differences(&document, &name, &body.json_schema());
            assert!(
                found.is_empty(),
                "{} {name}: the derives disagree:\n{}",
                endpoint.key(),
                found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            );
        }
    }
}

#[test]
fn differences_are_found() {
    insta::glob!("cases/drift", "*.yaml", |path| {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let case: Value =
            yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let (Some(utoipa), Some(schemars)) = (case.get("utoipa"), case.get("schemars")) else {
            panic!("{}: expected `utoipa` (a document) and `schemars` (a schema of type T)", path.display());
        };
        let found = differences(utoipa, "T", schemars);
        assert!(!found.is_empty(), "{}: no difference found", path.display());
        let mut report = String::new();
        for difference in found {
            let _ = writeln!(report, "{difference}");
        }
        insta::assert_snapshot!(report);
    });
}
