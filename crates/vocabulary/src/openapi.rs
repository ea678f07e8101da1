//! Finding one's way in a finished OpenAPI document: its operations, its local `$ref`s and
//! its schemas. Shared by `diff` and `lint`, which both read documents rather than types; here,
//! below every validator, so that the diff engine builds without one.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::pointer;

/// The HTTP methods a path item may hold, in the order OpenAPI lists them.
pub const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// One operation of a document.
#[derive(Clone, Debug)]
pub struct Operation<'a> {
    /// The path template as the document's `paths` key spells it.
    pub path: &'a str,
    /// Lower case, as the document spells it.
    pub method: &'a str,
    /// JSON pointer to the operation object.
    pub pointer: String,
    pub value: &'a Value,
    /// The path item that holds the operation: its `parameters` apply to the operation too.
    pub path_item: &'a Value,
}

impl Operation<'_> {
    pub fn id(&self) -> Option<&str> {
        self.value.get("operationId").and_then(Value::as_str)
    }

    /// Whether the operation is marked `deprecated: true`.
    pub fn deprecated(&self) -> bool {
        self.value.get("deprecated").and_then(Value::as_bool).unwrap_or(false)
    }

    /// `GET /v1/items`, as reviewers write it.
    pub fn label(&self) -> String {
        format!("{} {}", self.method.to_uppercase(), self.path)
    }
}

/// Every operation of `document`, in document order.
pub fn operations(document: &Value) -> Vec<Operation<'_>> {
    let Some(paths) = document.get("paths").and_then(Value::as_object) else { return Vec::new() };
    let mut found = Vec::new();
    for (path, item) in paths {
        let Some(methods) = item.as_object() else { continue };
        for (method, operation) in methods {
            if METHODS.contains(&method.as_str()) {
                found.push(Operation {
                    path,
                    method,
                    pointer: pointer::join(["paths", path.as_str(), method.as_str()]),
                    value: operation,
                    path_item: item,
                });
            }
        }
    }
    found
}

/// The operation named `operation_id`, if the document has it.
pub fn find<'a>(document: &'a Value, operation_id: &str) -> Option<Operation<'a>> {
    operations(document).into_iter().find(|operation| operation.id() == Some(operation_id))
}

/// The JSON pointer a local reference (`#/components/...`) names, or `None` for any other.
pub fn ref_target(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#'))
}

/// The components the document uses through `$ref`, as `/components/<kind>/<name>`: those
/// something outside the components refers to, and those a used component refers to.
/// (Security schemes, which requirements name without `$ref`, are the linter's to add.)
///
/// One walk finds every reference with the component it is written in; the used ones are
/// then followed from component to component through an index, so that the cost is linear
/// in the document (the 3.0 rendition asks twice per document, `lint` once).
pub fn referenced_components(document: &Value) -> HashSet<String> {
    let mut outside: Vec<&str> = ref_target(document).into_iter().collect();
    let mut within: HashMap<String, Vec<&str>> = HashMap::new();
    for (key, child) in document.as_object().into_iter().flatten() {
        let Some(kinds) = child.as_object().filter(|_| key == "components") else {
            references(child, &mut outside);
            continue;
        };
        // A `$ref` written in `components` or in a kind, not in a component, is outside all.
        outside.extend(ref_target(child));
        for (kind, members) in kinds {
            outside.extend(ref_target(members));
            let Some(members) = members.as_object() else {
                references(members, &mut outside);
                continue;
            };
            for (name, member) in members {
                let holder = format!("/components/{}/{}", pointer::escape(kind), pointer::escape(name));
                references(member, within.entry(holder).or_default());
            }
        }
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut pending: Vec<String> = outside.iter().filter_map(|target| component_of(target)).collect();
    while let Some(component) = pending.pop() {
        if used.contains(&component) {
            continue;
        }
        let targets = within.get(&component).into_iter().flatten();
        pending.extend(targets.filter_map(|target| component_of(target)));
        used.insert(component);
    }
    used
}

/// `/components/<kind>/<name>` of a pointer into a component, if it is one.
fn component_of(pointer: &str) -> Option<String> {
    let mut tokens = pointer.strip_prefix("/components/")?.splitn(3, '/');
    let (kind, name) = (tokens.next()?, tokens.next()?);
    Some(format!("/components/{kind}/{name}"))
}

/// The pointer each local `$ref` in `value` names, in document order.
fn references<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            if let Some(target) = ref_target(value) {
                found.push(target);
            }
            for child in map.values() {
                references(child, found);
            }
        }
        Value::Array(items) => {
            for child in items {
                references(child, found);
            }
        }
        _ => {}
    }
}

/// The most `$ref` hops followed before a chain is taken for a cycle.
const MAX_HOPS: usize = 32;

/// Follows local `$ref`s from `value` (found at `at`) to the object they end on, and where it
/// is. A broken or external reference stops the walk at the object that holds it.
pub fn resolve<'a>(document: &'a Value, value: &'a Value, at: &str) -> (&'a Value, String) {
    let (mut value, mut at) = (value, at.to_owned());
    for _ in 0..MAX_HOPS {
        let Some(target) = ref_target(value) else { break };
        let Some(next) = document.pointer(target) else { break };
        value = next;
        target.clone_into(&mut at);
    }
    (value, at)
}

/// Keywords whose value is a map of schemas.
const SCHEMA_MAPS: [&str; 4] = ["properties", "patternProperties", "$defs", "dependentSchemas"];
/// Keywords whose value is one schema.
const SCHEMA_ONE: [&str; 9] = [
    "items",
    "additionalProperties",
    "not",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
];
/// Keywords whose value is a list of schemas.
const SCHEMA_LISTS: [&str; 4] = ["allOf", "anyOf", "oneOf", "prefixItems"];

/// Calls `visit` with every schema of `document` and its pointer, outer before inner:
/// `components.schemas`, and every `schema` of a parameter, header or media type. References
/// are not followed, so each schema is visited once, where it is written. Examples are data,
/// not schemas, and are not entered.
pub fn visit_schemas<'a>(document: &'a Value, visit: &mut dyn FnMut(&str, &'a Value)) {
    scan(document, "", visit);
}

fn scan<'a>(value: &'a Value, at: &str, visit: &mut dyn FnMut(&str, &'a Value)) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_at = format!("{at}/{}", pointer::escape(key));
                match key.as_str() {
                    "example" | "examples" => {}
                    "schema" => schema(child, &child_at, visit),
                    "schemas" if at == "/components" => {
                        for (name, component) in child.as_object().into_iter().flatten() {
                            schema(component, &format!("{child_at}/{}", pointer::escape(name)), visit);
                        }
                    }
                    _ => scan(child, &child_at, visit),
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                scan(child, &format!("{at}/{index}"), visit);
            }
        }
        _ => {}
    }
}

fn schema<'a>(value: &'a Value, at: &str, visit: &mut dyn FnMut(&str, &'a Value)) {
    let Some(map) = value.as_object() else { return };
    visit(at, value);
    for key in SCHEMA_MAPS {
        for (name, child) in map.get(key).and_then(Value::as_object).into_iter().flatten() {
            schema(child, &format!("{at}/{key}/{}", pointer::escape(name)), visit);
        }
    }
    for key in SCHEMA_ONE {
        if let Some(child) = map.get(key) {
            schema(child, &format!("{at}/{}", pointer::escape(key)), visit);
        }
    }
    for key in SCHEMA_LISTS {
        for (index, child) in map.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
            schema(child, &format!("{at}/{key}/{index}"), visit);
        }
    }
}

/// The names an object schema lists as `required` (none if it lists none, or lists them
/// wrongly: the build refuses such a document before anything walks it).
pub fn required(schema: &serde_json::Map<String, Value>) -> Vec<&str> {
    schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
}

/// Whether a schema is `{type: "null"}`, admitting `null` and nothing else: the branch beside
/// a `$ref` in the `oneOf`/`anyOf` that utoipa writes for an `Option` of a type. It does not
/// tell whether a schema admits `null` among other values (`type: [T, "null"]`,
/// `nullable: true`, an `enum` with `null`...): where that matters, the caller looks.
pub fn is_null_type(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_null_type_is_told_from_schemas_that_admit_null_among_others() {
        assert!(is_null_type(&json!({"type": "null"})));
        assert!(is_null_type(&json!({"type": "null", "description": "absent"})));
        for other in [
            json!({"type": ["string", "null"]}),
            json!({"type": "string", "nullable": true}),
            json!({"enum": ["a", null]}),
            json!({"const": null}),
            json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]}),
            json!({"type": "string"}),
            json!({}),
        ] {
            assert!(!is_null_type(&other), "{other}");
        }
    }

    #[test]
    fn resolve_follows_chains_and_stops_at_cycles() {
        let document = json!({"components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "C": {"$ref": "#/components/schemas/C"},
        }}});
        let start = json!({"$ref": "#/components/schemas/A"});
        assert_eq!(resolve(&document, &start, "/x").1, "/components/schemas/B");
        let cycle = json!({"$ref": "#/components/schemas/C"});
        assert_eq!(resolve(&document, &cycle, "/x").1, "/components/schemas/C");
    }

    #[test]
    fn visits_every_schema_once_and_skips_examples() {
        let document = json!({
            "paths": {"/\
            a": {"get": {"parameters": [{"name": "n", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/A"},
                    "examples": {"x": {"value": {"schema": {}}}}}}}}}}},
            "components": {"schemas": {"A": {"properties": {"b": {"items": {"type": "integer"}}}}}},
        });
        let mut seen = Vec::new();
        visit_schemas(&document, &mut |at, _| seen.push(at.to_owned()));
        assert_eq!(
            seen,
            [
                "/paths/~1a/get/parameters/0/schema",
                "/paths/~1a/get/responses/200/content/application~1json/schema",
                "/components/schemas/A",
                "/components/schemas/A/properties/b",
                "/components/schemas/A/properties/b/items",
            ]
        );
    }

    #[test]
    fn the_used_components_are_those_reached_from_outside_them() {
        let schemas = json!({
            // Used from a response, and through it its chain, including a cycle.
            "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
            "B": {"items": {"$ref": "#/components/schemas/C"}},
            "C": {"properties": {"a": {"$ref": "#/components/schemas/A"}}},
            // Refers to a used one, but nothing refers to it.
            "Unused": {"$ref": "#/components/schemas/A"},
            // A name that needs escaping.
            "D/E": {"type": "string"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
        });
        let cases = [
            (
                json!({"schema": {"$ref": "#/components/schemas/A"}}),
                vec!["schemas/A", "schemas/B", "schemas/C"],
            ),
            (json!({"schema": {"$ref": "#/components/schemas/D~1E"}}), vec!["schemas/D~1E"]),
            (
                json!({"schema": {"$ref": "#/components/schemas/B/items"}}),
                vec!["schemas/A", "schemas/B", "schemas/C"],
            ),
            (json!({"schema": {"$ref": "#/components/schemas/Loop"}}), vec!["schemas/Loop"]),
            (json!({"schema": {"$ref": "https://example.com/x#/components/schemas/A"}}), vec![]),
            (json!({"schema": {}}), vec![]),
        ];
        for (response, expected) in cases {
            let document = json!({
                "paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": response}}}}}},
                "components": {
                    "schemas": schemas.clone(),
                    "responses": {"R": {"$ref": "#/components/schemas/D~1E"}},
                },
            });
            let mut used: Vec<String> = referenced_components(&document).into_iter().collect();
            used.sort();
            let expected: Vec<String> = expected.iter().map(|name| format!("/components/{name}")).collect();
            assert_eq!(used, expected, "{response}");
        }
        // A reference written in `components` or in a kind, beside the components, is outside them.
        let beside = json!({"components": {"schemas": {"$ref": "#/components/schemas/A", "A": {}}}});
        assert_eq!(referenced_components(&beside), HashSet::from(["/components/schemas/A".to_owned()]));
    }
}
