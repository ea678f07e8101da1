//! The files derived from an endpoint's OpenAPI 3.1 document, for the tools that cannot read
//! it: its OpenAPI 3.0.3 rendition, and the standalone JSON Schema of each body type. Each is
//! proven sound before it is compared or written, as the document is.

use serde_json::Value;

use cloudspec_schema::pointer;
use cloudspec_schema::validate::BodySchema;

use crate::document::{BuildError, Document};
use crate::downgrade::Language;
use crate::drift;
use crate::emit;
use crate::emit::Output;
use crate::soundness::{Dialect, Values};

/// The OpenAPI 3.0.3 rendition of the 3.1 `document`, as text: valid against the official 3.0
/// schema, sound as OAS 3.0.3 reads it (each embedded example, default and enum value valid
/// against its schema, `nullable` only beside `type`) unless its `values` are those of a
/// rendition already proven, and rendered as the 3.1 document is.
pub(crate) fn openapi_3_0(
    document: &Value,
    values: Values,
    language: Language,
) -> Result<String, BuildError> {
    let downgraded = crate::downgrade::downgrade_in(document, language);
    let value = downgraded.value;
    crate::document::proven_as(&value, Dialect::OpenApi3_0, values)?;
    crate::document::rendered(&value)
}

/// An example value embedded in a response of a document.
struct Embedded<'a> {
    operation_id: String,
    status: String,
    /// Where the value sits.
    pointer: String,
    value: &'a Value,
}

/// Every `examples.*.value` of every `application/json` response of `document`.
fn embedded_examples(document: &Value) -> Vec<Embedded<'_>> {
    let mut found = Vec::new();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else { return found };
    for (path, item) in paths {
        for method in cloudspec_schema::openapi::METHODS {
            let Some(operation) = item.get(method) else { continue };
            let Some(operation_id) = operation.get("operationId").and_then(Value::as_str) else { continue };
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else { continue };
            for (status, response) in responses {
                let media = response.pointer(&pointer::join(["content", "application/json", "examples"]));
                for (name, example) in media.and_then(Value::as_object).into_iter().flatten() {
                    if let Some(value) = example.get("value") {
                        found.push(Embedded {
                            operation_id: operation_id.to_owned(),
                            status: status.clone(),
                            pointer: pointer::join([
                                "paths",
                                path,
                                method,
                                "responses",
                                status,
                                "content",
                                "application/json",
                                "examples",
                                name,
                                "value",
                            ]),
                            value,
                        });
                    }
                }
            }
        }
    }
    found
}

/// The standalone JSON Schema of each distinct body type of the document's endpoint: it says
/// what the type's component in the document says, and the document's examples of each
/// status with that type validate against it.
pub(crate) fn json_schemas(document: &Document) -> Result<Vec<Output>, BuildError> {
    let mut outputs = Vec::new();
    let responses = document.endpoint.all_responses();
    for body in document.endpoint.body_types() {
        let name = (body.schema_name)().into_owned();
        let schema = body.json_schema();
        let differences = drift::differences(&document.value, &name, &schema);
        if !differences.is_empty() {
            return Err(BuildError::Drift { type_name: name, differences });
        }
        let validator = BodySchema::standalone(&schema)
            .map_err(|source| BuildError::StandaloneSchema { type_name: name.clone(), source })?;
        let statuses: Vec<String> = responses
            .iter()
            .filter(|response| (response.body.schema_name)() == name)
            .map(|response| response.status.to_string())
            .collect();
        for example in embedded_examples(&document.value) {
            if example.operation_id != document.endpoint.operation_id || !statuses.contains(&example.status) {
                continue;
            }
            let violations = validator.violations(example.value);
            if !violations.is_empty() {
                return Err(BuildError::InvalidStandaloneExample {
                    type_name: name,
                    pointer: example.pointer,
                    violations,
                });
            }
        }
        let Value::Object(object) = &schema else {
            return Err(BuildError::Drift {
                type_name: name,
                differences: vec![drift::Difference {
                    pointer: String::new(),
                    message: "schemars wrote a boolean schema".into(),
                }],
            });
        };
        outputs.push(Output {
            path: crate::paths::json_schema(document.endpoint, &name),
            text: emit::json_schema(object),
        });
    }
    Ok(outputs)
}
