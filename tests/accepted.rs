//! Every body the API may send that no page shows (`.../<OperationId>/valid/<status>/<case>.json`)
//! is accepted by the generated document, its OpenAPI 3.0 rendition, the standalone JSON Schema
//! and the Rust type; checked as a capture against `spec/`, as `cargo xtask validate` checks
//! one, it is valid, and what the check notices (values off an open enum's list) is held by a
//! snapshot.

use std::fmt::Write as _;

use cloudspec::published;
use cloudspec_capture::{self as capture, Outcome, input::Source, progress::Silent};
use cloudspec_tests::{body, fixture_case};

#[test]
fn bodies_the_api_may_send() {
    insta::glob!("fixtures", "*/*/*/valid/*/*.json", |path| {
        let case = fixture_case(path);
        cloudspec_tests::assert_every_schema_accepts(&case);
        if let Err(error) = body(&case).decode(&case.value) {
            panic!("{}: does not read as {}: {error}", case.path, (body(&case).type_name)());
        }

        let contract = published::load(
            &cloudspec_tests::workspace(),
            cloudspec_catalog::ENDPOINTS,
            &case.endpoint.key(),
            &case.status,
            "en",
        )
        .unwrap_or_else(|error| panic!("{}: {error}", case.path));
        let (checked, found) = capture::check_all(&contract.plan, Source::File(path.to_owned()), &mut Silent);
        assert!(matches!(checked.outcome, Outcome::Valid), "{}: {:?}", case.path, checked.outcome);
        assert_eq!(checked.notices, found.notices.len(), "{}", case.path);

        let mut report = String::new();
        for noted in &found.notices {
            let notice = &noted.notice;
            let _ = writeln!(
                report,
                "{}:{}: {}: {} is not among {} (rule #{})",
                noted.line,
                noted.column,
                cloudspec_schema::pointer::display(&notice.pointer),
                notice.found,
                notice.known,
                notice.rule
            );
        }
        if report.is_empty() {
            report.push_str("no notice\n");
        }
        cloudspec_tests::snapshot(&case, || insta::assert_snapshot!(report));
    });
}
