//! Each `finish/<case>.json` is a utoipa document that the pipeline must refuse to finish
//! (or, for `ok-*` cases, finish), and the snapshot holds what it says.

use std::sync::Mutex;

use cloudspec::finish::{Example, finish};
use cloudspec::{ApiKeyLocation, Endpoint, Provider, SecurityScheme, ServerTemplate, Service, Tag, WireCase};
use serde_json::Value;

/// The utoipa document the test endpoint returns: set by each case.
static CASE: Mutex<Option<Value>> = Mutex::new(None);

fn case_document() -> utoipa::openapi::OpenApi {
    let document = CASE.lock().expect("not poisoned").clone().expect("a case is loaded");
    serde_json::from_value(document).expect("the case is a utoipa document")
}

static PROVIDER: Provider = Provider {
    id: "example",
    name: "Example Cloud",
    security: &[SecurityScheme {
        name: "Token",
        location: ApiKeyLocation::Header,
        parameter: "X-Token",
        description: "A token.",
    }],
    wire_case: WireCase::SnakeCase,
    locales: &[],
};

static SERVICE: Service = Service {
    id: "images",
    name: "Images",
    api_version: "v1",
    server: ServerTemplate {
        url: "https://images.{region}.example.com",
        default_region: "north-1",
        regions: &["north-1", "south-1"],
        description: "The region.",
    },
    tags: &[Tag { name: "Images", description: "Images." }],
};

static ENDPOINT: Endpoint = Endpoint {
    provider: &PROVIDER,
    service: &SERVICE,
    operation_id: "ListImages",
    sources: &[cloudspec::Source {
        title: "Listing Images",
        locale: "en",
        url: "https://docs.example.com/images/list",
    }],
    openapi: case_document,
    bodies: &[],
    source_file: file!(),
};

#[test]
fn finish_cases() {
    insta::glob!("finish", "*.json", |path| {
        let mut case: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read case"))
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let examples: Vec<Example> = case
            .as_object_mut()
            .and_then(|case| case.remove("x-examples"))
            .and_then(|examples| examples.as_object().cloned())
            .unwrap_or_default()
            .into_iter()
            .map(|(status, value)| Example {
                status,
                file: "example.json".to_owned(),
                value,
                summary: "The page's example".to_owned(),
                source: "The page's example response, verbatim.".to_owned(),
            })
            .collect();
        *CASE.lock().expect("not poisoned") = Some(case);
        let outcome = match finish(&ENDPOINT, &examples) {
            Ok(document) => format!("finished:\n{}", yaml_serde::to_string(&document).expect("renders")),
            Err(error) => format!("refused: {error}\n"),
        };
        insta::assert_snapshot!(outcome);
    });
}
