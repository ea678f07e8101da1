//! JSON Schema validation: of a body against the schema a document declares for it,
//! and of a document against the official OpenAPI 3.1 schema.

use std::fmt;
use std::sync::LazyLock;

use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};

use crate::{keywords, pointer};

/// The base URI under which a document is registered, so that its `#/components/...`
/// references resolve inside it and nothing is ever fetched.
const DOCUMENT_URI: &str = "urn:cloudspec:document";

/// One way a JSON value breaks a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer to the offending value in the instance.
    pub pointer: String,
    /// What the schema expected and what was found.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", pointer::display(&self.pointer), self.message)
    }
}

/// A schema that cannot be used to validate.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("no operation with operationId {0:?} in the document")]
    NoOperation(String),
    #[error("{pointer}: no application/json schema for response {status}")]
    NoResponseSchema { pointer: String, status: String },
    #[error("the schema at {pointer} does not compile: {message}")]
    Compile { pointer: String, message: String },
}

/// The schema a document declares for one response body, ready to validate.
#[derive(Debug)]
pub struct BodySchema {
    validator: Validator,
    /// Where the schema sits in its document.
    pub pointer: String,
}

impl BodySchema {
    /// The `application/json` schema of response `status` of `operation_id` in `document`.
    pub fn of_response(document: &Value, operation_id: &str, status: &str) -> Result<Self, SchemaError> {
        let operation = find_operation(document, operation_id)
            .ok_or_else(|| SchemaError::NoOperation(operation_id.to_owned()))?;
        let pointer = format!(
            "{operation}{}",
            pointer::join(["responses", status, "content", "application/json", "schema"])
        );
        if document.pointer(&pointer).is_none() {
            return Err(SchemaError::NoResponseSchema { pointer, status: status.to_owned() });
        }
        Self::at(document, pointer)
    }

    /// The schema at `pointer` in `document`, whose `$ref`s resolve inside the document.
    pub fn at(document: &Value, pointer: String) -> Result<Self, SchemaError> {
        let compile_error = |message: String| SchemaError::Compile { pointer: pointer.clone(), message };
        let registry = Registry::new()
            .draft(Draft::Draft202012)
            .add(DOCUMENT_URI, document.clone())
            .and_then(jsonschema::RegistryBuilder::prepare)
            .map_err(|error| compile_error(error.to_string()))?;
        let validator = keywords::options()
            .with_draft(Draft::Draft202012)
            .with_registry(&registry)
            .build(&json!({ "$ref": format!("{DOCUMENT_URI}#{}", pointer::to_uri_fragment(&pointer)) }))
            .map_err(|error| compile_error(error.to_string()))?;
        Ok(Self { validator, pointer })
    }

    /// Every violation in `instance`, in document order; empty when it conforms.
    pub fn violations(&self, instance: &Value) -> Vec<Violation> {
        violations(&self.validator, instance)
    }
}

/// Every way `document` breaks the official OpenAPI 3.1 schema.
pub fn openapi_3_1_violations(document: &Value) -> Vec<Violation> {
    static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
        let schema: Value = serde_json::from_str(include_str!("../data/openapi-3.1.schema.json"))
            .expect("the bundled OpenAPI 3.1 schema is valid JSON");
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .build(&schema)
            .expect("the bundled OpenAPI 3.1 schema compiles")
    });
    violations(&VALIDATOR, document)
}

fn violations(validator: &Validator, instance: &Value) -> Vec<Violation> {
    let mut found: Vec<Violation> = validator
        .iter_errors(instance)
        .map(|error| Violation { pointer: error.instance_path().to_string(), message: message(&error) })
        .collect();
    found.sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.message.cmp(&b.message)));
    found.dedup();
    found
}

/// The validator's message, except that an enum lists every allowed value: a reviewer
/// needs them all, not the first two.
fn message(error: &jsonschema::ValidationError<'_>) -> String {
    match error.kind() {
        jsonschema::error::ValidationErrorKind::Enum { options } => {
            format!("{} is not one of {options}", error.instance())
        }
        _ => error.to_string(),
    }
}

/// The JSON pointer of the operation named `operation_id`.
pub fn find_operation(document: &Value, operation_id: &str) -> Option<String> {
    let paths = document.get("paths")?.as_object()?;
    paths.iter().find_map(|(path, item)| {
        item.as_object()?.iter().find_map(|(method, operation)| {
            (operation.get("operationId")?.as_str()? == operation_id)
                .then(|| pointer::join(["paths", path.as_str(), method.as_str()]))
        })
    })
}
