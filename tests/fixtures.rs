//! Every documented example (`tests/fixtures/<provider>/<service>/<OperationId>/<status>.json`)
//! reads into its Rust type without loss, validates against the generated document, and
//! is held by a snapshot of the typed value.

use cloudspec_tests::{body, fixture_case, schema_violations};

#[test]
fn documented_examples() {
    insta::glob!("fixtures", "*/*/*/*.json", |path| {
        let case = fixture_case(path);

        let decoded = body(&case).decode(&case.value).unwrap_or_else(|error| {
            panic!("{}: does not read as {}: {error}", case.path, (body(&case).type_name)())
        });
        assert_eq!(
            decoded.json,
            case.value,
            "{}: reading into {} and writing back lost or added something",
            case.path,
            (body(&case).type_name)()
        );

        let violations = schema_violations(&case);
        assert!(
            violations.is_empty(),
            "{}: does not validate against response {} of the generated document:\n{}",
            case.path,
            case.status,
            violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );

        cloudspec_tests::snapshot(&case, || insta::assert_snapshot!(decoded.debug));
    });
}
