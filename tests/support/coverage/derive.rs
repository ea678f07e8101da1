//! Fixtures for the requirements nothing covers, derived from a body of the status (its
//! documented example, or the least body its schema accepts) by changing it where each
//! requirement's place governs a value. Changes of one kind share a fixture wherever they
//! touch different values, so a large schema needs a few files, not hundreds; the validator
//! reports each change on its own, and a change counts only once it is reported.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use super::cover::Coverage;
use super::{Kind, Reach, Requirement};

/// A fixture derived for requirements nothing covered.
#[derive(Debug)]
pub struct Derived {
    pub kind: Kind,
    pub status: String,
    /// What its changes have in common (`wrong-types`, `nulls`): the stem of its file name.
    pub group: &'static str,
    pub body: Value,
    /// The places it covers.
    pub covers: BTreeSet<String>,
    /// The values it changed, as paths from the root.
    touched: Vec<Vec<String>>,
}

/// Derives fixtures that cover `missing`, from `documented` (the documented body of each
/// status that has one). Returns them, and the requirements no change could cover.
pub fn derive_missing<'r>(
    coverage: &mut Coverage,
    requirements: &[Requirement],
    missing: &[&'r Requirement],
    documented: &BTreeMap<String, Value>,
) -> (Vec<Derived>, Vec<&'r Requirement>) {
    let document = coverage.document().clone();
    let mut derived: Vec<Derived> = Vec::new();
    let mut underived = Vec::new();
    for requirement in missing {
        let place = &requirement.place;
        if derived.iter().any(|fixture| fixture.kind == requirement.kind && fixture.covers.contains(place)) {
            continue;
        }
        let mut reached: Vec<&Reach> = requirement.reached.iter().collect();
        reached.sort_by_key(|reach| !documented.contains_key(&reach.status));
        let done = reached.into_iter().any(|reach| {
            let base = match documented.get(&reach.status) {
                Some(body) => body.clone(),
                None => match synthesize(&document, &json!({ "$ref": format!("#{}", reach.root) }), 0) {
                    Some(body) => body,
                    None => return false,
                },
            };
            let touched = touched_path(requirement, reach);
            let fits = |fixture: &Derived| {
                fixture.kind == requirement.kind
                    && fixture.group == requirement.group()
                    && fixture.status == reach.status
                    && !fixture
                        .touched
                        .iter()
                        .any(|other| is_prefix(other, &touched) || is_prefix(&touched, other))
            };
            for fixture in derived.iter_mut().filter(|fixture| fits(fixture)) {
                if let Some((body, covers)) =
                    change(coverage, requirements, &document, &fixture.body, requirement, reach)
                    && covers.is_superset(&fixture.covers)
                {
                    fixture.body = body;
                    fixture.covers = covers;
                    fixture.touched.push(touched);
                    return true;
                }
            }
            match change(coverage, requirements, &document, &base, requirement, reach) {
                Some((body, covers)) => {
                    derived.push(Derived {
                        kind: requirement.kind,
                        status: reach.status.clone(),
                        group: requirement.group(),
                        body,
                        covers,
                        touched: vec![touched],
                    });
                    true
                }
                None => false,
            }
        });
        if !done {
            underived.push(*requirement);
        }
    }
    for fixture in &derived {
        coverage.covered.extend(fixture.covers.iter().map(|place| (fixture.kind, place.clone())));
    }
    (derived, underived)
}

/// `body` changed so that it covers `requirement`, and what it then covers; `None` when no
/// change of the value the place governs does.
fn change(
    coverage: &mut Coverage,
    requirements: &[Requirement],
    document: &Value,
    body: &Value,
    requirement: &Requirement,
    reach: &Reach,
) -> Option<(Value, BTreeSet<String>)> {
    let mut materialized = body.clone();
    let target = materialize(document, &mut materialized, reach)?.clone();
    for candidate in candidates(document, requirement, &target) {
        let mut changed = materialized.clone();
        let slot = value_at(&mut changed, reach)?;
        match (&candidate, requirement.member.as_deref()) {
            (None, Some(member)) => {
                slot.as_object_mut()?.remove(member);
            }
            (Some(value), _) => *slot = value.clone(),
            (None, None) => continue,
        }
        let covers = match requirement.kind {
            Kind::Invalid => coverage.broken(&reach.root, &changed),
            Kind::Valid => coverage.used(&reach.root, &changed, requirements),
        };
        if covers.contains(&requirement.place) {
            return Some((changed, covers));
        }
    }
    None
}

/// The values to try in place of `target` (`None`: leave out the `required` member).
fn candidates(document: &Value, requirement: &Requirement, target: &Value) -> Vec<Option<Value>> {
    let at = |place: &str| document.pointer(place).cloned().unwrap_or_default();
    let limit = || at(&requirement.place);
    let count = || usize::try_from(limit().as_u64().unwrap_or(0)).unwrap_or(0);
    let values: Vec<Value> = match requirement.keyword {
        "required" => return vec![None],
        "type" | "oneOf" | "anyOf" => {
            // A container's wrong type is the other container, so that a body stays an object or an array.
            let kinds = limit();
            let admits = |kind: &str| {
                kinds == kind || kinds.as_array().is_some_and(|kinds| kinds.iter().any(|k| k == kind))
            };
            let container =
                if admits("object") { Some(json!([])) } else { admits("array").then(|| json!({})) };
            container
                .into_iter()
                .chain([json!(12345), json!("12345"), json!(true), json!([]), Value::Null])
                .collect()
        }
        "enum" | "const" | "x-extensible-enum" => {
            let listed = limit();
            let listed = listed.as_array().cloned().unwrap_or_else(|| vec![listed]);
            let next = listed.iter().filter_map(Value::as_i64).max().map(|max| json!(max + 1));
            next.into_iter().chain([json!("unlisted"), json!("off-the-list")]).collect()
        }
        "maxLength" => vec![json!("x".repeat(count() + 1))],
        "minLength" => vec![json!("x".repeat(count().saturating_sub(1)))],
        "x-max-bytes" => vec![json!("镜".repeat(count() / 3 + 1)), json!("x".repeat(count() + 1))],
        "pattern" => ["", " ", "#", "x", "0"].into_iter().map(Value::from).collect(),
        "minimum" | "exclusiveMaximum" => vec![step(&limit(), -1, requirement.keyword == "minimum")],
        "maximum" | "exclusiveMinimum" => vec![step(&limit(), 1, requirement.keyword == "maximum")],
        "multipleOf" => vec![json!(limit().as_f64().unwrap_or(1.0) * 1.5)],
        "minItems" | "maxItems" | "uniqueItems" => {
            let items = target.as_array().cloned().unwrap_or_default();
            let first = items.first().cloned().or_else(|| {
                let schema =
                    requirement.place.rsplit_once('/').map(|(schema, _)| format!("{schema}/items"))?;
                synthesize(document, &at(&schema), 0)
            });
            match requirement.keyword {
                "minItems" => vec![json!(items[..count().saturating_sub(1).min(items.len())].to_vec())],
                "maxItems" => first.map(|first| json!(vec![first; count() + 1])).into_iter().collect(),
                _ => first.map(|first| json!([first.clone(), first])).into_iter().collect(),
            }
        }
        "additionalProperties" => {
            let mut object = target.as_object().cloned().unwrap_or_default();
            object.insert("unexpected-member".to_owned(), json!(1));
            vec![Value::Object(object)]
        }
        "null" => vec![Value::Null],
        _ => Vec::new(),
    };
    values.into_iter().map(Some).collect()
}

/// The number one `by` beyond `limit`: itself for an exclusive limit (`inclusive` false).
fn step(limit: &Value, by: i32, inclusive: bool) -> Value {
    match (limit.as_i64(), inclusive) {
        (Some(limit), true) => json!(limit + i64::from(by)),
        (Some(limit), false) => json!(limit),
        (None, true) => json!(limit.as_f64().unwrap_or(0.0) + f64::from(by)),
        (None, false) => limit.clone(),
    }
}

/// The path of the value a requirement changes: for a `required` entry, the member.
fn touched_path(requirement: &Requirement, reach: &Reach) -> Vec<String> {
    reach.steps.iter().map(|step| step.token.clone()).chain(requirement.member.clone()).collect()
}

fn is_prefix(prefix: &[String], path: &[String]) -> bool {
    path.starts_with(prefix)
}

/// Makes `body` hold a value at each step of `reach`, adding the least value its schema
/// accepts where one is missing, and returns the value at the end.
fn materialize<'b>(document: &Value, body: &'b mut Value, reach: &Reach) -> Option<&'b mut Value> {
    let mut current = body;
    for step in &reach.steps {
        let schema = document.pointer(&step.schema)?;
        current = match current {
            Value::Object(members) => {
                if !members.contains_key(&step.token) {
                    members.insert(step.token.clone(), synthesize(document, schema, 0)?);
                }
                members.get_mut(&step.token)?
            }
            Value::Array(items) => {
                let index: usize = step.token.parse().ok()?;
                while items.len() <= index {
                    items.push(synthesize(document, schema, 0)?);
                }
                items.get_mut(index)?
            }
            _ => return None,
        };
    }
    Some(current)
}

fn value_at<'b>(body: &'b mut Value, reach: &Reach) -> Option<&'b mut Value> {
    body.pointer_mut(&reach.json_pointer())
}

/// The least value `schema` accepts, as far as a simple reading of it tells: the first
/// listed value, an object of its required members, an empty array, an empty string, zero.
fn synthesize(document: &Value, schema: &Value, depth: usize) -> Option<Value> {
    if depth > 16 {
        return None;
    }
    let (schema, _) = cloudspec_schema::openapi::resolve(document, schema, "");
    let Some(map) = schema.as_object() else { return Some(json!({})) };
    for listed in ["const", "enum", "x-extensible-enum"] {
        if let Some(value) = map.get(listed) {
            return Some(value.as_array().and_then(|values| values.first()).unwrap_or(value).clone());
        }
    }
    if let Some(branches) = map.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for branch in branches {
            if let Value::Object(members) = synthesize(document, branch, depth + 1)? {
                merged.extend(members);
            }
        }
        return Some(Value::Object(merged));
    }
    for combinator in ["oneOf", "anyOf"] {
        if let Some(branches) = map.get(combinator).and_then(Value::as_array) {
            let branch = branches.iter().find(|branch| !cloudspec_schema::openapi::is_null_type(branch))?;
            return synthesize(document, branch, depth + 1);
        }
    }
    let kind = match map.get("type") {
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).find(|kind| *kind != "null"),
        Some(kind) => kind.as_str(),
        None => map.contains_key("properties").then_some("object"),
    };
    let length =
        |key: &str| map.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
    Some(match kind? {
        "object" => {
            let properties = map.get("properties").and_then(Value::as_object);
            let mut object = Map::new();
            for member in cloudspec_schema::openapi::required(map) {
                let property = properties.and_then(|properties| properties.get(member))?;
                object.insert(member.to_owned(), synthesize(document, property, depth + 1)?);
            }
            Value::Object(object)
        }
        "array" => {
            let item =
                map.get("items").map_or(Some(Value::Null), |items| synthesize(document, items, depth + 1))?;
            Value::Array(vec![item; length("minItems")])
        }
        "string" => json!("x".repeat(length("minLength"))),
        "integer" | "number" => map.get("minimum").cloned().unwrap_or(json!(0)),
        "boolean" => json!(false),
        _ => Value::Null,
    })
}
