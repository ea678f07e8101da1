//! JSON Schema validation: of a body against the schema a document declares for it (in an
//! OpenAPI 3.1 or 3.0 document) or against a standalone JSON Schema, and of a document
//! against the official OpenAPI 3.1 or 3.0 schema.

use std::fmt;
use std::sync::Arc;

pub use jsonschema::Draft;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Registry, ValidationError, Validator};
use serde_json::{Value, json};

use crate::words::{count, shorten};
use crate::{keywords, pointer};

/// The base URI under which a document is registered, so that its `#/components/...`
/// references resolve inside it and nothing is ever fetched.
const DOCUMENT_URI: &str = "urn:cloudspec:document";

/// One way a JSON value breaks a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer to the offending value in the instance.
    pub pointer: String,
    /// What the schema expected and what was found, as the validator words it.
    pub message: String,
    /// The keyword that failed: `type`, `enum`, `x-max-bytes`.
    pub keyword: String,
    /// JSON pointer to the failed keyword in the document (the rule a reviewer can look up);
    /// empty when the validator does not say.
    pub rule: String,
    /// What the keyword asks for, in words: `one of 1, 2`.
    pub expected: String,
    /// What the instance holds, shortened: `129 bytes: "镜镜…"`.
    pub found: String,
}

impl Violation {
    /// `/images/0/name: maxLength: expected at most 3 characters, found ...`: the value, the
    /// keyword, what was expected and what was found, as reports print a violation.
    pub fn summary(&self) -> String {
        format!(
            "{}: {}: expected {}, found {}",
            pointer::display(&self.pointer),
            self.keyword,
            self.expected,
            self.found
        )
    }
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

/// A document registered once, from which the validator of any schema in it compiles:
/// `$ref`s resolve inside the document and nothing is fetched.
pub struct Schemas {
    document: Arc<Value>,
    registry: Registry<'static>,
    draft: Draft,
    /// Whether `format` asserts (`date-time`, `uuid`, ...) rather than annotates.
    formats: bool,
}

impl fmt::Debug for Schemas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Schemas").finish_non_exhaustive()
    }
}

impl Schemas {
    /// The schemas of an OpenAPI 3.1 document (or a standalone JSON Schema): draft 2020-12.
    pub fn new(document: Value) -> Result<Self, SchemaError> {
        Self::with_draft(document, Draft::Draft202012)
    }

    /// The schemas of `document` read as JSON Schema `draft`: an OpenAPI 3.0 document's, once
    /// mapped to what OAS 3.0.3 means (the pipeline's `metaschema::schemas_3_0`), are draft 4.
    pub fn with_draft(document: Value, draft: Draft) -> Result<Self, SchemaError> {
        // The registry and the violations' rules share the one copy.
        let document = Arc::new(document);
        let registry = Registry::new()
            .draft(draft)
            .add(DOCUMENT_URI, Arc::clone(&document))
            .and_then(jsonschema::RegistryBuilder::prepare)
            .map_err(|error| SchemaError::Compile { pointer: String::new(), message: error.to_string() })?;
        Ok(Self { document, registry, draft, formats: false })
    }

    /// The same schemas with `format` asserted, as openapi-spec-validator, Spectral and
    /// Redocly check a document's own values.
    #[must_use]
    pub fn asserting_formats(mut self) -> Self {
        self.formats = true;
        self
    }

    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The pointer of the `application/json` schema of response `status` of `operation_id`.
    pub fn response_pointer(&self, operation_id: &str, status: &str) -> Result<String, SchemaError> {
        response_pointer(&self.document, operation_id, status)
    }

    /// The validator of the schema at `pointer` in the document.
    pub fn compile(&self, pointer: &str) -> Result<BodySchema, SchemaError> {
        self.compile_value(&reference(pointer), pointer, None)
    }

    /// One validator for the schemas at `pointers`: it checks an array whose item `i` is an
    /// instance of the schema at `pointers[i]`, so that a document's many small checks cost
    /// one compilation. Its violations' pointers start with the item's index.
    pub fn compile_each(&self, pointers: &[&str]) -> Result<BodySchema, SchemaError> {
        let items: Vec<Value> = pointers.iter().map(|pointer| reference(pointer)).collect();
        let schema = json!({ "prefixItems": items, "items": false });
        let schema = match self.draft {
            // Draft 4 spells a tuple `items: [...]`, with `additionalItems`.
            Draft::Draft4 => json!({ "items": schema["prefixItems"], "additionalItems": false }),
            _ => schema,
        };
        self.compile_value(&schema, "", None)
    }

    /// The validator of `schema`, a schema made up for one check of the schema at `pointer`
    /// (such as its `required` alone); the violations name their rule under `pointer`.
    pub fn compile_derived(&self, schema: &Value, pointer: &str) -> Result<BodySchema, SchemaError> {
        self.compile_value(schema, pointer, Some(pointer.to_owned()))
    }

    fn compile_value(
        &self,
        schema: &Value,
        pointer: &str,
        rule_base: Option<String>,
    ) -> Result<BodySchema, SchemaError> {
        let mut options = keywords::options().with_draft(self.draft).with_registry(&self.registry);
        if self.formats {
            options = options.should_validate_formats(true);
        }
        let validator = options.build(schema).map_err(|error| SchemaError::Compile {
            pointer: pointer.to_owned(),
            message: error.to_string(),
        })?;
        Ok(BodySchema {
            validator,
            pointer: pointer.to_owned(),
            document: Arc::clone(&self.document),
            rule_base,
        })
    }
}

/// The schema a document declares for one response body, ready to validate.
pub struct BodySchema {
    validator: Validator,
    /// Where the schema sits in its document.
    pub pointer: String,
    document: Arc<Value>,
    /// For a derived schema, the pointer its keyword locations are relative to.
    rule_base: Option<String>,
}

impl fmt::Debug for BodySchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodySchema").field("pointer", &self.pointer).finish_non_exhaustive()
    }
}

impl BodySchema {
    /// The `application/json` schema of response `status` of `operation_id` in the OpenAPI
    /// 3.1 `document`.
    pub fn of_response(document: &Value, operation_id: &str, status: &str) -> Result<Self, SchemaError> {
        let schemas = Schemas::new(document.clone())?;
        schemas.compile(&schemas.response_pointer(operation_id, status)?)
    }

    /// The schema at `pointer` in the OpenAPI 3.1 `document`, whose `$ref`s resolve inside it.
    pub fn at(document: &Value, pointer: &str) -> Result<Self, SchemaError> {
        Schemas::new(document.clone())?.compile(pointer)
    }

    /// A standalone JSON Schema 2020-12, such as schemars writes.
    pub fn standalone(schema: &Value) -> Result<Self, SchemaError> {
        Schemas::new(schema.clone())?.compile("")
    }

    /// Whether `instance` conforms; cheaper than [`Self::violations`] when it does.
    pub fn is_valid(&self, instance: &Value) -> bool {
        self.validator.is_valid(instance)
    }

    /// Every violation in `instance`, in document order; empty when it conforms.
    pub fn violations(&self, instance: &Value) -> Vec<Violation> {
        self.violations_at("", instance)
    }

    /// Every violation in `instance`, which sits at `at` in a larger value: pointers start there.
    pub fn violations_at(&self, at: &str, instance: &Value) -> Vec<Violation> {
        // Most instances conform, and checking that stops at nothing and builds no error.
        if self.validator.is_valid(instance) {
            return Vec::new();
        }
        let mut found: Vec<Violation> = self
            .validator
            .iter_errors(instance)
            .map(|error| {
                let mut violation = violation(&error, &self.document, self.rule_base.as_deref());
                violation.pointer.insert_str(0, at);
                violation
            })
            .collect();
        sort(&mut found);
        found
    }
}

/// The pointer of the `application/json` schema of response `status` of `operation_id` in
/// `document`.
pub fn response_pointer(document: &Value, operation_id: &str, status: &str) -> Result<String, SchemaError> {
    let operation = crate::openapi::find(document, operation_id)
        .map(|operation| operation.pointer)
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

/// A schema that is the one at `pointer` in the registered document.
fn reference(pointer: &str) -> Value {
    json!({ "$ref": format!("{DOCUMENT_URI}#{}", pointer::to_uri_fragment(pointer)) })
}

/// Every violation of `instance` against `validator`, a schema that is not a document's (such
/// as the official OpenAPI schema), sorted by pointer.
pub fn violations_of(validator: &Validator, instance: &Value) -> Vec<Violation> {
    // Every document the build writes is checked against the official schema, and nearly
    // every one conforms: proving that stops at nothing and builds no error.
    if validator.is_valid(instance) {
        return Vec::new();
    }
    let mut found: Vec<Violation> =
        validator.iter_errors(instance).map(|error| violation(&error, &Value::Null, None)).collect();
    sort(&mut found);
    found
}

/// Orders violations by pointer and drops repeats (a `$ref` reached twice reports twice).
pub fn sort(violations: &mut Vec<Violation>) {
    violations.sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.message.cmp(&b.message)));
    violations.dedup();
}

fn violation(error: &ValidationError<'_>, document: &Value, rule_base: Option<&str>) -> Violation {
    let keyword = error.kind().keyword().to_owned();
    let rule = match (rule_base, error.absolute_keyword_location()) {
        (Some(base), _) => format!("{base}{}", error.schema_path()),
        (None, Some(uri)) => uri
            .as_str()
            .strip_prefix(DOCUMENT_URI)
            .and_then(|rest| rest.strip_prefix('#'))
            .map_or_else(|| error.schema_path().to_string(), pointer::from_uri_fragment),
        (None, None) => error.schema_path().to_string(),
    };
    let (expected, found) = describe(error, document.pointer(&rule));
    Violation {
        pointer: error.instance_path().to_string(),
        message: message(error),
        keyword,
        rule,
        expected,
        found,
    }
}

/// The validator's message, except that an enum lists every allowed value: a reviewer
/// needs them all, not the first two.
fn message(error: &ValidationError<'_>) -> String {
    match error.kind() {
        ValidationErrorKind::Enum { options } => {
            format!("{} is not one of {options}", error.instance())
        }
        _ => error.to_string(),
    }
}

/// What the failed keyword asks for and what the instance holds, in a reviewer's words.
fn describe(error: &ValidationError<'_>, rule_value: Option<&Value>) -> (String, String) {
    let instance: &Value = error.instance();
    let plain = || shorten(instance);
    match error.kind() {
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(kind) => format!("type {kind}"),
                TypeKind::Multiple(kinds) => {
                    format!(
                        "type {}",
                        (*kinds).into_iter().map(|kind| kind.to_string()).collect::<Vec<_>>().join(" or ")
                    )
                }
            };
            let found = match instance {
                Value::Null | Value::Array(_) | Value::Object(_) => plain(),
                _ => format!("{} {}", kind_of(instance), plain()),
            };
            (expected, found)
        }
        ValidationErrorKind::Enum { options } => (format!("one of {}", list(options)), plain()),
        ValidationErrorKind::Constant { expected_value } => (format!("{expected_value}"), plain()),
        ValidationErrorKind::Required { property } => {
            (format!("property {property}"), "no such property".into())
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => (
            "no properties other than those declared".into(),
            unexpected
                .iter()
                .map(|name| Value::from(name.as_str()).to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ValidationErrorKind::MaxLength { limit } => {
            (format!("at most {limit} characters"), measured(instance))
        }
        ValidationErrorKind::MinLength { limit } => {
            (format!("at least {limit} characters"), measured(instance))
        }
        ValidationErrorKind::MaxItems { limit } => (format!("at most {limit} items"), measured(instance)),
        ValidationErrorKind::MinItems { limit } => (format!("at least {limit} items"), measured(instance)),
        ValidationErrorKind::Maximum { limit } => (format!("at most {limit}"), plain()),
        ValidationErrorKind::Minimum { limit } => (format!("at least {limit}"), plain()),
        ValidationErrorKind::ExclusiveMaximum { limit } => (format!("less than {limit}"), plain()),
        ValidationErrorKind::ExclusiveMinimum { limit } => (format!("more than {limit}"), plain()),
        ValidationErrorKind::Pattern { pattern } => (format!("a match of /{pattern}/"), plain()),
        ValidationErrorKind::Format { format } => (format!("format {format:?}"), plain()),
        ValidationErrorKind::Custom { keyword, message } => {
            keywords::describe(keyword, rule_value, instance).unwrap_or_else(|| (message.clone(), plain()))
        }
        _ => (error.to_string(), plain()),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A string's length in characters, or an array's in items, then the value shortened.
fn measured(value: &Value) -> String {
    match value {
        Value::String(text) => format!("{} characters: {}", text.chars().count(), shorten(value)),
        Value::Array(items) => count(items.len(), "item"),
        _ => shorten(value),
    }
}

fn list(options: &Value) -> String {
    options.as_array().map_or_else(
        || options.to_string(),
        |options| options.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
    )
}
