//! Each `finish/<case>.json` is an endpoint the pipeline must refuse to finish (or, for
//! `ok-*` cases, finish), and the snapshot holds what it says. A case holds the `paths` its
//! `#[utoipa::path]` gives, the statuses it declares (`x-responses`, each with a body of
//! type `Image`) and its service declares (`x-service-errors`), and its examples.

use std::sync::Mutex;

use cloudspec::finish::{Example, finish};
use cloudspec_endpoint::schemas;
use cloudspec_endpoint::{
    ApiKeyLocation, Body, Endpoint, Operation, Provider, Response, SecurityScheme, ServerTemplate, Service,
    Tag, WireCase,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The body type every status of a case carries.
#[schemas]
#[derive(Debug, Serialize, Deserialize)]
struct Image {
    /// The image's name.
    #[field(max_bytes = 255)]
    name: String,
}

/// The paths of the case being finished: a descriptor holds a plain `fn`.
static PATHS: Mutex<Option<Value>> = Mutex::new(None);

fn case_paths() -> utoipa::openapi::path::Paths {
    let paths = PATHS.lock().expect("not poisoned").clone().expect("a case is loaded");
    serde_json::from_value(paths).expect("the case's paths are utoipa's")
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

/// The responses `case[key]` declares, each a status and its description.
fn responses(case: &Value, key: &str, response: fn(u16, &'static str) -> Response) -> &'static [Response] {
    let declared = case.get(key).and_then(Value::as_object).cloned().unwrap_or_default();
    let responses: Vec<Response> = declared
        .into_iter()
        .map(|(status, description)| {
            let description = description.as_str().expect("a description").to_owned();
            response(status.parse().expect("a status"), Box::leak(description.into_boxed_str()))
        })
        .collect();
    Box::leak(responses.into_boxed_slice())
}

/// The endpoint `case` describes.
fn endpoint(case: &Value) -> &'static Endpoint {
    let service = Box::leak(Box::new(Service {
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
        error_body: Body::of::<Image>(),
        errors: responses(case, "x-service-errors", Response::error),
    }));
    Box::leak(Box::new(Endpoint {
        provider: &PROVIDER,
        service,
        operation_id: "ListImages",
        api_version: None,
        replaced_by: None,
        sources: &[cloudspec_endpoint::Source {
            title: "Listing Images",
            locale: "en",
            url: "https://docs.example.com/images/list",
        }],
        operation: Operation::from_paths(case_paths),
        responses: responses(case, "x-responses", |status, description| {
            Response::json(status, description, Body::of::<Image>())
        }),
        source_file: file!(),
    }))
}

#[test]
fn finish_cases() {
    insta::glob!("finish", "*.json", |path| {
        let case: Map<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read case"))
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let examples: Vec<Example> = case
            .get("x-examples")
            .and_then(Value::as_object)
            .cloned()
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
        *PATHS.lock().expect("not poisoned") = case.get("paths").cloned();
        let outcome = match finish(endpoint(&Value::Object(case)), &examples, &[]) {
            Ok(document) => format!("finished:\n{}", yaml_serde::to_string(&document).expect("renders")),
            Err(error) => format!("refused: {error}\n"),
        };
        insta::assert_snapshot!(outcome);
    });
}
