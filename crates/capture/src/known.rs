//! Values off the list of an open enum ([`cloudspec_schema::keywords::KNOWN_VALUES`]): the schema accepts
//! them, as a client must, so they are not violations; but a reviewer wants to hear of a value
//! no page documents, so each is a [`Notice`].
//!
//! The walk ([`super::walk`]) finds them as it reads: each node it checks whole carries a
//! [`Watch`], decided when the plan is built, and the value (a scalar, or one held whole) is
//! looked at once it is complete, so that notices cost no second pass and no memory beyond
//! the value the walk holds anyway.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde_json::Value;

use cloudspec_schema::keywords::{KNOWN_VALUES, known_values};
use cloudspec_schema::{openapi, pointer};

/// A value the schema accepts that is not among an open enum's documented values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// JSON pointer to the value in the capture.
    pub pointer: String,
    /// JSON pointer to the list in the document: `.../x-extensible-enum`.
    pub rule: String,
    /// The documented values, in words.
    pub known: String,
    /// The value, shortened.
    pub found: String,
}

impl Notice {
    /// The value, what it is, and the documented values, as reports print a notice.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} is not among the documented values ({}); accepted, as the list is open",
            cloudspec_schema::pointer::display(&self.pointer),
            self.found,
            self.known
        )
    }
}

/// How to look for unlisted values under one schema, decided once per schema so that a value
/// it governs costs a comparison, not a walk.
#[derive(Debug)]
pub enum Watch {
    /// The schema is an open enum and nothing else: compare the value with its list.
    Leaf { rule: String, values: Vec<Value> },
    /// The schema reaches an open enum through subschemas: walk the value ([`notices`]).
    Walk(String),
}

impl Watch {
    /// What to watch under the schema at `pointer`, if it reaches an open enum at all.
    pub fn of(document: &Value, pointer: &str) -> Option<Self> {
        const NESTING: [&str; 8] =
            ["$ref", "properties", "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not"];
        let schema = document.pointer(pointer)?;
        match known_values(schema) {
            Some(values) if NESTING.iter().all(|key| schema.get(key).is_none()) => Some(Self::Leaf {
                rule: format!("{pointer}/{}", pointer::escape(KNOWN_VALUES)),
                values: values.to_vec(),
            }),
            _ => reaches_known_values(document, pointer).then(|| Self::Walk(pointer.to_owned())),
        }
    }

    /// Adds a notice to `found` for every unlisted value in `value`, found at `at`.
    pub fn check(&self, document: &Value, value: &Value, at: &str, found: &mut Vec<Notice>) {
        match self {
            Self::Leaf { rule, values } => {
                if let Some(notice) = unlisted(values, value, at, rule) {
                    found.push(notice);
                }
            }
            Self::Walk(schema) => notices(document, schema, value, at, found),
        }
    }
}

/// The notice for `value` at `at` if `known` (the list at `rule`) does not hold it. A value
/// of another type than the list's breaks the schema's `type`: a violation, not news.
fn unlisted(known: &[Value], value: &Value, at: &str, rule: &str) -> Option<Notice> {
    (known.iter().any(|listed| same_kind(listed, value)) && !known.contains(value)).then(|| Notice {
        pointer: at.to_owned(),
        rule: rule.to_owned(),
        known: words(known),
        found: cloudspec_schema::words::shorten(value),
    })
}

/// Whether the schema at `pointer` of `document`, or one it reaches, lists known values:
/// only then is a value it governs worth the walk of [`notices`].
pub fn reaches_known_values(document: &Value, pointer: &str) -> bool {
    fn walk(document: &Value, schema: &Value, seen: &mut HashSet<String>) -> bool {
        match schema {
            Value::Object(map) => {
                if map.contains_key(KNOWN_VALUES) {
                    return true;
                }
                if let Some(target) = openapi::ref_target(schema) {
                    let target = pointer::from_uri_fragment(target);
                    if seen.insert(target.clone())
                        && let Some(resolved) = document.pointer(&target)
                        && walk(document, resolved, seen)
                    {
                        return true;
                    }
                }
                map.iter().any(|(key, value)| key != "$ref" && walk(document, value, seen))
            }
            Value::Array(items) => items.iter().any(|item| walk(document, item, seen)),
            _ => false,
        }
    }
    document.pointer(pointer).is_some_and(|schema| walk(document, schema, &mut HashSet::new()))
}

/// Every value in `value` (found at `at` in the capture) that the schema at `schema` of
/// `document` governs with an open enum, and that the enum does not list. The walk follows
/// `$ref`, `properties`, `additionalProperties`, `items` and every branch of `allOf`, `anyOf`
/// and `oneOf` but a `{type: null}` one: the schema has already judged the value, so a branch
/// that does not fit it only ever leads to values of other types, which no list holds.
pub fn notices(document: &Value, schema: &str, value: &Value, at: &str, found: &mut Vec<Notice>) {
    walk(document, schema, value, &mut at.to_owned(), found, 0);
}

/// `$ref` hops and nesting beyond which the walk stops: a document of ours is never this deep.
const MAX_DEPTH: usize = 64;

fn walk(
    document: &Value,
    schema_at: &str,
    value: &Value,
    at: &mut String,
    found: &mut Vec<Notice>,
    depth: usize,
) {
    let Some(schema) = document.pointer(schema_at).filter(|_| depth < MAX_DEPTH) else { return };
    if let Some(target) = openapi::ref_target(schema) {
        walk(document, &pointer::from_uri_fragment(target), value, at, found, depth + 1);
    }
    if let Some(known) = known_values(schema)
        && let Some(notice) =
            unlisted(known, value, at, &format!("{schema_at}/{}", pointer::escape(KNOWN_VALUES)))
    {
        found.push(notice);
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        let branches = schema.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        for index in 0..branches {
            let branch = format!("{schema_at}/{key}/{index}");
            if !document.pointer(&branch).is_some_and(openapi::is_null_type) {
                walk(document, &branch, value, at, found, depth + 1);
            }
        }
    }
    let depth_before = at.len();
    match value {
        Value::Object(members) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, member) in members {
                let declared = properties.is_some_and(|properties| properties.contains_key(name));
                let member_schema = if declared {
                    format!("{schema_at}/properties/{}", pointer::escape(name))
                } else if schema.get("additionalProperties").is_some_and(Value::is_object) {
                    format!("{schema_at}/additionalProperties")
                } else {
                    continue;
                };
                pointer::push(at, name);
                walk(document, &member_schema, member, at, found, depth + 1);
                at.truncate(depth_before);
            }
        }
        Value::Array(items) if schema.get("items").is_some_and(Value::is_object) => {
            for (index, item) in items.iter().enumerate() {
                let _ = write!(at, "/{index}");
                walk(document, &format!("{schema_at}/items"), item, at, found, depth + 1);
                at.truncate(depth_before);
            }
        }
        _ => {}
    }
}

/// Whether two values are both strings or both numbers.
fn same_kind(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::String(_), Value::String(_)) | (Value::Number(_), Value::Number(_)))
}

/// `Linux, Windows, Other`.
fn words(values: &[Value]) -> String {
    values.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_unlisted_value_is_noticed_through_refs_nullable_branches_and_arrays() {
        let document = json!({
            "components": { "schemas": {
                "Os": { "type": "string", "x-extensible-enum": ["Linux", "Windows"] },
                "Image": { "type": "object", "properties": {
                    "os": { "$ref": "#/components/schemas/Os" },
                    "old_os": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Os" }] },
                } },
                "Body": { "type": "array", "items": { "$ref": "#/components/schemas/Image" } },
            } }
        });
        let body = json!([
            { "os": "Linux", "old_os": null },
            { "os": "Android", "old_os": "HarmonyOS", "other": "Android" },
        ]);
        assert!(reaches_known_values(&document, "/components/schemas/Body"));
        let mut found = Vec::new();
        notices(&document, "/components/schemas/Body", &body, "", &mut found);
        let found: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|notice| (notice.pointer.as_str(), notice.found.as_str(), notice.rule.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/1/os", "\"Android\"", "/components/schemas/Os/x-extensible-enum"),
                ("/1/old_os", "\"HarmonyOS\"", "/components/schemas/Os/x-extensible-enum"),
            ]
        );
    }

    #[test]
    fn a_schema_without_lists_is_not_walked() {
        let document = json!({ "a": { "type": "string", "enum": ["x"] } });
        assert!(!reaches_known_values(&document, "/a"));
    }
}
