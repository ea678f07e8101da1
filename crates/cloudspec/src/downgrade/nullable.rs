//! Null. 3.1 admits null as a type (`type: [T, "null"]`) or as a member of a union
//! (`oneOf: [X, {type: "null"}]`, which utoipa writes for an `Option` of a named type); 3.0
//! has `nullable: true`, and no union of types at all. Under OAS 3.0.3, `nullable` has effect
//! only beside a `type` in the same schema: `allOf: [X], nullable: true` or `oneOf: [A, B],
//! nullable: true` admit no null at all, and strict validators (openapi-schema-validator,
//! Spectral, Redocly's `nullable-type-sibling`) read them so. So null always goes beside a
//! `type`:
//!
//! - `type: [T, "null"]` becomes `type: T, nullable: true`: schemars' `AddNullable`.
//! - `type: "null"` alone becomes `enum: [null]`, which admits null alone: there is no `type`
//!   for `nullable` to extend.
//! - `oneOf`/`anyOf` `[X, {type: "null"}]` becomes X's own keywords beside `nullable: true`;
//!   the union's annotations (its `description`) win over X's. X a reference: the schema it
//!   names is inlined, which is noted, since a reference cannot take `nullable`.
//! - With more members, the union stays without its null member, and the first member with
//!   a `type` (or else the first reference to a schema with one, inlined) takes `nullable`.
//! - A member that takes null and has an `enum` gets null in it, as 3.0.3 asks.
//! - `type: [A, B, ...]` becomes `anyOf: [{type: A}, {type: B}, ...]`: the other keywords
//!   stay beside it, where JSON Schema applies each to the types it concerns; null among
//!   them goes to the first.
//!
//! Only a union none of whose members has a type loses its null, and that is noted.

use schemars::Schema;
use schemars::transform::{AddNullable, Transform};
use serde_json::{Map, Value, json};

use super::{Note, Notes};

const RULE: &str = "nullable";

/// Keywords that say what a schema is rather than constrain it: where a union and the member
/// it collapses into both have one, the union's wins (a description keeps the member's after
/// its own).
const ANNOTATIONS: [&str; 6] = ["title", "description", "example", "examples", "deprecated", "externalDocs"];

/// `oneOf`/`anyOf` with a null member. `document` is the 3.1 document, where a member's
/// reference is looked up.
pub(super) fn union(schema: &mut Map<String, Value>, document: &Value, notes: &mut Notes<'_>) {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(members)) = schema.get(key) else { continue };
        let (nulls, others): (Vec<&Value>, Vec<&Value>) = members.iter().partition(|member| is_null(member));
        if nulls.is_empty() || others.is_empty() {
            continue;
        }
        let mut others: Vec<Value> = others.into_iter().cloned().collect();
        admit_null(&mut others, document, notes);
        let mut rest = std::mem::take(schema);
        rest.shift_remove(key);
        *schema = match <[Value; 1]>::try_from(others) {
            Ok([Value::Object(only)]) if mergeable(&only, &rest) => {
                let mut merged = only;
                // The member's own description (an inlined component's) follows the union's,
                // rather than being lost under it.
                let inner = merged.get("description").and_then(Value::as_str).map(str::to_owned);
                for (name, value) in rest {
                    merged.insert(name, value);
                }
                if let (Some(inner), Some(Value::String(outer))) = (inner, merged.get_mut("description"))
                    && *outer != inner
                {
                    outer.push_str("\n\n");
                    outer.push_str(&inner);
                }
                merged
            }
            Ok([only]) => {
                rest.insert("allOf".into(), json!([only]));
                rest
            }
            Err(others) => {
                rest.insert(key.into(), Value::Array(others));
                rest
            }
        };
    }
}

/// Makes one of `members` admit null: the first with a `type`, or else the first reference
/// to a schema with one, which is inlined in its place.
fn admit_null(members: &mut [Value], document: &Value, notes: &mut Notes<'_>) {
    if let Some(member) = members.iter_mut().find(|member| single_type(member)) {
        make_nullable(member);
        return;
    }
    for member in members.iter_mut() {
        let Some(reference) = member.get("$ref").and_then(Value::as_str).map(str::to_owned) else { continue };
        let (target, _) = cloudspec_schema::openapi::resolve(document, member, "");
        let Some(target) = target.as_object().filter(|target| single_type_of(target)) else { continue };
        let mut inlined = target.clone();
        for (name, value) in member.as_object().into_iter().flatten() {
            if name != "$ref" {
                inlined.insert(name.clone(), value.clone());
            }
        }
        *member = Value::Object(inlined);
        make_nullable(member);
        notes.lost(RULE, &Note::InlinedReference { reference });
        return;
    }
    notes.lost(RULE, &Note::NullLost);
}

/// `nullable: true`, and null in the member's `enum` if it has one.
fn make_nullable(member: &mut Value) {
    let Some(object) = member.as_object_mut() else { return };
    if let Some(Value::Array(values)) = object.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    object.insert("nullable".into(), json!(true));
}

/// Whether the member a union collapses into can take the union's other keywords beside its
/// own: they share annotations at most.
fn mergeable(only: &Map<String, Value>, rest: &Map<String, Value>) -> bool {
    only.keys().all(|key| !rest.contains_key(key) || ANNOTATIONS.contains(&key.as_str()))
}

/// Whether a schema has one `type` besides null, for `nullable` to extend.
fn single_type(schema: &Value) -> bool {
    schema.as_object().is_some_and(single_type_of)
}

fn single_type_of(schema: &Map<String, Value>) -> bool {
    match schema.get("type") {
        Some(Value::String(name)) => name != "null",
        Some(Value::Array(names)) => names.iter().filter(|name| *name != "null").count() == 1,
        _ => false,
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
pub(super) fn type_union(schema: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = schema.get("type") else { return };
    let admits_null = types.iter().any(|name| name == "null");
    let mut named: Vec<Value> =
        types.iter().filter(|name| *name != "null").map(|name| json!({ "type": name })).collect();
    if named.len() < 2 {
        return; // one type and null: `AddNullable` below.
    }
    if admits_null {
        make_nullable(&mut named[0]);
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
}

/// `type: "null"` alone to `enum: [null]`.
pub(super) fn null_only(schema: &mut Map<String, Value>) {
    let only_null = match schema.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Array(names)) => !names.is_empty() && names.iter().all(|name| name == "null"),
        _ => false,
    };
    if !only_null {
        return;
    }
    schema.shift_remove("type");
    if !schema.contains_key("enum") && !schema.contains_key("const") {
        schema.insert("enum".into(), json!([null]));
    }
}

/// `type: [T, "null"]` to `type: T, nullable: true`, over the whole schema.
pub(super) fn apply(schema: &mut Schema) {
    AddNullable::default().transform(schema);
}
