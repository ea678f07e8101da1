//! JSON Schema validation: of a body against the schema a document declares for it (in an
//! OpenAPI 3.1 or 3.0 document) or against a standalone JSON Schema, and of a document
//! against the official OpenAPI 3.1 or 3.0 schema.

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
    /// The `application/json` schema of response `status` of `operation_id` in the OpenAPI
    /// 3.1 `document`.
    pub fn of_response(document: &Value, operation_id: &str, status: &str) -> Result<Self, SchemaError> {
        let pointer = response_schema(document, operation_id, status)?;
        Self::compile(document.clone(), Draft::Draft202012, pointer)
    }

    /// The same in an OpenAPI 3.0 `document`. Its Schema Objects are draft 4 with
    /// `nullable`, which no validator knows: each nullable schema is read as "null, or the
    /// schema", which is how the generators that read 3.0 take it.
    pub fn of_response_3_0(document: &Value, operation_id: &str, status: &str) -> Result<Self, SchemaError> {
        let pointer = response_schema(document, operation_id, status)?;
        let mut mapped = document.clone();
        crate::downgrade::walk::document(&mut mapped, &mut NullableAsNull);
        Self::compile(mapped, Draft::Draft4, pointer)
    }

    /// The schema at `pointer` in the OpenAPI 3.1 `document`, whose `$ref`s resolve inside it.
    pub fn at(document: &Value, pointer: String) -> Result<Self, SchemaError> {
        Self::compile(document.clone(), Draft::Draft202012, pointer)
    }

    /// A standalone JSON Schema 2020-12, such as schemars writes.
    pub fn standalone(schema: &Value) -> Result<Self, SchemaError> {
        Self::compile(schema.clone(), Draft::Draft202012, String::new())
    }

    /// The schema at `pointer` in `document`, resolving references inside it alone.
    fn compile(document: Value, draft: Draft, pointer: String) -> Result<Self, SchemaError> {
        let compile_error = |message: String| SchemaError::Compile { pointer: pointer.clone(), message };
        let registry = Registry::new()
            .draft(draft)
            .add(DOCUMENT_URI, document)
            .and_then(jsonschema::RegistryBuilder::prepare)
            .map_err(|error| compile_error(error.to_string()))?;
        let validator = keywords::options()
            .with_draft(draft)
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

/// The pointer of the `application/json` schema of response `status` of `operation_id`.
fn response_schema(document: &Value, operation_id: &str, status: &str) -> Result<String, SchemaError> {
    let operation = find_operation(document, operation_id)
        .ok_or_else(|| SchemaError::NoOperation(operation_id.to_owned()))?;
    let pointer = format!(
        "{operation}{}",
        pointer::join(["responses", status, "content", "application/json", "schema"])
    );
    if document.pointer(&pointer).is_none() {
        return Err(SchemaError::NoResponseSchema { pointer, status: status.to_owned() });
    }
    Ok(pointer)
}

/// Rewrites every 3.0 schema `{nullable: true, ...}` as `{anyOf: [{type: "null"}, {...}]}`.
struct NullableAsNull;

impl crate::downgrade::walk::Visitor for NullableAsNull {
    fn reference(&mut self, _node: &mut Value, _at: &str, _kind: crate::downgrade::walk::Kind) {}

    fn schema(&mut self, node: &mut Value, at: &str) {
        for (tokens, subschema) in crate::downgrade::walk::subschemas_3_0(node) {
            self.schema(subschema, &format!("{at}{tokens}"));
        }
        if let Some(schema) = node.as_object_mut()
            && schema.remove("nullable") == Some(Value::Bool(true))
        {
            let rest = std::mem::take(schema);
            *node = json!({ "anyOf": [{ "type": "null" }, rest] });
        }
    }
}

/// Every way `document` breaks the official OpenAPI 3.1 schema.
pub fn openapi_3_1_violations(document: &Value) -> Vec<Violation> {
    static VALIDATOR: LazyLock<Validator> =
        LazyLock::new(|| official(include_str!("../data/openapi-3.1.schema.json"), Draft::Draft202012));
    violations(&VALIDATOR, document)
}

/// Every way `document` breaks the official OpenAPI 3.0 schema.
pub fn openapi_3_0_violations(document: &Value) -> Vec<Violation> {
    static VALIDATOR: LazyLock<Validator> =
        LazyLock::new(|| official(include_str!("../data/openapi-3.0.schema.json"), Draft::Draft4));
    violations(&VALIDATOR, document)
}

/// A validator of one of the bundled official schemas, which are known to compile.
fn official(text: &str, draft: Draft) -> Validator {
    let schema: Value = serde_json::from_str(text).expect("a bundled OpenAPI schema is valid JSON");
    jsonschema::options().with_draft(draft).build(&schema).expect("a bundled OpenAPI schema compiles")
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
