//! Every negative fixture (`.../<OperationId>/invalid/<status>/<case>.json`) is rejected both by
//! the generated document's schema and by the Rust type, and what they say is held by a
//! snapshot: each message names the JSON pointer and what was expected. The OpenAPI 3.0
//! rendition and the standalone JSON Schema reject it too.

use std::fmt::Write as _;

use cloudspec_tests::{body, fixture_case, schema_violations, schema_violations_3_0, standalone_violations};

#[test]
fn negative_fixtures() {
    insta::glob!("fixtures", "*/*/*/invalid/*/*.json", |path| {
        let case = fixture_case(path);
        let violations = schema_violations(&case);
        assert!(!violations.is_empty(), "{}: the generated schema accepts it", case.path);
        assert!(
            !schema_violations_3_0(&case).is_empty(),
            "{}: the OpenAPI 3.0 rendition accepts it",
            case.path
        );
        assert!(
            !standalone_violations(&case).is_empty(),
            "{}: the standalone JSON Schema accepts it",
            case.path
        );
        let serde_error = body(&case).decode(&case.value).err();

        let mut report = String::from("schema:\n");
        for violation in &violations {
            let _ = writeln!(report, "  {violation}");
        }
        let type_name = (body(&case).type_name)().rsplit("::").next().unwrap_or_default();
        let _ = writeln!(report, "serde ({type_name}):");
        match &serde_error {
            Some(error) => {
                let _ = writeln!(
                    report,
                    "  {}: {}",
                    cloudspec_schema::pointer::display(&error.pointer),
                    error.message
                );
            }
            None => report.push_str("  accepted (the type is looser than the schema here)\n"),
        }
        cloudspec_tests::snapshot(&case, || insta::assert_snapshot!(report));
    });
}
