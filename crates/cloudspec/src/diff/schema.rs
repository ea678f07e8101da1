//! Comparing two schemas in a direction: the effective schema at each place (its `$ref`s
//! followed, its nullability taken apart), with each change reported where it is written.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::compare::{Comparer, Loc, Side};
use super::rules::{self, Direction};
use crate::open::KNOWN_VALUES;
use crate::openapi;

/// A schema as a client sees it at one place.
#[derive(Debug)]
struct Effective<'a> {
    /// Each keyword and where it is written; a `$ref`'s siblings override its target's.
    keywords: Vec<(&'a str, Loc<'a>)>,
    /// Where the schema's own keywords live: the last `$ref` target, or where it is written.
    at: String,
    nullable: bool,
    /// Where `null` is admitted, to report a schema becoming nullable there.
    null_at: Option<String>,
}

impl<'a> Effective<'a> {
    fn of(document: &'a Value, loc: &Loc<'a>) -> Self {
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
        self.null_at.get_or_insert_with(|| format!("{}/{}", holder.at, crate::pointer::escape(key)));
    }

    fn keyword(&self, key: &str) -> Option<&Loc<'a>> {
        self.keywords.iter().find(|(known, _)| *known == key).map(|(_, loc)| loc)
    }

    /// The types other than `null`, sorted; `None` when the schema names none.
    fn types(&self) -> Option<Vec<&'a str>> {
        let kinds: Vec<&'a str> = match self.keyword("type")?.value {
            Value::String(kind) => vec![kind.as_str()],
            Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => return None,
        };
        let mut kinds: Vec<&'a str> = kinds.into_iter().filter(|kind| *kind != "null").collect();
        kinds.sort_unstable();
        Some(kinds)
    }

    /// The keywords that constrain values, without those that only document: two
    /// properties of the same shape under different names are a rename.
    fn shape(&self) -> Map<String, Value> {
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
    fn place(&self, key: &str) -> String {
        self.keyword(key).map_or_else(|| self.at.clone(), |loc| loc.at.clone())
    }
}

/// The index of the one branch that is not `{type: "null"}`, if `value` is a list of two
/// with one such branch: how utoipa writes an `Option` of a `$ref`.
fn nullable_branch(value: &Value) -> Option<usize> {
    let branches = value.as_array()?;
    let null = branches.iter().position(openapi::is_null_schema)?;
    (branches.len() == 2).then_some(1 - null)
}

const DOCS: [&str; 5] = ["description", "title", "example", "examples", "externalDocs"];

/// Limits with an upper bound: a smaller value is tighter.
const UPPER: [&str; 6] =
    ["maxLength", "x-max-bytes", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
/// Limits with a lower bound: a larger value is tighter.
const LOWER: [&str; 5] = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];

/// Keywords compared by a rule of their own in [`Comparer::schema`].
const HANDLED: [&str; 12] = [
    "type",
    "format",
    "pattern",
    "enum",
    KNOWN_VALUES,
    "properties",
    "required",
    "items",
    "additionalProperties",
    "allOf",
    "anyOf",
    "oneOf",
];

impl Comparer<'_> {
    /// Compares the schema at `before` with the one at `after`, as written by the client
    /// (`Request`) or read by it (`Response`).
    pub(super) fn schema(&mut self, before: &Loc<'_>, after: &Loc<'_>, direction: Direction) {
        let b = Effective::of(self.before.value, before);
        let a = Effective::of(self.after.value, after);
        if !self.visited.insert((b.at.clone(), a.at.clone(), direction)) {
            return;
        }
        if b.types() != a.types() {
            self.record(rules::TYPE_CHANGED, Side::After, &a.place("type"), json_types(&b), json_types(&a));
        }
        if b.nullable != a.nullable {
            let rule = if a.nullable { rules::BECAME_NULLABLE } else { rules::BECAME_NON_NULLABLE };
            let at = a.null_at.clone().unwrap_or_else(|| a.at.clone());
            self.record(
                rule.at(direction),
                Side::After,
                &at,
                Some(json!(b.nullable)),
                Some(json!(a.nullable)),
            );
        }
        for (key, rule) in [("format", rules::FORMAT_CHANGED), ("pattern", rules::PATTERN_CHANGED)] {
            if b.keyword(key).map(|loc| loc.value) != a.keyword(key).map(|loc| loc.value) {
                self.record_pair(rule, b.keyword(key), a.keyword(key));
            }
        }
        self.enumeration(&b, &a, direction);
        self.known_values(&b, &a, direction);
        for key in UPPER {
            self.limit(&b, &a, key, true, direction);
        }
        for key in LOWER {
            self.limit(&b, &a, key, false, direction);
        }
        self.properties(&b, &a, direction);
        self.subschemas(&b, &a, direction);
        self.schema_deprecation(&b, &a);

        let mut rest: Vec<&str> = a.keywords.iter().map(|(key, _)| *key).collect();
        rest.extend(b.keywords.iter().map(|(key, _)| *key).filter(|key| a.keyword(key).is_none()));
        for key in rest {
            let handled = HANDLED.contains(&key) || UPPER.contains(&key) || LOWER.contains(&key);
            if !handled && key != "deprecated" {
                self.generic(key, b.keyword(key), a.keyword(key));
            }
        }
    }

    fn enumeration(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let values = |e: &Effective<'_>| e.keyword("enum").and_then(|loc| loc.value.as_array().cloned());
        let (before, after) = (values(b), values(a));
        let (narrowed, widened) = match (&before, &after) {
            (None, None) => return,
            // An enum appearing narrows from any value; one disappearing widens to any.
            (None, Some(_)) => (true, false),
            (Some(_), None) => (false, true),
            (Some(old), Some(new)) => {
                (old.iter().any(|value| !new.contains(value)), new.iter().any(|value| !old.contains(value)))
            }
        };
        let at = a.place("enum");
        let (before, after) = (before.map(Value::Array), after.map(Value::Array));
        if narrowed {
            self.record(rules::ENUM_NARROWED.at(direction), Side::After, &at, before.clone(), after.clone());
        }
        if widened {
            self.record(rules::ENUM_WIDENED.at(direction), Side::After, &at, before, after);
        }
    }

    /// The list of an open enum: a value added to or removed from it, in either direction,
    /// with the lists before and after.
    fn known_values(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let values =
            |e: &Effective<'_>| e.keyword(KNOWN_VALUES).map(|loc| loc.array().to_vec()).unwrap_or_default();
        let (before, after) = (values(b), values(a));
        let at = a.place(KNOWN_VALUES);
        let lists = || (Some(Value::Array(before.clone())), Some(Value::Array(after.clone())));
        if before.iter().any(|value| !after.contains(value)) {
            let (old, new) = lists();
            self.record(rules::KNOWN_VALUE_REMOVED.at(direction), Side::After, &at, old, new);
        }
        if after.iter().any(|value| !before.contains(value)) {
            let (old, new) = lists();
            self.record(rules::KNOWN_VALUE_ADDED.at(direction), Side::After, &at, old, new);
        }
    }

    fn limit(&mut self, b: &Effective<'_>, a: &Effective<'_>, key: &str, upper: bool, direction: Direction) {
        let number = |e: &Effective<'_>| e.keyword(key).and_then(|loc| loc.value.as_f64());
        let tightened = match (number(b), number(a)) {
            (None, None) => return,
            (Some(old), Some(new)) if (old - new).abs() < f64::EPSILON => return,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(old), Some(new)) => (new < old) == upper,
        };
        let rule = if tightened { rules::LIMIT_TIGHTENED } else { rules::LIMIT_LOOSENED };
        self.record_pair(rule.at(direction), b.keyword(key), a.keyword(key));
    }

    fn properties(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let required = |e: &Effective<'_>| -> BTreeSet<String> {
            e.keyword("required")
                .map(|loc| loc.array().iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let (required_before, required_after) = (required(b), required(a));
        let (pb, pa) = (b.keyword("properties"), a.keyword("properties"));
        let names = |loc: Option<&Loc<'_>>| -> Vec<String> {
            loc.map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
        };
        let (old, new) = (names(pb), names(pa));

        let removed: Vec<&String> = old.iter().filter(|name| !new.contains(name)).collect();
        let mut added: Vec<&String> = new.iter().filter(|name| !old.contains(name)).collect();
        for name in new.iter().filter(|name| old.contains(name)) {
            let (Some(sb), Some(sa)) = (pb.and_then(|loc| loc.get(name)), pa.and_then(|loc| loc.get(name)))
            else {
                continue;
            };
            match (required_before.contains(name), required_after.contains(name)) {
                (false, true) => self.record(
                    rules::PROPERTY_BECAME_REQUIRED.at(direction),
                    Side::After,
                    &sa.at,
                    Some(json!(false)),
                    Some(json!(true)),
                ),
                (true, false) => self.record(
                    rules::PROPERTY_BECAME_OPTIONAL.at(direction),
                    Side::After,
                    &sa.at,
                    Some(json!(true)),
                    Some(json!(false)),
                ),
                _ => {}
            }
            self.schema(&sb, &sa, direction);
        }
        for name in removed {
            let Some(sb) = pb.and_then(|loc| loc.get(name)) else { continue };
            let shape = Effective::of(self.before.value, &sb).shape();
            let renamed = added.iter().position(|candidate| {
                pa.and_then(|loc| loc.get(candidate)).is_some_and(|sa| {
                    Effective::of(self.after.value, &sa).shape() == shape
                        && required_before.contains(name) == required_after.contains(candidate.as_str())
                })
            });
            match renamed {
                Some(index) => {
                    let candidate = added.remove(index);
                    let at = pa.and_then(|loc| loc.get(candidate)).map(|loc| loc.at).unwrap_or_default();
                    self.record(
                        rules::PROPERTY_RENAMED,
                        Side::After,
                        &at,
                        Some(json!(name)),
                        Some(json!(candidate)),
                    );
                }
                None => self.record_pair(rules::PROPERTY_REMOVED.at(direction), Some(&sb), None),
            }
        }
        for name in added {
            let Some(sa) = pa.and_then(|loc| loc.get(name)) else { continue };
            if required_after.contains(name) {
                self.record_pair(rules::PROPERTY_BECAME_REQUIRED.at(direction), None, Some(&sa));
            } else {
                self.record_pair(rules::PROPERTY_ADDED, None, Some(&sa));
            }
        }
    }

    /// `items`, `additionalProperties` and the branches of `allOf`/`anyOf`/`oneOf`, compared
    /// in the same direction when their shapes line up, generically otherwise.
    fn subschemas(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        for key in ["items", "additionalProperties"] {
            match (b.keyword(key), a.keyword(key)) {
                (Some(sb), Some(sa)) if sb.value.is_object() && sa.value.is_object() => {
                    self.schema(sb, sa, direction);
                }
                (sb, sa) => self.generic(key, sb, sa),
            }
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            match (b.keyword(key), a.keyword(key)) {
                (Some(lb), Some(la)) if lb.array().len() == la.array().len() => {
                    for index in 0..la.array().len() {
                        if let (Some(sb), Some(sa)) = (lb.index(index), la.index(index)) {
                            self.schema(&sb, &sa, direction);
                        }
                    }
                }
                (lb, la) => self.generic(key, lb, la),
            }
        }
    }

    fn schema_deprecation(&mut self, b: &Effective<'_>, a: &Effective<'_>) {
        let flag =
            |e: &Effective<'_>| e.keyword("deprecated").and_then(|loc| loc.value.as_bool()).unwrap_or(false);
        let rule = match (flag(b), flag(a)) {
            (false, true) => rules::DEPRECATED_ADDED,
            (true, false) => rules::DEPRECATED_REMOVED,
            _ => return,
        };
        self.record(rule, Side::After, &a.place("deprecated"), Some(json!(flag(b))), Some(json!(flag(a))));
    }
}

fn json_types(effective: &Effective<'_>) -> Option<Value> {
    effective.types().map(|kinds| match kinds.as_slice() {
        [one] => json!(one),
        _ => json!(kinds),
    })
}
