//! Every documented example (`tests/fixtures/<provider>/<service>/<OperationId>/<status>.json`)
//! reads into its Rust type without loss, validates against the generated document, its
//! OpenAPI 3.0 rendition and the standalone JSON Schema of its type, and is held by a
//! snapshot of the typed value.

use cloudspec_tests::{body, fixture_case, schema_violations, schema_violations_3_0, standalone_violations};

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

        for (against, violations) in [
            ("the generated document", schema_violations(&case)),
            ("the OpenAPI 3.0 rendition", schema_violations_3_0(&case)),
            ("the standalone JSON Schema", standalone_violations(&case)),
        ] {
            assert!(
                violations.is_empty(),
                "{}: does not validate against response {} of {against}:\n{}",
                case.path,
                case.status,
                violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            );
        }

        cloudspec_tests::snapshot(&case, || insta::assert_snapshot!(decoded.debug));
    });
}
