//! The OpenAPI 3.0.3 rendition, rule by rule: each `cases/downgrade/*.yaml` is a valid, sound
//! 3.1 document that exercises one difference between the versions. Its rendition must be
//! valid against the official 3.0 schema, sound as OAS 3.0.3 reads it (its examples, defaults
//! and enum values valid, `nullable` only beside `type`) and read by the `openapiv3` crate
//! (what progenitor reads), and the rendition with its findings is held by a snapshot.

use std::fmt::Write as _;

use cloudspec::downgrade::downgrade;
use cloudspec::metaschema::{openapi_3_0_violations, openapi_3_1_violations};
use cloudspec::soundness::{Dialect, refusals};
use serde_json::Value;

#[test]
fn each_rule() {
    insta::glob!("cases/downgrade", "*.yaml", |path| {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let before: Value =
            yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let violations = openapi_3_1_violations(&before);
        assert!(
            violations.is_empty(),
            "{}: the case is not valid OpenAPI 3.1: {violations:?}",
            path.display()
        );
        let refused = refusals(&before, Dialect::OpenApi3_1);
        assert!(refused.is_empty(), "{}: the case is not sound: {refused:?}", path.display());

        let after = downgrade(&before);
        let violations = openapi_3_0_violations(&after.value);
        assert!(
            violations.is_empty(),
            "{}: the rendition is not valid OpenAPI 3.0:\n{}",
            path.display(),
            violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
        let refused = refusals(&after.value, Dialect::OpenApi3_0);
        assert!(
            refused.is_empty(),
            "{}: the rendition is not sound as OAS 3.0.3 reads it:\n{}",
            path.display(),
            refused.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
        if let Err(error) = serde_json::from_value::<openapiv3::OpenAPI>(after.value.clone()) {
            panic!("{}: the openapiv3 crate cannot read the rendition: {error}", path.display());
        }

        let mut report = String::from("findings:\n");
        if after.findings.is_empty() {
            report.push_str("  none\n");
        }
        for finding in &after.findings {
            let _ = writeln!(report, "  {finding}");
        }
        report.push_str("rendition:\n");
        report.push_str(&yaml_serde::to_string(&after.value).expect("a JSON value renders as YAML"));
        insta::assert_snapshot!(report);
    });
}
