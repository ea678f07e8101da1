//! The documents under `spec/`: up to date with the code, valid and sound OpenAPI 3.1 (every
//! default, example and enum value valid against its schema), and embedding exactly the
//! fixtures as their examples; their OpenAPI 3.0 renditions valid and sound OpenAPI 3.0 and
//! read by the `openapiv3` crate, as progenitor reads them.

use cloudspec::soundness::Dialect;
use cloudspec::sync::{self, Checked};
use cloudspec::{document, finish, report};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_findings::render;
use cloudspec_findings::{Format, Styles};
use cloudspec_schema::pointer;
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
    let resolution = sync::resolve(&workspace, ENDPOINTS);
    if resolution.rows.iter().all(|row| matches!(row.outcome, Checked::Fresh)) {
        return;
    }
    let mut text = Vec::new();
    let mut sink = render::sink(Format::Text, &mut text, Styles::PLAIN);
    report::check(sink.as_mut(), &resolution.rows).expect("a Vec takes every write");
    drop(sink);
    let in_ci = std::env::var_os("CI").is_some();
    if !in_ci {
        sync::apply(&workspace, resolution);
    }
    panic!(
        "spec/ is not what the code generates{}:\n{}",
        if in_ci { "" } else { " (regenerated it: run the tests again and commit spec/)" },
        String::from_utf8_lossy(&text)
    );
}

/// Every OpenAPI document under `spec/`, in every locale: the 3.1 documents (`false`) and
/// the 3.0 renditions (`true`).
fn committed_documents(renditions: bool) -> Vec<std::path::PathBuf> {
    let mut found = cloudspec_tests::files_below(&workspace().path(cloudspec::paths::SPEC_DIR), ".yaml");
    found.retain(|path| path.to_string_lossy().ends_with(".openapi-3.0.yaml") == renditions);
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
        let english =
            workspace().path(cloudspec::paths::rendition_3_0(endpoint, cloudspec::paths::SOURCE_LOCALE));
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
        let document = read_yaml(&workspace.path(cloudspec::paths::document(endpoint)));
        let operation = cloudspec_schema::openapi::find(&document, endpoint.operation_id).map_or_else(
            || panic!("{}: no operation {}", endpoint.key(), endpoint.operation_id),
            |operation| operation.pointer,
        );
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

/// The table of `tests/fixtures/README.md` says where each documented example comes from, and
/// the build writes it into the examples: a fixture without a row fails the build; a row
/// without its fixture fails here.
#[test]
fn every_provenance_row_names_a_documented_fixture() {
    let workspace = workspace();
    let rows = cloudspec::fixtures::provenance(&workspace).unwrap_or_else(|error| panic!("{error}"));
    let documented: Vec<String> = ENDPOINTS
        .iter()
        .flat_map(|endpoint| {
            cloudspec::fixtures::documented(&workspace, endpoint).unwrap_or_else(|error| panic!("{error}"))
        })
        .map(|fixture| cloudspec::fixtures::below_fixtures(&fixture.path))
        .collect();
    for (fixture, row) in &rows {
        let row = row.as_ref().unwrap_or_else(|error| panic!("{error}"));
        assert!(
            documented.contains(fixture),
            "{}:{}: `{fixture}` is not a documented fixture",
            cloudspec::fixtures::README,
            row.line
        );
    }
    assert_eq!(rows.len(), documented.len(), "one row per documented fixture");
}

/// The API gateway in front of every Huawei Cloud service answers a wrong IAM token (401)
/// and throttling (429) itself: every Huawei Cloud operation declares both statuses, and
/// accepts the gateway's bodies (`tests/cases/gateway/<status>.json`) there, in its schema and
/// in its Rust type where it has one.
#[test]
fn huawei_operations_declare_what_the_gateway_answers() {
    let workspace = workspace();
    let huawei: Vec<_> = ENDPOINTS.iter().filter(|endpoint| endpoint.provider.id == "huaweicloud").collect();
    assert!(!huawei.is_empty());
    for endpoint in huawei {
        let document = read_yaml(&workspace.path(cloudspec::paths::document(endpoint)));
        for status in ["401", "429"] {
            let path = workspace.path(format!("tests/cases/gateway/{status}.json"));
            let body = cloudspec_schema::json::read(&path).unwrap_or_else(|error| panic!("{error}"));
            let schema =
                cloudspec_schema::validate::BodySchema::of_response(&document, endpoint.operation_id, status)
                    .unwrap_or_else(|error| {
                        panic!("{}: no body declared for {status}: {error}", endpoint.key())
                    });
            let violations = schema.violations(&body);
            assert!(
                violations.is_empty(),
                "{}: {status} rejects the gateway's body: {violations:?}",
                endpoint.key()
            );
            if let Some(typed) = endpoint.body(status) {
                typed.decode(&body).unwrap_or_else(|error| panic!("{}: {status}: {error}", endpoint.key()));
            }
        }
    }
}

/// progenitor generates one error type per operation and panics on an operation whose error
/// responses carry different bodies (or some a body and some none): every operation's 4xx and
/// 5xx responses share one schema.
#[test]
fn error_responses_of_an_operation_share_one_body() {
    for path in committed_documents(false).into_iter().chain(committed_documents(true)) {
        let document = read_yaml(&path);
        for operation in cloudspec_schema::openapi::operations(&document) {
            let responses =
                document.pointer(&format!("{}/responses", operation.pointer)).and_then(Value::as_object);
            let bodies: std::collections::BTreeSet<String> = responses
                .into_iter()
                .flatten()
                .filter(|(status, _)| status.starts_with('4') || status.starts_with('5'))
                .map(|(_, response)| {
                    response
                        .pointer("/content/application~1json/schema")
                        .map(ToString::to_string)
                        .unwrap_or_default()
                })
                .collect();
            assert!(
                bodies.len() <= 1,
                "{}: {} has error responses with different bodies: {bodies:?}",
                path.display(),
                operation.pointer
            );
        }
    }
}

/// Every parameter says what it is where generators and docs look for it: on the parameter,
/// not only inside its schema.
#[test]
fn every_parameter_has_a_description() {
    for path in committed_documents(false) {
        let document = read_yaml(&path);
        for operation in cloudspec_schema::openapi::operations(&document) {
            for parameter in operation.value["parameters"].as_array().into_iter().flatten() {
                assert!(
                    parameter["description"].as_str().is_some_and(|text| !text.is_empty()),
                    "{}: {} parameter {} has no description",
                    path.display(),
                    operation.pointer,
                    parameter["name"]
                );
            }
        }
    }
}

/// A `Format` query parameter (Alibaba Cloud's RPC actions) admits only the formats whose
/// responses the document declares: `JSON` needs `application/json`, `XML` `application/xml`.
#[test]
fn every_response_format_a_request_can_ask_for_is_declared() {
    for path in committed_documents(false) {
        let document = read_yaml(&path);
        for operation in cloudspec_schema::openapi::operations(&document) {
            let format = operation.value["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|parameter| parameter["name"] == "Format" && parameter["in"] == "query");
            let Some(format) = format else { continue };
            let content = &operation.value["responses"]["200"]["content"];
            for value in format["schema"]["enum"].as_array().into_iter().flatten() {
                let media = format!("application/{}", value.as_str().unwrap_or_default().to_lowercase());
                assert!(
                    content.get(&media).is_some(),
                    "{}: {} admits Format={value}, but its 200 response declares no {media}",
                    path.display(),
                    operation.pointer
                );
            }
        }
    }
}

/// A zh-CN reader sees no English the coverage rule lets through: no tag shown by its English
/// name (`x-displayName`), no HTTP reason phrase ("Bad Request: ...") left before a translated
/// status description.
#[test]
fn zh_cn_documents_leave_no_english_name_or_reason_phrase() {
    const STATUSES: [&str; 15] = [
        "200", "201", "202", "204", "400", "401", "403", "404", "405", "409", "429", "500", "501", "502",
        "503",
    ];
    let workspace = workspace();
    for endpoint in ENDPOINTS {
        let english = read_yaml(&workspace.path(cloudspec::paths::document(endpoint)));
        let path = workspace.path(cloudspec::paths::localized_document(endpoint, "zh-CN"));
        let chinese = read_yaml(&path);
        let tags = |document: &Value| -> Vec<String> {
            document["tags"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|tag| tag["x-displayName"].to_string())
                .collect()
        };
        for (english_name, shown) in tags(&english).iter().zip(tags(&chinese)) {
            assert_ne!(english_name, &shown, "{}: tag {english_name} is shown in English", path.display());
        }
        for (pointer, field) in cloudspec::overlay::translatable(&chinese) {
            let text = chinese.pointer(&pointer).and_then(|node| node.get(field)).and_then(Value::as_str);
            for phrase in STATUSES.map(finish::reason_phrase) {
                assert!(
                    !text.is_some_and(|text| text.starts_with(phrase)),
                    "{}: {pointer}/{field} starts with the English {phrase:?}: {text:?}",
                    path.display()
                );
            }
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
        let dialect =
            if cloudspec::paths::is_rendition_3_0(path) { Dialect::OpenApi3_0 } else { Dialect::OpenApi3_1 };
        match document::proven(&read_yaml(path), dialect) {
            Ok(()) => panic!("{}: accepted as {dialect:?}", path.display()),
            Err(error) => insta::assert_snapshot!(error.to_string()),
        }
    });
}
