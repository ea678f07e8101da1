//! Null. 3.1 admits null as a type (`type: [T, "null"]`) or as a member of a union
//! (`oneOf: [X, {type: "null"}]`, which utoipa writes for an `Option` of a named type); 3.0
//! has `nullable: true` beside one `type`, and no union of types at all.
//!
//! - `type: [T, "null"]` becomes `type: T, nullable: true`: schemars' `AddNullable`.
//! - `oneOf`/`anyOf` `[X, {type: "null"}]` becomes `allOf: [X], nullable: true` for a
//!   reference (its sibling annotations move up beside `nullable`), or X's own keywords
//!   beside `nullable: true` for an inline schema; with more members, the union stays
//!   without its null member.
//! - `type: [A, B, ...]` becomes `anyOf: [{type: A}, {type: B}, ...]`: the other keywords
//!   stay beside it, where JSON Schema applies each to the types it concerns.
//!
//! None of these loses anything.

use schemars::Schema;
use schemars::transform::{AddNullable, Transform};
use serde_json::{Map, Value, json};

/// `oneOf`/`anyOf` with a null member.
pub fn union(schema: &mut Map<String, Value>) {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(members)) = schema.get(key) else { continue };
        let (nulls, others): (Vec<&Value>, Vec<&Value>) = members.iter().partition(|member| is_null(member));
        if nulls.is_empty() || others.is_empty() {
            continue;
        }
        let others: Vec<Value> = others.into_iter().cloned().collect();
        let rest = std::mem::take(schema);
        let mut rewritten = Map::new();
        let mut hoisted = Map::new();
        match <[Value; 1]>::try_from(others) {
            Ok([Value::Object(mut only)]) if only.contains_key("$ref") => {
                let target = only.shift_remove("$ref").expect("checked");
                hoisted = only;
                rewritten.insert("allOf".into(), json!([{ "$ref": target }]));
            }
            Ok([Value::Object(only)]) if only.keys().all(|k| !rest.contains_key(k)) => {
                rewritten.extend(only);
            }
            Ok([only]) => {
                rewritten.insert("allOf".into(), json!([only]));
            }
            Err(others) => {
                rewritten.insert(key.into(), Value::Array(others));
            }
        }
        rewritten.insert("nullable".into(), json!(true));
        for (name, value) in rest {
            if name != key {
                rewritten.entry(name).or_insert(value);
            }
        }
        for (name, value) in hoisted {
            rewritten.entry(name).or_insert(value);
        }
        *schema = rewritten;
    }
}

/// A member of a union that admits null alone: `{type: "null"}`, with annotations at most.
fn is_null(member: &Value) -> bool {
    let Some(object) = member.as_object() else { return false };
    let null_type = match object.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Array(names)) => names.len() == 1 && names[0] == "null",
        _ => false,
    };
    null_type && object.keys().all(|key| matches!(key.as_str(), "type" | "description" | "title"))
}

/// `type` naming two types or more, besides null.
pub fn type_union(schema: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = schema.get("type") else { return };
    let admits_null = types.iter().any(|name| name == "null");
    let named: Vec<Value> =
        types.iter().filter(|name| *name != "null").map(|name| json!({ "type": name })).collect();
    if named.len() < 2 {
        return; // one type and null: `AddNullable` below.
    }
    schema.shift_remove("type");
    if schema.contains_key("anyOf") {
        let all_of = schema.entry("allOf").or_insert_with(|| json!([]));
        if let Some(all_of) = all_of.as_array_mut() {
            all_of.push(json!({ "anyOf": named }));
        }
    } else {
        schema.insert("anyOf".into(), Value::Array(named));
    }
    if admits_null {
        schema.insert("nullable".into(), json!(true));
    }
}

/// `type: [T, "null"]` to `type: T, nullable: true`, over the whole schema.
pub fn apply(schema: &mut Schema) {
    AddNullable::default().transform(schema);
}
