//! Keywords that hold subschemas (`items`, `contains`, `if`, `patternProperties`,
//! `prefixItems`...) and `dependentRequired`. A constraint that appears narrows what is
//! valid, one that goes widens it; where both sides have it, its subschemas are compared in
//! the same direction.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::compare::{Comparer, Loc, Side};
use super::effective::Effective;
use super::rules::{self, Directed, Direction};

/// How a keyword holds its subschemas.
#[derive(Clone, Copy, Debug)]
enum Holds {
    One,
    /// A map from a name or pattern to a schema.
    Map,
}

/// The rules for a constraint added, and for one removed.
type AddedRemoved = (Directed, Directed);

/// Each keyword, how it holds schemas, and its rules for a constraint added and removed
/// (`None`: any other difference is compared generically).
const SUBSCHEMAS: [(&str, Holds, Option<AddedRemoved>); 12] = [
    ("items", Holds::One, None),
    ("additionalProperties", Holds::One, None),
    ("contains", Holds::One, Some((rules::CONTAINS_ADDED, rules::CONTAINS_REMOVED))),
    ("propertyNames", Holds::One, Some((rules::PROPERTY_NAMES_ADDED, rules::PROPERTY_NAMES_REMOVED))),
    ("contentSchema", Holds::One, Some((rules::CONTENT_SCHEMA_ADDED, rules::CONTENT_SCHEMA_REMOVED))),
    ("unevaluatedItems", Holds::One, Some((rules::UNEVALUATED_ADDED, rules::UNEVALUATED_REMOVED))),
    ("unevaluatedProperties", Holds::One, Some((rules::UNEVALUATED_ADDED, rules::UNEVALUATED_REMOVED))),
    ("if", Holds::One, Some((rules::CONDITIONAL_ADDED, rules::CONDITIONAL_REMOVED))),
    ("then", Holds::One, Some((rules::CONDITIONAL_ADDED, rules::CONDITIONAL_REMOVED))),
    ("else", Holds::One, Some((rules::CONDITIONAL_ADDED, rules::CONDITIONAL_REMOVED))),
    (
        "patternProperties",
        Holds::Map,
        Some((rules::PATTERN_PROPERTIES_ADDED, rules::PATTERN_PROPERTIES_REMOVED)),
    ),
    (
        "dependentSchemas",
        Holds::Map,
        Some((rules::DEPENDENT_SCHEMAS_ADDED, rules::DEPENDENT_SCHEMAS_REMOVED)),
    ),
];

/// Keywords this module compares.
pub(super) const HANDLED: [&str; 14] = [
    "items",
    "additionalProperties",
    "contains",
    "propertyNames",
    "contentSchema",
    "unevaluatedItems",
    "unevaluatedProperties",
    "if",
    "then",
    "else",
    "patternProperties",
    "dependentSchemas",
    "prefixItems",
    "dependentRequired",
];

/// A schema that admits everything, `true` or `{}`: the same as no constraint.
fn trivial(value: &Value) -> bool {
    value == &Value::Bool(true) || value.as_object().is_some_and(serde_json::Map::is_empty)
}

impl Comparer<'_> {
    /// Every subschema keyword of the two effective schemas.
    pub(super) fn subschemas(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        for (key, holds, rules) in SUBSCHEMAS {
            let (before, after) = (b.keyword(key), a.keyword(key));
            match holds {
                Holds::One => self.subschema(key, before, after, rules, direction),
                Holds::Map => {
                    // Each entry is a constraint of its own.
                    let Some(rules) = rules else { continue };
                    let names = |loc: Option<&Loc<'_>>| -> Vec<String> {
                        loc.map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
                    };
                    let mut names_all = names(after);
                    names_all.extend(names(before).into_iter().filter(|name| !names(after).contains(name)));
                    for name in names_all {
                        let (sb, sa) =
                            (before.and_then(|loc| loc.get(&name)), after.and_then(|loc| loc.get(&name)));
                        self.subschema(&name, sb.as_ref(), sa.as_ref(), Some(rules), direction);
                    }
                }
            }
        }
        let (before, after) = (b.keyword("prefixItems"), a.keyword("prefixItems"));
        let length = |loc: Option<&Loc<'_>>| loc.map_or(0, |loc| loc.array().len());
        for index in 0..length(before).max(length(after)) {
            let (sb, sa) = (before.and_then(|loc| loc.index(index)), after.and_then(|loc| loc.index(index)));
            let rules = Some((rules::PREFIX_ITEMS_ADDED, rules::PREFIX_ITEMS_REMOVED));
            self.subschema("prefixItems", sb.as_ref(), sa.as_ref(), rules, direction);
        }
        self.dependent_required(b, a, direction);
    }

    /// One subschema, either side possibly missing.
    fn subschema(
        &mut self,
        key: &str,
        before: Option<&Loc<'_>>,
        after: Option<&Loc<'_>>,
        rules: Option<AddedRemoved>,
        direction: Direction,
    ) {
        match (before, after, rules) {
            (Some(sb), Some(sa), _) if sb.value.is_object() && sa.value.is_object() => {
                self.schema(sb, sa, direction);
            }
            (_, _, Some((added, removed))) => {
                match (before.filter(|loc| !trivial(loc.value)), after.filter(|loc| !trivial(loc.value))) {
                    (None, Some(sa)) => self.record_pair(added.at(direction), None, Some(sa)),
                    (Some(sb), None) => self.record_pair(removed.at(direction), Some(sb), None),
                    _ => self.generic(key, before, after),
                }
            }
            _ => self.generic(key, before, after),
        }
    }

    /// `dependentRequired`: each (property, the property it requires) pair.
    fn dependent_required(&mut self, b: &Effective<'_>, a: &Effective<'_>, direction: Direction) {
        let pairs = |loc: Option<&Loc<'_>>| -> BTreeSet<(String, String)> {
            let Some(map) = loc.and_then(|loc| loc.value.as_object()) else { return BTreeSet::new() };
            map.iter()
                .flat_map(|(name, needs)| {
                    needs
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(|need| (name.clone(), need.to_owned()))
                })
                .collect()
        };
        let (before, after) = (b.keyword("dependentRequired"), a.keyword("dependentRequired"));
        let (old, new) = (pairs(before), pairs(after));
        let listed =
            |set: &BTreeSet<(String, String)>, other: &BTreeSet<(String, String)>| -> Option<Value> {
                let found: Vec<String> =
                    set.difference(other).map(|(name, need)| format!("{name} -> {need}")).collect();
                (!found.is_empty()).then(|| json!(found))
            };
        let at = a.place("dependentRequired");
        if let Some(added) = listed(&new, &old) {
            self.record(rules::DEPENDENT_REQUIRED_ADDED.at(direction), Side::After, &at, None, Some(added));
        }
        if let Some(removed) = listed(&old, &new) {
            let (side, at) = match after {
                Some(_) => (Side::After, at),
                None => (Side::Before, b.place("dependentRequired")),
            };
            self.record(rules::DEPENDENT_REQUIRED_REMOVED.at(direction), side, &at, Some(removed), None);
        }
    }
}
