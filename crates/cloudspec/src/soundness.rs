//! The values a document states beside its schemas, held against them as the validators
//! people run in CI hold them (openapi-spec-validator, Spectral's `spectral:oas`, Redocly's
//! `recommended`): every `default`, `example`, `examples` item and `enum` value of a schema,
//! and every `example` and `examples.*.value` of a parameter, header or media type, must
//! validate against the schema it belongs to, with `format` asserted. A document that states
//! a value its own schema rejects, such as a query parameter whose `default` no value of its
//! type can be, is refused before it is compared or written.
//!
//! An OpenAPI 3.0 document is read with OAS 3.0.3 semantics, as openapi-schema-validator's
//! OAS 3.0 validator reads it ([`crate::metaschema::schemas_3_0`]): `nullable: true`
//! has effect only beside `type`, so a schema that writes it without one is refused too.

use std::fmt;

use serde_json::Value;

use cloudspec_schema::openapi;
use cloudspec_schema::pointer;
use cloudspec_schema::validate::{SchemaError, Schemas, Violation};

/// Which OpenAPI a document is, and so how its schemas read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// OpenAPI 3.1: JSON Schema draft 2020-12.
    OpenApi3_1,
    /// OpenAPI 3.0: draft 4 with `nullable`, after OAS 3.0.3.
    OpenApi3_0,
}

/// Whether a document's values are to be checked, or are those of a document already found
/// sound: a locale's twin whose overlay changes nothing but translated strings
/// ([`crate::overlay::Applied::only_translates`]) states the English document's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    Check,
    Inherited,
}

/// One thing a document states that its own schemas refuse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// JSON pointer to the offending value in the document, then inside it.
    pub pointer: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", pointer::display(&self.pointer), self.message)
    }
}

/// What kind of value a check holds to a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stated {
    Default,
    Example,
    EnumValue,
}

impl fmt::Display for Stated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Default => "the default",
            Self::Example => "the example",
            Self::EnumValue => "the enum value",
        })
    }
}

/// A value of the document to hold against the schema at `schema`.
struct Check<'a> {
    schema: String,
    at: String,
    stated: Stated,
    value: &'a Value,
}

/// Everything `document` states that its own schemas refuse, ordered by pointer; empty when it
/// is sound.
pub fn refusals(document: &Value, dialect: Dialect) -> Vec<Refusal> {
    let schemas = match dialect {
        Dialect::OpenApi3_1 => Schemas::new(document.clone()),
        Dialect::OpenApi3_0 => crate::metaschema::schemas_3_0(document),
    };
    let schemas = match schemas {
        Ok(schemas) => schemas.asserting_formats(),
        Err(error) => return vec![compile_refusal("", &error)],
    };
    let mut refused = Vec::new();
    let mut checks = Vec::new();
    openapi::visit_schemas(document, &mut |at, schema| {
        if dialect == Dialect::OpenApi3_0
            && schema.get("nullable") == Some(&Value::Bool(true))
            && schema.get("type").is_none()
        {
            refused.push(Refusal {
                pointer: format!("{at}/nullable"),
                message: "expected a `type` beside `nullable: true`, found none: under OpenAPI \
                    3.0.3 `nullable` only adds null to the `type` of its own schema, so here it has \
                    no effect"
                    .into(),
            });
        }
        schema_values(at, schema, &mut checks);
    });
    examples(document, document, "", &mut checks);
    refused.extend(check_all(&schemas, &checks));
    refused.sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.message.cmp(&b.message)));
    refused.dedup();
    refused
}

/// What `checks` find, in one validation of the array of their values (see
/// [`Schemas::compile_each`]); where that does not compile, each check apart, so that the
/// schema at fault is named.
fn check_all(schemas: &Schemas, checks: &[Check<'_>]) -> Vec<Refusal> {
    let pointers: Vec<&str> = checks.iter().map(|check| check.schema.as_str()).collect();
    let values = Value::Array(checks.iter().map(|check| check.value.clone()).collect());
    let found = match schemas.compile_each(&pointers) {
        Ok(validator) if validator.is_valid(&values) => return Vec::new(),
        Ok(validator) => validator.violations(&values),
        Err(_) => {
            return checks
                .iter()
                .flat_map(|check| match schemas.compile(&check.schema) {
                    Ok(validator) => refuse(check, validator.violations(check.value)),
                    Err(error) => vec![compile_refusal(&check.at, &error)],
                })
                .collect();
        }
    };
    let mut refused = Vec::new();
    for violation in found {
        let (index, inside) = split_index(&violation.pointer);
        let Some(check) = index.and_then(|index| checks.get(index)) else { continue };
        refused.extend(refuse(check, vec![Violation { pointer: inside.to_owned(), ..violation }]));
    }
    refused
}

/// The item's index and the rest of a pointer into the array of values: `/3/total` is item 3
/// at `/total`.
fn split_index(pointer: &str) -> (Option<usize>, &str) {
    let rest = pointer.strip_prefix('/').unwrap_or(pointer);
    let (index, inside) = rest.find('/').map_or((rest, ""), |end| rest.split_at(end));
    (index.parse().ok(), inside)
}

/// The refusals of `check`'s value, one per violation.
fn refuse(check: &Check<'_>, violations: Vec<Violation>) -> Vec<Refusal> {
    violations
        .into_iter()
        .map(|violation| {
            let rule = if violation.rule.is_empty() { check.schema.clone() } else { violation.rule };
            Refusal {
                pointer: format!("{}{}", check.at, violation.pointer),
                message: format!(
                    "{} breaks {}: expected {}, found {}",
                    check.stated,
                    pointer::display(&rule),
                    violation.expected,
                    violation.found
                ),
            }
        })
        .collect()
}

fn compile_refusal(at: &str, error: &SchemaError) -> Refusal {
    Refusal { pointer: at.to_owned(), message: format!("cannot check the value: {error}") }
}

/// The values a schema states about itself: `default`, `example`, each `examples` item
/// (3.1) and each `enum` value.
fn schema_values<'a>(at: &str, schema: &'a Value, checks: &mut Vec<Check<'a>>) {
    let mut push = |stated, key: String, value| {
        checks.push(Check { schema: at.to_owned(), at: format!("{at}/{key}"), stated, value });
    };
    if let Some(value) = schema.get("default") {
        push(Stated::Default, "default".into(), value);
    }
    if let Some(value) = schema.get("example") {
        push(Stated::Example, "example".into(), value);
    }
    for (index, value) in schema.get("examples").and_then(Value::as_array).into_iter().flatten().enumerate() {
        push(Stated::Example, format!("examples/{index}"), value);
    }
    for (index, value) in schema.get("enum").and_then(Value::as_array).into_iter().flatten().enumerate() {
        push(Stated::EnumValue, format!("enum/{index}"), value);
    }
}

/// The examples of every object with a `schema` beside them: parameters, headers and media
/// types (`example`, and `examples.*.value`, a referenced Example Object's too).
fn examples<'a>(document: &'a Value, value: &'a Value, at: &str, checks: &mut Vec<Check<'a>>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("schema") {
                let schema = format!("{at}/schema");
                if let Some(example) = map.get("example") {
                    checks.push(Check {
                        schema: schema.clone(),
                        at: format!("{at}/example"),
                        stated: Stated::Example,
                        value: example,
                    });
                }
                for (name, example) in map.get("examples").and_then(Value::as_object).into_iter().flatten() {
                    let example_at = format!("{at}/examples/{}", pointer::escape(name));
                    let (example, _) = openapi::resolve(document, example, &example_at);
                    if let Some(value) = example.get("value") {
                        checks.push(Check {
                            schema: schema.clone(),
                            at: format!("{example_at}/value"),
                            stated: Stated::Example,
                            value,
                        });
                    }
                }
            }
            for (key, child) in map {
                if !matches!(key.as_str(), "example" | "examples" | "schema" | "schemas") {
                    examples(document, child, &format!("{at}/{}", pointer::escape(key)), checks);
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                examples(document, child, &format!("{at}/{index}"), checks);
            }
        }
        _ => {}
    }
}
