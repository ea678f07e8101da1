//! What both sides are read into: an operation's name, method, path, parameters and
//! responses, each schema reduced to the keywords `conform` compares, and every piece with
//! the JSON pointer where its file writes it. The document's reader and each vendor format's
//! reader fill it in; [`super::compare`] holds one against the other.

use std::collections::BTreeSet;

use serde_json::Value;

use cloudspec_schema::keywords::KNOWN_VALUES;
use cloudspec_schema::{openapi, pointer};

/// A value and the JSON pointer where its file writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: String,
}

impl<T> Located<T> {
    pub fn new(value: T, at: impl Into<String>) -> Self {
        Self { value, at: at.into() }
    }
}

/// One operation, as one side describes it.
#[derive(Debug, Default)]
pub struct Operation {
    /// The operation's name (operationId); `None` where the format names it by the map key
    /// the operation was found under (an RPC action).
    pub name: Option<Located<String>>,
    /// The methods the operation answers, lower case.
    pub methods: Located<Vec<String>>,
    /// The path template; `None` for an RPC action, which every request sends to `/`.
    pub path: Option<Located<String>>,
    pub parameters: Vec<Parameter>,
    pub responses: Vec<Response>,
    /// Whether this side lists error codes per status: where the vendor's format does not,
    /// codes are not compared.
    pub lists_error_codes: bool,
    /// Where the operation is written, for what it lacks.
    pub at: String,
}

impl Default for Located<Vec<String>> {
    fn default() -> Self {
        Self { value: Vec::new(), at: String::new() }
    }
}

/// One parameter. `None` is what the side does not say.
#[derive(Debug)]
pub struct Parameter {
    pub name: String,
    /// Whether the format implies the parameter without listing it (a protocol's common
    /// parameter): it matches a parameter of the same name, and is not missed without one.
    pub implied: bool,
    pub at: String,
    pub location: Located<String>,
    pub required: Option<Located<bool>>,
    pub schema: Option<Schema>,
}

impl Parameter {
    /// A parameter a side lists at `at`: named there, its location at `at/in`, required as
    /// `required` says where that says it.
    pub fn listed(
        name: &str,
        location: &str,
        at: &str,
        required: Located<bool>,
        schema: Option<Schema>,
    ) -> Self {
        Self {
            name: name.to_owned(),
            implied: false,
            location: Located::new(location.to_owned(), format!("{at}/in")),
            required: Some(required),
            schema,
            at: at.to_owned(),
        }
    }
}

/// One response status.
#[derive(Debug)]
pub struct Response {
    pub status: String,
    pub at: String,
    /// The JSON body's schema; `None` where the side gives none.
    pub body: Option<Schema>,
    /// The error codes listed for the status.
    pub codes: Vec<Located<String>>,
}

/// A schema reduced to what `conform` compares. `$ref`, `allOf` and a `oneOf`/`anyOf` whose
/// only other branch is `null` are followed, so that each keyword is found where it is
/// written.
#[derive(Debug, Default)]
pub struct Schema {
    pub at: String,
    /// The compared keywords ([`KEYWORDS`]) present, with their values normalised: `type`
    /// without `null`, bounds as numbers even when written as strings.
    pub keywords: Vec<(&'static str, Located<Value>)>,
    pub properties: Vec<Property>,
    /// Whether the schema says which of its properties are required: OpenAPI always does
    /// (absent means optional); the vendors' formats often say nothing for response bodies.
    pub states_required: bool,
    pub items: Option<Box<Schema>>,
}

impl Schema {
    pub fn keyword(&self, name: &str) -> Option<&Located<Value>> {
        self.keywords.iter().find(|(keyword, _)| *keyword == name).map(|(_, value)| value)
    }
}

/// One property of an object schema.
#[derive(Debug)]
pub struct Property {
    pub name: String,
    pub at: String,
    pub required: bool,
    pub schema: Schema,
}

/// The schema keywords compared one by one, in the order differences are reported.
pub(crate) const KEYWORDS: [&str; 11] = [
    "type",
    "format",
    "enum",
    "pattern",
    "default",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
];

/// The bounds among [`KEYWORDS`]: numbers, which Alibaba's metadata writes as strings.
pub(crate) const LIMITS: [&str; 6] = ["minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"];

/// How a format says that an object's property is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Required {
    /// A `required` array of names on the object (OpenAPI, Swagger 2.0).
    Array,
    /// `required: true` inside the property's own schema (Alibaba's metadata).
    InProperty,
}

/// Nesting deeper than this is not followed: a schema that refers to itself ends here.
const MAX_DEPTH: usize = 24;

/// Reads the schema `value`, written at `at` in `file`.
pub(crate) fn schema(file: &Value, value: &Value, at: &str, required: Required) -> Schema {
    read(file, value, at, required, 0)
}

fn read(file: &Value, value: &Value, at: &str, required: Required, depth: usize) -> Schema {
    // A schema that refers to another is where the other is written, so that what it lacks is
    // reported once, however many places refer to it.
    let (_, written) = openapi::resolve(file, value, at);
    let mut out = Schema { at: written, ..Schema::default() };
    let mut names = BTreeSet::new();
    if depth < MAX_DEPTH {
        collect(&mut out, &mut names, file, value, at, required, depth);
    }
    for property in &mut out.properties {
        if required == Required::Array {
            property.required = names.contains(&property.name);
        }
    }
    if out.keyword("type").is_none() && !out.properties.is_empty() {
        // Swagger's definitions often leave `type: object` implicit in their `properties`.
        out.keywords.insert(0, ("type", Located::new(Value::from("object"), out.at.clone())));
    }
    out
}

fn collect(
    out: &mut Schema,
    names: &mut BTreeSet<String>,
    file: &Value,
    value: &Value,
    at: &str,
    required: Required,
    depth: usize,
) {
    let Some(map) = value.as_object() else { return };
    for keyword in KEYWORDS {
        if out.keyword(keyword).is_some() {
            continue;
        }
        // An open enum's list of known values (`x-extensible-enum`) is compared as its `enum`.
        let written = map.get(keyword).map(|value| (keyword, value)).or_else(|| {
            (keyword == "enum").then(|| map.get(KNOWN_VALUES).map(|value| (KNOWN_VALUES, value))).flatten()
        });
        if let Some((name, value)) = written
            && let Some(found) = normalise(keyword, value)
        {
            out.keywords.push((keyword, Located::new(found, format!("{at}/{name}"))));
        }
    }
    for (name, property) in map.get("properties").and_then(Value::as_object).into_iter().flatten() {
        if out.properties.iter().any(|known| &known.name == name) {
            continue;
        }
        let property_at = format!("{at}/properties/{}", pointer::escape(name));
        let in_property = property.get("required").and_then(Value::as_bool);
        if required == Required::InProperty && in_property.is_some() {
            out.states_required = true;
        }
        out.properties.push(Property {
            name: name.clone(),
            schema: read(file, property, &property_at, required, depth + 1),
            at: property_at,
            required: in_property.unwrap_or(false),
        });
    }
    if let Some(list) = map.get("required").and_then(Value::as_array) {
        out.states_required = true;
        names.extend(list.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if out.items.is_none()
        && let Some(items) = map.get("items")
    {
        out.items = Some(Box::new(read(file, items, &format!("{at}/items"), required, depth + 1)));
    }
    if let Some(target) = openapi::ref_target(value)
        && let Some(next) = file.pointer(target)
        && depth < MAX_DEPTH
    {
        collect(out, names, file, next, target, required, depth + 1);
    }
    for (index, member) in map.get("allOf").and_then(Value::as_array).into_iter().flatten().enumerate() {
        collect(out, names, file, member, &format!("{at}/allOf/{index}"), required, depth + 1);
    }
    for keyword in ["oneOf", "anyOf"] {
        let branches: Vec<(usize, &Value)> = map
            .get(keyword)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, branch)| !openapi::is_null_type(branch))
            .collect();
        if let [(index, branch)] = branches.as_slice() {
            collect(out, names, file, branch, &format!("{at}/{keyword}/{index}"), required, depth + 1);
        }
    }
}

/// The value of `keyword` as compared: `type` without `null`; a bound as a number; a bound of
/// 0 on a length or a count, which bounds nothing, as absent.
fn normalise(keyword: &str, value: &Value) -> Option<Value> {
    if keyword == "type" {
        return match value {
            Value::Array(types) => {
                let kept: Vec<&Value> = types.iter().filter(|name| name.as_str() != Some("null")).collect();
                match kept.as_slice() {
                    [one] => Some((*one).clone()),
                    [] => None,
                    _ => Some(Value::Array(kept.into_iter().cloned().collect())),
                }
            }
            Value::String(name) if name == "null" => None,
            other => Some(other.clone()),
        };
    }
    if !LIMITS.contains(&keyword) {
        return Some(value.clone());
    }
    let number = match value {
        Value::String(text) => text.trim().parse::<f64>().ok()?,
        other => other.as_f64()?,
    };
    if number == 0.0 && matches!(keyword, "minLength" | "minItems") {
        return None;
    }
    Some(number_value(number))
}

/// `number` as JSON: an integer when it is one, so that `"1"`, `1` and `1.0` read alike.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn number_value(number: f64) -> Value {
    if number.fract() == 0.0 && number.abs() < 9.0e15 {
        Value::from(number as i64)
    } else {
        serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
    }
}

/// The text a value is compared by: a string as itself, so that a vendor's `"1"` and a
/// document's `1` agree; a number in its shortest form; an array (an `enum`) as the sorted
/// set of its members.
pub(crate) fn canonical(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => {
            number.as_f64().map_or_else(|| number.to_string(), |f| number_value(f).to_string())
        }
        Value::Array(items) => {
            let mut members: Vec<String> = items.iter().map(canonical).collect();
            members.sort();
            members.dedup();
            format!("[{}]", members.join("\u{1f}"))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn follows_references_compositions_and_nullable_branches() {
        let file = json!({
            "components": {"schemas": {
                "Base": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
                "Kind": {"type": "string", "enum": ["x", "y"]},
            }},
            "root": {"allOf": [{"$ref": "#/components/schemas/Base"},
                               {"type": "object", "properties": {
                                   "b": {"oneOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "null"}]},
                                   "c": {"type": ["integer", "null"], "maxLength": "12", "minLength": 0}}}]},
        });
        let schema = schema(&file, &file["root"], "/root", Required::Array);
        let names: Vec<(&str, bool)> =
            schema.properties.iter().map(|property| (property.name.as_str(), property.required)).collect();
        assert_eq!(names, [("a", true), ("b", false), ("c", false)]);
        let b = &schema.properties[1].schema;
        assert_eq!(b.keyword("enum").map(|found| found.at.as_str()), Some("/components/schemas/Kind/enum"));
        let c = &schema.properties[2].schema;
        assert_eq!(c.keyword("type").map(|found| &found.value), Some(&json!("integer")));
        assert_eq!(c.keyword("maxLength").map(|found| &found.value), Some(&json!(12)));
        assert!(c.keyword("minLength").is_none());
    }

    #[test]
    fn compares_strings_numbers_and_sets_alike() {
        assert_eq!(canonical(&json!("1")), canonical(&json!(1.0)));
        assert_eq!(canonical(&json!(["b", "a"])), canonical(&json!(["a", "b", "a"])));
        assert_ne!(canonical(&json!(["a"])), canonical(&json!(["a", "b"])));
    }
}
