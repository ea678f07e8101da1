//! The stated facts of a document: every value in it that claims something about the API
//! and so must name its source. Each is found at a stable place (the places `conform` uses,
//! so that reordering parameters moves no citation).
//!
//! A fact is one of:
//! - a schema keyword that constrains a value ([`KEYWORDS`]): a limit, an enum or list of
//!   known values, a default, a format, a pattern, a byte limit;
//! - the presence of a property (`.../properties/<name>` = `"required"` or `"optional"`), and
//!   whether a parameter is required (`.../required`);
//! - that a value may be `null` (`.../type` or `.../oneOf` holding the null type);
//! - an example (`.../examples/<name>`, `.../example`);
//! - a declared status (`operation/responses/<status>`) or media type (`.../content/<type>`).

use serde_json::{Map, Value};

use cloudspec_schema::{openapi, pointer};

use crate::conform::place;
use cloudspec_schema::keywords::{KNOWN_VALUES, MAX_BYTES};

/// The schema keywords that state a fact about a value.
pub(crate) const KEYWORDS: &[&str] = &[
    "maxLength",
    "minLength",
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "maxItems",
    "minItems",
    "uniqueItems",
    "pattern",
    "format",
    "enum",
    "const",
    "default",
    MAX_BYTES,
    KNOWN_VALUES,
];

/// One stated fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Where it is, as citations name it: `/components/schemas/PhoneImage/properties/image_id/maxLength`,
    /// `operation/parameters[in=path,name=project_id]/required`.
    pub place: String,
    /// What the document says there.
    pub value: Value,
    /// What kind of fact it is: a keyword's name, or `presence`, `nullable`, `example`,
    /// `status`, `media-type`.
    pub kind: String,
}

/// Every stated fact of `document`, whose one operation is at `operation` (a JSON pointer).
pub(super) fn of(document: &Value, operation: &str) -> Vec<Fact> {
    let mut found = Found { document, operation, facts: Vec::new() };
    if let Some(op) = document.pointer(operation) {
        found.operation_facts(op, operation);
    }
    if let Some(schemas) = document.pointer("/components/schemas").and_then(Value::as_object) {
        for (name, schema) in schemas {
            found.schema(schema, &pointer::join(["components", "schemas", name.as_str()]));
        }
    }
    found.facts
}

struct Found<'a> {
    document: &'a Value,
    operation: &'a str,
    facts: Vec<Fact>,
}

impl Found<'_> {
    fn push(&mut self, at: &str, value: Value, kind: &str) {
        let place = place::of(self.document, self.operation, at);
        self.facts.push(Fact { place, value, kind: kind.to_owned() });
    }

    fn operation_facts(&mut self, operation: &Value, at: &str) {
        for (index, parameter) in array(operation, "parameters").iter().enumerate() {
            let at = format!("{at}/parameters/{index}");
            if let Some(required) = parameter.get("required") {
                self.push(&format!("{at}/required"), required.clone(), "presence");
            }
            if let Some(schema) = parameter.get("schema") {
                self.schema(schema, &format!("{at}/schema"));
            }
            self.examples(parameter, &at);
        }
        for (status, response) in object(operation, "responses") {
            let at = format!("{at}/responses/{}", pointer::escape(status));
            self.push(&at, Value::String(status.clone()), "status");
            for (name, header) in object(response, "headers") {
                let at = format!("{at}/headers/{}", pointer::escape(name));
                if let Some(schema) = header.get("schema") {
                    self.schema(schema, &format!("{at}/schema"));
                }
            }
            for (media, content) in object(response, "content") {
                let at = format!("{at}/content/{}", pointer::escape(media));
                self.push(&at, Value::String(media.clone()), "media-type");
                if let Some(schema) = content.get("schema") {
                    self.schema(schema, &format!("{at}/schema"));
                }
                self.examples(content, &at);
            }
        }
    }

    fn examples(&mut self, holder: &Value, at: &str) {
        for (name, example) in object(holder, "examples") {
            let value = example.get("value").unwrap_or(example).clone();
            self.push(&format!("{at}/examples/{}", pointer::escape(name)), value, "example");
        }
        if let Some(example) = holder.get("example") {
            self.push(&format!("{at}/example"), example.clone(), "example");
        }
    }

    fn schema(&mut self, schema: &Value, at: &str) {
        let Some(map) = schema.as_object() else { return };
        if map.contains_key("$ref") {
            return;
        }
        for keyword in KEYWORDS {
            if let Some(value) = map.get(*keyword) {
                self.push(&format!("{at}/{}", pointer::escape(keyword)), value.clone(), keyword);
            }
        }
        if map.get("type").and_then(Value::as_array).is_some_and(|types| types.contains(&Value::from("null")))
        {
            self.push(&format!("{at}/type"), map["type"].clone(), "nullable");
        }
        for branches in ["oneOf", "anyOf"] {
            let list = array(schema, branches);
            if list.iter().any(openapi::is_null_type) {
                self.push(&format!("{at}/{branches}"), Value::from("null"), "nullable");
            }
        }
        self.examples(schema, at);
        let required = openapi::required(map);
        for (name, property) in object(schema, "properties") {
            let at = format!("{at}/properties/{}", pointer::escape(name));
            let presence = if required.contains(&name.as_str()) { "required" } else { "optional" };
            self.push(&at, Value::from(presence), "presence");
            self.schema(property, &at);
        }
        for key in ["items", "additionalProperties", "not"] {
            if let Some(inner) = map.get(key) {
                self.schema(inner, &format!("{at}/{key}"));
            }
        }
        for key in ["oneOf", "anyOf", "allOf", "prefixItems"] {
            for (index, inner) in array(schema, key).iter().enumerate() {
                self.schema(inner, &format!("{at}/{key}/{index}"));
            }
        }
    }
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn object<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = (&'a String, &'a Value)> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    value.get(key).and_then(Value::as_object).unwrap_or_else(|| EMPTY.get_or_init(Map::new)).iter()
}
