//! The requirements of a document's response schemas, found by walking each from its root.

use std::collections::HashSet;

use cloudspec_schema::pointer;
use serde_json::Value;

use super::{Kind, Reach, Requirement, Step};

/// Keywords a body can break that are limits: each asks for one `invalid/` fixture.
const LIMITS: [&str; 14] = [
    "minLength",
    "maxLength",
    "pattern",
    "x-max-bytes",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
];

/// Keywords that assert nothing about a body (the validator does not assert `format`).
const ANNOTATIONS: [&str; 10] = [
    "description",
    "title",
    "format",
    "default",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$schema",
];

/// Every requirement of the response bodies of `operation_id` in `document`, in document
/// order, or the places whose keywords the walk does not know (each must be taught here,
/// so that no assertion goes without its fixture).
pub fn requirements(document: &Value, operation_id: &str) -> Result<Vec<Requirement>, Vec<String>> {
    let operation = cloudspec_schema::openapi::find(document, operation_id)
        .map(|operation| operation.pointer)
        .ok_or_else(|| vec![format!("no operation {operation_id}")])?;
    let mut walk = Walk { document, found: Vec::new(), unknown: Vec::new(), seen: HashSet::new() };
    let responses = document.pointer(&format!("{operation}/responses")).and_then(Value::as_object);
    for status in responses.into_iter().flat_map(|responses| responses.keys()) {
        let root = format!(
            "{operation}{}",
            pointer::join(["responses", status, "content", "application/json", "schema"])
        );
        if let Some(schema) = document.pointer(&root) {
            let reach = Reach { status: status.clone(), steps: Vec::new(), root: root.clone() };
            walk.schema(&root, schema, &reach, false);
        }
    }
    if walk.unknown.is_empty() { Ok(walk.found) } else { Err(walk.unknown) }
}

struct Walk<'a> {
    document: &'a Value,
    found: Vec<Requirement>,
    unknown: Vec<String>,
    /// The schemas walked, with the status and whether only allowances were looked for.
    seen: HashSet<(String, String, bool)>,
}

impl Walk<'_> {
    /// Walks the schema at `at`, which a body reaches along `reach`. Under a `oneOf` or
    /// `anyOf` (`allowances_only`) the validator reports a broken branch as the combinator's
    /// violation, so only the allowances inside count there.
    fn schema(&mut self, at: &str, schema: &Value, reach: &Reach, allowances_only: bool) {
        if !self.seen.insert((reach.status.clone(), at.to_owned(), allowances_only)) {
            return;
        }
        let Some(map) = schema.as_object() else { return };
        let assert = !allowances_only;
        for (key, value) in map {
            let place = format!("{at}/{}", pointer::escape(key));
            match key.as_str() {
                "$ref" => {
                    if let Some(target) = cloudspec_schema::openapi::ref_target(schema)
                        && let Some(referenced) = self.document.pointer(target)
                    {
                        self.schema(target, referenced, reach, allowances_only);
                    } else {
                        self.unknown
                            .push(format!("{place}: a reference that does not resolve in the document"));
                    }
                }
                "type" => {
                    if assert {
                        self.add(Kind::Invalid, "type", place.clone(), None, reach);
                    }
                    if value.as_array().is_some_and(|types| types.iter().any(|kind| kind == "null")) {
                        self.add(Kind::Valid, "null", place, None, reach);
                    }
                }
                "enum" | "const" if assert => self.add(Kind::Invalid, keyword(key), place, None, reach),
                "enum" | "const" => {}
                "x-extensible-enum" => self.add(Kind::Valid, "x-extensible-enum", place, None, reach),
                limit if LIMITS.contains(&limit) => {
                    if assert {
                        self.add(Kind::Invalid, keyword(limit), place, None, reach);
                    }
                }
                "required" => {
                    for (index, member) in value.as_array().into_iter().flatten().enumerate() {
                        if assert && let Some(member) = member.as_str() {
                            let entry = format!("{place}/{index}");
                            self.add(Kind::Invalid, "required", entry, Some(member.to_owned()), reach);
                        }
                    }
                }
                "properties" => {
                    for (name, child) in value.as_object().into_iter().flatten() {
                        let child_at = format!("{place}/{}", pointer::escape(name));
                        self.schema(&child_at, child, &reach.then(name, &child_at), allowances_only);
                    }
                }
                "items" => self.schema(&place, value, &reach.then("0", &place), allowances_only),
                "prefixItems" => {
                    for (index, child) in value.as_array().into_iter().flatten().enumerate() {
                        let child_at = format!("{place}/{index}");
                        self.schema(
                            &child_at,
                            child,
                            &reach.then(&index.to_string(), &child_at),
                            allowances_only,
                        );
                    }
                }
                "additionalProperties" => match value {
                    Value::Bool(false) if assert => {
                        self.add(Kind::Invalid, "additionalProperties", place, None, reach);
                    }
                    Value::Object(_) => {
                        self.schema(&place, value, &reach.then("unlisted-member", &place), allowances_only);
                    }
                    _ => {}
                },
                "allOf" => {
                    for (index, branch) in value.as_array().into_iter().flatten().enumerate() {
                        self.schema(&format!("{place}/{index}"), branch, reach, allowances_only);
                    }
                }
                "oneOf" | "anyOf" => {
                    if assert {
                        self.add(Kind::Invalid, keyword(key), place.clone(), None, reach);
                    }
                    for (index, branch) in value.as_array().into_iter().flatten().enumerate() {
                        let branch_at = format!("{place}/{index}");
                        if cloudspec_schema::openapi::is_null_type(branch) {
                            self.add(Kind::Valid, "null", branch_at, None, reach);
                        } else {
                            self.schema(&branch_at, branch, reach, true);
                        }
                    }
                }
                annotation if ANNOTATIONS.contains(&annotation) => {}
                _ => self.unknown.push(format!("{place}: the coverage test does not know `{key}`")),
            }
        }
    }

    fn add(
        &mut self,
        kind: Kind,
        keyword: &'static str,
        place: String,
        member: Option<String>,
        reach: &Reach,
    ) {
        let existing = self.found.iter_mut().find(|found| found.kind == kind && found.place == place);
        match existing {
            Some(found) if found.reached.iter().any(|known| known.status == reach.status) => {}
            Some(found) => found.reached.push(reach.clone()),
            None => {
                self.found.push(Requirement { kind, keyword, place, member, reached: vec![reach.clone()] });
            }
        }
    }
}

impl Reach {
    /// The way one step further: into member or index `token`, described by the schema at `schema`.
    fn then(&self, token: &str, schema: &str) -> Self {
        let mut next = self.clone();
        next.steps.push(Step { token: token.to_owned(), schema: schema.to_owned() });
        next
    }
}

/// The keyword as a `'static` name.
fn keyword(key: &str) -> &'static str {
    ["enum", "const", "oneOf", "anyOf", "additionalProperties"]
        .into_iter()
        .chain(LIMITS)
        .find(|known| *known == key)
        .unwrap_or("unknown")
}
