//! The documents under `spec/`: up to date with the code, valid and sound OpenAPI 3.1 (every
//! default, example and enum value valid against its schema), and embedding exactly the
//! fixtures as their examples; their OpenAPI 3.0 renditions valid and sound OpenAPI 3.0 and
//! read by the `openapiv3` crate, as progenitor reads them.

use cloudspec::rendition::{OPENAPI_3_0_SUFFIX, openapi_3_0_path};
use cloudspec::soundness::Dialect;
use cloudspec::sync::{self, Checked};
use cloudspec::{Workspace, document, finish, pointer, report};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_tests::workspace;
use serde_json::Value;

fn read_yaml(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    yaml_serde::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// rust-analyzer's `ensure_file_contents`: a stale `spec/` fails the test. Outside CI the
/// test also regenerates it, so that the next run passes and the diff shows in git.
#[test]
fn spec_is_up_to_date() {
    let workspace = workspace();
    let rows = sync::check(&workspace, ENDPOINTS);
    if rows.iter().all(|row| matches!(row.outcome, Checked::Fresh)) {
        return;
    }
    let report = report::check(&rows);
    let in_ci = std::env::var_os("CI").is_some();
    if !in_ci {
        sync::generate(&workspace, ENDPOINTS);
    }
    panic!(
        "spec/ is not what the code generates{}:\n{}",
        if in_ci { "" } else { " (regenerated it: run the tests again and commit spec/)" },
        anstream_strip(&report.text)
    );
}

fn anstream_strip(text: &str) -> String {
    // The report carries ANSI styles for terminals; a test failure is read in a log.
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// Every OpenAPI document under `spec/`, in every locale: the 3.1 documents (`false`) and
/// the 3.0 renditions (`true`).
fn committed_documents(renditions: bool) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "yaml") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&workspace().path(cloudspec::workspace::SPEC_DIR), &mut found);
    found.retain(|path| path.to_string_lossy().ends_with(".openapi-3.0.yaml") == renditions);
    found.sort();
    found
}

#[test]
fn committed_documents_are_valid_and_sound_openapi_3_1() {
    let documents = committed_documents(false);
    assert!(documents.len() >= ENDPOINTS.len() * 2, "every endpoint has an English and a zh-CN document");
    for path in documents {
        if let Err(error) = document::proven(&read_yaml(&path), Dialect::OpenApi3_1) {
            panic!("{}: {error}", path.display());
        }
    }
}

#[test]
fn committed_renditions_are_sound_openapi_3_0_that_openapiv3_reads() {
    let renditions = committed_documents(true);
    assert!(renditions.len() >= ENDPOINTS.len() * 2, "every endpoint has an English and a zh-CN rendition");
    for endpoint in ENDPOINTS {
        let english = workspace().path(openapi_3_0_path(&Workspace::document_path(endpoint)));
        assert!(renditions.contains(&english), "{} has no 3.0 rendition", endpoint.key());
    }
    for path in renditions {
        let rendition = read_yaml(&path);
        assert_eq!(rendition["openapi"], "3.0.3", "{}", path.display());
        if let Err(error) = document::proven(&rendition, Dialect::OpenApi3_0) {
            panic!("{}: {error}", path.display());
        }
        if let Err(error) = serde_json::from_value::<openapiv3::OpenAPI>(rendition) {
            panic!("{}: the openapiv3 crate cannot read it: {error}", path.display());
        }
    }
}

#[test]
fn committed_documents_embed_the_fixtures_as_examples() {
    let workspace = workspace();
    for endpoint in ENDPOINTS {
        let document = read_yaml(&workspace.path(Workspace::document_path(endpoint)));
        let operation = cloudspec::validate::find_operation(&document, endpoint.operation_id)
            .unwrap_or_else(|| panic!("{}: no operation {}", endpoint.key(), endpoint.operation_id));
        let fixtures =
            cloudspec::fixtures::documented(&workspace, endpoint).unwrap_or_else(|error| panic!("{error}"));
        assert!(!fixtures.is_empty(), "{}: no documented example in its fixture directory", endpoint.key());
        for fixture in fixtures {
            let at = format!(
                "{operation}{}",
                pointer::join([
                    "responses",
                    &fixture.status,
                    "content",
                    "application/json",
                    "examples",
                    finish::DOCUMENTED_EXAMPLE,
                    "value"
                ])
            );
            assert_eq!(
                document.pointer(&at),
                Some(&fixture.value),
                "{}: the example at {at} is not {}",
                endpoint.key(),
                fixture.path.display()
            );
        }
    }
}

/// Each case is a document the build must refuse to write, for one reason: not valid OpenAPI,
/// or a value it states beside a schema (a default, an example, an enum value) that the schema
/// rejects. A `*.openapi-3.0.yaml` case is held to OpenAPI 3.0 as a rendition is, read as OAS
/// 3.0.3 reads it. The refusal, with its JSON pointers, is held by a snapshot.
#[test]
fn invalid_documents_are_rejected() {
    insta::glob!("cases/invalid-openapi", "*.yaml", |path| {
        let dialect = if path.to_string_lossy().ends_with(OPENAPI_3_0_SUFFIX) {
            Dialect::OpenApi3_0
        } else {
            Dialect::OpenApi3_1
        };
        match document::proven(&read_yaml(path), dialect) {
            Ok(()) => panic!("{}: accepted as {dialect:?}", path.display()),
            Err(error) => insta::assert_snapshot!(error.to_string()),
        }
    });
}
