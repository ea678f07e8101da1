//! Keywords of JSON Schema 2020-12 that a 3.0 Schema Object does not have, which the official
//! 3.0 schema rejects (`$schema`, `prefixItems`, `contentMediaType`, `$defs`, `if`, ...).
//!
//! - `contentEncoding: base64` becomes 3.0's `format: byte`, when the schema has no format.
//! - `$schema` goes: the document fixes the dialect.
//! - Every other is removed, and its value is written into the description: a reader of the
//!   3.0 document still learns, say, that a string holds JSON (`contentMediaType`).
//!
//! Extensions (`x-max-bytes`, ...) are the same in both versions and stay.

use serde_json::{Map, Value, json};

use super::{Note, Notes, compact};

const RULE: &str = "unsupported";

/// The keywords of a 3.0 Schema Object, and those other rules rewrite after this one
/// (`const`, `examples`).
const KNOWN: &[&str] = &[
    "$ref",
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "not",
    "allOf",
    "oneOf",
    "anyOf",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "example",
    "externalDocs",
    "deprecated",
    "xml",
    "const",
    "examples",
];

/// Removes or rewrites the keywords of one schema that 3.0 does not have.
pub(super) fn apply(schema: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    let unknown: Vec<String> = schema
        .keys()
        .filter(|key| !key.starts_with("x-") && !KNOWN.contains(&key.as_str()))
        .cloned()
        .collect();
    for key in unknown {
        let Some(value) = schema.shift_remove(&key) else { continue };
        match key.as_str() {
            "$schema" => {}
            "contentEncoding" if value == "base64" && !schema.contains_key("format") => {
                schema.insert("format".into(), json!("byte"));
            }
            "contentMediaType" => notes.lost(
                RULE,
                &Note::ContentMediaType { media_type: value.as_str().unwrap_or_default().to_owned() },
            ),
            _ => notes.lost(RULE, &Note::Keyword { value: compact(&value), keyword: key }),
        }
    }
}
