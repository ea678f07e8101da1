//! Every documented example (`tests/fixtures/<provider>/<service>/<OperationId>/<status>.json`)
//! reads into its Rust type without loss, validates against the generated document, its
//! OpenAPI 3.0 rendition and the standalone JSON Schema of its type, and is held by a
//! snapshot of the typed value.

use cloudspec_tests::{body, fixture_case};

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

        cloudspec_tests::assert_every_schema_accepts(&case);

        cloudspec_tests::snapshot(&case, || insta::assert_snapshot!(decoded.debug));
    });
}
