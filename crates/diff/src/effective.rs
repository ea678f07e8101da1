//! The effective schema at one place: its `$ref`s followed, its nullability taken apart.
//! What [`super::schema`], [`super::keywords`] and [`super::composition`] each compare; its
//! own module so that they do not import one another.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use cloudspec_vocabulary::openapi;

use super::compare::Loc;

/// A schema as a client sees it at one place.
#[derive(Debug)]
pub(super) struct Effective<'a> {
    /// Each keyword and where it is written; a `$ref`'s siblings override its target's.
    pub keywords: Vec<(&'a str, Loc<'a>)>,
    /// Where the schema's own keywords live: the last `$ref` target, or where it is written.
    pub at: String,
    pub nullable: bool,
    /// Where `null` is admitted, to report a schema becoming nullable there.
    pub null_at: Option<String>,
}

impl<'a> Effective<'a> {
    pub(super) fn of(document: &'a Value, loc: &Loc<'a>) -> Self {
        let mut effective = Self { keywords: Vec::new(), at: loc.at.clone(), nullable: false, null_at: None };
        let mut current = loc.clone();
        for _ in 0..32 {
            let Some(map) = current.value.as_object() else { break };
            effective.at.clone_from(&current.at);
            let mut next = None;
            for (key, value) in map {
                match key.as_str() {
                    "$ref" => {
                        if let Some(target) = openapi::ref_target(current.value)
                            && let Some(resolved) = document.pointer(target)
                        {
                            next = Some(Loc::new(resolved, target));
                        }
                    }
                    "nullable" if value.as_bool() == Some(true) => {
                        effective.admit_null(&current, key);
                    }
                    "oneOf" | "anyOf" if nullable_branch(value).is_some() => {
                        effective.admit_null(&current, key);
                        let index = nullable_branch(value).unwrap_or_default();
                        next = current.get(key).and_then(|list| list.index(index));
                    }
                    _ => {
                        if !effective.keywords.iter().any(|(known, _)| known == key)
                            && let Some(keyword) = current.get(key)
                        {
                            effective.keywords.push((key, keyword));
                        }
                    }
                }
            }
            match next {
                Some(next) => current = next,
                None => break,
            }
        }
        let null_type = effective
            .keyword("type")
            .filter(|kind| kind.value.as_array().is_some_and(|kinds| kinds.iter().any(|kind| kind == "null")))
            .map(|kind| kind.at.clone());
        if let Some(at) = null_type {
            effective.nullable = true;
            effective.null_at.get_or_insert(at);
        }
        effective
    }

    fn admit_null(&mut self, holder: &Loc<'_>, key: &str) {
        self.nullable = true;
        self.null_at
            .get_or_insert_with(|| format!("{}/{}", holder.at, cloudspec_vocabulary::pointer::escape(key)));
    }

    pub(super) fn keyword(&self, key: &str) -> Option<&Loc<'a>> {
        self.keywords.iter().find(|(known, _)| *known == key).map(|(_, loc)| loc)
    }

    /// The types other than `null`, sorted; `None` when the schema names none (any type).
    pub(super) fn types(&self) -> Option<BTreeSet<&'a str>> {
        let kinds: Vec<&'a str> = match self.keyword("type")?.value {
            Value::String(kind) => vec![kind.as_str()],
            Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => return None,
        };
        Some(kinds.into_iter().filter(|kind| *kind != "null").collect())
    }

    /// The keywords that constrain values, without those that only document: two
    /// properties of the same shape under different names are a rename.
    pub(super) fn shape(&self) -> Map<String, Value> {
        let mut shape: Map<String, Value> = self
            .keywords
            .iter()
            .filter(|(key, _)| !DOCS.contains(key))
            .map(|(key, loc)| ((*key).to_owned(), loc.value.clone()))
            .collect();
        shape.insert("nullable".into(), json!(self.nullable));
        shape
    }

    /// The place to report a change of `key`: the keyword if written, else the schema.
    pub(super) fn place(&self, key: &str) -> String {
        self.keyword(key).map_or_else(|| self.at.clone(), |loc| loc.at.clone())
    }

    pub(super) fn flag(&self, key: &str) -> bool {
        self.keyword(key).and_then(|loc| loc.value.as_bool()).unwrap_or(false)
    }
}

/// The index of the one branch that is not `{type: "null"}`, if `value` is a list of two
/// with one such branch: how utoipa writes an `Option` of a `$ref`.
fn nullable_branch(value: &Value) -> Option<usize> {
    let branches = value.as_array()?;
    let null = branches.iter().position(openapi::is_null_type)?;
    (branches.len() == 2).then_some(1 - null)
}

/// Keywords that only document: a schema made of nothing else constrains nothing.
pub(super) const DOCS: [&str; 6] =
    ["description", "title", "example", "examples", "externalDocs", "$comment"];

/// Keywords whose value maps names to schemas: the names are data, never documentation.
const NAMED_SCHEMAS: [&str; 5] =
    ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];
/// Keywords whose value is data, compared as it is.
const DATA: [&str; 3] = ["enum", "const", "default"];

/// `schema` without what only documents it, at every depth: two schemas equal this way admit
/// the same values.
pub(super) fn undocumented(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, _)| !DOCS.contains(&key.as_str()))
                .map(|(key, value)| {
                    let value = match value {
                        Value::Object(named) if NAMED_SCHEMAS.contains(&key.as_str()) => Value::Object(
                            named.iter().map(|(name, schema)| (name.clone(), undocumented(schema))).collect(),
                        ),
                        _ if DATA.contains(&key.as_str()) => value.clone(),
                        _ => undocumented(value),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(undocumented).collect()),
        other => other.clone(),
    }
}
