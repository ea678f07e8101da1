//! Every fixture, checked as a capture against the committed document under `spec/`, as
//! `cargo xtask validate` checks one: each documented example conforms, each negative fixture
//! is rejected with the violations the build-time check finds (same pointers, rules, expected
//! and found), and each violation's and notice's line and column is where its value starts in
//! the file.

use cloudspec::published;
use cloudspec_capture::{self as capture, Outcome, input::Source, progress::Silent};
use cloudspec_tests::{fixture_case, fixtures_dir, schema_violations, workspace};

/// What a violation says, less the validator's own sentence (which the streaming walk words
/// itself for the few rules it checks).
fn gist(violation: &cloudspec_schema::validate::Violation) -> [String; 5] {
    [&violation.pointer, &violation.keyword, &violation.rule, &violation.expected, &violation.found]
        .map(Clone::clone)
}

#[test]
fn fixtures_as_captures() {
    let mut checked = 0;
    for path in cloudspec_tests::files_below(&fixtures_dir(), ".json") {
        let case = fixture_case(&path);
        let contract = published::load(
            &workspace(),
            cloudspec_catalog::ENDPOINTS,
            &case.endpoint.key(),
            &case.status,
            "en",
        )
        .unwrap_or_else(|error| panic!("{}: {error}", case.path));
        let expected = schema_violations(&case);
        let (result, findings) = capture::check_all(&contract.plan, Source::File(path.clone()), &mut Silent);
        assert!(matches!(result.outcome, Outcome::Valid | Outcome::Invalid), "{}: {result:?}", case.path);
        let located = &findings.violations;
        assert_eq!(result.violations, located.len(), "{}", case.path);
        assert_eq!(result.notices, findings.notices.len(), "{}", case.path);
        let is_negative = case.path.contains("/invalid/");
        assert_eq!(!located.is_empty(), is_negative, "{}: {located:#?}", case.path);

        let mut found: Vec<[String; 5]> = located.iter().map(|item| gist(&item.violation)).collect();
        let mut wanted: Vec<[String; 5]> = expected.iter().map(gist).collect();
        found.sort();
        wanted.sort();
        assert_eq!(found, wanted, "{}: the capture check and the build-time check disagree", case.path);

        let text = std::fs::read_to_string(&path).expect("read fixture");
        let places = located
            .iter()
            .map(|item| (item.line, item.column, &item.violation.pointer))
            .chain(findings.notices.iter().map(|item| (item.line, item.column, &item.notice.pointer)));
        for (line, column, pointer) in places {
            let value = cloudspec_tests::value_at(&text, line, column);
            assert_eq!(
                value.as_ref(),
                case.value.pointer(pointer),
                "{}:{line}:{column} is not where {pointer} starts",
                case.path,
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no fixtures under {}", fixtures_dir().display());
}

/// A value that must be held to be checked, larger than validate holds, stops the check with
/// its place instead of growing memory with it.
#[test]
fn a_value_larger_than_validate_holds_is_unchecked() {
    let contract = published::load(
        &workspace(),
        cloudspec_catalog::ENDPOINTS,
        "huaweicloud/cph/ListPhoneImages",
        "200",
        "en",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let text =
        format!("{{\"phone_images\": [],\n \"request_id\": \"{}\"}}", "a".repeat(capture::walk::HELD + 1));
    match capture::validate_text(&contract.plan, &text, &mut |_| {}) {
        Err(Outcome::TooLarge(error)) => {
            assert_eq!((error.line, error.column, error.pointer.as_str()), (2, 16, "/request_id"), "{error}");
            assert!(error.to_string().contains("a string is larger than 16 MiB"), "{error}");
        }
        other => panic!("{other:?}"),
    }
}
